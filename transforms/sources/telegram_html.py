"""Telegram Desktop HTML export pages (messages.html, messages2.html, ...) -> posts.

Each page is read on its own with lxml. A post's text comes from its ``div.text``
(inside the forwarded block for a forwarded post, flagged ``forwarded``); ``<br>``
becomes a line break and a link keeps its target as ``text (href)``. The time is the
``title`` of the date div, printed in the exporting machine's zone: read in the
source's ``timezone`` option when given (right across DST changes); else with the
printed ``UTC±HH:MM``, which is that zone's standard offset, so the item is flagged
``date_standard_offset`` (an hour off in summer time); else as UTC, flagged
``date_exporter_local``. ``message service`` blocks with a negative id are the page's
day separators, not messages; other service blocks are counted like the JSON
reader's service messages.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import BinaryIO, Iterator

import lxml.etree

from schemas.records import RawItem, Reject
from transforms.sources.files import (MiB, CappedReader, InputTooLarge, modified_at, open_stream,
                                      source_reject)
from transforms.sources.specs import TELEGRAM, InputSpec
from transforms.sources.telegram_common import (Channel, Message, PostAssembler, Tally,
                                                local_to_utc)

MAX_PAGE_BYTES = 200 * MiB
_DATE_TITLE = re.compile(
    r"(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})(?: UTC([+-])(\d{2}):?(\d{2}))?")
_MESSAGE_ID = re.compile(r"message(-?\d+)")


def read_telegram_html(spec: InputSpec) -> Iterator[RawItem | Reject]:
    fetched_at = modified_at(spec.location)
    with open_stream(spec.location) as raw:
        yield from parse_page(CappedReader(raw, MAX_PAGE_BYTES, spec.location), spec=spec,
                              fetched_at=fetched_at)


def _is_message(element: lxml.etree._Element) -> bool:
    return "message" in (element.get("class") or "").split()


def parse_page(stream: BinaryIO, *, spec: InputSpec,
               fetched_at: dt.datetime) -> Iterator[RawItem | Reject]:
    """The posts of one page, parsed as a stream: each message block is read when it
    ends and then dropped, so memory does not grow with the page."""
    tally = Tally()
    assembler: PostAssembler | None = None
    chat_name = ""
    zone = spec.option("timezone")
    sender = ""
    messages_seen = 0
    ordinal = 0
    stopped: Reject | None = None
    try:
        for _, element in lxml.etree.iterparse(stream, events=("end",), tag="div", html=True,
                                               recover=True, huge_tree=False):
            classes = (element.get("class") or "").split()
            if "page_header" in classes:
                header = element.xpath('.//div[contains(@class, "text")]')
                chat_name = " ".join(_text(header[0]).split()) if header else ""
                continue
            if not _is_message(element):
                continue
            ordinal += 1
            block = element
            matched = _MESSAGE_ID.fullmatch(block.get("id", ""))
            message_id = int(matched.group(1)) if matched else None
            _drop_read(block)
            if message_id is not None and message_id < 0:
                continue  # a day separator
            messages_seen += 1
            if "service" in classes:
                tally.service += 1
                continue
            body = block.find('div[@class="body"]')
            if body is None:
                tally.empty += 1
                continue
            names = body.xpath('div[@class="from_name"]')
            if names:  # a "joined" message continues the previous sender
                sender = " ".join(_text(names[0]).split())
            sent_at, flags = _sent_at(body, zone)
            forwarded = body.xpath('div[contains(@class, "forwarded")]')
            texts = body.xpath('div[@class="text"] | div[contains(@class, "forwarded")]/div[@class="text"]')
            label = message_id if message_id is not None else f"index{ordinal}"
            message = Message(
                message_id=message_id, ordinal=ordinal, sender=sender, sent_at=sent_at,
                text="\n".join(_element_text(text) for text in texts).strip(),
                has_media=bool(body.xpath('.//div[contains(@class, "media_wrap")]')),
                flags=flags + (("forwarded",) if forwarded else ()),
                position=f"{spec.location}#message={label}")
            if assembler is None:
                assembler = PostAssembler(Channel(name=spec.name or chat_name or spec.derived_name,
                                                  channel_id=spec.option("channel_id") or "",
                                                  username=spec.option("username"),
                                                  fetched_at=fetched_at), tally)
            yield from assembler.add(message)
    except InputTooLarge as error:
        stopped = source_reject(TELEGRAM, spec.location, "file_too_large",
                                f"{error} ({messages_seen} messages read before it were kept)", fetched_at)
    except lxml.etree.LxmlError as error:
        stopped = source_reject(TELEGRAM, spec.location, "telegram_invalid_html",
                                f"{error} ({messages_seen} messages read before it were kept)", fetched_at)
    if assembler is not None:
        yield from assembler.flush()
    tally.report()
    if stopped is not None:
        yield stopped
        return
    if not messages_seen:
        yield source_reject(TELEGRAM, spec.location, "telegram_no_messages",
                            "no messages found: is this a page of a Telegram Desktop HTML export?",
                            fetched_at)


def _drop_read(block: lxml.etree._Element) -> None:
    """Frees the message blocks before this one (this one is freed with the next)."""
    while block.getprevious() is not None:
        block.getprevious().clear()  # removing alone keeps libxml2's text nodes alive
        del block.getparent()[0]


def _sent_at(body: lxml.etree._Element, zone: str | None) -> tuple[dt.datetime | None, tuple[str, ...]]:
    titles = body.xpath('div[contains(@class, "date")]/@title')
    matched = _DATE_TITLE.match(titles[0].strip()) if titles else None
    if not matched:
        return None, ()
    day, month, year, hour, minute, second, sign, offset_hours, offset_minutes = matched.groups()
    try:
        naive = dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second))
    except ValueError:
        return None, ()
    if zone:
        return local_to_utc(naive, zone), ()
    if sign:
        offset = dt.timedelta(hours=int(offset_hours), minutes=int(offset_minutes))
        printed = dt.timezone(offset if sign == "+" else -offset)
        return naive.replace(tzinfo=printed).astimezone(dt.timezone.utc), ("date_standard_offset",)
    return local_to_utc(naive, None), ("date_exporter_local",)


def _text(element: lxml.etree._Element) -> str:
    return "".join(element.itertext())


def _element_text(element: lxml.etree._Element) -> str:
    """Readable text: <br> as line breaks, links as ``text (href)``."""
    for line_break in element.iter("br"):
        line_break.tail = "\n" + (line_break.tail or "")
    for link in element.iter("a"):
        href = (link.get("href") or "").strip()
        if href.lower().startswith(("http://", "https://")) and href != _text(link).strip():
            link.tail = f" ({href})" + (link.tail or "")
    lines = _text(element).split("\n")
    return "\n".join(line.strip() for line in lines).strip()
