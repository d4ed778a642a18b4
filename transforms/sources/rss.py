"""RSS/Atom feeds from a file or an http(s) URL -> one RawItem per entry.

feedparser parses the bytes we fetched ourselves (``transforms.sources.http``);
its own fetching has no timeouts. A ``bozo`` feed that still yields entries is kept,
each item flagged ``feed_bozo`` and the feed counted for the manifest; a feed with no
entries (or that cannot be fetched) is one reject.

Body: ``content:encoded`` (entry.content) first, then the summary. Its format is
"html" when it holds tags; a tagless body is "text" with its HTML entities decoded,
so a one-line teaser is not handed to an HTML extractor that would drop it. An item
with only a short summary is flagged ``summary_only`` (``--fetch-articles`` fetches
its page); one without a link of its own ``link_not_identity`` (the seen-item index
then knows it by GUID).

Hostile XML: a feed declaring an external entity is refused before parsing; one whose
entities expand out of proportion (expat's amplification limit) is refused after.
"""
from __future__ import annotations

import calendar
import collections
import dataclasses
import datetime as dt
import html
import io
import re
from typing import Any, Iterator

import feedparser

from schemas.records import RawItem, Reject, stable_id
from transforms.sources.files import (MiB, InputTooLarge, file_uri, is_url, modified_at,
                                      read_bytes, source_reject)
from transforms.sources.client import FeedClient
from transforms.sources.http import FetchError, FetchSettings, HttpFetcher
from transforms.sources.specs import RSS, InputSpec
from transforms.sources.state import LINK_NOT_IDENTITY, FeedState, normalise_link
from transforms.stage import count

_TAG = re.compile(r"<[A-Za-z!/][^>]*>")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
# Entity declarations live in the DOCTYPE, before the first element.
_PROLOG_BYTES = 64 * 1024
_EXTERNAL_ENTITY = re.compile(rb"<!ENTITY\s+(?:%\s*)?[^\s>]+\s+(?:SYSTEM|PUBLIC)\b[^>]*>", re.I)
# A body shorter than this, from the summary and not content:encoded, is a teaser.
SUMMARY_ONLY_CHARS = 1200
SUMMARY_ONLY = "summary_only"


def fetch_limits(spec: InputSpec, settings: FetchSettings) -> FetchSettings:
    """The run's fetch settings with the source's own ``timeout`` and ``max_mb``."""
    return dataclasses.replace(
        settings, read_timeout_s=float(spec.option("timeout", settings.read_timeout_s)),
        max_bytes=int(float(spec.option("max_mb", settings.max_bytes / MiB)) * MiB))


def read_feed(spec: InputSpec, client: FeedClient | None = None) -> Iterator[RawItem | Reject]:
    """Every entry of one feed file or URL, or one reject for the whole feed.

    A URL is fetched through ``client`` (politeness, state, archive); without one, with
    a client of default settings (the ``clean``/``extract`` commands).
    """
    if is_url(spec.location):
        if client is None:
            with HttpFetcher() as fetcher:
                yield from read_remote_feed(spec, FeedClient(fetcher))
        else:
            yield from read_remote_feed(spec, client)
        return
    fetched_at = modified_at(spec.location)
    try:
        data = read_bytes(spec.location, fetch_limits(spec, FetchSettings()).max_bytes)
    except InputTooLarge as error:
        yield source_reject(RSS, spec.location, "feed_too_large", str(error), fetched_at)
        return
    # Without a declared type feedparser flags every file bozo; application/xml
    # lets the XML declaration name the encoding.
    yield from parse_feed(data, ref=spec.location, source_name=spec.name, fetched_at=fetched_at,
                          content_type="application/xml", base_url=file_uri(spec.location),
                          fallback_name=spec.derived_name)


