import datetime as dt

import apache_beam as beam
from apache_beam.testing.util import assert_that, equal_to

from schemas.records import Incident, RawItem, Story
from transforms.run_id import RunIdFn, read_fingerprint
from transforms.story_region import LocateStories, main_region

NOW = dt.datetime(2026, 11, 22, tzinfo=dt.timezone.utc)


def _item(guid: str, body: str) -> RawItem:
    return RawItem(source_type="rss", source_name="s", url=f"https://x.example/{guid}", guid=guid,
                   title="", published_at=None, body=body, body_format="text", fetched_at=NOW)


def _run_id(fingerprints):
    fn = RunIdFn()
    accumulator = fn.create_accumulator()
    for fingerprint in fingerprints:
        accumulator = fn.add_input(accumulator, fingerprint)
    return fn.extract_output(accumulator)


def test_run_id_ignores_order_but_not_content():
    a, b = read_fingerprint(_item("1", "one")), read_fingerprint(_item("2", "two"))
    assert _run_id([a, b]) == _run_id([b, a])
    assert _run_id([a, b]) != _run_id([a, read_fingerprint(_item("2", "two, updated"))])
    assert _run_id([a, a]) != _run_id([])


def test_main_region_prefers_the_most_named_then_the_smallest_code():
    assert main_region(["RU-KRS", "RU-BEL", "RU-KRS"]) == "RU-KRS"
    assert main_region(["RU-KRS", "RU-BEL"]) == "RU-BEL"
    assert main_region(["XX"]) == "XX"
    assert main_region([]) == "XX"


def _story(story_id: str, duplicate_of: str | None = None) -> Story:
    return Story(story_id=story_id, source_type="text", source_name="s", url=story_id, guid="",
                 title="", text="t", lang="en", published_at=None, fetched_at=NOW,
                 is_duplicate=duplicate_of is not None, duplicate_of=duplicate_of)


def _incident(story_id: str, region: str) -> Incident:
    return Incident(incident_id=story_id + region, event_date=NOW.date(), date_precision="day",
                    country=region[:2], region_code=region, region_name=None, place=None,
                    latitude=None, longitude=None, event_type="drone_attack", weapon="drone",
                    story_ids=[story_id])


def test_locate_stories_gives_duplicates_their_canonical_region(test_pipeline):
    with test_pipeline as p:
        stories = p | "Stories" >> beam.Create([_story("a"), _story("b", duplicate_of="a"), _story("c")])
        incidents = p | "Incidents" >> beam.Create([_incident("a", "RU-KRS")])
        located = stories | LocateStories(incidents)
        assert_that(located | beam.Map(lambda s: (s.story_id, s.region)),
                    equal_to([("a", "RU-KRS"), ("b", "RU-KRS"), ("c", "XX")]))
