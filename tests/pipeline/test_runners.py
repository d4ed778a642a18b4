"""The pipeline as Dataflow sees it: portable translation, pickling and packaging."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
import tarfile

import duckdb
import pytest

from tests.conftest import REPO
from tests.test_end_to_end import SAMPLES_CONFIG, incidentflow


def test_samples_run_under_the_portable_runner(tmp_path):
    """Runner v2's path: the proto translation and the pickling of every DoFn."""
    incidentflow("run", "--config", str(SAMPLES_CONFIG), "--output", str(tmp_path),
                 "--runner", "PortableRunner", "--job_endpoint=embed", "--environment_type=LOOPBACK")
    rows = duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path}/incidents/**/*.parquet')").fetchall()
    assert rows[0][0] >= 8


@pytest.mark.skipif(importlib.util.find_spec("google.cloud.storage") is None,
                    reason="the Dataflow dry run needs the gcp extra: pip install -e '.[gcp]'")
def test_dataflow_dry_run_translates_and_packages_the_pipeline():
    result = incidentflow(
        "run", "--config", str(SAMPLES_CONFIG), "--output", "gs://placeholder-bucket/incidentflow",
        "--runner", "DataflowRunner", "--project", "placeholder-project", "--region", "europe-west1",
        "--temp_location", "gs://placeholder-bucket/tmp", "--setup_file", str(REPO / "setup.py"),
        "--dry_run=True")
    assert "dry run" in result.stdout


def test_source_package_carries_code_and_reference_data(tmp_path):
    """What --setup_file ships to Dataflow workers: every package and the gazetteer."""
    subprocess.run([sys.executable, "setup.py", "-q", "sdist", "--dist-dir", str(tmp_path)],
                   cwd=REPO, check=True, capture_output=True)
    [archive] = tmp_path.glob("incidentflow-*.tar.gz")
    names = {name.split("/", 1)[1] for name in tarfile.open(archive).getnames() if "/" in name}
    for required in ("pipelines/cli.py", "transforms/stage.py", "transforms/sources/__init__.py",
                     "transforms/clean/__init__.py", "transforms/dedup/__init__.py",
                     "transforms/incidents/__init__.py", "transforms/sinks/parquet.py",
                     "schemas/tables.py", "schemas/data/gazetteer.json"):
        assert required in names, f"{required} is missing from the package Dataflow would stage"
