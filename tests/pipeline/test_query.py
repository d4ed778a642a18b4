import datetime as dt

import pytest

from pipelines.query import query
from schemas.records import Incident
from schemas.tables import INCIDENTS, incident_row
from transforms.sinks.parquet import write_parquet


def _incident(incident_id: str, region: str, intercepted: int) -> dict:
    incident = Incident(incident_id=incident_id, event_date=dt.date(2026, 11, 20), date_precision="day",
                        country="RU", region_code=region, region_name=None, place=None, latitude=None,
                        longitude=None, event_type="interception", weapon="drone", intercepted=intercepted)
    return dict(incident_row(incident), run_id="r1")


def test_views_type_partitions_and_tolerate_missing_tables(tmp_path):
    folder = tmp_path / "incidents" / "date=2026-11-20" / "region=RU-KRS"
    write_parquet(str(folder / "part-r1-00000.parquet"),
                  [_incident("a", "RU-KRS", 14), _incident("b", "RU-KRS", 3)], INCIDENTS)
    columns, rows = query(str(tmp_path), "SELECT date, region, sum(intercepted) AS n FROM incidents GROUP BY ALL")
    assert columns == ["date", "region", "n"]
    assert rows == [(dt.date(2026, 11, 20), "RU-KRS", 17)]
    assert query(str(tmp_path), "SELECT count(*) FROM rejects")[1] == [(0,)]
    assert query(str(tmp_path), "SELECT count(*) FROM stories")[1] == [(0,)]


def test_a_missing_output_folder_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="--output folder"):
        query(str(tmp_path / "nope"), "SELECT 1")
    with pytest.raises(FileNotFoundError, match="not the output folder of a run"):
        query(str(tmp_path), "SELECT 1")
    with pytest.raises(ValueError, match="local folders only"):
        query("gs://bucket/out", "SELECT 1")


def test_files_of_older_versions_with_fewer_columns_still_read(tmp_path):
    folder = tmp_path / "incidents" / "date=2026-11-20" / "region=RU-KRS"
    write_parquet(str(folder / "part-r1-00000.parquet"), [_incident("a", "RU-KRS", 14)], INCIDENTS)
    older = INCIDENTS.remove(INCIDENTS.get_field_index("acled_event_type"))
    row = {k: v for k, v in _incident("b", "RU-KRS", 3).items() if k != "acled_event_type"}
    write_parquet(str(folder / "part-r0-00000.parquet"), [row], older)
    _, rows = query(str(tmp_path), "SELECT incident_id, acled_event_type FROM incidents ORDER BY 1")
    assert [r[0] for r in rows] == ["a", "b"]
