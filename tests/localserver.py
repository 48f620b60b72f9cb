"""A local HTTP server on 127.0.0.1 for fetch tests: routes of canned replies, every request recorded."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

import pytest


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    stall: float = 0.0  # seconds after the first half of the body
    length: bool = True  # send Content-Length


class Server:
    """Routes path -> replies (served in order, the last one repeated); records every request."""

    def __init__(self, port: int):
        self.port = port
        self.routes: dict[str, list[Reply | Callable[[dict], Reply]]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, *replies: Reply | Callable[[dict], Reply]) -> str:
        self.routes[path] = list(replies)
        return self.url(path)

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]

    def headers_for(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.requests if p == path]

    def next_reply(self, path: str, headers: dict[str, str]) -> Reply:
        with self.lock:
            self.requests.append((path, headers))
            replies = self.routes.get(path)
            if not replies:
                return Reply(404, b"not found")
            reply = replies.pop(0) if len(replies) > 1 else replies[0]
        return reply(headers) if callable(reply) else reply


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        reply = self.server.app.next_reply(self.path, dict(self.headers))
        try:
            if reply.delay:
                time.sleep(reply.delay)
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.length and reply.status != 304:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            half = len(reply.body) // 2
            if reply.stall:
                self.wfile.write(reply.body[:half])
                self.wfile.flush()
                time.sleep(reply.stall)
                self.wfile.write(reply.body[half:])
            else:
                self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.app = Server(httpd.server_address[1])
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd.app
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


