"""Writes a table as Hive-partitioned Parquet, one file per partition and run.

Rows are grouped by partition and each group is written to a temporary name, then
renamed into place: readers never see a half-written file, and because the file name
is derived from the run id, a rerun over the same inputs replaces its own files
instead of adding rows. (Beam's WriteToFiles is avoided on purpose: it silently writes
nothing when a local partition folder is missing and keeps stale shards when the shard
count changes.)
"""
from __future__ import annotations

from typing import Callable, NamedTuple

import apache_beam as beam
import pyarrow as pa
import pyarrow.parquet as pq
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

from schemas.tables import SCHEMAS
from transforms.sinks.partitions import (part_file_name, partition_dir, partition_values,
                                         temporary_path)


class WrittenFile(NamedTuple):
    table: str
    path: str
    rows: int
    duplicate_rows: int


# Below this much data a partition file is mostly footer and schema: zstd cannot make it
# smaller (a one-row incident file grows by 8 %), yet costs 1 ms a file in codec set-up
# for its 30 columns, which is most of the write when a run spreads over hundreds of
# date and region partitions.
MIN_COMPRESSED_BYTES = 64 * 1024


def compression_for(table: pa.Table) -> str:
    return "zstd" if table.nbytes >= MIN_COMPRESSED_BYTES else "none"


def write_parquet(path: str, rows: list[dict], schema: pa.Schema) -> None:
    """Writes ``rows`` to ``path`` atomically (temporary file, then rename)."""
    table = pa.Table.from_pylist(rows, schema=schema)
    temporary = temporary_path(path)
    with FileSystems.create(temporary, compression_type=CompressionTypes.UNCOMPRESSED) as handle:
        pq.write_table(table, handle, compression=compression_for(table))
    FileSystems.rename([temporary], [path])


class _WritePartition(beam.DoFn):
    def __init__(self, output: str, table: str):
        self._output = output
        self._table = table

    def process(self, keyed_rows, run_id: str):
        key, rows = keyed_rows
        rows = sorted(rows, key=_row_order)  # same inputs, same bytes
        folder = partition_dir(self._output, self._table, key)
        path = FileSystems.join(folder, part_file_name(run_id))
        write_parquet(path, [dict(row, run_id=run_id) for row in rows], SCHEMAS[self._table])
        duplicates = sum(1 for row in rows if row.get("is_duplicate"))
        yield WrittenFile(self._table, path, len(rows), duplicates)


def _row_order(row: dict) -> tuple:
    """Rows in the same order on every run, whatever order the workers delivered them in."""
    key = tuple(str(row.get(name) or "") for name in ("incident_id", "story_id", "source_ref", "reason"))
    return key + (repr(sorted(row.items())),)


class WriteTable(beam.PTransform):
    """records -> WrittenFile per partition file.

    ``to_row(record)`` gives the row without ``run_id``; ``partition(record)`` its
    (date, region), region None for a table partitioned by date only. ``run_id`` is a
    singleton side input, known only once the run has read everything.
    """

    def __init__(self, output: str, table: str, to_row: Callable, partition: Callable,
                 run_id: beam.pvalue.AsSingleton):
        super().__init__(label=f"Write[{table}]")
        self._output = output
        self._table = table
        self._to_row = to_row
        self._partition = partition
        self._run_id = run_id

    def expand(self, records):
        to_row, partition = self._to_row, self._partition
        return (records
                | "KeyByPartition" >> beam.Map(
                    lambda record: (partition_values(*partition(record)), to_row(record)))
                | "GroupByPartition" >> beam.GroupByKey()
                | "WriteFiles" >> beam.ParDo(_WritePartition(self._output, self._table), self._run_id))
