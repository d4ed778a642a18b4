"""What the sources remember between runs, under ``--state DIR`` (local path or gs://).

``DIR/sources/feeds/<sha1 of the feed URL>.json``: one small file per feed URL with its
conditional-GET validators (ETag, Last-Modified), where a permanent redirect sent it,
and since when it is gone (HTTP 410). Each feed is fetched by exactly one worker per
run, so each file has one writer.

``DIR/sources/seen/index-<run start>-<id>.jsonl.gz``: the seen-item index, one
snapshot per run, one line per feed item seen within the window (normalised link,
first GUID, content hash of the feed entry, first and last seen day, and where its
article page is archived). A run reads the newest snapshot, writes a new one
(earlier entries + this run's, pruned to the window) and deletes older snapshots but
the one it read, so a run killed while writing leaves the previous snapshot usable.

Every file is written to a temporary name and renamed, so readers never see half a file.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import hashlib
import json
import re
import uuid
from typing import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

from schemas.records import RawItem
from transforms.sources.http import Validators

_STAMP = "%Y%m%dT%H%M%SZ"
# Flag of a feed item without a link of its own (none, or one other items of its feed share).
LINK_NOT_IDENTITY = "link_not_identity"
_SNAPSHOT = re.compile(r"index-(\d{8}T\d{6}Z)-[0-9a-f]+\.jsonl\.gz$")
_TRACKING_PARAMETERS = re.compile(r"^(utm_[a-z]+|fbclid|gclid|yclid|mc_cid|mc_eid|_ga|ref_src)$", re.I)


def write_atomically(path: str, data: bytes) -> None:
    temporary = f"{path}.tmp-{uuid.uuid4().hex}"
    with FileSystems.create(temporary, compression_type=CompressionTypes.UNCOMPRESSED) as handle:
        handle.write(data)
    FileSystems.rename([temporary], [path])


def _read(path: str) -> bytes | None:
    try:
        with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as handle:
            return handle.read()
    except (OSError, IOError):
        return None


def _match(pattern: str) -> list[str]:
    try:
        return sorted(m.path for result in FileSystems.match([pattern]) for m in result.metadata_list)
    except Exception:  # noqa: BLE001 - a state folder that does not exist yet is the first run
        return []


# ---- per-feed state ----

@dataclasses.dataclass(frozen=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None  # target of a permanent redirect: fetched from there next time
    gone_since: str | None = None  # ISO date of the 410

    @property
    def validators(self) -> Validators:
        return Validators(self.etag, self.last_modified)


class FeedStates:
    def __init__(self, state: str):
        self._folder = FileSystems.join(state, "sources", "feeds")

    def _path(self, url: str) -> str:
        return FileSystems.join(self._folder, hashlib.sha1(url.encode("utf-8")).hexdigest() + ".json")

    def load(self, url: str) -> FeedState:
        data = _read(self._path(url))
        if data is None:
            return FeedState(url)
        try:
            stored = json.loads(data)
            fields = {field.name for field in dataclasses.fields(FeedState)}
            return FeedState(**{key: value for key, value in stored.items() if key in fields})
        except (ValueError, TypeError):  # a damaged file only costs one unconditional fetch
            return FeedState(url)

    def save(self, feed: FeedState) -> None:
        if not FileSystems.exists(self._folder):
            FileSystems.mkdirs(self._folder)
        write_atomically(self._path(feed.url),
                         json.dumps(dataclasses.asdict(feed), sort_keys=True).encode("utf-8"))


# ---- seen-item index ----

def normalise_link(url: str) -> str:
    """One spelling per article: https, lower-case host, no default port, no fragment,
    no tracking parameters, sorted query, no trailing slash."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return url.strip()
    if not host:
        return url.strip()
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    query = urlencode(sorted((key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True)
                             if not _TRACKING_PARAMETERS.match(key)))
    return urlunsplit(("https", netloc, parts.path.rstrip("/") or "/", query, ""))


def item_key(item: RawItem) -> str:
    """The normalised link, or the GUID when the item has no link of its own."""
    return f"guid:{item.guid}" if LINK_NOT_IDENTITY in item.flags else normalise_link(item.url)


