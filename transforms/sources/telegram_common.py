"""What the Telegram JSON and HTML readers share: a message as both exports give it,
albums folded into one post, post references and message accounting.

Accounting: every message of an export ends as exactly one of
  * a RawItem (one per post; an album's photos make one post),
  * ``count("telegram_album_messages_merged")``: the caption-less parts of an album,
  * ``count("telegram_empty_messages")``: messages without text (a photo without a
    caption, a sticker). They are not news items, so they are counted, not rejected,
  * ``count("telegram_service_messages")``: joins, pins, title changes,
so items + those counts == messages in the file.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import zoneinfo
from typing import Iterator
from urllib.parse import quote

from schemas.records import RawItem
from transforms.sources.specs import TELEGRAM
from transforms.sources.text import headline_of
from transforms.stage import count

ALBUM_WINDOW = dt.timedelta(seconds=1)


@dataclasses.dataclass(frozen=True)
class Message:
    message_id: int | None
    ordinal: int  # position among the chat's messages, for messages without an id
    sender: str
    sent_at: dt.datetime | None  # UTC
    text: str
    has_media: bool
    flags: tuple[str, ...]
    position: str


@dataclasses.dataclass(frozen=True)
class Channel:
    name: str
    channel_id: str
    username: str | None
    fetched_at: dt.datetime


@dataclasses.dataclass
class Tally:
    service: int = 0
    empty: int = 0
    merged: int = 0

    def report(self) -> None:
        for name, amount in (("telegram_service_messages", self.service),
                             ("telegram_empty_messages", self.empty),
                             ("telegram_album_messages_merged", self.merged)):
            if amount:
                count(name, amount)


def local_to_utc(naive: dt.datetime, zone_name: str | None) -> dt.datetime:
    """A wall-clock time in ``zone_name`` (UTC when not configured) as UTC."""
    zone = zoneinfo.ZoneInfo(zone_name) if zone_name else dt.timezone.utc
    return naive.replace(tzinfo=zone).astimezone(dt.timezone.utc)


def post_reference(channel: Channel, message: Message) -> str:
    """``https://t.me/<username>/<id>`` when the username is known, else ``tg:<channel>:<id>``."""
    if message.message_id is None:
        return f"tg:{quote(channel.channel_id or channel.name, safe='')}:index{message.ordinal}"
    if channel.username:
        return f"https://t.me/{channel.username}/{message.message_id}"
    return f"tg:{quote(channel.channel_id or channel.name, safe='')}:{message.message_id}"


class PostAssembler:
    """Turns a chat's messages, in order, into posts: an album's messages become one."""

    def __init__(self, channel: Channel, tally: Tally):
        self._channel = channel
        self._tally = tally
        self._album: list[Message] = []

    def add(self, message: Message) -> Iterator[RawItem]:
        if self._album and _continues_album(self._album, message):
            self._album.append(message)
            return
        yield from self.flush()
        self._album = [message]

    def flush(self) -> Iterator[RawItem]:
        album, self._album = self._album, []
        if not album:
            return
        captioned = [message for message in album if message.text.strip()]
        if not captioned:
            self._tally.empty += len(album)
            return
        self._tally.merged += len(album) - 1
        yield self._item(captioned[0], album_size=len(album))

    def _item(self, message: Message, album_size: int) -> RawItem:
        reference = post_reference(self._channel, message)
        flags = message.flags + (("album",) if album_size > 1 else ())
        return RawItem(source_type=TELEGRAM, source_name=self._channel.name, url=reference,
                       guid=reference, title=headline_of(message.text),
                       published_at=message.sent_at, body=message.text, body_format="text",
                       fetched_at=self._channel.fetched_at, flags=flags,
                       position=message.position)


def _continues_album(album: list[Message], message: Message) -> bool:
    """Telegram sends an album as consecutive messages of one sender within a second,
    each with one photo or file and at most one of them with the caption."""
    last = album[-1]
    return (message.has_media and last.has_media
            and message.message_id is not None and last.message_id is not None
            and message.message_id == last.message_id + 1
            and message.sender == last.sender
            and message.sent_at is not None and last.sent_at is not None
            and abs(message.sent_at - last.sent_at) <= ALBUM_WINDOW
            and not (message.text.strip() and any(m.text.strip() for m in album)))
