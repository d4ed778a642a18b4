"""The index of earlier runs under ``--state DIR`` (a local path or any Beam filesystem URL).

Layout: ``DIR/dedup/<PARAMS_VERSION>/index-<run start>-<digest>.npz``, one compact file
per run with the fingerprints (keys, signatures, cluster) of every story it wrote. A run
reads the files of the last ``window_days`` and, at its end, writes its own and deletes
files older than the window. Files of another parameter version are never read: their
signatures are not comparable. They are reported with a warning and deleted when the
new index is written, so the index is rebuilt from the runs that follow.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import re
from typing import Iterable, Iterator, Sequence

import numpy as np
from apache_beam.io.filesystems import FileSystems

from transforms.dedup import params
from transforms.dedup.clusters import Fingerprint

LOG = logging.getLogger(__name__)
_STAMP = "%Y%m%dT%H%M%SZ"
_FILE = re.compile(r"index-(\d{8}T\d{6}Z)-[0-9a-f]+\.npz$")


def _version_dir_name(version: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", version)


def _index_root(state: str) -> str:
    return FileSystems.join(state, "dedup")


def _match(pattern: str) -> list[str]:
    try:
        results = FileSystems.match([pattern])
    except Exception:  # noqa: BLE001 - a missing state dir is the first run, not an error
        return []
    return sorted(meta.path for result in results for meta in result.metadata_list)


def _run_start(path: str) -> dt.datetime | None:
    found = _FILE.search(path)
    if not found:
        return None
    return dt.datetime.strptime(found.group(1), _STAMP).replace(tzinfo=dt.timezone.utc)


def _split_files(state: str, run_started: dt.datetime, window_days: int,
                 version: str) -> tuple[list[str], list[str]]:
    """(files to read, files to delete): current version within the window vs the rest."""
    current = _version_dir_name(version)
    oldest = run_started - dt.timedelta(days=window_days)
    keep, stale = [], []
    for path in _match(FileSystems.join(_index_root(state), "*", "index-*.npz")):
        started = _run_start(path)
        in_version = FileSystems.split(FileSystems.split(path)[0])[1] == current
        (keep if in_version and started is not None and oldest <= started <= run_started
         else stale).append(path)
    return keep, stale


def index_files(state: str, run_started: dt.datetime, window_days: int,
                version: str = params.PARAMS_VERSION) -> list[str]:
    """The index files a run reads; warns when an index of other parameters is dropped."""
    keep, stale = _split_files(state, run_started, window_days, version)
    other_versions = [path for path in stale if _version_dir_name(version) not in path]
    if other_versions:
        LOG.warning("dedup state %s holds %d index files built with other parameters than %s; "
                    "they are not used and the index is rebuilt from this run on",
                    state, len(other_versions), version)
    return keep


def _pack(name: str, rows: Sequence[Sequence[int]], arrays: dict) -> None:
    arrays[f"{name}_offsets"] = np.cumsum([0] + [len(r) for r in rows], dtype=np.int64)
    arrays[name] = np.fromiter((k for r in rows for k in r), dtype=np.int64)


def _unpack(name: str, data) -> list[tuple[int, ...]]:
    offsets, values = data[f"{name}_offsets"].tolist(), data[name].tolist()
    return [tuple(values[offsets[i]:offsets[i + 1]]) for i in range(len(offsets) - 1)]


def _stack(arrays: list[np.ndarray], width: int) -> np.ndarray:
    return (np.stack(arrays).astype(np.uint32) if arrays
            else np.empty((0, width), dtype=np.uint32))


def encode_index(entries: Sequence[Fingerprint], version: str = params.PARAMS_VERSION) -> bytes:
    arrays = {
        "params_version": np.array(version),
        "story_id": np.array([e.story_id for e in entries], dtype=str),
        "cluster_id": np.array([e.cluster_id for e in entries], dtype=str),
        "canonical_id": np.array([e.canonical_id for e in entries], dtype=str),
        "content_hash": np.array([e.content_hash for e in entries], dtype=str),
        "time": np.array([e.time for e in entries], dtype=np.int64),
        "canonical_time": np.array([e.canonical_time for e in entries], dtype=np.int64),
        "short": np.array([e.short for e in entries], dtype=bool),
        "size": np.array([e.size for e in entries], dtype=np.int64),
        "length": np.array([e.length for e in entries], dtype=np.int64),
        "signature": _stack([e.signature for e in entries], params.NUM_PERM),
        "lead": _stack([e.lead for e in entries], params.LEAD_PERM),
    }
    _pack("keys", [e.keys for e in entries], arrays)
    _pack("ingest_keys", [e.ingest_keys for e in entries], arrays)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    return buffer.getvalue()


def decode_index(blob: bytes, version: str = params.PARAMS_VERSION) -> list[Fingerprint]:
    with np.load(io.BytesIO(blob), allow_pickle=False) as archive:
        data = {name: archive[name] for name in archive.files}  # each access decompresses
    found = str(data["params_version"])
    if found != version:
        raise ValueError(f"index built with {found}, this run uses {version}")
    keys, ingest = _unpack("keys", data), _unpack("ingest_keys", data)
    columns = {name: data[name].tolist() for name in
               ("story_id", "cluster_id", "canonical_id", "content_hash", "time",
                "canonical_time", "short", "size", "length")}
    return [Fingerprint(story_id=columns["story_id"][i], time=columns["time"][i],
                        content_hash=columns["content_hash"][i], short=columns["short"][i],
                        size=columns["size"][i], length=columns["length"][i],
                        signature=data["signature"][i].copy(),
                        lead=data["lead"][i].copy(),
                        keys=keys[i], ingest_keys=ingest[i], cluster_id=columns["cluster_id"][i],
                        canonical_id=columns["canonical_id"][i],
                        canonical_time=columns["canonical_time"][i])
            for i in range(len(keys))]


def read_index_file(path: str) -> Iterator[Fingerprint]:
    with FileSystems.open(path) as handle:
        blob = handle.read()
    try:
        entries = decode_index(blob)
    except ValueError as error:  # a file of other parameters: never mixed in
        LOG.warning("dedup state file %s skipped: %s", path, error)
        return
    yield from entries


def write_index(state: str, run_started: dt.datetime, window_days: int,
                entries: Iterable[Fingerprint], version: str = params.PARAMS_VERSION) -> str | None:
    """Writes this run's index file and deletes files outside the window or of other versions."""
    entries = sorted(entries, key=lambda e: e.story_id)
    _, stale = _split_files(state, run_started, window_days, version)
    if stale:
        FileSystems.delete(stale)
    if not entries:
        return None
    digest = hashlib.sha1("\n".join(e.story_id for e in entries).encode()).hexdigest()[:16]
    folder = FileSystems.join(_index_root(state), _version_dir_name(version))
    path = FileSystems.join(folder, f"index-{run_started.astimezone(dt.timezone.utc).strftime(_STAMP)}"
                                    f"-{digest}.npz")
    # create() makes missing folders on local disks; object stores have none to make.
    with FileSystems.create(path) as handle:
        handle.write(encode_index(entries, version))
    return path
