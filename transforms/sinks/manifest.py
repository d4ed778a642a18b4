"""The run manifest (``_runs/<run>.json``) and the run's closing step.

The closing step runs once every table is written: it removes files this run id
wrote in an earlier attempt but not in this one (a rerun whose rows moved to another
partition must not leave the old copies behind, and a killed run's temporary files go
too), then writes the manifest. Its counts
come from the rows actually written, so ``read = stories + duplicates + rejects`` is a
check of the run, not an assumption.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Iterable

import apache_beam as beam
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics

from transforms.sinks.parquet import WrittenFile
from transforms.sinks.partitions import part_file_globs, temporary_path

RUN_ID_NAMESPACE = "incidentflow.run_id"
TABLES = ("stories", "incidents", "rejects")
_LOG = logging.getLogger(__name__)


def manifest_path(output: str, run_id: str) -> str:
    return FileSystems.join(output, "_runs", f"{run_id}.json")


def run_counts(events: dict[str, int], files: Iterable[WrittenFile]) -> dict[str, int]:
    """The manifest's counts from what the stages counted and what the writers wrote."""
    files = list(files)
    story_rows = sum(f.rows for f in files if f.table == "stories")
    duplicate_rows = sum(f.duplicate_rows for f in files if f.table == "stories")
    already_ingested = events.get("already_ingested", 0)
    return {
        "read": events.get("items_read", 0) + events.get("sources_rejected", 0),
        "stories": story_rows - duplicate_rows,
        "duplicates": duplicate_rows + already_ingested,
        "already_ingested": already_ingested,
        "rejects": events.get("items_rejected", 0) + events.get("sources_rejected", 0),
        "extraction_errors": events.get("extraction_errors", 0),
        "incidents": sum(f.rows for f in files if f.table == "incidents"),
    }


def is_balanced(counts: dict[str, int]) -> bool:
    return counts["read"] == counts["stories"] + counts["duplicates"] + counts["rejects"]


def write_json(path: str, document: dict) -> None:
    temporary = temporary_path(path)
    with FileSystems.create(temporary, mime_type="application/json",
                            compression_type=CompressionTypes.UNCOMPRESSED) as handle:
        handle.write(json.dumps(document, indent=2, sort_keys=True, default=str).encode("utf-8"))
    FileSystems.rename([temporary], [path])


def read_json(path: str) -> dict:
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as handle:
        return json.loads(handle.read().decode("utf-8"))


def remove_stale_files(output: str, run_id: str, written: set[str]) -> list[str]:
    stale = []
    for table in TABLES:
        for result in FileSystems.match(part_file_globs(output, table, run_id)):
            stale.extend(m.path for m in result.metadata_list if m.path not in written)
    if stale:
        FileSystems.delete(stale)
    return sorted(stale)


class _CloseRun(beam.DoFn):
    def __init__(self, output: str, inputs: list[str], started_at: dt.datetime):
        self._output = output
        self._inputs = inputs
        self._started_at = started_at

    def process(self, _, run_id: str, files: list[WrittenFile], events: dict[str, int]):
        written = {f.path for f in files}
        removed = remove_stale_files(self._output, run_id, written)
        counts = run_counts(events, files)
        balanced = is_balanced(counts)
        if not balanced:
            _LOG.error("run %s does not add up: read=%d but stories+duplicates+rejects=%d",
                       run_id, counts["read"],
                       counts["stories"] + counts["duplicates"] + counts["rejects"])
        manifest = {
            "run_id": run_id,
            "started_at": self._started_at.isoformat(),
            "inputs": self._inputs,
            "counts": counts,
            "balanced": balanced,
            "files": {table: sorted(f.path for f in files if f.table == table) for table in TABLES},
            "removed_stale_files": removed,
        }
        write_json(manifest_path(self._output, run_id), manifest)
        # The driver learns the run id (decided inside the pipeline) from this counter's name.
        Metrics.counter(RUN_ID_NAMESPACE, run_id).inc()
        yield manifest


class CloseRun(beam.PTransform):
    """Once all tables are written: remove stale files of this run, write the manifest."""

    def __init__(self, output: str, inputs: list[str], started_at: dt.datetime,
                 run_id, written_files, events):
        super().__init__()
        self._output = output
        self._inputs = inputs
        self._started_at = started_at
        self._side_inputs = (beam.pvalue.AsSingleton(run_id), beam.pvalue.AsList(written_files),
                             beam.pvalue.AsDict(events))

    def expand(self, pbegin):
        return (pbegin
                | "Once" >> beam.Create([None])
                | "CloseRun" >> beam.ParDo(_CloseRun(self._output, self._inputs, self._started_at),
                                           *self._side_inputs))
