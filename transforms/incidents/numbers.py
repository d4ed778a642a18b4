"""Numbers as news reports write them: digits and words in English, Russian and Ukrainian.

Russian and Ukrainian numerals inflect ("пять", "пяти", "пятью", "п'ятьох"); rather than
hand-listing every case form, the forms are generated once from pymorphy3's dictionaries
out of a short table of lemmas. Qualifiers matter to analysts: "over 30" is a lower bound
and keeps 30, "up to 30" or "nearly 30" is not a stated count (None), and vague words such
as "several" or "dozens" are found (so they are not mistaken for a missing number) but
carry no value.
"""
from __future__ import annotations

import dataclasses
import re

import pymorphy3

APOSTROPHES = "'’ʼ`"

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_EN_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000}

_RU_LEMMAS = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20,
    "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
    "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300,
    "четыреста": 400, "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800,
    "девятьсот": 900, "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6,
    "семеро": 7, "восьмеро": 8, "девятеро": 9, "десятеро": 10, "оба": 2,
}
_UK_LEMMAS = {
    "нуль": 0, "один": 1, "два": 2, "три": 3, "чотири": 4, "п'ять": 5, "шість": 6, "сім": 7,
    "вісім": 8, "дев'ять": 9, "десять": 10, "одинадцять": 11, "дванадцять": 12,
    "тринадцять": 13, "чотирнадцять": 14, "п'ятнадцять": 15, "шістнадцять": 16,
    "сімнадцять": 17, "вісімнадцять": 18, "дев'ятнадцять": 19, "двадцять": 20,
    "тридцять": 30, "сорок": 40, "п'ятдесят": 50, "шістдесят": 60, "сімдесят": 70,
    "вісімдесят": 80, "дев'яносто": 90, "сто": 100, "двісті": 200, "триста": 300,
    "чотириста": 400, "п'ятсот": 500, "шістсот": 600, "сімсот": 700, "вісімсот": 800,
    "дев'ятсот": 900, "двоє": 2, "троє": 3, "четверо": 4, "п'ятеро": 5, "шестеро": 6,
    "семеро": 7, "восьмеро": 8, "дев'ятеро": 9, "десятеро": 10, "обидва": 2, "обидві": 2,
}
_SLAVIC_SCALES = {"тысяча": 1000, "тисяча": 1000}

# Lower bounds keep their number; words that make the figure an upper bound or an
# approximation from below are not a stated count.
LOWER_BOUND = ("over", "more than", "at least", "upwards of", "no fewer than", "no less than",
               "более", "больше", "свыше", "не менее", "как минимум", "по меньшей мере",
               "минимум", "понад", "більше", "більш ніж", "щонайменше", "не менше", "принаймні",
               "мінімум")
APPROXIMATE = ("about", "around", "approximately", "roughly", "some", "около", "примерно",
               "порядка", "близько", "приблизно", "орієнтовно")
NOT_A_COUNT = ("up to", "nearly", "almost", "fewer than", "less than", "under", "до", "почти",
               "менее", "меньше", "майже", "менше", "менш ніж")
VAGUE = ("several", "a few", "few", "multiple", "many", "numerous", "dozens of", "dozens",
         "scores of", "hundreds of", "hundreds", "a number of", "some", "несколько",
         "нескольких", "несколькими", "десятки", "десятков", "десятками", "сотни", "сотен",
         "ряд", "множество", "кілька", "декілька", "кількох", "декількох", "десятки",
         "десятків", "сотні", "сотень", "багато")


@dataclasses.dataclass(frozen=True)
class NumberSpan:
    """A number found in text. ``value`` is None for vague amounts ("several")."""

    start: int
    end: int
    value: int | None
    qualifier: str | None  # lower_bound | approximate | not_a_count | vague | None


def _slavic_forms() -> dict[str, int]:
    forms: dict[str, int] = {}
    for lang, lemmas in (("ru", _RU_LEMMAS), ("uk", _UK_LEMMAS)):
        morph = pymorphy3.MorphAnalyzer(lang=lang)
        for lemma, value in lemmas.items():
            for parse in morph.parse(lemma):
                if parse.normal_form.replace("ё", "е") != lemma or not (
                        {"NUMR"} & parse.tag.grammemes or "Anum" in str(parse.tag)):
                    continue
                for form in parse.lexeme:
                    forms.setdefault(form.word.replace("ё", "е"), value)
            forms.setdefault(lemma, value)
    return forms


def _slavic_scale_forms() -> dict[str, int]:
    forms: dict[str, int] = {}
    for lang, lemma in (("ru", "тысяча"), ("uk", "тисяча")):
        morph = pymorphy3.MorphAnalyzer(lang=lang)
        for parse in morph.parse(lemma):
            if parse.normal_form == lemma:
                for form in parse.lexeme:
                    forms.setdefault(form.word, _SLAVIC_SCALES[lemma])
    return forms


SLAVIC_WORDS = _slavic_forms()
SLAVIC_SCALES = _slavic_scale_forms()
_WORD_VALUES = {**{k: v for k, v in _EN_UNITS.items()}, **SLAVIC_WORDS}
_SCALE_VALUES = {**_EN_SCALES, **SLAVIC_SCALES}


_CHAR_CLASSES = {"'": f"[{APOSTROPHES}]", "е": "[её]", " ": r"\s+"}


