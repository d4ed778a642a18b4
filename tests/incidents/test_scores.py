"""Extraction scored by the shared scorer on our labelled stories and on the shared seeds.

The floors sit just under what the extractor measured when this was written (labelled set,
257 stories: detection and strict F1 0.997, counts and casualties 0.997-1.0; seeds: 1.0 and
1.0), so a change in the gazetteer's data does not fail them for one row; all are at or above
the issue's targets. The labelled set includes stories first written as held-out sets (en61-en89,
ru56-ru84, uk56-uk84), scored before the extractor was changed for them; they now guard
against regressions. bench/bench_extract.py prints the current numbers.

The longform sets are articles of 330-1,850 characters written the way real sources write
(governors' Telegram posts, defence ministry and air force summaries, wire stories with
background paragraphs, local media with captions, and stories about drones that report no
strike). "longform" and "heldout" are the development sets the extractor's general fixes
were made against ("longform": detection F1 0.826 -> 0.908 -> 0.919, strict 0.743 -> 0.870 ->
0.889; "heldout", held out until its errors were listed: 0.813 -> 0.833 -> 0.899, strict 0.748
-> 0.772 -> 0.884). "heldout2" (30 stories, 16 of them 1,500-2,200 characters) was written
and scored before the fixes made against "heldout": detection 0.737, strict 0.679 before them,
0.803 and 0.747 after; its errors then drove the next fixes (launch-site lists, a capital or a
namesake surname that speaks, habitual statements): 0.897 and 0.870. "heldout3" (30 stories, 17
of them 1,500-2,200 characters, 3 negatives) was written and scored before those fixes and never
tuned on: detection 0.763, strict 0.729 before them, 0.771 and 0.738 after; its errors then
drove the next fixes (a name tied to another region's namesake, ministry lists one item a line,
places a source does not name, signed posts): 0.828 and 0.813 (longform 0.926 and 0.900).
"heldout4" (30 stories, 17 of them 1,500-2,900 characters, 3 negatives) was written and scored
before the next fixes: detection 0.874, strict 0.848 (the extractor's CLI gave the same rows). Its
errors and those of the sets before it drove them (a ministry's total kept where its regions are
only part of it, and apart from the other side's; a breakdown taking the source of its total;
"Росія запустила" as the attacker; habitual "almost daily"; rivers and seas named for towns; an
attack only feared; prices; the governor's report over the ministry's count): 0.923 and 0.907, with
heldout 0.905/0.891, heldout2 0.915/0.896, heldout3 0.896/0.886. Five of its labels were aligned
with the conventions of the earlier sets after that first score (a ministry total its regions add
up to is optional; debris fires may be interceptions; a governor's count for the whole region
beside a town is optional), which moved the first score from 0.862/0.825 to 0.874/0.848.
"heldout5" (30 stories, 17 of them 1,500-2,600 characters, 3 negatives) was written after those
fixes, against commit f2f82de, and scored before any fix was made for it: detection 0.887, strict
0.867 on its first labels, 0.894 and 0.875 after three labels were aligned with the earlier sets'
conventions ("Московский регион" may be the city or the oblast; reported_by of unattributed
paragraphs; windows of nearby homes may make a target residential). The next fixes, made against
the earlier sets only (a region's row joining its one town where it adds what the town's report
lacks, refineries named by their town's adjective, "during the attack", regions a source does not
count, "Напомним", "that night", districts of city regions, "attack drones" as a kind), gave
heldout5 0.901/0.885 (longform 0.932/0.911, heldout 0.938/0.928, heldout2 0.947/0.936, heldout3
0.905/0.897, heldout4 0.939/0.926); its errors then drove the next (launch sites in occupied
territory, a source's own forces not the attacker, totals whose breakdown leaves "the rest", hospital
towns, casualty words and family members, "nobody hurt" forms, sources inside quotes): 0.984/0.984.
"heldout6" (30 stories, 18 of them 1,500-2,600 characters, 3 negatives) was labelled without the
extractor ever being run on it, and has never been tuned on: detection 0.930, strict 0.893 at commit
b982655, 0.948 and 0.922 after the fixes made with heldout5 (P 0.973, R 0.924), 0.948 and 0.920
after the next round (officials named without their title, pronoun and quote reporters; its
reported_by 0.795 -> 0.918).
Their floors sit a little under the current numbers.
"""
import pytest

from tests.conftest import shared_path
from tests.incidents.scoring import DATA, load_scorer, predictions, read_gold


def test_labelled_set_has_sixty_stories_in_three_languages():
    gold = read_gold(DATA / "gold.jsonl")
    names = [row["story"] for row in gold]
    assert len(names) >= 60 and len(set(names)) == len(names)
    assert all((DATA / "stories" / name).exists() for name in names)
    assert {name[:2] for name in names} == {"en", "ru", "uk"}


def test_labelled_set_scores(gazetteer):
    scorer = load_scorer(shared_path("tools", "score_incidents.py"))
    result = scorer.score(read_gold(DATA / "gold.jsonl"), predictions(DATA / "stories", gazetteer))
    assert result["f1"] >= 0.97
    assert result["strict_f1"] >= 0.97
    for field in ("launched", "intercepted", "killed", "injured"):
        assert result["field_accuracy"][field] >= 0.98, field


def test_seeds_score(gazetteer):
    scorer = load_scorer(shared_path("tools", "score_incidents.py"))
    gold = read_gold(shared_path("dev", "seeds.gold.jsonl"))
    result = scorer.score(gold, predictions(shared_path("seeds"), gazetteer))
    assert result["f1"] >= 0.95
    assert result["strict_f1"] >= 0.95


LONGFORM = {"longform": (0.92, 0.90), "heldout": (0.93, 0.92), "heldout2": (0.94, 0.93), "heldout3": (0.89, 0.88),
            "heldout4": (0.93, 0.92), "heldout5": (0.97, 0.97), "heldout6": (0.93, 0.91)}


@pytest.mark.parametrize("name", sorted(LONGFORM))
def test_longform_set_has_thirty_stories_in_three_languages(name):
    gold = read_gold(DATA / name / "gold.jsonl")
    names = [row["story"] for row in gold]
    assert len(names) == 30 and len(set(names)) == len(names)
    assert all((DATA / name / "stories" / story).exists() for story in names)
    assert {story.split("_")[1][:2] for story in names} == {"en", "ru", "uk"}


@pytest.mark.parametrize("name", sorted(LONGFORM))
def test_longform_set_scores(gazetteer, name):
    scorer = load_scorer(shared_path("tools", "score_incidents.py"))
    result = scorer.score(read_gold(DATA / name / "gold.jsonl"), predictions(DATA / name / "stories", gazetteer))
    detection, strict = LONGFORM[name]
    assert result["f1"] >= detection
    assert result["strict_f1"] >= strict
