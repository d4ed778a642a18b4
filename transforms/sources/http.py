"""The one place where incidentflow fetches over HTTP.

Feeds come from servers we do not control, so every fetch is bounded: connect and
read timeouts, a total deadline (a server trickling bytes defeats a read timeout),
a body-size cap counted after gzip/deflate decompression, and a redirect limit.
Failures raise ``FetchError`` with a short machine-friendly reason; the readers turn
it into one reject. (feedparser's own fetching has no timeouts: never use it.)
Retries, conditional GET, an SSRF guard and per-host politeness belong here too.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import time

import requests

from transforms.sources.files import MiB

USER_AGENT = "incidentflow/0.1 (news incident research; batch feed reader)"


@dataclasses.dataclass(frozen=True)
class FetchPolicy:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0
    max_bytes: int = 15 * MiB
    max_redirects: int = 5


@dataclasses.dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: bytes  # decompressed
    content_type: str
    fetched_at: dt.datetime


class FetchError(Exception):
    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def fetch(url: str, policy: FetchPolicy = FetchPolicy()) -> Fetched:
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError("unsupported_url", f"only http and https URLs are fetched, not {url!r}")
    deadline = time.monotonic() + policy.total_timeout
    with requests.Session() as session:
        session.max_redirects = policy.max_redirects
        try:
            with session.get(url, stream=True, headers={"User-Agent": USER_AGENT},
                             timeout=(policy.connect_timeout, policy.read_timeout)) as response:
                if response.status_code >= 400:
                    raise FetchError("http_error", f"HTTP {response.status_code} {response.reason}")
                declared = response.headers.get("Content-Length", "")
                # A compressed length over the cap means the body is over it too.
                if declared.isdigit() and int(declared) > policy.max_bytes:
                    raise FetchError("response_too_large",
                                     f"Content-Length {declared} exceeds {policy.max_bytes} bytes")
                content = _read_body(response, policy, deadline)
                return Fetched(url=response.url, content=content,
                               content_type=response.headers.get("Content-Type", ""),
                               fetched_at=dt.datetime.now(dt.timezone.utc))
        except requests.Timeout as error:
            raise FetchError("fetch_timeout", str(error)) from error
        except requests.TooManyRedirects as error:
            raise FetchError("too_many_redirects", str(error)) from error
        except requests.RequestException as error:
            # Timeouts while streaming the body surface as ConnectionError.
            reason = "fetch_timeout" if "timed out" in str(error).lower() else "fetch_failed"
            raise FetchError(reason, f"{type(error).__name__}: {error}") from error


def _read_body(response: requests.Response, policy: FetchPolicy, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(chunk_size=64 * 1024):  # decompresses gzip/deflate
        size += len(chunk)
        if size > policy.max_bytes:
            raise FetchError("response_too_large",
                             f"body exceeds {policy.max_bytes} bytes after decompression")
        if time.monotonic() > deadline:
            raise FetchError("fetch_timeout", f"body not complete within {policy.total_timeout} s")
        chunks.append(chunk)
    return b"".join(chunks)