def alternation(words) -> str:
    """A regex matching any of ``words`` (lowercase; match case-insensitively), longest
    first. Built as a trie: Python's regex engine would otherwise try every word at every
    position of the text, which made number finding the slowest step of extraction."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    ends_here = "" in node
    branches = [_CHAR_CLASSES.get(char, re.escape(char)) + _trie_pattern(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body


_WORD = f"(?:{alternation(_WORD_VALUES)})"
_SCALE = f"(?:{alternation(_SCALE_VALUES)})"
_DIGITS = r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|\d+"
_WORD_NUMBER = (rf"(?:(?:a|one)\s+)?{_WORD}(?:(?:\s+and\s+|[\s-]+|\s+){_WORD}|(?:[\s-]+){_SCALE})*"
                rf"|(?:a\s+)?{_SCALE}(?:(?:\s+and\s+|\s+){_WORD})*")


# Matched on the lowercase text (see ``lowercase``): several times faster than ignoring case.
NUMBER_RE = re.compile(
    rf"(?<![\w.,:/-])(?:(?P<qual>{alternation(LOWER_BOUND + APPROXIMATE + NOT_A_COUNT)})\s+)?"
    rf"(?P<num>(?:{_DIGITS})(?:\s+{_SCALE})?|{_WORD_NUMBER})(?![\w]|[.,:]\d)"
    rf"|(?<!\w)(?P<vague>{alternation(VAGUE)})(?!\w)")

# "12 тисяч", "40 thousand": one number, not 12 and 1,000.
_SCALED_DIGITS_RE = re.compile(rf"({_DIGITS})(?:\s+({_SCALE}))?")
_TOKEN_RE = re.compile(rf"{_SCALE}|{_WORD}|\d+", re.IGNORECASE)


def normalise_word(word: str) -> str:
    word = re.sub(r"\s+", " ", word.lower().replace("ё", "е"))
    for mark in APOSTROPHES[1:]:
        word = word.replace(mark, "'")
    return word


def _word_value(phrase: str) -> int | None:
    """The value of a run of number words ("one hundred and ten", "двести пятьдесят")."""
    total, current, seen = 0, 0, False
    phrase = re.sub(r"^(a|one)\s+(?=hundred|thousand|dozen)", "one ", phrase.strip(), flags=re.I)
    for token in _TOKEN_RE.findall(phrase):
        key = normalise_word(token)
        if key in _SCALE_VALUES:
            scale = _SCALE_VALUES[key]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
            seen = True
        elif key in _WORD_VALUES:
            current += _WORD_VALUES[key]
            seen = True
        elif key.isdigit():
            current += int(key)
            seen = True
    return total + current if seen else None


def _qualifier_kind(qualifier: str | None) -> str | None:
    if not qualifier:
        return None
    key = normalise_word(qualifier)
    for kind, words in (("lower_bound", LOWER_BOUND), ("approximate", APPROXIMATE),
                        ("not_a_count", NOT_A_COUNT)):
        if key in words:
            return kind
    return None


_RISE_RE = re.compile(r"(?:возросл|выросл|увеличил|достигл|зросл|збільшил|сягнул)\w*\s+(?:\w+\s+)?$",
                      re.IGNORECASE)


def lowercase(text: str) -> str:
    """``text`` in lowercase, letter for letter, so that offsets in it are offsets in ``text``."""
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lowercase is longer ("İ")
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lower


def gated_matches(pattern: re.Pattern, gate: re.Pattern, lower: str, reach: int = 80) -> list[re.Match]:
    """``pattern``'s matches in the lowercase text ``lower``, searched only around the places
    where the much cheaper ``gate`` finds a word a match must contain. Large alternations
    make Python's regex engine slow on long texts; most text has no number."""
    matches, window_end = [], -1
    windows: list[list[int]] = []
    for hit in gate.finditer(lower):
        start = max(0, hit.start() - 24)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = hit.end() + reach
        else:
            windows.append([start, hit.end() + reach])
    for start, end in windows:
        for match in pattern.finditer(lower, start, min(end, len(lower))):
            if match.start() >= window_end:  # windows overlap: each match once
                matches.append(match)
                window_end = match.end()
    return matches


_NUMBER_GATE = re.compile(r"\d|\b(?:" + alternation(list(_WORD_VALUES) + list(_SCALE_VALUES) + list(VAGUE)) + ")")


def find_numbers(text: str) -> list[NumberSpan]:
    """Every number or vague amount in ``text``, in order, with its qualifier."""
    spans = []
    for match in gated_matches(NUMBER_RE, _NUMBER_GATE, lowercase(text)):
        if match.group("vague"):
            spans.append(NumberSpan(match.start(), match.end(), None, "vague"))
            continue
        raw = match.group("num")
        if raw[0].isdigit():
            digits, scale = _SCALED_DIGITS_RE.fullmatch(raw).groups()
            value = int(re.sub(r"\D", "", digits)) * (_SCALE_VALUES[normalise_word(scale)] if scale else 1)
        else:
            value = _word_value(raw)
        kind = _qualifier_kind(match.group("qual"))
        if kind == "not_a_count" and _RISE_RE.search(text, max(0, match.start() - 40), match.start()):
            kind = None  # "the toll rose to 5": the latest figure, not an upper bound
        if kind == "not_a_count":
            value = None
        spans.append(NumberSpan(match.start(), match.end(), value, kind))
    return spans


def parse_number(text: str) -> int | None:
    """The value of a phrase that is one number ("over 30" -> 30, "several" -> None)."""
    spans = find_numbers(text.strip())
    return spans[0].value if len(spans) == 1 else None
