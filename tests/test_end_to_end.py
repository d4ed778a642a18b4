"""The real command line on the bundled samples, read back with DuckDB."""
from __future__ import annotations

import importlib.util
import json
import random
import subprocess
import sys

import duckdb
import pytest

from tests.conftest import REPO, shared_path

SAMPLES_CONFIG = REPO / "samples" / "sources.yaml"


def incidentflow(*args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "pipelines.cli", *args], cwd=REPO,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"incidentflow {args[0]} failed:\n{result.stdout}\n{result.stderr}"
    return result


def table_rows(output, table: str) -> list[tuple]:
    with duckdb.connect() as connection:
        return connection.sql(
            f"SELECT * EXCLUDE (fetched_at) FROM read_parquet('{output}/{table}/**/*.parquet', "
            "hive_partitioning = true) ORDER BY ALL" if table == "stories" else
            f"SELECT * FROM read_parquet('{output}/{table}/**/*.parquet', hive_partitioning = true) "
            "ORDER BY ALL").fetchall()


@pytest.fixture(scope="module")
def samples_run(tmp_path_factory):
    output = tmp_path_factory.mktemp("samples-out")
    result = incidentflow("run", "--config", str(SAMPLES_CONFIG), "--output", str(output))
    return output, result


def _manifest(output) -> dict:
    manifests = list((output / "_runs").glob("*.json"))
    assert len(manifests) == 1
    return json.loads(manifests[0].read_text())


def test_samples_run_writes_three_partitioned_tables(samples_run):
    output, result = samples_run
    assert str(output) in result.stdout
    manifest = _manifest(output)
    counts = manifest["counts"]
    assert manifest["balanced"]
    assert counts["read"] == counts["stories"] + counts["duplicates"] + counts["rejects"]
    assert counts["duplicates"] >= 1, "the samples hold two copies of the Ryazan story"
    assert counts["incidents"] >= 8
    with duckdb.connect() as connection:
        incidents = f"read_parquet('{output}/incidents/**/*.parquet', hive_partitioning = true, " \
                    "hive_types = {'date': 'DATE', 'region': 'VARCHAR'})"
        regions = {row[0] for row in connection.sql(f"SELECT DISTINCT region FROM {incidents}").fetchall()}
        assert {"RU-KRS", "RU-BRY", "RU-RYA", "UA-63", "UA-51"} <= regions
        assert connection.sql(f"SELECT count(*) FROM {incidents} WHERE region <> region_code").fetchall() == [(0,)]
        types = {row[0]: row[1] for row in connection.sql(f"DESCRIBE SELECT * FROM {incidents}").fetchall()}
        assert types["date"] == "DATE"
        assert types["event_date"] == "DATE"
        assert types["intercepted"] == "INTEGER"
        assert types["evidence"] == "VARCHAR[]"
        assert types["published_at"] == "TIMESTAMP WITH TIME ZONE"
    files = list((output / "incidents").rglob("*.parquet"))
    assert all(f.name == f"part-{manifest['run_id']}-00000.parquet" for f in files)


def test_query_command_reads_the_output(samples_run):
    output, _ = samples_run
    result = incidentflow("query", str(output), "SELECT count(*) AS n FROM stories WHERE is_duplicate",
                          "--format", "json")
    assert json.loads(result.stdout.splitlines()[0])["n"] >= 1


def test_rerun_leaves_exactly_the_same_rows(samples_run):
    output, _ = samples_run
    before = {table: table_rows(output, table) for table in ("stories", "incidents")}
    files_before = sorted(p.relative_to(output) for p in output.rglob("*.parquet"))
    incidentflow("run", "--config", str(SAMPLES_CONFIG), "--output", str(output))
    assert {table: table_rows(output, table) for table in ("stories", "incidents")} == before
    assert sorted(p.relative_to(output) for p in output.rglob("*.parquet")) == files_before
    assert len(list((output / "_runs").glob("*.json"))) == 1


def test_scheduled_rerun_with_state_adds_nothing_and_keeps_earlier_rows(tmp_path):
    output, state = tmp_path / "out", tmp_path / "state"
    for _ in range(2):
        incidentflow("run", "--config", str(SAMPLES_CONFIG), "--output", str(output), "--state", str(state))
    manifests = [json.loads(p.read_text()) for p in (output / "_runs").glob("*.json")]
    assert len(manifests) == 2, "a run that started from other state is another run"
    first, second = sorted(manifests, key=lambda m: m["started_at"])
    assert second["counts"]["stories"] == 0
    assert second["counts"]["already_ingested"] == second["counts"]["read"] - second["counts"]["rejects"]
    stories = table_rows(output, "stories")
    assert len(stories) == first["counts"]["stories"] + first["counts"]["duplicates"]
    assert len(table_rows(output, "incidents")) == first["counts"]["incidents"]