def entry_hash(item: RawItem) -> str:
    return hashlib.sha1(f"{item.title}\x1f{item.body}".encode("utf-8")).hexdigest()[:16]


@dataclasses.dataclass(frozen=True)
class SeenEntry:
    link: str  # normalised
    guid: str  # the first GUID seen for the link: later GUIDs are mapped to it
    content_hash: str
    first_seen: str  # ISO date
    last_seen: str
    archived: tuple[str, int] | None = None  # WARC file and offset of the article page

    @classmethod
    def of(cls, item: RawItem, day: dt.date, archived: tuple[str, int] | None = None) -> "SeenEntry":
        return cls(item_key(item), item.guid, entry_hash(item), day.isoformat(), day.isoformat(), archived)

    def merged(self, later: "SeenEntry") -> "SeenEntry":
        """This (earlier) entry seen again: its identity stays, the rest is updated."""
        return dataclasses.replace(self, last_seen=max(self.last_seen, later.last_seen),
                                   first_seen=min(self.first_seen, later.first_seen),
                                   archived=later.archived or self.archived)


class SeenIndex:
    """Lookup by normalised link, then by GUID (a feed that changed its links)."""

    def __init__(self, entries: Iterable[SeenEntry] = ()):
        self.by_link: dict[str, SeenEntry] = {}
        self._by_guid: dict[str, SeenEntry] = {}
        for entry in entries:
            self.add(entry)

    def add(self, entry: SeenEntry) -> None:
        earlier = self.by_link.get(entry.link)
        entry = earlier.merged(entry) if earlier else entry
        self.by_link[entry.link] = entry
        self._by_guid.setdefault(entry.guid, entry)

    def lookup(self, item: RawItem) -> SeenEntry | None:
        return self.by_link.get(item_key(item)) or self._by_guid.get(item.guid)

    def __len__(self) -> int:
        return len(self.by_link)


def _seen_folder(state: str) -> str:
    return FileSystems.join(state, "sources", "seen")


def _snapshots(state: str) -> list[str]:
    """Snapshot files, oldest first."""
    paths = [path for path in _match(FileSystems.join(_seen_folder(state), "index-*.jsonl.gz"))
             if _SNAPSHOT.search(path)]
    return sorted(paths, key=lambda path: _SNAPSHOT.search(path).group(1))


def load_seen(state: str) -> list[SeenEntry]:
    """The entries of the newest snapshot (none on a first run)."""
    snapshots = _snapshots(state)
    data = _read(snapshots[-1]) if snapshots else None
    if not data:
        return []
    entries = []
    for line in gzip.decompress(data).splitlines():
        row = json.loads(line)
        archived = tuple(row["archived"]) if row.get("archived") else None
        entries.append(SeenEntry(row["link"], row["guid"], row["content_hash"], row["first_seen"],
                                 row["last_seen"], archived))
    return entries


def write_seen(state: str, earlier: Iterable[SeenEntry], this_run: Iterable[SeenEntry],
               run_started: dt.datetime, window_days: int) -> str:
    """Writes the next snapshot and deletes older ones but the newest before it."""
    index = SeenIndex(earlier)
    for entry in this_run:
        index.add(entry)
    oldest = (run_started.date() - dt.timedelta(days=window_days)).isoformat()
    kept = sorted((entry for entry in index.by_link.values() if entry.last_seen >= oldest),
                  key=lambda entry: entry.link)
    lines = "".join(json.dumps(dataclasses.asdict(entry), sort_keys=True) + "\n" for entry in kept)
    folder = _seen_folder(state)
    if not FileSystems.exists(folder):
        FileSystems.mkdirs(folder)
    previous = _snapshots(state)
    path = FileSystems.join(folder, f"index-{run_started.strftime(_STAMP)}-{uuid.uuid4().hex[:12]}.jsonl.gz")
    write_atomically(path, gzip.compress(lines.encode("utf-8"), mtime=0))
    if len(previous) > 1:
        FileSystems.delete(previous[:-1])
    return path
