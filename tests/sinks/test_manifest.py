import datetime as dt

import apache_beam as beam
from apache_beam.testing.util import assert_that

from transforms.sinks.manifest import (CloseRun, is_balanced, manifest_path, read_json,
                                       remove_stale_files, run_counts)
from transforms.sinks.parquet import WrittenFile

STARTED = dt.datetime(2026, 11, 22, 6, 0, tzinfo=dt.timezone.utc)


def test_counts_add_up_from_written_rows():
    files = [WrittenFile("stories", "a", 5, 2), WrittenFile("stories", "b", 1, 0),
             WrittenFile("incidents", "c", 4, 0), WrittenFile("rejects", "d", 3, 0)]
    events = {"items_read": 8, "sources_rejected": 1, "items_rejected": 1, "already_ingested": 1,
              "extraction_errors": 1}
    counts = run_counts(events, files)
    assert counts == {"read": 9, "stories": 4, "duplicates": 3, "already_ingested": 1,
                      "rejects": 2, "extraction_errors": 1, "incidents": 4}
    assert is_balanced(counts)
    assert not is_balanced(dict(counts, read=10))


def test_stale_files_of_the_same_run_are_removed(tmp_path):
    old = tmp_path / "incidents" / "date=2026-11-20" / "region=RU-KRS" / "part-r1-00000.parquet"
    kept = tmp_path / "incidents" / "date=2026-11-21" / "region=RU-KRS" / "part-r1-00000.parquet"
    other_run = tmp_path / "incidents" / "date=2026-11-20" / "region=RU-KRS" / "part-r0-00000.parquet"
    killed_write = tmp_path / "rejects" / "date=2026-11-20" / "_tmp-0a1b-part-r1-00000.parquet.tmp"
    for path in (old, kept, other_run, killed_write):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    removed = remove_stale_files(str(tmp_path), "r1", {str(kept)})
    assert removed == sorted([str(old), str(killed_write)])
    assert kept.exists() and other_run.exists() and not old.exists() and not killed_write.exists()


def test_close_run_writes_the_manifest(tmp_path, test_pipeline):
    output = str(tmp_path)
    with test_pipeline as p:
        run_id = p | "RunId" >> beam.Create(["r9"])
        written = p | "Written" >> beam.Create([WrittenFile("stories", "s", 2, 1)])
        events = p | "Events" >> beam.Create([("items_read", 2)])
        manifests = p | CloseRun(output, ["in.txt"], STARTED, run_id, written, events)

        def check(found):
            assert [m["counts"]["read"] for m in found] == [2]
        assert_that(manifests, check)
    manifest = read_json(manifest_path(output, "r9"))
    assert manifest["run_id"] == "r9"
    assert manifest["balanced"] is True
    assert manifest["counts"]["duplicates"] == 1
    assert manifest["inputs"] == ["in.txt"]
