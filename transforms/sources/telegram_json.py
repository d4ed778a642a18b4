"""Telegram Desktop JSON exports -> posts, streamed with ijson (exports run to gigabytes).

Both shapes: a single chat (``result.json`` with ``name``, ``id``, ``messages``) and
the full-account export (``chats.list[*]`` and ``left_chats.list[*]``, each with its
``messages``). Only ``type == "message"`` becomes a post (see telegram_common for how
every other message is accounted for). source_name: a single chat's configured source
name, else the chat's name; in a full-account export each chat's own name.

Text: ``text_entities`` when present (every run an object: the same text as ``text``
in one shape), else ``text`` (a string, or a list of strings and runs). Runs are
joined; a ``text_link`` run keeps its target as ``text (href)`` so the link stays
visible to analysts. Time: ``date_unixtime`` (UTC); older exports only have the
exporter-local ``date``: read in the source's ``timezone`` option (else as UTC) and
flagged ``date_exporter_local``.

Some exporter versions write ``\\xHH`` escapes, which JSON does not allow; they are
rewritten to ``\\u00HH`` while streaming. A truncated or invalid export keeps what was
read and adds one reject with the parse error and where it happened.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, BinaryIO, Iterator

import ijson

from schemas.records import RawItem, Reject
from transforms.sources.files import modified_at, open_stream, source_reject
from transforms.sources.specs import TELEGRAM, InputSpec
from transforms.sources.telegram_common import (Channel, Message, PostAssembler, Tally,
                                                local_to_utc)

_ACCOUNT_CHAT_PREFIXES = ("chats.list.item", "left_chats.list.item")
_CHAT_PREFIXES = ("", *_ACCOUNT_CHAT_PREFIXES)
_MESSAGE_PREFIXES = tuple(f"{chat}.messages.item".lstrip(".") for chat in _CHAT_PREFIXES)
_CHAT_KEYS = ("name", "id")
_HEAD_EVENTS = 10_000
_MEDIA_KEYS = ("photo", "file", "media_type", "sticker_emoji", "location_information", "poll")


class EscapeRepairingReader:
    """A binary stream that rewrites ``\\xHH`` escapes to ``\\u00HH`` as it is read.

    Every ``\\`` escape is matched as a pair, so an escaped backslash followed by
    ``x41`` is left alone; an escape cut by a chunk boundary is carried to the next read.
    """

    _ESCAPE = re.compile(rb"\\(?:x([0-9A-Fa-f]{2})|.)", re.S)
    _CHUNK = 1 << 20

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self._carry = b""
        self.consumed = 0  # bytes of the file handed to the parser so far

    def read(self, size: int = -1) -> bytes:
        if size == 0:
            return b""
        while True:
            chunk = self._raw.read(size if size > 0 else self._CHUNK)
            data, self._carry = self._carry + chunk, b""
            if not chunk:
                return self._repair(data, final=True)
            repaired = self._repair(data, final=False)
            if repaired:
                return repaired

    def _repair(self, data: bytes, final: bool) -> bytes:
        if b"\\x" not in data and (final or b"\\" not in data[-3:]):
            self.consumed += len(data)
            return data
        cutoff = len(data) if final else len(data) - 3
        pieces, copied, matched_until = [], 0, 0
        for match in self._ESCAPE.finditer(data):
            if match.start() >= cutoff:
                break
            matched_until = match.end()
            if match.group(1) is not None:
                pieces += [data[copied:match.start()], b"\\u00", match.group(1)]
                copied = match.end()
        cut = max(cutoff, matched_until)
        pieces.append(data[copied:cut])
        self._carry = data[cut:]
        self.consumed += cut
        return b"".join(pieces)


def read_telegram_json(spec: InputSpec) -> Iterator[RawItem | Reject]:
    fetched_at = modified_at(spec.location)
    with open_stream(spec.location) as raw:
        head = export_head(EscapeRepairingReader(raw))
    with open_stream(spec.location) as raw:
        yield from parse_export(EscapeRepairingReader(raw), spec=spec, fetched_at=fetched_at,
                                head=head)


def export_head(stream: EscapeRepairingReader) -> dict[str, str] | None:
    """A single-chat export's name and id, read from the file's head (they come before
    its messages); None for a full-account export or a file that does not say early."""
    info: dict[str, str] = {}
    try:
        for events, (prefix, event, value) in enumerate(ijson.parse(stream)):
            if prefix == "messages" and event == "start_array":
                return info
            if prefix in ("chats", "left_chats") or events > _HEAD_EVENTS:
                return None
            if prefix in _CHAT_KEYS and event in ("string", "number"):
                info[prefix] = str(value)
    except (ijson.JSONError, ValueError):
        pass  # parse_export reports it, with the position
    return None


def parse_export(stream: EscapeRepairingReader, *, spec: InputSpec, fetched_at: dt.datetime,
                 head: dict[str, str] | None = None) -> Iterator[RawItem | Reject]:
    """Every post of an export, or with ``head`` (from ``export_head``) of a single-chat
    export, whose messages ijson then builds in C, several times faster."""
    tally = Tally()
    chat: _ChatState | None = None
    messages_seen = 0
    last_message: Message | None = None
    messages = (((head, False), raw) for raw in ijson.items(stream, "messages.item")) \
        if head is not None else _messages_of_any_shape(stream)
    try:
        for (info, account), raw in messages:
            if chat is None or chat.info is not info:
                if chat is not None:
                    yield from chat.finish()
                chat = _ChatState(spec, fetched_at, tally, account=account, info=info)
            messages_seen += 1
            if not isinstance(raw, dict):
                yield source_reject(TELEGRAM, f"{spec.location}#index{messages_seen}",
                                    "telegram_bad_message", f"a message that is not an object: "
                                    f"{str(raw)[:200]}", fetched_at)
                continue
            last_message = chat.message(raw, messages_seen)
            yield from chat.add(raw, last_message)
    except (ijson.JSONError, ValueError) as error:
        if chat is not None:
            yield from chat.finish()
        tally.report()
        where = f"#after-message={_message_label(last_message)}" if last_message else ""
        yield source_reject(TELEGRAM, spec.location + where, "telegram_invalid_json",
                            f"{error} (near byte {stream.consumed}; {messages_seen} messages "
                            "read before it were kept)", fetched_at)
        return
    if chat is not None:
        yield from chat.finish()
    tally.report()
    if not messages_seen:
        yield source_reject(TELEGRAM, spec.location, "telegram_no_messages",
                            "no 'messages' list found: is this a Telegram Desktop JSON export "
                            "(result.json)?", fetched_at)


def _messages_of_any_shape(stream: EscapeRepairingReader) -> Iterator[tuple[tuple[dict, bool], dict]]:
    """((chat info, is account export), message) for every message of either shape."""
    chat: tuple[dict[str, str], bool] = ({}, False)
    builder: ijson.ObjectBuilder | None = None
    message_prefix = ""
    for prefix, event, value in ijson.parse(stream):
        if builder is not None:
            builder.event(event, value)
            if event == "end_map" and prefix == message_prefix:
                yield chat, builder.value
                builder = None
            continue
        head, _, key = prefix.rpartition(".")
        if event == "start_map" and prefix in _MESSAGE_PREFIXES:
            builder = ijson.ObjectBuilder()
            builder.event(event, value)
            message_prefix = prefix
        elif event == "start_map" and prefix in _ACCOUNT_CHAT_PREFIXES:
            chat = ({}, True)
        elif event in ("string", "number") and key in _CHAT_KEYS and head in _CHAT_PREFIXES:
            chat[0][key] = str(value)


def _message_label(message: Message) -> str:
    return str(message.message_id if message.message_id is not None else f"index{message.ordinal}")


class _ChatState:
    """One chat being read: its name/id (which come before its messages) and its posts."""

    def __init__(self, spec: InputSpec, fetched_at: dt.datetime, tally: Tally, account: bool,
                 info: dict[str, str]):
        self.spec = spec
        self.account = account
        self.info = info  # filled while the chat is parsed: name and id precede messages
        self._fetched_at = fetched_at
        self._tally = tally
        self._assembler: PostAssembler | None = None

    def message(self, raw: dict[str, Any], ordinal: int) -> Message:
        message_id = raw.get("id")
        message_id = message_id if isinstance(message_id, int) else None
        flags: list[str] = []
        sent_at = _unix_time(raw.get("date_unixtime"))
        if sent_at is None:
            sent_at = _local_time(raw.get("date"), self.spec.option("timezone"))
            if sent_at is not None:
                flags.append("date_exporter_local")
        if raw.get("forwarded_from") is not None:
            flags.append("forwarded")
        chat_part = f"chat={self.info.get('id') or self.info.get('name', '?')}&" if self.account else ""
        label = message_id if message_id is not None else f"index{ordinal}"
        return Message(message_id=message_id, ordinal=ordinal,
                       sender=str(raw.get("from_id") or raw.get("from") or ""),
                       sent_at=sent_at, text=message_text(raw).strip(),
                       has_media=any(key in raw for key in _MEDIA_KEYS), flags=tuple(flags),
                       position=f"{self.spec.location}#{chat_part}message={label}")

    def add(self, raw: dict[str, Any], message: Message) -> Iterator[RawItem]:
        if raw.get("type") != "message":
            self._tally.service += 1
            return
        if self._assembler is None:
            self._assembler = PostAssembler(self._channel(), self._tally)
        yield from self._assembler.add(message)

    def finish(self) -> Iterator[RawItem]:
        if self._assembler is not None:
            yield from self._assembler.flush()

    def _channel(self) -> Channel:
        chat_name = self.info.get("name", "").strip()
        if self.account:
            name = chat_name or self.spec.name or f"chat {self.info.get('id', '?')}"
        else:
            name = self.spec.name or chat_name or self.spec.derived_name
        username = None if self.account else self.spec.option("username")
        return Channel(name=name, channel_id=self.info.get("id", ""), username=username,
                       fetched_at=self._fetched_at)


def message_text(raw: dict[str, Any]) -> str:
    runs = raw.get("text_entities")
    if not isinstance(runs, list):
        runs = raw.get("text", "")
    if isinstance(runs, str):
        return runs
    parts = []
    for run in runs or ():
        if isinstance(run, str):
            parts.append(run)
        elif isinstance(run, dict):
            text = str(run.get("text") or "")
            href = run.get("href")
            parts.append(f"{text} ({href})" if href and href != text else text)
    return "".join(parts)


def _unix_time(value: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(int(value), tz=dt.timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _local_time(value: Any, zone: str | None) -> dt.datetime | None:
    try:
        return local_to_utc(dt.datetime.fromisoformat(str(value)), zone)
    except (TypeError, ValueError):
        return None
