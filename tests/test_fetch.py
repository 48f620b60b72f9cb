"""Tests of pipeline.fetch against a local HTTP server on 127.0.0.1 (never the internet)."""
from __future__ import annotations

import csv
import email.utils
import hashlib
import socket
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from pipeline.document import FetchError, doc_id_for
from pipeline.fetch import (
    MANIFEST_COLUMNS,
    Fetcher,
    FetchReport,
    Snapshot,
    SnapshotStore,
    country_url,
    fetch_all,
    is_snapshot_store,
)
from pipeline.settings import load_settings
from tests.localserver import Reply

BASE_TIME = datetime(2026, 11, 29, 0, 45, 12, tzinfo=timezone.utc)
PAGE = b"<!doctype html><html><body><p>Security cooperation with Latvia.</p></body></html>"
HTML = "text/html; charset=utf-8"


class FakeTime:
    """An injected monotonic clock, wall clock and sleep: sleeping only advances the fake time."""

    def __init__(self):
        self.t = 0.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.t += seconds

    def clock(self) -> float:
        return self.t

    def now(self) -> datetime:
        return BASE_TIME + timedelta(seconds=self.t)


@pytest.fixture
def fake() -> FakeTime:
    return FakeTime()


@pytest.fixture
def settings():
    return load_settings().with_(
        min_interval=0.0, max_retries=2, backoff_base=0.5, max_backoff=10.0,
        connect_timeout=2.0, read_timeout=2.0, max_bytes=100_000, max_redirects=5,
        respect_robots=True,
    )


@pytest.fixture
def store(tmp_path) -> SnapshotStore:
    return SnapshotStore(tmp_path / "snapshots")


def fetcher_for(settings, store, fake, **kwargs) -> Fetcher:
    return Fetcher(settings, store, sleep=fake.sleep, clock=fake.clock, now=fake.now, **kwargs)


def manifest_rows(store: SnapshotStore) -> list[dict[str, str]]:
    with store.manifest.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def snapshot_files(store: SnapshotStore) -> list[Path]:
    if not store.root.exists():
        return []
    return sorted(p for p in store.root.rglob("*") if p.is_file() and p.name != "manifest.csv")


# --- tests -------------------------------------------------------------------------

def test_fetch_200_stores_snapshot_and_manifest_row(server, settings, store, fake):
    headers = {"Content-Type": HTML, "ETag": '"v1"', "Last-Modified": "Sat, 28 Nov 2026 10:00:00 GMT"}
    url = server.route("/latvia/", Reply(200, PAGE, headers))

    snap = fetcher_for(settings, store, fake).fetch(url)

    sha = hashlib.sha256(PAGE).hexdigest()
    expected_path = f"latvia/20261129T004512Z-{sha[:12]}.html"
    assert snap.new is True
    assert snap.path == expected_path
    assert (store.root / expected_path).read_bytes() == PAGE
    assert snap.read_bytes(store.root) == PAGE
    rows = manifest_rows(store)
    assert list(rows[0]) == list(MANIFEST_COLUMNS)
    assert rows == [{
        "url": url, "final_url": url, "fetched_at": "2026-11-29T00:45:12Z", "status": "200",
        "content_type": HTML, "etag": '"v1"', "last_modified": "Sat, 28 Nov 2026 10:00:00 GMT",
        "sha256": sha, "path": expected_path,
    }]
    assert hashlib.sha256((store.root / rows[0]["path"]).read_bytes()).hexdigest() == rows[0]["sha256"]
    assert store.latest(url) == Snapshot(**{**rows[0], "status": 200})
    assert store.latest_snapshots() == [store.latest(url)]
    assert doc_id_for(url) == "latvia"
    assert is_snapshot_store(store.root)


