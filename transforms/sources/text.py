"""Plain-text articles (``.txt``) -> one RawItem per file.

A first line beginning with `` date YYYY-MM-DD`` (a space, then ``date``) carries the
publication date; the marker is taken out and the rest of that line stays in the body.
The story URL is the file's URI. The title is the first line when it reads like a
headline; the body is kept whole (cleaning is the clean stage's job).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from schemas.records import RawItem, Reject
from transforms.sources.files import (MiB, decode_document, document_bytes, file_uri,
                                      source_reject)
from transforms.sources.specs import TEXT, InputSpec

MAX_TEXT_BYTES = 50 * MiB
_DATE_LINE = re.compile(r" date (\d{4})-(\d{2})-(\d{2})(?:[ \t]|$)")
_HEADLINE_MAX_CHARS = 160
_SENTENCE_END = (".", ",", ";", ":", "!", "…")


def headline_of(text: str) -> str:
    """The first line when it looks like a headline (short, no final punctuation, more
    text after it), else ""."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if not rest.strip() or len(first) > _HEADLINE_MAX_CHARS or first.endswith(_SENTENCE_END):
        return ""
    return first


def read_text_file(spec: InputSpec) -> Iterator[RawItem | Reject]:
    fetched_at, data = document_bytes(spec.location, TEXT, MAX_TEXT_BYTES)
    if isinstance(data, Reject):
        yield data
        return
    text, flags = decode_document(data)
    yield parse_text_document(text, location=spec.location, source_name=spec.derived_name,
                              fetched_at=fetched_at, flags=flags)


def parse_text_document(text: str, *, location: str, source_name: str, fetched_at: dt.datetime,
                        flags: tuple[str, ...] = ()) -> RawItem | Reject:
    published, body = _split_date_line(text)
    if not body.strip():
        return source_reject(TEXT, location, "empty_file", "the file holds no text",
                             published or fetched_at)
    url = file_uri(location)
    return RawItem(source_type=TEXT, source_name=source_name, url=url, guid=url,
                   title=headline_of(body), published_at=published, body=body,
                   body_format="text", fetched_at=fetched_at, flags=flags)


def _split_date_line(text: str) -> tuple[dt.datetime | None, str]:
    match = _DATE_LINE.match(text)
    if not match:
        return None, text
    try:
        published = dt.datetime(*map(int, match.groups()), tzinfo=dt.timezone.utc)
    except ValueError:  # e.g. 2024-13-40: not a date, so not a marker either
        return None, text
    return published, text[match.end():]
