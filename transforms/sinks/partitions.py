"""Partition folder names and file names of the output tables.

Values that come from input (a region code an extractor produced, a date parsed from
a feed) are checked before they become folder names, so a hostile value can never
write outside the table or make a partition SQL engines cannot read.
"""
from __future__ import annotations

import datetime as dt
import re

from apache_beam.io.filesystems import FileSystems

from schemas.records import UNKNOWN_REGION

_REGION_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
SHARD = "00000"  # one file per partition and run: a rerun replaces it instead of adding shards


def region_value(code: str | None) -> str:
    code = (code or "").strip().upper()
    return code if _REGION_CODE.match(code) else UNKNOWN_REGION


def date_value(day: dt.date | None) -> str:
    # Dates far outside news time are parse errors; they must not create absurd partitions.
    if day is None or not (1990 <= day.year <= 2100):
        return "unknown"
    return day.isoformat()


def partition_values(day: dt.date | None, region: str | None) -> tuple[str, str | None]:
    """Sanitised (date, region) folder values; region None for tables partitioned by date only."""
    return date_value(day), None if region is None else region_value(region)


def partition_dir(output: str, table: str, values: tuple[str, str | None]) -> str:
    day, region = values
    parts = [output, table, f"date={day}"]
    if region is not None:
        parts.append(f"region={region}")
    return FileSystems.join(*parts)


def part_file_name(run_id: str) -> str:
    return f"part-{run_id}-{SHARD}.parquet"


def part_file_globs(output: str, table: str, run_id: str) -> list[str]:
    """Globs of this run's files in a table: finished ones, and temporaries a killed run left."""
    depth = "*/*" if table != "rejects" else "*"
    return [FileSystems.join(output, table, depth, f"part-{run_id}-*.parquet{suffix}")
            for suffix in ("", ".tmp-*")]