def test_seeds_reach_the_detection_floor(tmp_path):
    seeds = shared_path("seeds")
    gold = shared_path("dev", "seeds.gold.jsonl")
    scorer_path = shared_path("tools", "score_incidents.py")
    incidentflow("run", str(seeds), "--output", str(tmp_path))
    manifest = _manifest(tmp_path)
    assert manifest["counts"]["stories"] == 5
    spec = importlib.util.spec_from_file_location("score_incidents", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold_rows = [json.loads(line) for line in gold.read_text().splitlines() if line.strip()]
    result = scorer.score(gold_rows, scorer.load_pred(tmp_path))
    assert result["f1"] >= 0.7, result


def test_bad_inputs_become_rejects_and_the_counts_still_add_up(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "broken.xml").write_text("<rss><channel><title>cut off", encoding="utf-8")
    (inputs / "junk.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (inputs / "ok.txt").write_text(" date 2026-11-20 Drones attacked Kursk overnight, injuring two people, "
                                   "the governor said.\n", encoding="utf-8")
    output = tmp_path / "out"
    incidentflow("run", str(inputs), str(REPO / "samples" / "articles"), "--output", str(output))
    manifest = _manifest(output)
    counts = manifest["counts"]
    assert manifest["balanced"] and counts["rejects"] == 2
    assert counts["read"] == counts["stories"] + counts["duplicates"] + counts["rejects"]
    with duckdb.connect() as connection:
        reasons = connection.sql(f"SELECT reason FROM read_parquet('{output}/rejects/**/*.parquet') "
                                 "ORDER BY reason").fetchall()
    assert reasons == [("binary_file",), ("feed_no_entries",)]


def _write_many_reports(folder, count: int) -> None:
    """Distinct reports (not near-copies of each other), long enough per item that
    cleaning and extraction hand them to the local pool."""
    rng = random.Random(5)
    regions = ["Kursk", "Belgorod", "Bryansk", "Voronezh", "Oryol", "Rostov", "Kaluga", "Tula"]
    things = ["a warehouse", "a power line", "two garages", "a school roof", "a gas pipe",
              "several cars", "a farm building", "a bridge railing", "a shop front", "a fence"]
    crews = ["firefighters", "electricians", "engineers", "volunteers", "police officers",
             "rescuers", "road workers", "medics"]
    times = ["before dawn", "shortly after midnight", "late in the evening", "around noon",
             "in the early hours", "at about three o'clock"]
    folder.mkdir()
    for n in range(count):
        region = rng.choice(regions)
        sentences = [
            f"Air defences shot down {rng.randint(2, 40)} drones over the {region} region "
            f"{rng.choice(times)}, the governor said.",
            f"Falling debris damaged {rng.choice(things)} and {rng.choice(things)} in "
            f"{rng.choice(['a village', 'the regional centre', 'a suburb', 'a district town'])}.",
            rng.choice(["Nobody was hurt.", f"{rng.randint(1, 5)} people were injured.",
                        "One man was taken to hospital with cuts."]),
            f"{rng.choice(crews).capitalize()} and {rng.choice(crews)} worked at the scene for "
            f"{rng.randint(2, 11)} hours while {rng.choice(crews)} checked "
            f"{rng.choice(things)}.",
            f"Residents were asked to keep away from {rng.choice(things)} and to report "
            f"{rng.choice(['fragments', 'unexploded parts', 'damage', 'fires'])} to "
            f"{rng.choice(['the police', 'the emergency line', 'the district office'])}.",
        ]
        rng.shuffle(sentences)
        text = " ".join(sentences[:3]) + "\n" + " ".join(sentences[3:])
        (folder / f"report-{n:04d}.txt").write_text(
            f" date 2026-10-{1 + n % 20:02d} Report from the {region} region\n{text}\n", encoding="utf-8")


def test_one_process_or_a_pool_per_core_write_the_same_rows(tmp_path):
    inputs = tmp_path / "reports"
    _write_many_reports(inputs, 450)
    runs = {}
    for processes in ("1", "2"):
        output = tmp_path / f"out-{processes}"
        incidentflow("run", str(inputs), "--output", str(output), "--local_processes", processes)
        runs[processes] = output
    pooled = _manifest(runs["2"])["notes"]
    assert pooled.get("local_pool_records:clean", 0) > 0, pooled
    assert pooled.get("local_pool_records:extract", 0) > 0, pooled
    assert "local_pool_records:clean" not in _manifest(runs["1"])["notes"]
    assert _manifest(runs["1"])["counts"] == _manifest(runs["2"])["counts"]
    for table in ("stories", "incidents"):
        assert table_rows(runs["1"], table) == table_rows(runs["2"], table), table
