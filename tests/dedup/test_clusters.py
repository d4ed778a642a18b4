import datetime as dt

import pytest

from transforms.dedup import clusters, params
from tests.dedup.conftest import T0, edit_words, make_story, news_text


def found(text_a: str, text_b: str, hours_apart: float = 1) -> bool:
    a = clusters.fingerprint(make_story("a", text_a))
    b = clusters.fingerprint(make_story("b", text_b, published=T0 + dt.timedelta(hours=hours_apart)))
    return bool(set(a.keys) & set(b.keys)) and clusters.verify(a, b)


def signed(*stories):
    return [(story, clusters.fingerprint(story)) for story in stories]


BASE = news_text(11, words=220)
PARAGRAPHS = BASE.split("\n\n")


@pytest.mark.parametrize("kind, copy", [
    ("identical", BASE),
    ("new headline", "Night attack: what we know so far\n\n" + BASE),
    ("furniture swap", "Share on Facebook Share on X Subscribe\n\n" + BASE
     + "\n\nRead more: Weather this week\n\nAll rights reserved. Cookie settings"),
    ("5% edits", edit_words(BASE, 0.05, seed=1)),
    ("trimmed lead", "\n\n".join(PARAGRAPHS[1:])),
    ("truncated to 60%", " ".join(BASE.split()[:int(0.6 * len(BASE.split()))])),
    ("added paragraph", BASE + "\n\nUPDATE: " + news_text(99, words=60)),
    ("paragraph added on top", "UPDATE: " + news_text(98, words=50) + "\n\n" + BASE),
    ("feed summary", " ".join(BASE.split()[:45]) + " ..."),
])
def test_near_duplicates_are_found(kind, copy):
    assert found(BASE, copy), kind


def test_different_reports_of_the_same_event_stay_apart():
    first = ("Air defence forces destroyed 14 drones over Belgorod region overnight, governor "
             "Vyacheslav Gladkov said on Telegram. Debris damaged the roof of a private house in "
             "the village of Dubovoye and shattered windows in two cars. Nobody was hurt, he said, "
             "and emergency crews were working at the scene in the morning.")
    second = ("Fourteen Ukrainian drones were shot down above the Belgorod region during the night, "
              "according to the regional governor. In Dubovoye a falling drone hit a private house; "
              "its roof was damaged and car windows broke. There were no casualties. Specialists "
              "of the emergency ministry were sent to the village early on Friday.")
    assert not found(first, second)


def test_stories_quoting_the_same_long_statement_stay_apart():
    statement = news_text(5, words=90)
    first = news_text(6, words=120) + "\n\n" + statement
    second = statement + "\n\n" + news_text(7, words=140)
    assert not found(first, second)


def test_short_texts_match_only_exactly():
    alert = "Air raid alert in Kharkiv region. Go to the shelter!"
    assert found(alert, "AIR RAID ALERT in Kharkiv region — go to the shelter")
    assert not found(alert, "Air raid alert in Kharkiv region. Go to the nearest shelter!")
    # the same alert text the next day is a new alert, not a repost
    assert not found(alert, alert, hours_apart=20)


def test_clusters_never_span_more_than_the_cap():
    late = (params.MAX_CLUSTER_SPAN.total_seconds() / 3600) + 1
    assert not found(BASE, BASE, hours_apart=late)


def test_candidate_pairs_are_bounded_in_large_buckets():
    members = [(f"s{i:04d}", i, False) for i in range(1000)]
    pairs = list(clusters.candidate_pairs(members))
    assert len(pairs) <= params.NEIGHBOURS * len(members)
    small = list(clusters.candidate_pairs(members[:5]))
    assert len(small) == 10


def test_candidate_pairs_skip_two_entries_of_earlier_runs():
    pairs = list(clusters.candidate_pairs([("old1", 0, True), ("old2", 1, True), ("new", 2, False)]))
    assert sorted(pairs) == [("new", "old1"), ("new", "old2")]


def test_union_find_merges_partial_results():
    fn = clusters.UnionFindFn()
    left = fn.add_input(fn.add_input(fn.create_accumulator(), ("b", "c")), ("x", "y"))
    right = fn.add_input(fn.create_accumulator(), ("a", "c"))
    roots = fn.extract_output(fn.merge_accumulators([left, right]))
    assert roots == {"a": "a", "b": "a", "c": "a", "x": "x", "y": "x"}


def test_canonical_is_earliest_then_longest():
    early = make_story("z", "short text", published=T0)
    later = make_story("a", "a much longer text", published=T0 + dt.timedelta(minutes=5))
    assert clusters.choose_canonical([later, early]).story_id == "z"
    longer = make_story("y", "the same moment but longer", published=T0)
    assert clusters.choose_canonical([early, longer]).story_id == "y"


def test_resolution_checks_members_against_the_canonical_story():
    # A ~ B (B is A with 40% more text) and B ~ C (C is B's second half), but C is not A.
    a_text = news_text(21, words=200)
    b_text = a_text + "\n\n" + news_text(22, words=160)
    c_text = " ".join(b_text.split()[150:])
    a = make_story("a", a_text, published=T0)
    b = make_story("b", b_text, published=T0 + dt.timedelta(hours=1))
    c = make_story("c", c_text, published=T0 + dt.timedelta(hours=2))
    assert clusters.verify(clusters.fingerprint(b), clusters.fingerprint(c))
    result = {s.story_id: s for s in clusters.resolve_cluster(signed(c, b, a), []).written}
    assert result["b"].duplicate_of == "a" and result["a"].num_duplicates == 1
    assert not result["c"].is_duplicate
    assert result["c"].cluster_id != result["a"].cluster_id


def test_resolution_points_new_copies_at_the_earlier_canonical():
    original = make_story("orig", BASE)
    earlier = clusters.index_entry(clusters.fingerprint(original),
                                   clusters.as_canonical(original, "h", 0), clusters.story_time(original))
    copy = make_story("copy", edit_words(BASE, 0.03, seed=2), published=T0 + dt.timedelta(hours=3))
    written = clusters.resolve_cluster(signed(copy), [earlier]).written
    assert [(s.story_id, s.is_duplicate, s.duplicate_of, s.cluster_id) for s in written] == \
        [("copy", True, "orig", clusters.cluster_id_for("orig"))]


def test_the_same_item_twice_is_written_once():
    story = make_story("a", BASE)
    resolution = clusters.resolve_cluster(signed(story, story), [])
    assert [s.story_id for s in resolution.written] == ["a"]
    assert [s.story_id for s in resolution.repeated] == ["a"]
