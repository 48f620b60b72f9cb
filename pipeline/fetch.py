"""Polite, conditional fetching of fact-sheet pages into an append-only snapshot store."""
from __future__ import annotations

import csv
import email.utils
import hashlib
import http
import io
import logging
import re
import time
import urllib.robotparser
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests
from urllib3.exceptions import ReadTimeoutError

from .files import write_atomic
from .document import FetchError, UnreadableDocument, doc_id_for, slugify

LOGGER = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = (
    "url", "final_url", "fetched_at", "status", "content_type",
    "etag", "last_modified", "sha256", "path",
)
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
CHUNK_SIZE = 64 * 1024
MAX_REASON_CHARS = 200


# --- snapshots and the store ---------------------------------------------------

@dataclass
class Snapshot:
    """One stored response: a manifest row, plus whether this fetch wrote it."""

    url: str
    final_url: str
    fetched_at: str
    status: int
    content_type: str
    etag: str
    last_modified: str
    sha256: str
    path: str  # relative to the store root, always with forward slashes
    new: bool = False  # True when this fetch wrote a new snapshot file

    def read_bytes(self, store: Path | "SnapshotStore") -> bytes:
        """The stored bytes; raises UnreadableDocument if the file no longer matches sha256."""
        root = store.root if isinstance(store, SnapshotStore) else Path(store)
        data = (root / self.path).read_bytes()
        if hashlib.sha256(data).hexdigest() != self.sha256:
            raise UnreadableDocument(f"snapshot {self.path} does not match its sha256 (altered on disk)")
        return data

    def row(self) -> dict[str, str]:
        values = asdict(self)
        return {name: str(values[name]) for name in MANIFEST_COLUMNS}

    @classmethod
    def from_row(cls, row: dict[str, str]) -> "Snapshot":
        values = {name: row.get(name) or "" for name in MANIFEST_COLUMNS}
        values["status"] = int(values["status"] or 0)
        return cls(**values)


def is_snapshot_store(path: Path) -> bool:
    """True if `path` is a directory holding a manifest.csv written by this module."""
    manifest = Path(path) / MANIFEST_NAME
    if not manifest.is_file():
        return False
    try:
        with manifest.open(newline="", encoding="utf-8") as handle:
            header = next(csv.reader(handle), None)
    except (OSError, UnicodeDecodeError, csv.Error):
        return False
    return header is not None and tuple(header) == MANIFEST_COLUMNS


class SnapshotStore:
    """Snapshot files under `<root>/<doc_id>/` and an append-only `<root>/manifest.csv`.

    Snapshot files are never rewritten or deleted; manifest rows are only ever
    added, by rewriting the whole file to a temporary name and renaming it over
    the old one, so a crash leaves either the old or the new manifest.
    Single-writer: two processes must not add to one store at the same time.
    """

    def __init__(self, root: Path):
        self.root = Path(root)
        self.manifest = self.root / MANIFEST_NAME

    def __repr__(self) -> str:
        return f"SnapshotStore({str(self.root)!r})"

    def snapshots(self) -> list[Snapshot]:
        """Every manifest row, oldest first."""
        if not self.manifest.is_file():
            return []
        if not is_snapshot_store(self.root):
            raise UnreadableDocument(f"{self.manifest}: not a snapshot manifest (unexpected header)")
        with self.manifest.open(newline="", encoding="utf-8") as handle:
            return [Snapshot.from_row(row) for row in csv.DictReader(handle)]

    def latest(self, url: str) -> Snapshot | None:
        """The latest stored version of `url` (as requested, before redirects), or None."""
        found = None
        for snap in self.snapshots():
            if snap.url == url:
                found = snap
        return found

    def latest_snapshots(self) -> list[Snapshot]:
        """The latest version of every url, in the order the urls first appear in the manifest."""
        latest: dict[str, Snapshot] = {}
        for snap in self.snapshots():
            latest[snap.url] = snap  # a dict keeps each url at its first position
        return list(latest.values())

    def has_file(self, snap: Snapshot) -> bool:
        """True if the snapshot's file is still on disk."""
        return (self.root / snap.path).is_file()

    def add(self, *, url: str, final_url: str, fetched_at: datetime, status: int,
            content_type: str, etag: str, last_modified: str, data: bytes) -> Snapshot:
        """Store `data` as a new snapshot file and append its manifest row."""
        if self.manifest.exists() and not is_snapshot_store(self.root):
            raise UnreadableDocument(f"{self.manifest}: not a snapshot manifest (unexpected header)")
        sha = hashlib.sha256(data).hexdigest()
        stamp = fetched_at.astimezone(timezone.utc)
        doc_dir = doc_id_for(url) or "root"
        name = f"{stamp:%Y%m%dT%H%M%SZ}-{sha[:12]}.{_extension(content_type, data)}"
        rel = f"{doc_dir}/{name}"
        target = self.root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            if hashlib.sha256(target.read_bytes()).hexdigest() != sha:
                # Same second, same hash prefix, other bytes: never overwrite, pick a fresh name.
                rel = f"{doc_dir}/{Path(name).stem}-{sha[12:20]}{Path(name).suffix}"
                target = self.root / rel
                if target.exists():
                    raise FileExistsError(f"refusing to overwrite snapshot {target}")
                write_atomic(target, data)
        else:
            write_atomic(target, data)
        snap = Snapshot(
            url=url, final_url=final_url, fetched_at=stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
            status=status, content_type=content_type, etag=etag,
            last_modified=last_modified, sha256=sha, path=rel, new=True,
        )
        self._append_row(snap)
        return snap

    def _append_row(self, snap: Snapshot) -> None:
        old = self.manifest.read_bytes() if self.manifest.exists() else b""
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
        if not old:
            writer.writeheader()
        writer.writerow(snap.row())
        if old and not old.endswith(b"\n"):
            old += b"\n"
        write_atomic(self.manifest, old + buffer.getvalue().encode("utf-8"))


