"""A run killed while writing leaves no partial file in the tables; the next run completes."""
from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pytest

from tests.conftest import REPO
from tests.test_end_to_end import SAMPLES_CONFIG, incidentflow

# Kills the whole process (the in-process runner included) while the third Parquet
# file is being written: its temporary file exists, half written, when the process dies.
KILL_DURING_THIRD_WRITE = """
import os, sys
import pyarrow.parquet as pq
from transforms.sinks import parquet
from pipelines.cli import main

calls = []
real_write_table = pq.write_table

def dying_write_table(table, where, **kwargs):
    calls.append(1)
    if len(calls) == 3:
        where.write(b"PAR1 half a file")
        where.flush()
        os._exit(9)
    return real_write_table(table, where, **kwargs)

parquet.pq.write_table = dying_write_table
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("with_state", [False, True], ids=["no-state", "state"])
def test_killed_run_leaves_no_partial_file_and_next_run_completes(tmp_path, with_state):
    output = tmp_path / "out"
    state = ["--state", str(tmp_path / "state")] if with_state else []
    killed = subprocess.run([sys.executable, "-c", KILL_DURING_THIRD_WRITE, "run", "--config",
                             str(SAMPLES_CONFIG), "--output", str(output), *state],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert killed.returncode == 9, killed.stderr
    leftovers = [p for p in output.rglob("*") if p.name.startswith("_tmp-")]
    assert leftovers, "the kill should have left a temporary file behind"
    for path in output.rglob("*.parquet"):  # what SQL engines see: whole files only
        assert not path.name.startswith("_")
        duckdb.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchall()
    duckdb.sql(f"SELECT count(*) FROM read_parquet('{output}/incidents/**/*.parquet')").fetchall()

    incidentflow("run", "--config", str(SAMPLES_CONFIG), "--output", str(output), *state)
    # The killed run saved no state, so the next one writes every story, not "already ingested".
    [manifest] = [json.loads(p.read_text()) for p in (output / "_runs").glob("*.json")]
    assert manifest["counts"]["already_ingested"] == 0
    assert manifest["counts"]["stories"] + manifest["counts"]["duplicates"] == manifest["counts"]["read"]
    assert not [p for p in output.rglob("*") if p.name.startswith("_tmp-")]
    stories = duckdb.sql(f"SELECT story_id, count(*) AS n FROM read_parquet('{output}/stories/**/*.parquet') "
                         "GROUP BY story_id HAVING n > 1").fetchall()
    assert stories == []
    incidents = duckdb.sql(f"SELECT incident_id, count(*) AS n FROM read_parquet('{output}/incidents/**/*.parquet') "
                           "GROUP BY incident_id HAVING n > 1").fetchall()
    assert incidents == []
