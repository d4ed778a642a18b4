"""Fusion of the same event across stories, and the Beam transforms."""
import dataclasses
import datetime as dt

import apache_beam as beam
from apache_beam.testing.util import assert_that, equal_to

from schemas.records import Incident, Reject, Story
from transforms.incidents import ExtractIncidents, FuseIncidents, fuse, fusion_groups
from transforms.incidents.fuse import fusion_key

DAY = dt.date(2025, 5, 14)
MORNING = dt.datetime(2025, 5, 14, 6, tzinfo=dt.timezone.utc)
NOON = dt.datetime(2025, 5, 14, 12, tzinfo=dt.timezone.utc)


def incident(story: str, **fields) -> Incident:
    base = dict(incident_id=f"id-{fields.get('place')}", event_date=DAY, date_precision="published",
                country="RU", region_code="RU-KRS", region_name="Kursk Oblast", place=None,
                latitude=51.7, longitude=36.2, event_type="drone_attack", weapon="drone",
                evidence=[f"sentence of {story}"], story_ids=[story], source_urls=[f"file:///{story}.txt"],
                cluster_ids=[f"cluster-{story}"], published_at=MORNING)
    base.update(fields)
    return Incident(**base)


def test_one_report_is_left_as_it_is():
    row = incident("a", killed=2)
    assert fuse([row]) is row


def test_two_clusters_make_one_row_with_both_sources():
    media = incident("a", killed=2, injured=5, reported_by="media", published_at=MORNING)
    official = incident("b", killed=3, injured=5, reported_by="governor", published_at=NOON,
                        date_precision="day", weapon="unknown")
    row = fuse([official, media])
    assert row.num_sources == 2 and row.cluster_ids == ["cluster-a", "cluster-b"]
    assert row.story_ids == ["a", "b"] and row.source_urls == ["file:///a.txt", "file:///b.txt"]
    assert row.evidence == ["sentence of a", "sentence of b"]
    assert (row.killed, row.injured) == (3, 5)  # the official figure
    assert row.conflicting_figures is True
    assert row.published_at == MORNING and row.date_precision == "day"
    assert row.weapon == "drone" and row.reported_by == "governor"


def test_the_latest_report_of_a_rising_toll_wins_among_equals():
    early = incident("a", killed=2, reported_by="governor", published_at=MORNING)
    late = incident("b", killed=5, reported_by="governor", published_at=NOON)
    assert fuse([early, late]).killed == 5
    assert fuse([late, early]).killed == 5


def test_agreeing_figures_are_not_a_conflict():
    row = fuse([incident("a", intercepted=12), incident("b", intercepted=12, launched=15)])
    assert (row.intercepted, row.launched, row.conflicting_figures) == (12, 15, False)


def test_the_same_cluster_counts_once():
    row = fuse([incident("a"), incident("b", cluster_ids=["cluster-a"])])
    assert row.num_sources == 1


def test_fused_id_is_stable_whatever_the_order():
    rows = [incident("a", place="Rylsk"), incident("b"), incident("c", place="Rylsk", killed=1)]
    ids = {fuse(group).incident_id for order in (rows, rows[::-1]) for group in fusion_groups(order)}
    assert len(ids) == 1


def test_rows_without_a_place_join_the_only_place_named():
    groups = fusion_groups([incident("a", place="Rylsk"), incident("b"), incident("c", place="Rylsk")])
    assert [len(g) for g in groups] == [3]


def test_rows_without_a_place_stay_apart_when_several_places_are_named():
    groups = fusion_groups([incident("a", place="Rylsk"), incident("b"), incident("c", place="Sudzha")])
    assert sorted(len(g) for g in groups) == [1, 1, 1]


def test_interceptions_and_attacks_share_a_key_but_alerts_do_not():
    attack = incident("a")
    assert fusion_key(attack) == fusion_key(dataclasses.replace(attack, event_type="interception"))
    assert fusion_key(attack) != fusion_key(dataclasses.replace(attack, event_type="air_alert"))
    assert fusion_key(attack) != fusion_key(dataclasses.replace(attack, event_date=dt.date(2025, 5, 13)))


def test_fuse_incidents_transform(test_pipeline):
    rows = [incident("a", killed=2, reported_by="media"), incident("b", killed=3, reported_by="governor"),
            incident("c", region_code="RU-BEL", region_name="Belgorod Oblast")]
    with test_pipeline as pipeline:
        fused = pipeline | "Rows" >> beam.Create(rows) | FuseIncidents()
        summary = fused | "Summary" >> beam.Map(
            lambda r: (r.region_code, r.killed, r.num_sources, r.conflicting_figures))
        assert_that(summary, equal_to([("RU-KRS", 3, 2, True), ("RU-BEL", None, 1, False)]))


def _story(story_id: str, text) -> Story:
    return Story(story_id=story_id, source_type="text", source_name="test", url=f"file:///{story_id}.txt",
                 guid=story_id, title="", text=text, lang=None, published_at=MORNING,
                 fetched_at=NOON, cluster_id=story_id)


def test_extract_incidents_transform(test_pipeline):
    stories = [_story("one", "Air defences shot down 14 drones over the Rostov region overnight."),
               _story("two", "В Курске беспилотник повредил жилой дом."),
               _story("bad", None)]
    stories[2].text = 42  # not a text: the story becomes a reject, the run goes on
    with test_pipeline as pipeline:
        incidents, rejects = pipeline | beam.Create(stories) | ExtractIncidents()
        assert_that(incidents | "Codes" >> beam.Map(lambda r: r.region_code),
                    equal_to(["RU-ROS", "RU-KRS"]), label="incidents")
        assert_that(rejects | "Reasons" >> beam.Map(lambda r: (type(r) is Reject, r.stage, r.source_ref)),
                    equal_to([(True, "extract", "file:///bad.txt")]), label="rejects")


def test_events_the_text_gives_no_date_for_never_fuse_across_stories():
    undated_a = incident("a", date_precision="ingested", intercepted=2)
    undated_b = incident("b", date_precision="ingested", intercepted=5)
    assert fusion_key(undated_a) != fusion_key(undated_b)
    dated_a, dated_b = incident("a", date_precision="day"), incident("b", date_precision="day")
    assert fusion_key(dated_a) == fusion_key(dated_b)