def test_fetch_is_snapshot_store_rejects_other_directories(tmp_path):
    assert not is_snapshot_store(tmp_path)
    (tmp_path / "manifest.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert not is_snapshot_store(tmp_path)
    assert not is_snapshot_store(tmp_path / "missing")


def test_fetch_304_on_second_fetch_sends_conditional_headers(server, settings, store, fake):
    last_modified = "Sat, 28 Nov 2026 10:00:00 GMT"

    def reply(headers):
        if headers.get("If-None-Match") == '"v1"':
            return Reply(304, headers={"ETag": '"v1"'})
        return Reply(200, PAGE, {"Content-Type": HTML, "ETag": '"v1"', "Last-Modified": last_modified})

    url = server.route("/latvia/", reply)
    fetcher = fetcher_for(settings, store, fake)
    first = fetcher.fetch(url)
    fake.t += 3600
    second = fetcher.fetch(url)

    page_requests = server.headers_for("/latvia/")
    assert "If-None-Match" not in page_requests[0]
    assert page_requests[1]["If-None-Match"] == '"v1"'
    assert page_requests[1]["If-Modified-Since"] == last_modified
    assert second.new is False
    assert second.path == first.path
    assert snapshot_files(store) == [store.root / first.path]
    assert len(manifest_rows(store)) == 1
    assert [s.path for s in store.latest_snapshots()] == [first.path]


def test_fetch_identical_bytes_without_etag_adds_no_snapshot(server, settings, store, fake):
    url = server.route("/latvia/", Reply(200, PAGE, {"Content-Type": HTML}))
    fetcher = fetcher_for(settings, store, fake)
    first = fetcher.fetch(url)
    fake.t += 60
    second = fetcher.fetch(url)

    second_headers = server.headers_for("/latvia/")[1]
    assert "If-None-Match" not in second_headers and "If-Modified-Since" not in second_headers
    assert second.new is False
    assert second.path == first.path and second.sha256 == first.sha256
    assert snapshot_files(store) == [store.root / first.path]
    assert [s.path for s in store.latest_snapshots()] == [first.path]


def test_fetch_changed_page_adds_snapshot_beside_old(server, settings, store, fake):
    changed = PAGE.replace(b"Latvia", b"the Republic of Latvia")
    url = server.route("/latvia/", Reply(200, PAGE, {"Content-Type": HTML, "ETag": '"v1"'}),
                       Reply(200, changed, {"Content-Type": HTML, "ETag": '"v2"'}))
    fetcher = fetcher_for(settings, store, fake)
    first = fetcher.fetch(url)
    fake.t += 86400
    second = fetcher.fetch(url)

    assert server.headers_for("/latvia/")[1]["If-None-Match"] == '"v1"'
    assert second.new is True and second.path != first.path
    assert second.path.startswith("latvia/20261130T004512Z-")
    assert (store.root / first.path).read_bytes() == PAGE
    assert (store.root / second.path).read_bytes() == changed
    assert len(snapshot_files(store)) == 2
    assert [r["etag"] for r in manifest_rows(store)] == ['"v1"', '"v2"']
    assert store.latest(url).path == second.path
    assert [s.path for s in store.latest_snapshots()] == [second.path]


def test_fetch_404_raises_naming_url_and_stores_nothing(server, settings, store, fake):
    url = server.url("/nowhere/")
    with pytest.raises(FetchError) as info:
        fetcher_for(settings, store, fake).fetch(url)
    assert str(info.value) == f"{url}: HTTP 404 Not Found"
    assert snapshot_files(store) == []
    assert not store.manifest.exists()
    assert store.latest(url) is None


def test_fetch_429_honours_retry_after_seconds(server, settings, store, fake):
    url = server.route("/busy/", Reply(429, b"slow down", {"Retry-After": "3"}),
                       Reply(200, PAGE, {"Content-Type": HTML}))
    snap = fetcher_for(settings, store, fake).fetch(url)
    assert snap.status == 200 and snap.new
    assert fake.sleeps == [3.0]
    assert server.paths().count("/busy/") == 2


def test_fetch_429_honours_retry_after_http_date_and_caps_it(server, settings, store, fake):
    when = email.utils.format_datetime(BASE_TIME + timedelta(seconds=7), usegmt=True)
    url = server.route("/busy/", Reply(503, b"", {"Retry-After": when}),
                       Reply(429, b"", {"Retry-After": "3600"}),
                       Reply(200, PAGE, {"Content-Type": HTML}))
    fetcher_for(settings, store, fake).fetch(url)
    assert fake.sleeps == [7.0, 10.0]  # the HTTP-date, then 3600 s capped at max_backoff


def test_fetch_500_then_200_retries_with_backoff(server, settings, store, fake):
    url = server.route("/flaky/", Reply(500), Reply(502), Reply(200, PAGE, {"Content-Type": HTML}))
    snap = fetcher_for(settings, store, fake).fetch(url)
    assert snap.new and snap.read_bytes(store.root) == PAGE
    assert fake.sleeps == [0.5, 1.0]


def test_fetch_persistent_500_gives_up_after_max_retries(server, settings, store, fake):
    url = server.route("/down/", Reply(500, b"oops"))
    with pytest.raises(FetchError) as info:
        fetcher_for(settings, store, fake).fetch(url)
    assert str(info.value) == f"{url}: HTTP 500 Internal Server Error (gave up after 2 retries)"
    assert server.paths().count("/down/") == 3
    assert fake.sleeps == [0.5, 1.0]
    assert snapshot_files(store) == []


def test_fetch_connection_refused_is_retried_then_reported(settings, store, fake, monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/x/"
    with pytest.raises(FetchError) as info:
        fetcher_for(settings.with_(respect_robots=False, max_retries=1), store, fake).fetch(url)
    message = str(info.value)
    assert message.startswith(f"{url}: connection failed (") and "gave up after 1 retry" in message
    assert "\n" not in message
    assert fake.sleeps == [0.5]


def test_fetch_redirect_records_final_url(server, settings, store, fake):
    old = server.route("/old/", Reply(301, b"", {"Location": "/new/"}))
    new = server.route("/new/", Reply(200, PAGE, {"Content-Type": HTML}))
    snap = fetcher_for(settings, store, fake).fetch(old)
    assert snap.url == old and snap.final_url == new
    assert snap.path.startswith("old/")
    assert manifest_rows(store)[0]["final_url"] == new


def test_fetch_redirect_loop_fails(server, settings, store, fake):
    a = server.route("/a/", Reply(302, b"", {"Location": "/b/"}))
    server.route("/b/", Reply(302, b"", {"Location": "/a/"}))
    with pytest.raises(FetchError) as info:
        fetcher_for(settings, store, fake).fetch(a)
    assert str(info.value).startswith(f"{a}: redirect loop (")
    assert snapshot_files(store) == []


def test_fetch_too_many_redirects_fails(server, settings, store, fake):
    for n in range(5):
        server.route(f"/r{n}/", Reply(307, b"", {"Location": f"/r{n + 1}/"}))
    server.route("/r5/", Reply(200, PAGE))
    start = server.url("/r0/")
    with pytest.raises(FetchError) as info:
        fetcher_for(settings.with_(max_redirects=3), store, fake).fetch(start)
    assert str(info.value) == f"{start}: too many redirects (more than 3)"
    assert "/r4/" not in server.paths()
    assert fetcher_for(settings.with_(max_redirects=5), store, fake).fetch(start).final_url == server.url("/r5/")


@pytest.mark.parametrize("reply", [Reply(200, PAGE, delay=1.5), Reply(200, PAGE, stall=1.5)],
                         ids=["before-headers", "mid-body"])
def test_fetch_read_timeout_fails(server, settings, store, fake, reply):
    url = server.route("/slow/", reply)
    quick = settings.with_(read_timeout=0.5, max_retries=0, respect_robots=False)
    started = time.monotonic()
    with pytest.raises(FetchError) as info:
        fetcher_for(quick, store, fake).fetch(url)
    assert str(info.value) == f"{url}: timed out after 0.5 s"
    assert time.monotonic() - started < 1.4
    assert snapshot_files(store) == []


@pytest.mark.parametrize("length", [True, False], ids=["content-length", "streamed"])
def test_fetch_oversized_response_fails_and_stores_nothing(server, settings, store, fake, length):
    url = server.route("/big/", Reply(200, b"x" * 5000, {"Content-Type": "text/plain"}, length=length))
    with pytest.raises(FetchError) as info:
        fetcher_for(settings.with_(max_bytes=1000), store, fake).fetch(url)
    assert str(info.value) == f"{url}: response larger than 1000 bytes"
    assert snapshot_files(store) == []
    assert not store.manifest.exists()


def test_fetch_robots_disallow_blocks_without_requesting(server, settings, store, fake):
    server.route("/robots.txt", Reply(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"}))
    private = server.url("/private/page/")
    public = server.route("/public/", Reply(200, PAGE, {"Content-Type": HTML}))
    fetcher = fetcher_for(settings, store, fake)
    with pytest.raises(FetchError) as info:
        fetcher.fetch(private)
    assert str(info.value) == f"{private}: disallowed by robots.txt"
    assert fetcher.fetch(public).new
    assert server.paths() == ["/robots.txt", "/public/"]  # robots.txt read once, private never asked
    server.route("/private/page/", Reply(200, PAGE))
    assert fetcher_for(settings.with_(respect_robots=False), store, fake).fetch(private).new


def test_fetch_robots_disallow_applies_to_redirect_target(server, settings, store, fake):
    server.route("/robots.txt", Reply(200, b"User-agent: factsheets\nDisallow: /private/\n"))
    start = server.route("/go/", Reply(302, b"", {"Location": "/private/x"}))
    with pytest.raises(FetchError) as info:
        fetcher_for(settings, store, fake).fetch(start)
    assert str(info.value) == f"{start}: disallowed by robots.txt (redirected to {server.url('/private/x')})"
    assert "/private/x" not in server.paths()


def test_fetch_robots_unavailable_blocks_the_host(server, settings, store, fake):
    server.route("/robots.txt", Reply(503))
    url = server.route("/page/", Reply(200, PAGE))
    with pytest.raises(FetchError) as info:
        fetcher_for(settings.with_(max_retries=0), store, fake).fetch(url)
    assert "robots.txt unavailable (HTTP 503 Service Unavailable)" in str(info.value)
    assert "/page/" not in server.paths()


def test_fetch_robots_crawl_delay_is_honoured(server, settings, store, fake):
    server.route("/robots.txt", Reply(200, b"User-agent: *\nCrawl-delay: 7\n"))
    urls = [server.route(p, Reply(200, PAGE + p.encode())) for p in ("/a/", "/b/")]
    fetcher = fetcher_for(settings, store, fake)
    for url in urls:
        fetcher.fetch(url)
    assert fake.sleeps == [7.0, 7.0]


def test_fetch_failed_refetch_keeps_earlier_snapshot(server, settings, store, fake):
    url = server.route("/latvia/", Reply(200, PAGE, {"Content-Type": HTML, "ETag": '"v1"'}),
                       Reply(500, b"broken"), Reply(404), Reply(200, b"x" * 5000))
    fetcher = fetcher_for(settings.with_(max_retries=0, max_bytes=1000), store, fake)
    first = fetcher.fetch(url)
    manifest_before = store.manifest.read_bytes()
    for _ in range(3):  # 500, then 404, then oversized
        with pytest.raises(FetchError):
            fetcher.fetch(url)
    assert (store.root / first.path).read_bytes() == PAGE
    assert snapshot_files(store) == [store.root / first.path]
    assert store.manifest.read_bytes() == manifest_before
    assert store.latest(url) == Snapshot(**{**first.__dict__, "new": False})


def test_fetch_user_agent_names_tool_and_contact(server, settings, store, fake):
    url = server.route("/latvia/", Reply(200, PAGE))
    custom = settings.with_(user_agent="factsheets-test/9.9", contact="ops@example.org")
    fetcher_for(custom, store, fake).fetch(url)
    agents = [headers["User-Agent"] for _, headers in server.requests]
    assert len(agents) == 2  # robots.txt and the page, both through the same session
    for agent in agents:
        assert "factsheets-test/9.9" in agent and "ops@example.org" in agent


def test_fetch_min_interval_per_host_is_respected(server, settings, store, fake):
    urls = [server.route(p, Reply(200, PAGE + p.encode())) for p in ("/a/", "/b/", "/c/", "/d/")]
    fetcher = fetcher_for(settings.with_(min_interval=5.0, respect_robots=False), store, fake)
    fetcher.fetch(urls[0])
    assert fake.sleeps == []  # the first request to a host does not wait
    fetcher.fetch(urls[1])
    assert fake.sleeps == [5.0]
    fake.t += 2.0  # time passes between requests: only the rest is waited
    fetcher.fetch(urls[2])
    assert fake.sleeps == [5.0, 3.0]
    fake.t += 60.0
    fetcher.fetch(urls[3])
    assert fake.sleeps == [5.0, 3.0]


def test_fetch_all_continues_after_failure(server, settings, store, fake):
    ok1 = server.route("/one/", Reply(200, PAGE + b"1"))
    bad = server.url("/missing/")
    ok2 = server.route("/two/", Reply(200, PAGE + b"2"))
    report = fetch_all([ok1, bad, ok2, ok1], settings, store,
                       sleep=fake.sleep, clock=fake.clock, now=fake.now)
    assert isinstance(report, FetchReport)
    assert [s.url for s in report.snapshots] == [ok1, ok2]
    assert report.failures == [(bad, f"{bad}: HTTP 404 Not Found")]
    assert [s.url for s in store.latest_snapshots()] == [ok1, ok2]


def test_fetch_country_url_default_and_custom_template(settings):
    assert country_url("Côte d'Ivoire", settings) == (
        "https://www.state.gov/u-s-security-cooperation-with-cote-d-ivoire/")
    mirror = settings.with_(url_template="http://127.0.0.1:8000/sheets/{slug}.html")
    assert country_url("Bosnia and Herzegovina", mirror) == "http://127.0.0.1:8000/sheets/bosnia-and-herzegovina.html"
    with pytest.raises(ValueError):
        country_url("  ", settings)


def test_fetch_rejects_non_http_url(settings, store, fake):
    with pytest.raises(FetchError) as info:
        fetcher_for(settings, store, fake).fetch("ftp://example.org/x")
    assert str(info.value) == "ftp://example.org/x: not an http(s) URL"
