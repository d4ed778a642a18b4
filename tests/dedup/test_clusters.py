import datetime as dt

import numpy as np
import pytest

from transforms.dedup import clusters, params, sketch
from tests.dedup.conftest import T0, edit_words, make_story, news_text


def found(text_a: str, text_b: str, hours_apart: float = 1) -> bool:
    a = clusters.fingerprint(make_story("a", text_a))
    b = clusters.fingerprint(make_story("b", text_b, published=T0 + dt.timedelta(hours=hours_apart)))
    return bool(set(a.keys) & set(b.keys)) and clusters.verify(a, b)


def all_pairs(ids):
    return [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]]


def resolved(*stories, earlier=()):
    ids = [s.story_id for s in stories] + [e.story_id for e in earlier]
    resolution = clusters.resolve_cluster([clusters.fingerprint(s) for s in stories], list(earlier),
                                          all_pairs(ids))
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


def bucket_table(members):
    """A signature table of (story_id, time, from an earlier run) with empty sketches."""
    sketch_bytes = bytes(4 * (params.NUM_PERM + params.LEAD_PERM))
    return clusters.SignatureTable.of_rows(
        [(story_id, time, 100, False, earlier, b"", sketch_bytes) for story_id, time, earlier in members])


def pairs_in_one_bucket(members):
    table = bucket_table(members)
    rows = table.rows(np.array([sketch.story_key(m[0]) for m in members]))
    a, b = clusters.candidate_pairs(np.full(len(members), 7, dtype=np.int64), rows, table)
    return sorted(tuple(sorted(pair)) for pair in zip(table.story_ids[a].tolist(), table.story_ids[b].tolist()))


def test_candidate_pairs_are_bounded_in_large_buckets():
    members = [(f"s{i:04d}", i, False) for i in range(1000)]
    pairs = pairs_in_one_bucket(members)
    assert len(pairs) == params.NEIGHBOURS * len(members) - sum(range(1, params.NEIGHBOURS + 1))
    assert ("s0500", "s0503") in pairs and ("s0500", "s0504") not in pairs  # time neighbours
    assert len(pairs_in_one_bucket(members[:5])) == 10


def test_candidate_pairs_skip_two_entries_of_earlier_runs():
    pairs = pairs_in_one_bucket([("old1", 0, True), ("old2", 1, True), ("new", 2, False)])
    assert pairs == [("new", "old1"), ("new", "old2")]


def test_candidate_pairs_keep_buckets_apart_and_pair_an_item_read_twice():
    table = bucket_table([("a", 0, False), ("b", 1, False), ("c", 2, False)])
    story = {s: sketch.story_key(s) for s in "abc"}
    rows = table.rows(np.array([story["a"], story["b"], story["c"], story["c"]]))
    a, b = clusters.candidate_pairs(np.array([1, 2, 1, 1], dtype=np.int64), rows, table)
    pairs = sorted(zip(table.story_ids[a].tolist(), table.story_ids[b].tolist()))
    assert [tuple(sorted(pair)) for pair in pairs] == [("a", "c"), ("c", "c")]


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
    resolution = clusters.resolve_cluster([fp, fp], [], [("a", "a")])
    assert resolution.assignments["a"] == clusters.Assignment(clusters.cluster_id_for("a"), copies=2)
    assert len(resolution.entries) == 1


def test_resolution_work_is_linear_in_the_edges(monkeypatch):
    # Template-like posts chain into one large component of distinct stories: each is
    # checked against the canonical stories it touches, not against the whole component.
    stories = [make_story(f"s{i:03d}", news_text(100 + i, words=60),
                          published=T0 + dt.timedelta(minutes=i)) for i in range(300)]
    chain = [(f"s{i:03d}", f"s{i + 1:03d}") for i in range(299)]
    calls = []
    real_verify = clusters.verify
    monkeypatch.setattr(clusters, "verify", lambda a, b: calls.append(1) or real_verify(a, b))
    resolution = clusters.resolve_cluster([clusters.fingerprint(s) for s in stories], [], chain)
    assert len(resolution.assignments) == 300
    assert not any(a.duplicate_of for a in resolution.assignments.values())
    assert len(calls) <= 2 * len(chain)


def test_signature_table_keeps_one_row_per_story():
    fp = clusters.fingerprint(make_story("a", BASE))
    table = clusters.SignatureTable.of_rows([clusters.signature_row(fp)] * 2)
    assert table.story_ids.tolist() == ["a"] and table.signatures.shape == (1, params.NUM_PERM)
    row = table.rows(np.array([sketch.story_key("a")]))
    assert table.plausible(row, row).tolist() == [True]


def test_assignment_round_trip():
    for assignment in (clusters.Assignment("c1"), clusters.Assignment("c1", "s9", 0, 3)):
        assert clusters.Assignment.decode(assignment.encode()) == assignment


def screened(table, first, others):
    def rows(ids):
        return table.rows(np.array([sketch.story_key(story_id) for story_id in ids]))
    return table.plausible(rows([first] * len(others)), rows(others)).tolist()


def test_pair_screen_keeps_true_copies_and_drops_strangers():
    words = BASE.split()
    texts = {"base": BASE, "edited": edit_words(BASE, 0.05, seed=3),
             "cut": " ".join(words[:int(0.6 * len(words))]), "summary": " ".join(words[:45]),
             "stranger": news_text(12, words=220), "late": BASE}
    published = {"late": T0 + params.MAX_CLUSTER_SPAN + dt.timedelta(hours=1)}
    table = clusters.SignatureTable.of_rows([
        clusters.signature_row(clusters.fingerprint(make_story(name, text, published.get(name, T0))))
        for name, text in texts.items()])
    others = ["edited", "cut", "summary", "stranger", "late", "base"]
    assert screened(table, "base", others) == [True, True, True, False,
                                                                        False, True]


def test_pair_screen_matches_short_texts_by_content_only():
    alert = "Air raid alert in Kharkiv region. Go to the shelter!"
    stories = [make_story("alert", alert), make_story("repost", alert.upper()),
               make_story("other", alert.replace("Kharkiv", "Sumy")),
               make_story("next-day", alert, published=T0 + dt.timedelta(hours=20))]
    table = clusters.SignatureTable.of_rows(
        [clusters.signature_row(clusters.fingerprint(story)) for story in stories])
    assert screened(table, "alert", ["repost", "other", "next-day"]) == [True, False, False]


def test_resolution_walks_only_the_edges_it_is_given():
    copy = make_story("copy", edit_words(BASE, 0.03, seed=8), published=T0 + dt.timedelta(hours=1))
    fps = [clusters.fingerprint(make_story("orig", BASE)), clusters.fingerprint(copy)]
    assert clusters.resolve_cluster(fps, [], [("copy", "orig")]).assignments["copy"].duplicate_of == "orig"
    alone = clusters.resolve_cluster(fps, [], [("copy", "copy"), ("orig", "orig")]).assignments
    assert alone["copy"].duplicate_of is None and alone["orig"].num_duplicates == 0


def test_fingerprint_survives_packing():
    fp = clusters.fingerprint(make_story("a", BASE, guid="g"))
    unpacked = clusters.unpack_fingerprint(clusters.pack_fingerprint(fp))
    assert (unpacked.story_id, unpacked.keys, unpacked.ingest_keys, unpacked.size) == \
        (fp.story_id, fp.keys, fp.ingest_keys, fp.size)
    assert (unpacked.shingles == fp.shingles).all() and (unpacked.lead == fp.lead).all()
    assert clusters.unpack_fingerprint(clusters.pack_fingerprint(fp, with_shingles=False)).shingles is None
