"""RSS/Atom feeds from a file or an http(s) URL -> one RawItem per entry.

feedparser parses the bytes we fetched ourselves (``transforms.sources.http``);
its own fetching has no timeouts. A ``bozo`` feed that still yields entries is kept,
each item flagged ``feed_bozo`` and the feed counted for the manifest; a feed with no
entries (or that cannot be fetched) is one reject.

Body: ``content:encoded`` (entry.content) first, then the summary. Its format is
"html" when it holds tags; a tagless body is "text" with its HTML entities decoded,
so a one-line teaser is not handed to an HTML extractor that would drop it.
"""
from __future__ import annotations

import calendar
import datetime as dt
import html
import io
import re
from typing import Any, Iterator

import feedparser

from schemas.records import RawItem, Reject, stable_id
from transforms.sources.files import (MiB, InputTooLarge, file_uri, is_url, modified_at,
                                      read_bytes, source_reject)
from transforms.sources.http import FetchError, FetchPolicy, fetch
from transforms.sources.specs import RSS, InputSpec
from transforms.stage import count

_TAG = re.compile(r"<[A-Za-z!/][^>]*>")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def fetch_policy(spec: InputSpec) -> FetchPolicy:
    defaults = FetchPolicy()
    return FetchPolicy(read_timeout=float(spec.option("timeout", defaults.read_timeout)),
                       max_bytes=int(float(spec.option("max_mb", defaults.max_bytes / MiB)) * MiB))


def read_feed(spec: InputSpec) -> Iterator[RawItem | Reject]:
    """Every entry of one feed file or URL, or one reject for the whole feed."""
    policy = fetch_policy(spec)
    if is_url(spec.location):
        try:
            fetched = fetch(spec.location, policy)
        except FetchError as error:
            yield source_reject(RSS, spec.location, error.reason, error.detail,
                                dt.datetime.now(dt.timezone.utc))
            return
        data, content_type, fetched_at = fetched.content, fetched.content_type, fetched.fetched_at
        base_url = fetched.url
    else:
        fetched_at = modified_at(spec.location)
        try:
            data = read_bytes(spec.location, policy.max_bytes)
        except InputTooLarge as error:
            yield source_reject(RSS, spec.location, "feed_too_large", str(error), fetched_at)
            return
        # Without a declared type feedparser flags every file bozo; application/xml
        # lets the XML declaration name the encoding.
        content_type, base_url = "application/xml", file_uri(spec.location)
    yield from parse_feed(data, ref=spec.location, source_name=spec.name, fetched_at=fetched_at,
                          content_type=content_type, base_url=base_url,
                          fallback_name=spec.derived_name)


def parse_feed(data: bytes, *, ref: str, source_name: str, fetched_at: dt.datetime,
               content_type: str = "", base_url: str = "",
               fallback_name: str = "") -> Iterator[RawItem | Reject]:
    headers = {"content-location": base_url} if base_url else {}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f"{type(problem).__name__}: {problem}" if problem else "the feed has no entries"
        yield source_reject(RSS, ref, "feed_no_entries", detail, fetched_at)
        return
    name = source_name or _clean_title(parsed.feed.get("title", "")) or fallback_name or ref
    flags: tuple[str, ...] = ()
    if parsed.bozo:
        flags = ("feed_bozo",)
        count(f"feed_bozo:{name}")
    for index, entry in enumerate(parsed.entries):
        yield _entry_item(entry, index, ref=ref, name=name, fetched_at=fetched_at, flags=flags)


def _entry_item(entry: Any, index: int, *, ref: str, name: str, fetched_at: dt.datetime,
                flags: tuple[str, ...]) -> RawItem | Reject:
    position = f"{ref}#entry={index}"
    body, body_format = _body(entry)
    title = _clean_title(entry.get("title", ""))
    link = _web_url(entry.get("link", ""))
    guid = str(entry.get("id") or "").strip() or link
    published = _utc(entry.get("published_parsed") or entry.get("updated_parsed"))
    if not (title or body.strip() or link):
        return source_reject(RSS, position, "feed_entry_empty",
                             "the entry has no title, no content and no link",
                             published or fetched_at)
    if not guid:
        guid = "sha1:" + stable_id(title, body)
    url = link or _web_url(guid) or f"{ref}#{guid}"
    return RawItem(source_type=RSS, source_name=name, url=url, guid=guid, title=title,
                   published_at=published, body=body, body_format=body_format,
                   fetched_at=fetched_at, flags=flags, position=position)


def _body(entry: Any) -> tuple[str, str]:
    candidates = [*(entry.get("content") or []), entry.get("summary_detail") or {}]
    for detail in candidates:
        value = detail.get("value") or ""
        if value.strip():
            declared_html = str(detail.get("type", "")).lower() in _HTML_TYPES
            if _TAG.search(value):
                return value, "html"
            return (html.unescape(value) if declared_html else value), "text"
    return "", "text"


def _clean_title(title: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", title)).split())


def _web_url(value: str) -> str:
    """``value`` when it is a plain http(s) URL, else "" (no javascript:, no control characters)."""
    value = (value or "").strip()
    if not value.lower().startswith(("http://", "https://")):
        return ""
    return "" if any(char.isspace() or ord(char) < 32 for char in value) else value


def _utc(parsed_time: Any) -> dt.datetime | None:
    if not parsed_time:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(parsed_time), tz=dt.timezone.utc)
    except (OverflowError, ValueError, OSError, TypeError):
        return None
