import datetime as dt

import apache_beam as beam
from apache_beam.testing.util import assert_that, equal_to

from tests.conftest import beam_test_pipeline
from tests.dedup.conftest import T0, edit_words, make_story, news_text
from transforms.dedup import Deduplicate, clusters, state as index

ALERT = "Air raid alert in Sumy region. Stay in shelters until the all clear."
WIRE = news_text(31, words=250)
RUN1 = dt.datetime(2025, 3, 14, 12, 0, tzinfo=dt.timezone.utc)


def first_run_stories():
    return [
        make_story("wire", WIRE, published=T0),
        make_story("wire-copy", "Breaking news\n\n" + edit_words(WIRE, 0.04, seed=5),
                   published=T0 + dt.timedelta(minutes=30)),
        make_story("wire-cut", " ".join(WIRE.split()[:170]), published=T0 + dt.timedelta(hours=2)),
        make_story("other", news_text(32, words=200), published=T0),
        make_story("alert", ALERT, published=T0),
        make_story("alert-repost", ALERT.upper(), published=T0 + dt.timedelta(minutes=2)),
    ]


def cluster_rows(stories):
    return stories | beam.Map(lambda s: (s.story_id, s.is_duplicate, s.duplicate_of,
                                         s.num_duplicates, s.cluster_id, bool(s.content_hash)))


def cid(story_id):
    return clusters.cluster_id_for(story_id)


EXPECTED_FIRST_RUN = [
    ("wire", False, None, 2, cid("wire"), True),
    ("wire-copy", True, "wire", 0, cid("wire"), True),
    ("wire-cut", True, "wire", 0, cid("wire"), True),
    ("other", False, None, 0, cid("other"), True),
    ("alert", False, None, 1, cid("alert"), True),
    ("alert-repost", True, "alert", 0, cid("alert"), True),
]


def test_deduplicate_fills_cluster_fields(test_pipeline):
    with test_pipeline as p:
        result = p | beam.Create(first_run_stories()) | Deduplicate()
        assert_that(cluster_rows(result.stories), equal_to(EXPECTED_FIRST_RUN))
        assert_that(result.already_ingested, equal_to([]), label="none_already")


def test_deduplicate_handles_empty_input(test_pipeline):
    with test_pipeline as p:
        result = p | beam.Create([]) | Deduplicate()
        assert_that(result.stories, equal_to([]))


def _run_with_state(stories, state, started, expected_rows, expected_already):
    pipeline = beam_test_pipeline()
    with pipeline as p:
        dedup = Deduplicate(state=state, run_started=started)
        result = p | beam.Create(stories) | dedup
        dedup.commit_state(result.stories)
        assert_that(cluster_rows(result.stories), equal_to(expected_rows))
        assert_that(result.already_ingested | beam.Map(lambda s: s.story_id),
                    equal_to(expected_already), label="already")


def test_across_runs(tmp_path):
    state = str(tmp_path / "state")
    _run_with_state(first_run_stories(), state, RUN1, EXPECTED_FIRST_RUN, [])
    assert len(index.index_files(state, RUN1, 14)) == 1

    # The same inputs again: nothing new is written, every item is already ingested.
    run2 = RUN1 + dt.timedelta(hours=1)
    _run_with_state(first_run_stories(), state, run2, [],
                    [s.story_id for s in first_run_stories()])

    # A new near-copy on another site joins the earlier canonical story's cluster.
    run3 = RUN1 + dt.timedelta(hours=6)
    late_copy = make_story("wire-late", edit_words(WIRE, 0.03, seed=9) + "\n\nRead our live blog",
                           published=T0 + dt.timedelta(hours=5))
    fresh = make_story("fresh", news_text(33, words=180), published=T0 + dt.timedelta(hours=5))
    _run_with_state([late_copy, fresh], state, run3,
                    [("wire-late", True, "wire", 0, cid("wire"), True),
                     ("fresh", False, None, 0, cid("fresh"), True)], [])


def test_parameter_change_rebuilds_the_index(tmp_path, caplog):
    state = str(tmp_path / "state")
    original = make_story("wire", WIRE)
    entry = clusters.index_entry(clusters.fingerprint(original),
                                 clusters.Assignment(cid("wire")), clusters.story_time(original))
    old_file = index.write_index(state, RUN1, 14, [entry], version="dedup-older-params")
    assert index.index_files(state, RUN1, 14) == []
    assert "other parameters" in caplog.text

    # The copy is not matched against signatures of other parameters: it stands alone,
    # and the old index is replaced by this run's.
    copy = make_story("wire-copy", edit_words(WIRE, 0.03, seed=4), published=T0 + dt.timedelta(hours=1))
    run2 = RUN1 + dt.timedelta(hours=2)
    _run_with_state([copy], state, run2, [("wire-copy", False, None, 0, cid("wire-copy"), True)], [])
    remaining = index.index_files(state, run2, 14)
    assert len(remaining) == 1 and remaining[0] != old_file
    assert not (tmp_path / "state" / "dedup" / "dedup-older-params").exists() or \
        not list((tmp_path / "state" / "dedup" / "dedup-older-params").iterdir())


def test_index_is_pruned_to_the_window(tmp_path):
    state = str(tmp_path / "state")
    entry = clusters.index_entry(clusters.fingerprint(make_story("wire", WIRE)),
                                 clusters.Assignment(cid("wire")), 0)
    index.write_index(state, RUN1, 14, [entry])
    assert len(index.index_files(state, RUN1 + dt.timedelta(days=13), 14)) == 1
    assert index.index_files(state, RUN1 + dt.timedelta(days=15), 14) == []


def test_index_round_trip(tmp_path):
    story = make_story("wire", WIRE, guid="g-1")
    fp = clusters.fingerprint(story)
    entry = clusters.index_entry(fp, clusters.Assignment(cid("wire")), fp.time)
    (decoded,) = index.decode_index(index.encode_index([entry]))
    assert decoded.keys == entry.keys and decoded.ingest_keys == entry.ingest_keys
    assert (decoded.signature == entry.signature).all()
    assert (decoded.story_id, decoded.cluster_id, decoded.canonical_id, decoded.size) == \
        (entry.story_id, entry.cluster_id, entry.canonical_id, entry.size)


def test_an_item_read_twice_is_written_once(test_pipeline):
    story = make_story("wire", WIRE)
    copy = make_story("wire-copy", edit_words(WIRE, 0.03, seed=5), published=T0 + dt.timedelta(hours=1))
    with test_pipeline as p:
        result = p | beam.Create([story, story, copy]) | Deduplicate()
        assert_that(cluster_rows(result.stories), equal_to([
            ("wire", False, None, 1, cid("wire"), True),
            ("wire-copy", True, "wire", 0, cid("wire"), True)]))
        assert_that(result.already_ingested | beam.Map(lambda s: s.story_id), equal_to(["wire"]),
                    label="read_twice")
