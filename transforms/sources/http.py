"""The one place where incidentflow fetches over HTTP (feeds, article pages, robots.txt).

Feeds come from servers we do not control, so every fetch is bounded: connect and
read timeouts, a total deadline (a server trickling bytes defeats a read timeout), a
body cap counted after gzip/deflate decompression (a compression bomb stops at the
cap), and a redirect limit. Redirects are followed by hand so every hop passes the
SSRF guard. Connection errors, 5xx and 429 are retried with exponential backoff and
jitter, honouring Retry-After up to ``max_backoff_s`` (a server asking for a longer
pause gets none of our time this run). Requests carry conditional-GET validators
when the caller has them; a 304 comes back as ``Fetched.not_modified``.

Failures raise ``FetchError`` with a short machine-friendly reason; the readers turn
it into one reject. (feedparser's own fetching has no timeouts: never use it.)
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import random
import time
from typing import Callable
from urllib.parse import urljoin

import requests

from transforms.sources.files import MiB
from transforms.sources.guard import AddressRefused, check_url

VERSION = "0.2"
_REDIRECTS = (301, 302, 303, 307, 308)
_PERMANENT = (301, 308)
_CHUNK = 16 * 1024  # small reads bound what one read of a compressed stream can inflate to


@dataclasses.dataclass(frozen=True)
class FetchSettings:
    """How incidentflow fetches: one object from the command line to every worker."""

    allow_private_addresses: bool = False  # tests and local mirrors
    fetch_articles: bool = False  # fetch the page of items whose feed gives only a summary
    replay: str | None = None  # folder of WARC files of a past run: read from it, never the network
    contact: str | None = None  # e-mail or URL in the User-Agent, for site operators
    min_host_delay_s: float = 1.0  # between two requests to one host
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 30.0
    total_timeout_s: float = 120.0  # a whole response, however slowly it trickles
    max_bytes: int = 15 * MiB  # body after decompression
    max_redirects: int = 5
    retries: int = 3  # after the first attempt
    backoff_s: float = 1.0  # first retry waits about this long, doubling each time
    max_backoff_s: float = 60.0  # longest wait, also for Retry-After
    seen_window_days: int = 90  # how long the seen-item index remembers an item
    respect_robots: bool = True  # robots.txt for article pages

    @property
    def user_agent(self) -> str:
        contact = f"; +{self.contact}" if self.contact else ""
        return f"incidentflow/{VERSION} (news incident research; batch feed reader{contact})"


@dataclasses.dataclass(frozen=True)
class Validators:
    """What a server said last time, sent back for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclasses.dataclass(frozen=True)
class Fetched:
    requested_url: str
    url: str  # after redirects
    status: int  # 200-299, or 304 (not modified: content is empty)
    content: bytes  # decompressed
    content_type: str
    fetched_at: dt.datetime
    headers: tuple[tuple[str, str], ...] = ()
    permanent_redirect: str | None = None  # where a 301/308 chain from the requested URL ends

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def validators(self) -> Validators:
        headers = {name.lower(): value for name, value in self.headers}
        return Validators(headers.get("etag"), headers.get("last-modified"))


class FetchError(Exception):
    def __init__(self, reason: str, detail: str, status: int | None = None):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.status = status


class _Retryable(Exception):
    def __init__(self, error: FetchError, retry_after: float | None = None):
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after