def _extension(content_type: str, data: bytes) -> str:
    mime = content_type.split(";")[0].strip().lower()
    if "html" in mime:
        return "html"
    if mime.startswith("text/"):
        return "txt"
    if not mime and re.match(rb"\s*(<!doctype html|<html)", data[:512], flags=re.I):
        return "html"
    return "bin"


# --- fetching ---------------------------------------------------------------

def country_url(name: str, settings) -> str:
    """The address of a country's sheet: settings.url_template with {slug} = slugify(name)."""
    slug = slugify(name)
    if not slug:
        raise ValueError(f"country name {name!r} has no letters or digits to make a slug")
    return settings.url_template.format(slug=slug)


class _Failure(Exception):
    """Internal: what went wrong with one request, before the URL is prefixed."""

    def __init__(self, reason: str, retryable: bool = False, retry_after: float | None = None,
                 status: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retryable = retryable
        self.retry_after = retry_after


@dataclass
class _Response:
    url: str
    status: int
    reason: str
    headers: requests.structures.CaseInsensitiveDict
    body: bytes


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Fetcher:
    """Fetches URLs into a SnapshotStore: robots.txt, rate limit, retries, size limit, redirects."""

    def __init__(self, settings, store: SnapshotStore, *, session: requests.Session | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic,
                 now: Callable[[], datetime] = _utcnow):
        self.settings = settings
        self.store = store
        self._own_session = session is None
        self.session = session if session is not None else requests.Session()
        self.sleep = sleep
        self.clock = clock
        self.now = now
        contact = str(settings.contact).strip()
        self.user_agent = f"{settings.user_agent} contact: {contact}" if contact else settings.user_agent
        self._last_request: dict[str, float] = {}  # hostname -> clock() at last request
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}  # origin -> parser or failure

    # -- public ---------------------------------------------------------------

    def fetch(self, url: str) -> Snapshot:
        """Fetch `url` into the store and return its latest snapshot; raises FetchError."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise FetchError(f"{url}: not an http(s) URL")
        previous = self.store.latest(url)
        if previous is not None and not self.store.has_file(previous):
            LOGGER.warning("%s: snapshot file %s is missing; fetching unconditionally", url, previous.path)
            previous = None
        headers = {}
        if previous is not None:
            if previous.etag:
                headers["If-None-Match"] = previous.etag
            if previous.last_modified:
                headers["If-Modified-Since"] = previous.last_modified
        try:
            response = self._get(url, headers, check_robots=True)
        except _Failure as exc:
            raise FetchError(f"{url}: {exc.reason}") from None

        if response.status == 304:
            if previous is None:
                raise FetchError(f"{url}: HTTP 304 Not Modified to an unconditional request")
            LOGGER.info("%s: not modified (304); keeping %s", url, previous.path)
            return _copy(previous, new=False)
        if previous is not None and hashlib.sha256(response.body).hexdigest() == previous.sha256:
            LOGGER.info("%s: unchanged bytes; keeping %s", url, previous.path)
            return _copy(previous, new=False)
        snap = self.store.add(
            url=url, final_url=response.url, fetched_at=self.now(), status=response.status,
            content_type=response.headers.get("Content-Type", ""),
            etag=response.headers.get("ETag", ""),
            last_modified=response.headers.get("Last-Modified", ""),
            data=response.body,
        )
        LOGGER.info("%s: stored %d bytes as %s", url, len(response.body), snap.path)
        return snap

    def close(self) -> None:
        """Close the session if this fetcher created it."""
        if self._own_session:
            self.session.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- one URL, following redirects ------------------------------------------

    def _get(self, url: str, headers: dict[str, str], *, check_robots: bool) -> _Response:
        """GET `url`, following redirects by hand (so each hop is rate-limited and robots-checked)."""
        chain = [url]
        current = url
        while True:
            if check_robots:
                self._check_robots(current, chain)
            response = self._request_with_retries(current, headers)
            if response.status not in REDIRECT_STATUSES:
                if response.status == 304 or 200 <= response.status < 300:
                    return response
                raise _Failure(_status_text(response.status, response.reason) + _via(chain),
                               status=response.status)
            location = response.headers.get("Location")
            if not location:
                raise _Failure(f"{_status_text(response.status, response.reason)} without a Location header"
                               + _via(chain))
            target = urljoin(current, location.strip())
            if urlsplit(target).scheme.lower() not in ("http", "https"):
                raise _Failure(f"redirect to unsupported URL {target}")
            if target in chain:
                raise _Failure("redirect loop (" + " -> ".join(chain + [target]) + ")")
            if len(chain) > self.settings.max_redirects:
                raise _Failure(f"too many redirects (more than {self.settings.max_redirects})")
            LOGGER.debug("%s: HTTP %d redirect to %s", current, response.status, target)
            chain.append(target)
            current = target

    def _request_with_retries(self, url: str, headers: dict[str, str]) -> _Response:
        attempt = 0
        while True:
            try:
                return self._request_once(url, headers)
            except _Failure as exc:
                if not exc.retryable:
                    raise
                if attempt >= self.settings.max_retries:
                    if attempt:
                        raise _Failure(f"{exc.reason} (gave up after {attempt} "
                                       f"{'retry' if attempt == 1 else 'retries'})",
                                       status=exc.status) from None
                    raise
                if exc.retry_after is not None:
                    delay = exc.retry_after
                else:
                    delay = self.settings.backoff_base * 2 ** attempt
                delay = max(0.0, min(float(delay), float(self.settings.max_backoff)))
                attempt += 1
                LOGGER.warning("%s: %s; retry %d of %d in %.1f s", url, exc.reason, attempt,
                               self.settings.max_retries, delay)
                if delay > 0:
                    self.sleep(delay)

    def _request_once(self, url: str, headers: dict[str, str]) -> _Response:
        """One GET without redirects; the body is read, bounded by max_bytes."""
        self._wait_turn(url)
        request_headers = {"User-Agent": self.user_agent, **headers}
        timeout = (self.settings.connect_timeout, self.settings.read_timeout)
        try:
            response = self.session.get(url, headers=request_headers, timeout=timeout,
                                        stream=True, allow_redirects=False)
        except requests.exceptions.ConnectTimeout:
            raise _Failure(f"connection timed out after {float(self.settings.connect_timeout)} s",
                           retryable=True) from None
        except requests.exceptions.ReadTimeout:
            raise _Failure(f"timed out after {float(self.settings.read_timeout)} s", retryable=True) from None
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                requests.exceptions.InvalidSchema) as exc:
            raise _Failure(f"invalid URL ({_short(exc)})") from None
        except requests.exceptions.ConnectionError as exc:
            raise _Failure(f"connection failed ({_short(exc)})", retryable=True) from None
        except requests.exceptions.RequestException as exc:
            raise _Failure(f"request failed ({_short(exc)})") from None

        with response:
            status = response.status_code
            if status == 429 or 500 <= status < 600:
                raise _Failure(_status_text(status, response.reason), retryable=True, status=status,
                               retry_after=_retry_after(response.headers.get("Retry-After"), self.now()))
            if status in REDIRECT_STATUSES or status == 304 or not 200 <= status < 300:
                body = b""  # not stored; leave the body unread
            else:
                body = self._read_body(response)
            return _Response(url=url, status=status, reason=response.reason or "",
                             headers=response.headers, body=body)

    def _read_body(self, response: requests.Response) -> bytes:
        limit = self.settings.max_bytes
        too_large = _Failure(f"response larger than {limit} bytes")
        declared = response.headers.get("Content-Length", "").strip()
        if declared.isdigit() and int(declared) > limit:
            raise too_large
        chunks, size = [], 0
        try:
            for chunk in response.iter_content(CHUNK_SIZE):
                size += len(chunk)
                if size > limit:
                    raise too_large
                chunks.append(chunk)
        except requests.exceptions.ConnectionError as exc:
            if any(isinstance(arg, ReadTimeoutError) for arg in exc.args):
                raise _Failure(f"timed out after {float(self.settings.read_timeout)} s",
                               retryable=True) from None
            raise _Failure(f"connection broken while reading ({_short(exc)})", retryable=True) from None
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError) as exc:
            raise _Failure(f"connection broken while reading ({_short(exc)})", retryable=True) from None
        return b"".join(chunks)

    # -- politeness -------------------------------------------------------------

    def _wait_turn(self, url: str) -> None:
        """Sleep until min_interval (or the host's robots.txt Crawl-delay) has passed for this host."""
        host = (urlsplit(url).hostname or "").lower()
        interval = float(self.settings.min_interval)
        robots = self._robots.get(_origin(url))
        if isinstance(robots, urllib.robotparser.RobotFileParser):
            delay = robots.crawl_delay(self.user_agent)
            if delay:
                interval = max(interval, float(delay))
        last = self._last_request.get(host)
        if last is not None and interval > 0:
            wait = last + interval - self.clock()
            if wait > 0:
                LOGGER.debug("%s: waiting %.2f s before the next request", host, wait)
                self.sleep(wait)
        self._last_request[host] = self.clock()

    def _check_robots(self, url: str, chain: list[str]) -> None:
        if not self.settings.respect_robots:
            return
        origin = _origin(url)
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        robots = self._robots[origin]
        if isinstance(robots, str):
            raise _Failure(f"robots.txt unavailable ({robots}), so not fetching" + _via(chain))
        if not robots.can_fetch(self.user_agent, url):
            raise _Failure("disallowed by robots.txt" + _via(chain))

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        """The parsed robots.txt of an origin, or a reason string when it cannot be read.

        Follows RFC 9309: a 4xx answer means no restrictions; a 5xx answer or an
        unreachable server means assume everything is disallowed.
        """
        robots_url = f"{origin}/robots.txt"
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            response = self._get(robots_url, {}, check_robots=False)
        except _Failure as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                LOGGER.info("%s: %s; no restrictions", robots_url, exc.reason)
                parser.allow_all = True
                return parser
            LOGGER.warning("%s: %s; treating the host as disallowed", robots_url, exc.reason)
            return exc.reason
        if response.status == 304:  # never conditional, but be safe
            parser.allow_all = True
            return parser
        parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        LOGGER.debug("%s: read %d bytes", robots_url, len(response.body))
        return parser


def _copy(snap: Snapshot, *, new: bool) -> Snapshot:
    return Snapshot(**{f.name: getattr(snap, f.name) for f in fields(Snapshot) if f.name != "new"}, new=new)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _via(chain: list[str]) -> str:
    return f" (redirected to {chain[-1]})" if len(chain) > 1 else ""


def _status_text(status: int, reason: str) -> str:
    if not reason:
        try:
            reason = http.HTTPStatus(status).phrase
        except ValueError:
            reason = ""
    return f"HTTP {status} {reason}".strip()


def _short(exc: BaseException) -> str:
    """A one-line, bounded reason from a requests/urllib3 exception."""
    reason = exc
    while True:  # dig down to the innermost useful reason
        inner = getattr(reason, "reason", None)
        if isinstance(inner, BaseException) and inner is not reason:
            reason = inner
            continue
        args = getattr(reason, "args", ())
        if args and isinstance(args[0], BaseException) and args[0] is not reason:
            reason = args[0]
            continue
        break
    text = re.sub(r"<[^>]*>:\s*", "", str(reason) or type(reason).__name__)
    text = " ".join(text.split())
    return text[:MAX_REASON_CHARS]


def _retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delay-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - now).total_seconds())


# --- many URLs ----------------------------------------------------------------

@dataclass
class FetchReport:
    """What fetch_all did: the snapshots it got and the URLs that failed."""

    snapshots: list[Snapshot]
    failures: list[tuple[str, str]]  # (url, one-line message)


def fetch_all(urls: Iterable[str], settings, store: SnapshotStore, **fetcher_kwargs) -> FetchReport:
    """Fetch every URL (each once, in order), carrying on after failures."""
    report = FetchReport(snapshots=[], failures=[])
    seen: set[str] = set()
    fetcher = Fetcher(settings, store, **fetcher_kwargs)
    try:
        for url in urls:
            if url in seen:
                LOGGER.debug("%s: listed twice; fetched once", url)
                continue
            seen.add(url)
            try:
                report.snapshots.append(fetcher.fetch(url))
            except FetchError as exc:
                LOGGER.warning("%s", exc)
                report.failures.append((url, str(exc)))
    finally:
        fetcher.close()
    LOGGER.info("fetched %d url(s): %d new snapshot(s), %d unchanged, %d failed",
                len(seen), sum(s.new for s in report.snapshots),
                sum(not s.new for s in report.snapshots), len(report.failures))
    return report
