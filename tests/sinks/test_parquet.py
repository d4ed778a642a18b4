import datetime as dt

import apache_beam as beam
import pyarrow.parquet as pq
from apache_beam.testing.util import assert_that, equal_to

from schemas.records import Reject
from schemas.tables import REJECTS, reject_row
from transforms.sinks.parquet import WriteTable, WrittenFile, write_parquet
from transforms.sinks.partitions import partition_dir, partition_values, region_value

DAY = dt.date(2026, 11, 20)


def _reject(ref: str, day: dt.date = DAY) -> Reject:
    return Reject(stage="read", reason="feed_no_entries", source_type="rss", source_ref=ref,
                  detail="no entries", date=day)


def test_region_values_from_input_are_sanitised():
    assert region_value("ru-krs") == "RU-KRS"
    assert region_value("UA-12") == "UA-12"
    assert region_value("../../etc") == "XX"
    assert region_value("RU-KRS/../x") == "XX"
    assert region_value(None) == "XX"


def test_implausible_dates_still_make_date_partitions():
    assert partition_values(dt.date(1, 1, 1), None) == ("1970-01-01", None)
    assert partition_values(DAY, "ua-30") == ("2026-11-20", "UA-30")


def test_partition_dir_is_hive_style(tmp_path):
    folder = partition_dir(str(tmp_path), "incidents", ("2026-11-20", "RU-KRS"))
    assert folder.endswith("incidents/date=2026-11-20/region=RU-KRS")


def test_write_parquet_leaves_only_the_final_file(tmp_path):
    path = str(tmp_path / "t" / "date=2026-11-20" / "part-abc-00000.parquet")
    write_parquet(path, [dict(reject_row(_reject("a")), run_id="abc")], REJECTS)
    files = [p.name for p in (tmp_path / "t" / "date=2026-11-20").iterdir()]
    assert files == ["part-abc-00000.parquet"]
    table = pq.read_table(path)
    assert table.schema.equals(REJECTS)
    assert table.column("source_ref").to_pylist() == ["a"]


def test_write_table_writes_one_file_per_partition(tmp_path, test_pipeline):
    output = str(tmp_path)
    with test_pipeline as p:
        run_id = beam.pvalue.AsSingleton(p | "RunId" >> beam.Create(["run1"]))
        rejects = p | beam.Create([_reject("a"), _reject("b"), _reject("c", dt.date(2026, 11, 21))])
        written = rejects | WriteTable(output, "rejects", reject_row, lambda r: (r.date, None), run_id)
        assert_that(written | beam.Map(lambda f: (f.path.split("/rejects/")[1], f.rows)), equal_to([
            ("date=2026-11-20/part-run1-00000.parquet", 2),
            ("date=2026-11-21/part-run1-00000.parquet", 1),
        ]))
    table = pq.read_table(tmp_path / "rejects" / "date=2026-11-20" / "part-run1-00000.parquet")
    assert sorted(table.column("source_ref").to_pylist()) == ["a", "b"]
    assert set(table.column("run_id").to_pylist()) == {"run1"}
    assert "date" not in table.schema.names


def test_written_file_counts_duplicates():
    assert WrittenFile("stories", "p", 3, 1).duplicate_rows == 1


def test_only_files_with_data_worth_compressing_are_compressed(tmp_path):
    small, large = str(tmp_path / "small.parquet"), str(tmp_path / "large.parquet")
    write_parquet(small, [dict(reject_row(_reject("a")), run_id="abc")], REJECTS)
    many = [dict(reject_row(_reject(f"https://example.org/feed/{n}")), run_id="abc") for n in range(5000)]
    write_parquet(large, many, REJECTS)

    def codecs(path):
        metadata = pq.ParquetFile(path).metadata
        return {metadata.row_group(0).column(i).compression for i in range(metadata.num_columns)}
    assert codecs(small) == {"UNCOMPRESSED"}
    assert codecs(large) == {"ZSTD"}
    assert pq.read_table(large).num_rows == 5000
