"""Article pages for feed items that carry only a summary (``--fetch-articles``).

An item flagged ``summary_only`` gets its page as its body (the clean stage extracts
the story from it). An item the seen-item index knows is not fetched again: its page
comes from the archive when it was kept, else the summary stays. A page robots.txt
disallows, or one that cannot be fetched, leaves the summary in place with a flag
saying why (the item is never lost for want of its page).

robots.txt (RFC 9309) is fetched through the same client (so the same guard, limits
and delay), once per host per fetch call: 4xx means no rules, 5xx or no answer means
disallow all.
"""
from __future__ import annotations

import dataclasses
import urllib.robotparser
from urllib.parse import urlsplit, urlunsplit

from schemas.records import RawItem
from transforms.sources.archive import read_archived
from transforms.sources.client import FeedClient
from transforms.sources.files import decode_document, is_url
from transforms.sources.http import Fetched, FetchError
from transforms.sources.rss import SUMMARY_ONLY
from transforms.sources.specs import RSS
from transforms.sources.state import SeenEntry
from transforms.stage import count

ROBOTS_AGENT = "incidentflow"
GUARD_REASONS = ("address_refused", "unsupported_url", "dns_failed")
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


def needs_article(item: RawItem) -> bool:
    return item.source_type == RSS and SUMMARY_ONLY in item.flags and is_url(item.url)


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{(parts.hostname or '').lower()}:{parts.port or ''}"


class Robots:
    """robots.txt of the hosts one client visits, each fetched once."""

    def __init__(self, client: FeedClient):
        self._client = client
        self._parsers: dict[str, urllib.robotparser.RobotFileParser] = {}

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        root = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        if root not in self._parsers:
            self._parsers[root] = self._load(root + "/robots.txt")
        return self._parsers[root].can_fetch(ROBOTS_AGENT, url)

    def _load(self, robots_url: str) -> urllib.robotparser.RobotFileParser:
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            fetched = self._client.fetch(robots_url)
            parser.parse(fetched.content.decode("utf-8", errors="replace").splitlines())
        except FetchError as error:
            # A URL the guard refuses is refused again, with its reason, when the page is asked for.
            if error.reason in GUARD_REASONS or (error.status is not None and 400 <= error.status < 500):
                parser.allow_all = True
            else:
                parser.disallow_all = True
        return parser


def with_article(item: RawItem, seen: SeenEntry | None, client: FeedClient,
                 robots: Robots | None) -> tuple[RawItem, tuple[str, int] | None]:
    """The item with its page as body (and where the page is archived), or the item
    as it was, flagged why."""
    if seen is not None:
        if not seen.archived:
            return _flagged(item, "article_seen_before"), None
        try:
            return _page_item(item, read_archived(*seen.archived), "article_archived"), seen.archived
        except (OSError, FetchError, ValueError) as error:
            return _flagged(item, f"article_archive_unreadable:{type(error).__name__}"), None
    if robots is not None and not robots.allowed(item.url):
        return _flagged(item, "article_robots_disallowed"), None
    try:
        fetched = client.fetch(item.url)
    except FetchError as error:
        return _flagged(item, f"article_{error.reason}"), None
    if fetched.content_type.split(";")[0].strip().lower() not in _PAGE_TYPES:
        return _flagged(item, "article_not_html"), None
    return _page_item(item, fetched, "article_fetched"), client.last_archived


def _page_item(item: RawItem, fetched: Fetched, flag: str) -> RawItem:
    page, decoding_flags = decode_document(fetched.content, html=True)
    if not page.strip():
        return _flagged(item, "article_empty")
    count(flag)
    return dataclasses.replace(item, body=page, body_format="html",
                               flags=item.flags + (flag,) + decoding_flags)


def _flagged(item: RawItem, flag: str) -> RawItem:
    count(flag)
    return dataclasses.replace(item, flags=item.flags + (flag,))