class HttpFetcher:
    """A requests session with incidentflow's limits. Build one per worker (DoFn.setup)."""

    def __init__(self, settings: FetchSettings = FetchSettings(),
                 sleep: Callable[[float], None] = time.sleep):
        self.settings = settings
        self._sleep = sleep
        self._random = random.Random()
        self._session = requests.Session()
        self._session.headers["User-Agent"] = settings.user_agent

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> "HttpFetcher":
        return self

    def __exit__(self, *_) -> None:
        self.close()

    def get(self, url: str, validators: Validators | None = None,
            settings: FetchSettings | None = None) -> Fetched:
        """The response to ``url``, after retries; raises ``FetchError``. ``settings``
        overrides the fetcher's limits for this request (a source's own timeout)."""
        settings = settings or self.settings
        attempt = 0
        while True:
            try:
                return self._get_once(url, validators, settings)
            except _Retryable as retryable:
                attempt += 1
                wait = self._backoff(attempt, retryable.retry_after, settings)
                if attempt > settings.retries or wait is None:
                    error = retryable.error
                    raise FetchError(error.reason, f"{error.detail} (after {attempt} attempts)",
                                     error.status) from None
                self._sleep(wait)

    def _backoff(self, attempt: int, retry_after: float | None,
                 settings: FetchSettings) -> float | None:
        """Seconds to wait before the next attempt; None when the server asks for longer
        than we wait."""
        if retry_after is not None:
            return retry_after if retry_after <= settings.max_backoff_s else None
        ceiling = min(settings.max_backoff_s, settings.backoff_s * 2 ** (attempt - 1))
        # "Equal jitter": half fixed so waits grow, half random so workers do not retry in step.
        return ceiling / 2 + self._random.uniform(0, ceiling / 2)

    def _get_once(self, url: str, validators: Validators | None, settings: FetchSettings) -> Fetched:
        deadline = time.monotonic() + settings.total_timeout_s
        current, permanent, hops = url, None, 0
        while True:
            try:
                check_url(current, settings.allow_private_addresses)
            except AddressRefused as refused:
                raise FetchError(refused.reason, refused.detail) from None
            headers = validators.headers() if validators and current == url else {}
            try:
                with self._session.get(current, headers=headers, stream=True, allow_redirects=False,
                                       timeout=(settings.connect_timeout_s,
                                                settings.read_timeout_s)) as response:
                    location = response.headers.get("Location")
                    if response.status_code in _REDIRECTS and location:
                        hops += 1
                        if hops > settings.max_redirects:
                            raise FetchError("too_many_redirects",
                                             f"more than {settings.max_redirects} redirects from {url}")
                        target = urljoin(current, location.strip())
                        if response.status_code in _PERMANENT and (permanent or url) == current:
                            permanent = target
                        current = target
                        continue
                    _raise_for_status(response)
                    content = b"" if response.status_code == 304 else self._read_body(response, deadline, settings)
                    return Fetched(requested_url=url, url=current, status=response.status_code,
                                   content=content,
                                   content_type=response.headers.get("Content-Type", ""),
                                   fetched_at=dt.datetime.now(dt.timezone.utc),
                                   headers=tuple(response.headers.items()),
                                   permanent_redirect=permanent)
            except requests.ConnectTimeout as error:
                raise _Retryable(FetchError("fetch_failed", f"connect timeout: {error}")) from error
            except requests.Timeout as error:
                raise FetchError("fetch_timeout", str(error)) from error
            except requests.RequestException as error:
                # A timeout while streaming the body surfaces as a ConnectionError.
                if "timed out" in str(error).lower():
                    raise FetchError("fetch_timeout", f"{type(error).__name__}: {error}") from error
                raise _Retryable(FetchError("fetch_failed", f"{type(error).__name__}: {error}")) from error

    @staticmethod
    def _read_body(response: requests.Response, deadline: float, settings: FetchSettings) -> bytes:
        declared = response.headers.get("Content-Length", "")
        # A compressed length over the cap means the body is over it too.
        if declared.isdigit() and int(declared) > settings.max_bytes:
            raise FetchError("response_too_large",
                             f"Content-Length {declared} exceeds {settings.max_bytes} bytes")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_content(chunk_size=_CHUNK):  # decompresses gzip/deflate
            size += len(chunk)
            if size > settings.max_bytes:
                raise FetchError("response_too_large",
                                 f"body exceeds {settings.max_bytes} bytes after decompression")
            if time.monotonic() > deadline:
                raise FetchError("fetch_timeout", f"body not complete within {settings.total_timeout_s} s")
            chunks.append(chunk)
        return b"".join(chunks)


def _raise_for_status(response: requests.Response) -> None:
    status = response.status_code
    if status < 400:
        return
    error = FetchError("http_gone" if status == 410 else "http_error",
                       f"HTTP {status} {response.reason}", status)
    if status == 429 or status >= 500:
        raise _Retryable(error, retry_after_seconds(response.headers.get("Retry-After")))
    raise error


def retry_after_seconds(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP date; None when absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - (now or dt.datetime.now(dt.timezone.utc))).total_seconds())