def read_remote_feed(spec: InputSpec, client: FeedClient) -> Iterator[RawItem | Reject]:
    """A feed over HTTP: conditional GET with the validators kept in the state folder,
    a 304 is nothing to do, a 410 marks the feed gone (later runs do not ask again), a
    permanent redirect is noted and followed directly next time."""
    url = spec.location
    name = spec.name or spec.derived_name
    now = dt.datetime.now(dt.timezone.utc)
    feed = client.feed_state(url)
    if feed.gone_since:
        count(f"feed_gone:{name}")
        yield source_reject(RSS, url, "feed_gone",
                            f"the server answered 410 Gone on {feed.gone_since}; remove the feed "
                            f"from the sources, or its file under the state folder to ask again", now)
        return
    try:
        fetched = client.fetch(feed.moved_to or url, feed.validators, fetch_limits(spec, client.settings))
    except FetchError as error:
        if error.reason == "http_gone":
            count(f"feed_gone:{name}")
            client.save_feed_state(dataclasses.replace(feed, gone_since=now.date().isoformat()))
        yield source_reject(RSS, url, error.reason, error.detail, now)
        return
    if fetched.permanent_redirect:
        count(f"permanent_redirect:{feed.moved_to or url} -> {fetched.permanent_redirect}")
    if fetched.not_modified:
        count(f"not_modified:{name}")
    else:
        yield from parse_feed(fetched.content, ref=url, source_name=spec.name,
                              fetched_at=fetched.fetched_at, content_type=fetched.content_type,
                              base_url=fetched.url, fallback_name=spec.derived_name)
    validators = fetched.validators
    if not (validators.etag or validators.last_modified):
        validators = feed.validators if fetched.not_modified else validators
    client.save_feed_state(FeedState(url, validators.etag, validators.last_modified,
                                     fetched.permanent_redirect or feed.moved_to))


def parse_feed(data: bytes, *, ref: str, source_name: str, fetched_at: dt.datetime,
               content_type: str = "", base_url: str = "",
               fallback_name: str = "") -> Iterator[RawItem | Reject]:
    headers = {"content-location": base_url} if base_url else {}
    if content_type:
        headers["content-type"] = content_type
    external = _EXTERNAL_ENTITY.search(data[:_PROLOG_BYTES])
    if external:
        yield source_reject(RSS, ref, "feed_external_entity",
                            f"the feed declares an external entity ({external.group(0)[:120]!r}); "
                            "such feeds are refused, not resolved", fetched_at)
        return
    # feedparser's sanitiser exists for feed readers that render HTML; incidentflow only
    # extracts text (the clean stage drops scripts and styles itself), and the sanitiser
    # truncates whole article pages carried in content:encoded at their conditional comments.
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=False)
    problem = parsed.get("bozo_exception")
    if problem is not None and "amplification" in str(problem):
        yield source_reject(RSS, ref, "feed_entity_expansion",
                            f"the feed's entities expand out of proportion ({problem}); refused", fetched_at)
        return
    if not parsed.entries:
        detail = f"{type(problem).__name__}: {problem}" if problem else "the feed has no entries"
        yield source_reject(RSS, ref, "feed_no_entries", detail, fetched_at)
        return
    name = source_name or _clean_title(parsed.feed.get("title", "")) or fallback_name or ref
    flags: tuple[str, ...] = ()
    if parsed.bozo:
        flags = ("feed_bozo",)
        count(f"feed_bozo:{name}")
    links = [normalise_link(_web_url(entry.get("link", ""))) for entry in parsed.entries]
    repeated = collections.Counter(links)
    for index, entry in enumerate(parsed.entries):
        # No link, or one several entries share (a feed linking every item to its home
        # page), is not an item's identity: the seen-item index then goes by GUID alone.
        own_link = links[index] and repeated[links[index]] == 1
        yield _entry_item(entry, index, ref=ref, name=name, fetched_at=fetched_at,
                          flags=flags + (() if own_link else (LINK_NOT_IDENTITY,)))


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
    if link and _is_summary_only(entry, body):
        flags += (SUMMARY_ONLY,)
    return RawItem(source_type=RSS, source_name=name, url=url, guid=guid, title=title,
                   published_at=published, body=body, body_format=body_format,
                   fetched_at=fetched_at, flags=flags, position=position)


def _is_summary_only(entry: Any, body: str) -> bool:
    """No full content in the feed, only a teaser: the article page has the story."""
    has_content = any((detail.get("value") or "").strip() for detail in entry.get("content") or [])
    return not has_content and len(_TAG.sub(" ", body).strip()) < SUMMARY_ONLY_CHARS


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
