"""File access shared by the readers.

Everything goes through Beam's ``FileSystems`` so a ``gs://`` location reads like a
local path on Dataflow workers. A file's ``fetched_at`` is its last-modified time, so
rerunning on the same files produces identical rows.
"""
from __future__ import annotations

import datetime as dt
import os
import pathlib
import re
from typing import BinaryIO

from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from charset_normalizer import from_bytes

from schemas.records import Reject

MiB = 1024 * 1024
_READ_CHUNK = 1 * MiB
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class InputTooLarge(Exception):
    """A file or response larger than the configured cap (checked after decompression)."""


def is_url(location: str) -> bool:
    return location.lower().startswith(("http://", "https://"))


def is_remote(location: str) -> bool:
    """A location on a Beam filesystem other than the local one (gs://, s3://, ...)."""
    return "://" in location and not location.startswith("file://")


def local_path(location: str) -> str:
    return location[len("file://"):] if location.startswith("file://") else location


def file_uri(location: str) -> str:
    """The story URL of a file: ``file:///abs/path`` locally, the URL as given otherwise."""
    if is_remote(location):
        return location
    return pathlib.Path(os.path.abspath(local_path(location))).as_uri()


def file_name(location: str) -> str:
    return location.rstrip("/").rsplit("/", 1)[-1]


def is_directory(location: str) -> bool:
    if is_remote(location):
        return location.endswith("/") or not FileSystems.exists(location)
    return os.path.isdir(local_path(location))


def modified_at(location: str) -> dt.datetime:
    """Last-modified time of a file, UTC.

    Asked of the file itself, not through ``FileSystems.match``: a match compiles the
    path as a glob pattern (a regex per file, ~0.3 ms) and would read ``[`` in a file
    name as a character class."""
    path = local_path(location)
    if not FileSystems.exists(path):
        raise FileNotFoundError(location)
    return dt.datetime.fromtimestamp(FileSystems.last_updated(path), tz=dt.timezone.utc)


def open_stream(location: str) -> BinaryIO:
    """A binary stream over the file, decompressed when the name says .gz/.bz2/..."""
    return FileSystems.open(local_path(location), compression_type=CompressionTypes.AUTO)


class CappedReader:
    """A binary stream that raises ``InputTooLarge`` once more than ``max_bytes`` are read."""

    def __init__(self, raw: BinaryIO, max_bytes: int, what: str):
        self._raw = raw
        self._left = max_bytes
        self._max_bytes = max_bytes
        self._what = what

    def read(self, size: int = -1) -> bytes:
        chunk = self._raw.read(_READ_CHUNK if size is None or size < 0 else size)
        self._left -= len(chunk)
        if self._left < 0:
            raise InputTooLarge(f"{self._what} is larger than {self._max_bytes} bytes (after decompression)")
        return chunk


def read_capped(stream: BinaryIO, max_bytes: int, what: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(_READ_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise InputTooLarge(f"{what} is larger than {max_bytes} bytes (after decompression)")
        chunks.append(chunk)


def read_bytes(location: str, max_bytes: int) -> bytes:
    """The whole (decompressed) file, refusing more than ``max_bytes``."""
    with open_stream(location) as stream:
        return read_capped(stream, max_bytes, location)


_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16/32 text has NUL bytes and starts with one of these


def looks_binary(data: bytes) -> bool:
    """NUL bytes near the start of a document without a UTF-16/32 byte order mark: an
    image, an archive or a database file, not text."""
    return b"\x00" in data[:8192] and not data.startswith(_WIDE_BOMS)


BINARY_DETAIL = "the file holds NUL bytes and no UTF-16/32 byte order mark: not a text document"


def document_bytes(location: str, source_type: str,
                   max_bytes: int) -> tuple[dt.datetime, bytes | Reject]:
    """A document file's modified time and bytes, or the reject that says why it cannot be
    read as a document (over the size cap, binary)."""
    fetched_at = modified_at(location)
    try:
        data = read_bytes(location, max_bytes)
    except InputTooLarge as error:
        return fetched_at, source_reject(source_type, location, "file_too_large", str(error), fetched_at)
    if looks_binary(data):
        return fetched_at, source_reject(source_type, location, "binary_file", BINARY_DETAIL, fetched_at)
    return fetched_at, data


def decode_document(data: bytes, *, html: bool = False) -> tuple[str, tuple[str, ...]]:
    """Bytes -> text, with the flag ``encoding_guessed`` when the encoding had to be guessed.

    UTF-8 (with or without BOM) first; for HTML the page's own ``<meta charset>``; then
    charset-normalizer's best guess; as a last resort UTF-8 with replacement characters.
    """
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    if html:
        declared = _META_CHARSET.search(data[:8192])
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii")), ()
            except (LookupError, UnicodeDecodeError):
                pass
    guess = from_bytes(data).best()
    if guess is not None:
        return str(guess), ("encoding_guessed",)
    return data.decode("utf-8", errors="replace"), ("encoding_guessed",)


def source_reject(source_type: str, source_ref: str, reason: str, detail: str,
                  when: dt.datetime | dt.date) -> Reject:
    """A reject for a whole source or one item of it (``source_ref`` = file or URL[#position])."""
    day = when.date() if isinstance(when, dt.datetime) else when
    return Reject(stage="read", reason=reason, source_type=source_type, source_ref=source_ref,
                  detail=detail[:2000], date=day)
