"""The cue patterns: the fast forms (a trie of alternatives, one pass for many cues) match
exactly what the plain alternations match, on every sentence of the labelled stories."""
import re

import pytest

from tests.incidents.scoring import DATA
from transforms.incidents import lexicon
from transforms.incidents.extract import split_sentences

CUES = [(name, value) for name, value in vars(lexicon).items() if isinstance(value, lexicon.Cue)] + \
    [(f"{name}.{key}", cue) for name in ("WEAPONS", "TARGETS", "REPORTERS", "ACTORS")
     for key, cue in getattr(lexicon, name)]


@pytest.fixture(scope="module")
def sentences() -> list[lexicon.Text]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((DATA / "stories").glob("*.txt"))]
    return [lexicon.Text(s.text) for text in texts for s in split_sentences("", text)]


def plain(alternatives: list[str]) -> re.Pattern:
    return re.compile(lexicon._WORDS.format("|".join(alternatives)))


@pytest.mark.parametrize("name, cue", CUES, ids=[name for name, _ in CUES])
def test_a_cue_matches_what_its_plain_alternation_matches(sentences, name, cue):
    loose, exact = plain(cue.loose_alternatives), plain(cue.exact_alternatives)
    for text in sentences:
        expected = [m.span() for m in loose.finditer(text.lower)] if cue.loose_alternatives else []
        if cue.exact_alternatives:
            expected = sorted(expected + [m.span() for m in exact.finditer(text.original)])
        assert cue.spans(text) == expected, text.original


@pytest.mark.parametrize("alternatives, text, expected", [
    (["drones?", "дрон\\w*", "дым"], "два дрона и drones", [(4, 9), (12, 18)]),
    (["(?:a\\s+)?fire\\s+(?:that|which)", "fires?"], "a fire that spread", [(0, 11)]),
    (["(?:naval|sea)\\s+drones?", "drones?"], "sea drones", [(0, 10)]),
    (["strikes?", "struck"], "strike struck", [(0, 6), (7, 13)]),
    (["водій|водія"], "водія", [(0, 5)]),
])
def test_factored_alternatives_keep_the_order_of_preference(alternatives, text, expected):
    pattern = re.compile(lexicon._WORDS.format(lexicon.factored(alternatives)))
    assert [m.span() for m in pattern.finditer(text)] == expected


def test_a_cue_set_names_the_first_cue_matching_where_it_matched(sentences):
    for cue_set in (lexicon.WEAPON_SET, lexicon.TARGET_SET, lexicon.REPORTER_SET, lexicon.CASUALTIES,
                    lexicon.NONE_HURT):
        patterns = [(plain([f"(?P<c{i}>{'|'.join(getattr(cue, kind))})" for i, cue in enumerate(cue_set._cues)
                            if getattr(cue, kind)]), kind)
                    for kind in ("loose_alternatives", "exact_alternatives")
                    if any(getattr(cue, kind) for cue in cue_set._cues)]
        for text in sentences:
            expected = sorted((m.start(), m.end(), cue_set.names[int(m.lastgroup[1:])])
                              for pattern, kind in patterns
                              for m in pattern.finditer(text.lower if kind == "loose_alternatives" else text.original))
            assert cue_set.spans(text) == expected, text.original


def test_one_pass_gives_each_cue_its_own_matches(sentences):
    for text in sentences:
        found = lexicon.CLAUSE_CUES.spans(text)
        for name, cue in lexicon.CLAUSE_CUES._named.items():
            assert found[name] == cue.spans(text), (name, text.original)


def test_the_cue_pass_is_found_by_a_letter_the_text_starts_with():
    found = lexicon.CLAUSE_CUES.spans(lexicon.Text("Обломки беспилотника упали, ранены двое: мужчина и женщина."))
    assert [name for name, spans in found.items() if spans] == ["weapon", "damage", "debris", "casualty", "person"]
