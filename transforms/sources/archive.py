"""Raw responses kept as WARC (warcio), so a past run can be re-extracted without the network.

Each per-host fetch writes one ``<folder>/<run start>-<host>-<id>.warc.gz`` with a
``response`` record per feed or page it fetched (body decompressed, so the stored
headers drop Content-Encoding and Content-Length). A record's (file, offset) is what
the seen-item index keeps for an article page, so an item seen before is re-read
from the archive instead of fetched again.

``--replay FOLDER`` builds an ``ArchiveFetcher`` over a folder of these files: it
answers the newest record for a URL (requested or final) and never touches the network.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import uuid
from typing import BinaryIO

from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from transforms.sources.http import Fetched, FetchError, FetchSettings, Validators

REQUESTED_URI = "WARC-Incidentflow-Requested-URI"
_DROPPED_HEADERS = {"content-encoding", "content-length", "transfer-encoding"}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def archive_folder(state: str | None, output: str | None) -> str | None:
    """Under the state folder when there is one (it outlives outputs), else the output's."""
    if state:
        return FileSystems.join(state, "sources", "warc")
    return FileSystems.join(output, "_warc") if output else None


class ArchiveWriter:
    """Appends response records to one WARC file, opened on the first record."""

    def __init__(self, folder: str, label: str, run_started: dt.datetime):
        name = f"{run_started.strftime('%Y%m%dT%H%M%SZ')}-{_UNSAFE.sub('_', label)[:80]}-{uuid.uuid4().hex[:12]}"
        self._folder = folder
        self.path = FileSystems.join(folder, f"{name}.warc.gz")
        self._temporary = f"{self.path}.tmp"
        self._stream: BinaryIO | None = None
        self._offset = 0

    def write(self, fetched: Fetched) -> tuple[str, int]:
        """Archives one response; returns where its record starts."""
        if self._stream is None:
            if not FileSystems.exists(self._folder):
                FileSystems.mkdirs(self._folder)
            self._stream = FileSystems.create(self._temporary,
                                              compression_type=CompressionTypes.UNCOMPRESSED)
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=True)
        headers = [(name, value) for name, value in fetched.headers
                   if name.lower() not in _DROPPED_HEADERS]
        record = writer.create_warc_record(
            fetched.url, "response", payload=io.BytesIO(fetched.content),
            http_headers=StatusAndHeaders(f"{fetched.status} OK", headers, protocol="HTTP/1.1"),
            warc_headers_dict={REQUESTED_URI: fetched.requested_url,
                               "WARC-Date": fetched.fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ")})
        writer.write_record(record)
        offset = self._offset
        data = buffer.getvalue()
        self._stream.write(data)
        self._offset += len(data)
        return self.path, offset

    def close(self) -> None:
        """Publishes the file under its final name (a killed run leaves only a .tmp)."""
        if self._stream is not None:
            self._stream.close()
            self._stream = None
            FileSystems.rename([self._temporary], [self.path])


def _fetched_of(record, requested: str | None = None) -> Fetched:
    headers = tuple(record.http_headers.headers) if record.http_headers else ()
    when = record.rec_headers.get_header("WARC-Date") or ""
    try:
        fetched_at = dt.datetime.strptime(when, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    except ValueError:
        fetched_at = dt.datetime.now(dt.timezone.utc)
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    return Fetched(requested_url=requested or record.rec_headers.get_header(REQUESTED_URI) or url,
                   url=url, status=int(record.http_headers.get_statuscode() or 200),
                   content=record.content_stream().read(),
                   content_type=record.http_headers.get_header("Content-Type") or "",
                   fetched_at=fetched_at, headers=headers)


def read_archived(path: str, offset: int) -> Fetched:
    """The response record at ``offset`` of a WARC file."""
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as stream:
        stream.seek(offset)
        for record in ArchiveIterator(stream):
            return _fetched_of(record)
    raise FetchError("archive_unreadable", f"no WARC record at {path}@{offset}")


class ArchiveFetcher:
    """Answers requests from a folder of WARC files (``--replay``); never the network."""

    def __init__(self, folder: str, settings: FetchSettings = FetchSettings()):
        self.settings = settings
        self._where: dict[str, tuple[str, str, int]] = {}  # url -> (WARC-Date, file, offset)
        pattern = FileSystems.join(folder, "*.warc.gz")
        for result in FileSystems.match([pattern]):
            for metadata in result.metadata_list:
                self._index(metadata.path)

    def _index(self, path: str) -> None:
        with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.rec_type != "response":
                    continue
                when = record.rec_headers.get_header("WARC-Date") or ""
                offset = records.get_record_offset()
                for url in {record.rec_headers.get_header("WARC-Target-URI"),
                            record.rec_headers.get_header(REQUESTED_URI)} - {None}:
                    if url not in self._where or self._where[url][0] <= when:
                        self._where[url] = (when, path, offset)

    def __len__(self) -> int:
        return len(self._where)

    def get(self, url: str, validators: Validators | None = None,
            settings: FetchSettings | None = None) -> Fetched:
        found = self._where.get(url)
        if found is None:
            raise FetchError("not_in_archive", f"{url} is not in the replay archive")
        return read_archived(found[1], found[2])

    def close(self) -> None:
        """Nothing to release: each read opens and closes its file."""
