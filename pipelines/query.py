"""``incidentflow query``: SQL over an output folder with DuckDB.

Each table becomes a view over its Hive-partitioned Parquet files, with ``date`` typed
as DATE. A table with no files yet (a first run without rejects) is an empty view with
the table's columns, so the same SQL works on every output folder.
"""
from __future__ import annotations

import os

import duckdb
import pyarrow as pa

from schemas.tables import SCHEMAS

_PARTITION_TYPES = {"date": "DATE", "region": "VARCHAR"}


def _partition_types(table: str) -> dict[str, str]:
    return {"date": "DATE"} if table == "rejects" else _PARTITION_TYPES


def _has_parquet(folder: str) -> bool:
    for _, _, files in os.walk(folder):
        if any(name.endswith(".parquet") for name in files):
            return True
    return False


def connect(output: str) -> duckdb.DuckDBPyConnection:
    if "://" in output:
        raise ValueError(f"{output}: query reads local folders only; copy the folder down "
                         "(gsutil -m cp -r) or define BigQuery external tables over it")
    if not os.path.isdir(output) or not any(
            os.path.isdir(os.path.join(output, name)) for name in (*SCHEMAS, "_runs")):
        raise FileNotFoundError(f"{output} is not the output folder of a run (no stories, "
                                "incidents, rejects or _runs in it): give the --output folder")
    connection = duckdb.connect()
    for table, schema in SCHEMAS.items():
        folder = os.path.join(output, table)
        if _has_parquet(folder):
            pattern = os.path.join(folder, "**", "*.parquet").replace("'", "''")
            connection.execute(
                f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{pattern}', "
                f"hive_partitioning = true, union_by_name = true, "
                f"hive_types = {_partition_types(table)!r})")
        else:
            empty = pa.Table.from_pylist([], schema=_with_partitions(schema, table))
            connection.register(f"_{table}_empty", empty)
            connection.execute(f"CREATE VIEW {table} AS SELECT * FROM _{table}_empty")
    return connection


def _with_partitions(schema: pa.Schema, table: str) -> pa.Schema:
    schema = schema.append(pa.field("date", pa.date32()))
    return schema if table == "rejects" else schema.append(pa.field("region", pa.string()))


def query(output: str, sql: str) -> tuple[list[str], list[tuple]]:
    """Column names and rows of ``sql`` run over the tables of ``output``."""
    connection = connect(output)
    try:
        relation = connection.sql(sql)
        if relation is None:  # a statement that returns nothing
            return [], []
        return list(relation.columns), relation.fetchall()
    finally:
        connection.close()
