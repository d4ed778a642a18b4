import datetime as dt

import pytest

from transforms.dedup import clusters, params
from tests.dedup.conftest import T0, edit_words, make_story, news_text


def found(text_a: str, text_b: str, hours_apart: float = 1) -> bool:
    a = clusters.fingerprint(make_story("a", text_a))
    b = clusters.fingerprint(make_story("b", text_b, published=T0 + dt.timedelta(hours=hours_apart)))
    return bool(set(a.keys) & set(b.keys)) and clusters.verify(a, b)


def resolved(*stories, earlier=()):
    resolution = clusters.resolve_cluster([clusters.fingerprint(s) for s in stories], list(earlier))
    return {s.story_id: clusters.apply_assignment(s, "", resolution.assignments[s.story_id])
            for s in stories}


def earlier_entry(story):
    fp = clusters.fingerprint(story)
    return clusters.index_entry(fp, clusters.Assignment(clusters.cluster_id_for(story.story_id)),
                                fp.time)


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
    # A digest D holds two whole stories A and C: A ~ D and D ~ C (both contained in D),
    # but A and C are different stories.
    a_text, c_text = news_text(21, words=200), news_text(22, words=200)
    a = make_story("a", a_text, published=T0)
    d = make_story("d", a_text + "\n\n" + c_text, published=T0 + dt.timedelta(hours=1))
    c = make_story("c", c_text, published=T0 + dt.timedelta(hours=2))
    assert clusters.verify(clusters.fingerprint(d), clusters.fingerprint(c))
    result = resolved(c, d, a)
    assert result["d"].duplicate_of == "a" and result["a"].num_duplicates == 1
    assert not result["c"].is_duplicate
    assert result["c"].cluster_id != result["a"].cluster_id


def test_a_summary_as_canonical_keeps_copies_with_a_trimmed_lead():
    summary = make_story("summary", " ".join(BASE.split()[:50]), published=T0)
    full = make_story("full", BASE, published=T0 + dt.timedelta(minutes=5))
    trimmed = make_story("trimmed", "\n\n".join(PARAGRAPHS[1:]), published=T0 + dt.timedelta(hours=1))
    result = resolved(trimmed, full, summary)
    assert result["full"].duplicate_of == "summary"
    assert result["trimmed"].duplicate_of == "summary"
    assert result["summary"].num_duplicates == 2


def test_resolution_points_new_copies_at_the_earlier_canonical():
    earlier = earlier_entry(make_story("orig", BASE))
    copy = make_story("copy", edit_words(BASE, 0.03, seed=2), published=T0 + dt.timedelta(hours=3))
    story = resolved(copy, earlier=[earlier])["copy"]
    assert (story.is_duplicate, story.duplicate_of, story.cluster_id) == \
        (True, "orig", clusters.cluster_id_for("orig"))


def test_the_same_item_twice_is_counted_once():
    fp = clusters.fingerprint(make_story("a", BASE))
    resolution = clusters.resolve_cluster([fp, fp], [])
    assert resolution.assignments["a"] == clusters.Assignment(clusters.cluster_id_for("a"), copies=2)
    assert len(resolution.entries) == 1


def test_assignment_round_trip():
    for assignment in (clusters.Assignment("c1"), clusters.Assignment("c1", "s9", 0, 3)):
        assert clusters.Assignment.decode(assignment.encode()) == assignment


def test_pair_screen_keeps_true_copies_and_drops_strangers():
    base = clusters.fingerprint(make_story("a", BASE))
    for text in (edit_words(BASE, 0.05, seed=3), " ".join(BASE.split()[:int(0.6 * len(BASE.split()))]),
                 " ".join(BASE.split()[:45])):
        assert clusters.plausible(base, clusters.fingerprint(make_story("b", text)))
    assert not clusters.plausible(base, clusters.fingerprint(make_story("c", news_text(12, words=220))))


def test_fingerprint_survives_packing():
    fp = clusters.fingerprint(make_story("a", BASE, guid="g"))
    unpacked = clusters.unpack_fingerprint(clusters.pack_fingerprint(fp))
    assert (unpacked.story_id, unpacked.keys, unpacked.ingest_keys, unpacked.size) == \
        (fp.story_id, fp.keys, fp.ingest_keys, fp.size)
    assert (unpacked.shingles == fp.shingles).all() and (unpacked.lead == fp.lead).all()
    assert clusters.unpack_fingerprint(clusters.pack_fingerprint(fp, with_shingles=False)).shingles is None
