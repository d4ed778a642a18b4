"""Partition folder names and file names of the output tables.

Values that come from input (a region code an extractor produced, a date parsed from
a feed) are checked before they become folder names, so a hostile value can never
write outside the table or make a partition SQL engines cannot read.
"""
from __future__ import annotations

import datetime as dt
import re
import uuid

from apache_beam.io.filesystems import FileSystems

from schemas.records import UNKNOWN_REGION, plausible

_REGION_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
SHARD = "00000"  # one file per partition and run: a rerun replaces it instead of adding shards


def region_value(code: str | None) -> str:
    code = (code or "").strip().upper()
    return code if _REGION_CODE.match(code) else UNKNOWN_REGION


# Stages fall back to plausible dates themselves; this only keeps a stray one from
# making a partition that SQL engines cannot read as a DATE.
IMPLAUSIBLE_DATE = "1970-01-01"


def date_value(day: dt.date | None) -> str:
    return day.isoformat() if plausible(day) else IMPLAUSIBLE_DATE


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


TEMPORARY_PREFIX, TEMPORARY_SUFFIX = "_tmp-", ".tmp"


def temporary_path(path: str) -> str:
    """Where ``path`` is written before it is renamed into place. Readers never see it:
    Spark, Hive, Athena and pyarrow skip names that start with "_", and DuckDB's
    ``*.parquet`` globs skip names that do not end in ".parquet"."""
    folder, name = FileSystems.split(path)
    return FileSystems.join(folder, f"{TEMPORARY_PREFIX}{uuid.uuid4().hex}-{name}{TEMPORARY_SUFFIX}")


def part_file_globs(output: str, table: str, run_id: str) -> list[str]:
    """Globs of this run's files in a table: finished ones, and temporaries a killed run left."""
    depth = "*/*" if table != "rejects" else "*"
    name = f"part-{run_id}-*.parquet"
    return [FileSystems.join(output, table, depth, pattern)
            for pattern in (name, f"{TEMPORARY_PREFIX}*-{name}{TEMPORARY_SUFFIX}")]
