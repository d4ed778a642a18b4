"""Incidents of one story: sentences -> clauses -> fragments -> one row per event and place.

A *fragment* is what one clause says about one place: weapon, cues (attack, interception,
alert, damage), counts, casualties, target, who reported it. Fragments of the same place
and date are merged into one incident. The rules that keep rows right:

* counts bind to nouns: a number counts weapons only when a weapon word (or "targets")
  follows it, casualties only when a person word or a casualty word is next to it, so
  "1,000 km", "2:00 pm", "a 64-year-old" or "45 times" never become figures; a list item
  without its noun ("two in the Belgorod Region") takes the noun and verb of the list; a
  number of makers or strikes counts no weapons ("понад 30 виробників постачають дрони",
  "п'ять ударів авіабомбами");
* a clause with several regions is a breakdown: each region takes the number written next
  to it, before or after, whichever reading pairs more regions more tightly; one number
  for several regions is their total, not the first region's;
* clauses about other events (background: "since November", "earlier this month") count
  only when they carry their own date, and then as a separate incident ("since April, when
  a drone damaged a dormitory" is April's, month precision); never dated at publication;
* where a weapon was launched from ("launched from Russia's Belgorod region", "с территории")
  is no incident place; nor is a city district named like a place of another region ("the
  Kyivskyi district" of Kharkiv) or a district of the town the story is on ("у Голосіївському
  районі" of Kyiv), nor a capital standing for its government ("Kyiv has hit"), nor the seat
  of a ministry ("the Defence Ministry in Moscow said"), nor where the wounded were taken ("taken
  to a hospital in Dnipro"); a name is its most populous place
  unless the region right after it says otherwise ("the village of Murom in the Shebekino
  district", "с. Нікополь Харківської області": that region's namesake, known or not);
* "the capital", "столицу" is Kyiv or Moscow, as the text qualifies it, else as the story's
  places or its language say;
* an undated headline about a place the story dates on one day is that day's event;
* opinion pieces ("Opinion:") and sentences that argue ("argues that") make no incident, nor
  do exercises ("по легенде учений"), nor a place named to locate another ("the Zhytomyr
  region west of the capital");
* a clause with no place goes on about the place of the sentence just before (for the same
  date) when it adds a figure or a target; a national count (the air force's, the
  ministry's, a country's: "Russia says 86 UAVs neutralised") never does; an undated one (a
  headline's) is the one the body dates, if it dates one; weapon counts with no place make
  one ``XX`` row per date and attacked country, unless the story breaks them down by region
  in full ("112 drones, including 31 over the Moscow region" keeps the 112); a breakdown that
  names no source is its total's;
* in a story about an attack, damage or casualties at another named place are a row of
  their own, with the story's weapon;
* casualties are 0 only when the text says nobody was hurt; a part of a figure ("including
  two children", "серед них дитина", "two children were among", "three of them seriously",
  "three people – two men and a woman", "two people, a man and a woman") is never added to
  it, while people joined by "and" add up ("two men and a woman": 3); the same figure told
  twice is taken once (max); "one of the drones hit" counts no drones;
* who reported it is the source named by the reporting verb ("the governor said").
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import re
from typing import Iterable

from schemas.records import UNKNOWN_REGION, Incident, Story, stable_id
from transforms.incidents import acled, dates, lexicon
from transforms.incidents.gazetteer import Gazetteer, Mention
from transforms.incidents.numbers import NumberSpan, find_numbers

EXTRACTOR_VERSION = "incidents-1.1"

_DRONES = ("drone", "fpv_drone", "naval_drone")
_MISSILES = ("missile", "ballistic_missile", "cruise_missile")
_CONTEXT_SENTENCES = 2  # how far back a clause without a place may look for one
_PRONOUN_REACH = 3  # how far back "he said" may look for who "he" is
_NEAR_WORDS = 4

_WORD_RE = re.compile(r"\w+")
_TERMINAL_RE = re.compile(r"[.!?…:;»\"'”’)]\s*$")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "gov", "gen", "lt", "col", "sgt", "jr", "sr", "no", "vs", "u.s",
    "u.k", "a.m", "p.m", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "approx", "e.g",
    "i.e", "г", "гг", "обл", "ул", "вул", "пос", "им", "т.е", "т.д", "т.п", "р", "с", "смт", "м",
    "ст", "тыс", "тис", "млн", "млрд", "км", "etc", "inc", "corp", "rep", "sen", "adm", "maj", "capt",
}
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS)) + 1  # and the space before it
_LAST_WORD_RE = re.compile(r"([\w.]+)$")
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’»)]*\s+(?=[\"'“‘«(]?[A-ZА-ЯЁІЇЄҐ0-9])")
_CLAUSE_BREAK_RE = re.compile(
    r",\s+(?:when|where|which|while|after|but|whereas|as\s+well\s+as)\b|;\s+|\s+(?:follows|followed|following)\s+"
    r"|,\s+(?:когда|где|после\s+того|однако|а\s+также|тогда\s+как|коли|де|після\s+того|однак|тоді\s+як)\b",
    re.IGNORECASE)
_OF_RE = re.compile(r"^\s*(?:of|out\s+of|из|з|із)(?:\s+the)?\s*$", re.IGNORECASE)
_CURRENT_RE = re.compile(r"\b(?:latest|new|newest|current|ongoing|последн\w*|нов\w*|остан\w*)\b")
_COUNTRY_RE = [("RU", re.compile(r"\b(?:russia|russian|росси\w*|российск\w*|росі\w*|російськ\w*|рф)\b")),
               ("UA", re.compile(r"\b(?:ukraine|ukrainian|украин\w*|украинск\w*|україн\w*|українськ\w*)\b"))]

_ANY_COUNTRY_RE = re.compile("|".join(pattern.pattern for _, pattern in _COUNTRY_RE))


# --- text structure -------------------------------------------------------------------------

@dataclasses.dataclass
class Sentence:
    index: int
    text: str
    skip: bool  # a caption, a heading or a pointer to another story: no incident of its own
    story: list[Sentence] = dataclasses.field(default_factory=list, repr=False, compare=False)  # all, in order

    @functools.cached_property
    def words(self) -> lexicon.Text:
        return lexicon.Text(self.text)

    @functools.cached_property
    def ignored(self) -> bool:
        """Skipped, a sentence that argues rather than reports ("a former general argues that"),
        or one about an exercise ("по легенде учений")."""
        return self.skip or lexicon.OPINION.found_in(self.words) or lexicon.EXERCISE.found_in(self.words)

    @functools.cached_property
    def numbers(self) -> list[NumberSpan]:
        return find_numbers(self.text)

    @functools.cached_property
    def reporter(self) -> str | None:
        dateline = _DATELINE_RE.match(self.text)  # "(Reuters)" filed it; the sentence names the source
        own = _reporter(lexicon.Text(self.text[dateline.end():]) if dateline else self.words)
        return self._reporter_before() if own == lexicon.PRONOUN else own

    def _reporter_before(self) -> str | None:
        """Who a pronoun that speaks ("he said", "По его словам", "додав він") is: the source of
        the last sentence before, within a few, that said who spoke."""
        said = next((before for before in reversed(self.story[max(0, self.index - _PRONOUN_REACH):self.index])
                     if before.reporter or lexicon.REPORTING.found_in(before.words)), None)
        return said.reporter if said else None

    @functools.cached_property
    def actor(self) -> str | None:
        return _actor(self.words)


def split_sentences(title: str, text: str) -> list[Sentence]:
    """Sentences in order; the title first when the text does not start with it."""
    lines = _with_list_items_joined([line.strip() for line in text.splitlines() if line.strip()])
    if title and title.strip() and (not lines or not lines[0].startswith(title.strip()[:40])):
        lines.insert(0, title.strip())
    terminated = sum(1 for line in lines if _TERMINAL_RE.search(line))
    seen_lines: set[str] = set()
    sentences: list[Sentence] = []
    for number, line in enumerate(lines):
        is_heading = number > 0 and terminated >= 2 and not _TERMINAL_RE.search(line)
        normal = _normal(line)
        is_repeat = normal in seen_lines
        seen_lines.add(normal)
        is_caption = bool(lexicon.CAPTION.match(line) or lexicon.CAPTION_TAIL.search(line))
        for piece in _split_line(line):
            sentences.append(Sentence(len(sentences), piece, is_heading or is_repeat or is_caption, sentences))
    return sentences


# A list the ministry writes one item a line ("...самолетного типа:" then "21 — над территорией
# Брянской области,"): each item is a clause of the sentence that introduces it, whose noun
# and verb it takes.
_INTRODUCES_LIST_RE = re.compile(r"[:,;]$")
_LIST_ITEM_RE = re.compile(r"^(?:[-–—•*·]\s*)?(?=\d|[a-zа-яёіїєґ])")


def _with_list_items_joined(lines: list[str]) -> list[str]:
    joined: list[str] = []
    for line in lines:
        item = _LIST_ITEM_RE.match(line)
        if joined and item and _INTRODUCES_LIST_RE.search(joined[-1]):
            joined[-1] += " " + line[item.end():]
        else:
            joined.append(line)
    return joined


def _normal(line: str) -> str:
    return re.sub(r"\W+", " ", line.lower()).strip()


def _split_line(line: str) -> list[str]:
    pieces, start = [], 0
    for match in _SENTENCE_END_RE.finditer(line):
        if line[match.start()] == "." and _is_abbreviation(line[start:match.start()]):
            continue
        pieces.append(line[start:match.end()].strip())
        start = match.end()
    if line[start:].strip():
        pieces.append(line[start:].strip())
    return pieces


def _is_abbreviation(before_period: str) -> bool:
    last = _LAST_WORD_RE.search(before_period, max(0, len(before_period) - _LONGEST_ABBREVIATION))
    word = last.group(1).lower() if last else ""
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _clauses(sentence: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _CLAUSE_BREAK_RE.finditer(sentence):
        if match.start() > start:
            bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(sentence)))
    return [b for b in bounds if sentence[b[0]:b[1]].strip()]


# --- what a clause says ----------------------------------------------------------------------

@dataclasses.dataclass
class Fragment:
    """What one clause says about one place (``key`` None: no place)."""

    key: tuple[str, str | None] | None
    date: dt.date
    date_precision: str
    sentence: int
    evidence: str
    inherited: bool = False
    background: bool = False  # an earlier event the story recalls, with its own date
    weapons: list[str] = dataclasses.field(default_factory=list)
    airstrike: bool = False
    aerial_target: bool = False
    intercept: bool = False
    attack: bool = False
    damage: bool = False
    debris: bool = False
    alert: bool = False
    launched: int | None = None
    intercepted: int | None = None
    killed: int | None = None
    injured: int | None = None
    no_killed: bool = False
    no_injured: bool = False
    target: str | None = None
    target_type: str | None = None
    source: Sentence | None = None
    country_hint: str | None = None
    unknown_place: bool = False  # the clause names a settlement the gazetteer does not know
    carried_reporter: str | None = None  # the source of the count this fragment's count breaks down

    @property
    def has_figure(self) -> bool:
        return any(v is not None for v in (self.launched, self.intercepted, self.killed, self.injured)) \
            or self.no_killed or self.no_injured or self.target is not None

    @property
    def has_count(self) -> bool:
        return self.launched is not None or self.intercepted is not None or bool(self.killed) or bool(self.injured)

    @property
    def reporter(self) -> str | None:
        return (self.source.reporter if self.source else None) or self.carried_reporter

    @property
    def actor(self) -> str | None:
        return self.source.actor if self.source else None

    @property
    def hurts(self) -> bool:
        """Damage or casualties at the place."""
        return self.damage or bool(self.killed) or bool(self.injured)

    @property
    def creates(self) -> bool:
        """Enough on its own to say an incident happened (else it only adds to one)."""
        armed = bool(self.weapons) or self.airstrike or self.aerial_target
        hit = self.attack or self.damage
        hurt = bool(self.killed) or bool(self.injured)
        return (self.alert or self.launched is not None or self.intercepted is not None
                or (armed and (self.intercept or hit or hurt)) or (hit and hurt)
                or (self.attack and self.target is not None and self.key is not None and not self.inherited))


@dataclasses.dataclass
class _Span:
    start: int
    end: int
    kind: str
    value: object = None


class _Clause:
    """One clause's matches, with word positions to measure how near two matches are."""

    def __init__(self, text: str, numbers: list[NumberSpan], words: lexicon.Text | None = None):
        """``numbers``: the numbers of the clause, with offsets in ``text``; ``words``: ``text``
        already read, when the clause is a whole sentence."""
        self.text = text
        words = self.words = words or lexicon.Text(text)
        found = lexicon.CLAUSE_CUES.spans(words)
        self.alerts = _spans(found["alert"], "alert")
        self.weapons = [_Span(start, end, "weapon", weapon) for start, end, weapon in found["weapon"]]
        self.countables = [w for w in self.weapons if w.value != "artillery"] + _spans(found["countable"], "countable")
        self.aerial_target = bool(found["aerial_target"])
        self.airstrike = bool(found["airstrike"])
        self.intercepts = _spans(found["intercept"], "intercept")
        # "Destroyed" is an interception when drones or missiles are what was destroyed, not a house.
        if self.countables:
            for span in _spans(found["destroy"], "intercept"):
                after = lexicon.Text(text[span.end:span.end + 40].lstrip())
                if not any(cue.starts(after) for _, cue in lexicon.TARGETS) and \
                        not _ARTICLE_BEFORE_RE.search(text, max(0, span.start - 8), span.start):
                    self.intercepts.append(span)  # not "the destroyed reactor"
        self.attacks = [s for s in _spans(found["attack"], "attack") if not self._in_alert(s)
                        and not _THREAT_BEFORE_RE.search(text, max(0, s.start - 20), s.start)
                        and not _DURING_BEFORE_RE.search(text, max(0, s.start - 25), s.start)
                        and not _KIND_OF_WEAPON_RE.match(text, s.start)]
        self.damage = [d for d in _spans(found["damage"], "damage") if not _negated(text, d)]
        self.debris = bool(found["debris"])
        casualties = found["casualty"]
        none_hurt = found["none_hurt"]
        kinds = {kind for _, _, kind in none_hurt}
        self.no_casualties = "no_casualties" in kinds
        self.no_killed = self.no_casualties or "no_killed" in kinds
        self.no_injured = self.no_casualties or "no_injured" in kinds
        negated = [_Span(start, end, "no") for start, end, _ in none_hurt]
        casualties = [_Span(start, end, kind) for start, end, kind in casualties
                      if not _overlaps(_Span(start, end, kind), negated)]
        self.killed = [c for c in casualties if c.kind == "killed"]
        self.injured = [c for c in casualties if c.kind == "injured"]
        # Person words only matter next to a casualty word.
        self.persons = _spans(found["person"], "person") if casualties else []
        self.other_countables = _spans(found["other_countable"], "other_countable")
        self.numbers = [n for n in numbers if not self._is_date_or_time(n)]

    @functools.cached_property
    def word_starts(self) -> list[int]:
        return [m.start() for m in _WORD_RE.finditer(self.text)]

    @functools.cached_property
    def launches(self) -> list[_Span]:
        return _find(lexicon.LAUNCH, self.words, "launch") + self.attacks

    @functools.cached_property
    def targets(self) -> list[tuple[int, int, str, str]]:
        """(start, -length, text, target_type) of every target named, in text order."""
        return sorted((start, start - end, self.text[start:end], target_type)
                      for start, end, target_type in lexicon.TARGET_SET.spans(self.words))

    @functools.cached_property
    def country_hint(self) -> str | None:
        """The country the clause names other than as the attacker's ("over Russia's regions")."""
        return _country(_without_actors(self.words)) if _ANY_COUNTRY_RE.search(self.words.lower) else None

    @functools.cached_property
    def names_unknown_place(self) -> bool:
        return _names_unknown_place(self.words)

    def _in_alert(self, span: _Span) -> bool:
        return any(a.start <= span.start and span.end <= a.end for a in self.alerts)

    def _is_date_or_time(self, number: NumberSpan) -> bool:
        """Days of months, times, years, ages and "N times" are not counts."""
        after = self.text[number.end:number.end + 14]
        before = self.text[max(0, number.start - 12):number.start]
        if _NOT_A_COUNT_AFTER.match(after) or _MONTH_BEFORE.search(before):
            return True
        return number.value is not None and 1900 <= number.value <= 2100 and not after[:1].strip()

    def word_of(self, offset: int) -> int:
        return bisect.bisect_right(self.word_starts, offset)

    def words_between(self, a, b) -> int:
        """Words strictly between two spans (0 when adjacent or overlapping)."""
        first, second = (a, b) if a.start <= b.start else (b, a)
        if second.start < first.end:
            return 0
        return max(0, self.word_of(second.start - 1) - self.word_of(first.end - 1))

    def nearest(self, span, candidates: list, limit: int | None = None):
        best, best_distance = None, None
        for candidate in candidates:
            distance = self.words_between(span, candidate)
            if limit is not None and distance > limit:
                continue
            if best_distance is None or distance < best_distance:
                best, best_distance = candidate, distance
        return best


# An attack only feared ("Из-за угрозы атак в аэропортах вводились ограничения", "the threat
# of drone attacks") is no attack.
_THREAT_BEFORE_RE = re.compile(r"(?:threat\s+of|угроз\w*|загроз\w*)\s+(?:\w+\s+)?$", re.IGNORECASE)
# An attack named to say when ("the bridge was closed during the attack", "на время атаки
# объявлялась угроза", "під час атаки") is the one already told, not an attack on this place.
_DURING_BEFORE_RE = re.compile(r"(?:during|amid|throughout|во\s+время|на\s+время|під\s+час|на\s+час)\s+"
                               r"(?:the\s+|this\s+|that\s+|an?\s+)?(?:\w+\s+)?$", re.IGNORECASE)
# "Attack drones", "the contest between attack and interceptor drones", "strike aircraft": a
# kind of weapon, not an attack.
_KIND_OF_WEAPON_RE = re.compile(r"(?:attack|strike)\s+(?:and\s+[\w-]+\s+)?(?:drones?|uavs?|aircraft|helicopters?|"
                                r"jets?|boats?)\b", re.IGNORECASE)
_ARTICLE_BEFORE_RE = re.compile(r"\b(?:the|a|an|its|their)\s+$", re.IGNORECASE)
_NEGATION_BEFORE = re.compile(r"(?:\bno|\bnot|\bwithout|\bбез|\bнет|\bне|\bнемає)\s+(?:\w+\s+)?$", re.IGNORECASE)
_NEGATION_AFTER = re.compile(r"^\s*(?:нет|не\s+было|не\s+зафиксирован\w*|немає|не\s+було|не\s+зафіксовано)\b",
                             re.IGNORECASE)


def _negated(text: str, span: _Span) -> bool:
    return bool(_NEGATION_BEFORE.search(text[max(0, span.start - 25):span.start])
                or _NEGATION_AFTER.match(text[span.end:span.end + 25]))


_NOT_A_COUNT_AFTER = re.compile(
    rf"\s*(?:{dates._MONTH})\b|\s*(?:am|pm|a\.m|p\.m|h\b|hours|час|год)|\s*(?:года|году|року|year)"
    r"|-?\s*(?:year|years?\s+old|летн|річн|лет\b|рок|times\b|раз)"
    r"|-?\s*(?:dollars?|euros?|usd|доллар\w*|долар\w*|евро|євро|рубл\w*|гривен\w*|гривн\w*|грн)\b"
    # places counted: "over 15 regions", "412 strikes on 14 settlements", "в 12 населенных пунктах"
    r"|\s*(?:regions|oblasts|districts|settlements|towns|villages|cities|communities|регион(?:а|ов|ах|ами)|"
    r"регіон(?:и|ів|ах)|област(?:и|і|ей|ях|ями)|район(?:а|и|ов|ів|ах)|населен\w*|громад\w*)\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b{dates._MONTH}\.?\s*$", re.IGNORECASE)


def _find(cue: lexicon.Cue, words: lexicon.Text, kind: str) -> list[_Span]:
    return _spans(cue.spans(words), kind)


def _spans(found: list[tuple[int, int]], kind: str) -> list[_Span]:
    return [_Span(start, end, kind) for start, end in found]


def _overlaps(span: _Span, others: list[_Span]) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


def _following_noun(clause: _Clause, number: NumberSpan, nouns: list[_Span], limit: int = 3):
    for noun in nouns:
        if noun.start >= number.end and clause.words_between(number, noun) <= limit:
            between = clause.text[number.end:noun.start]
            if not re.search(r"[,.;:!?]", between):
                return noun
    return None


@dataclasses.dataclass
class _Count:
    number: NumberSpan
    role: str | None  # launched | intercepted | killed | injured
    latest: bool = False  # "the toll rose to 7": replaces, not adds to, earlier figures


def _counts(clause: _Clause, list_role: str | None = None) -> list[_Count]:
    """Each number with what it counts, by the noun next to it and the nearest verb.
    ``list_role`` is what a list with no noun or verb of its own counts ("Of those, 40 were
    over the Bryansk region and 34 over the Moscow region"): the count just before."""
    counts: list[_Count] = []
    role_of_list: str | None = None
    casualty_cues = clause.killed + clause.injured
    for index, number in enumerate(clause.numbers):
        if number.value is None:
            continue
        before = clause.text[max(0, number.start - 40):number.start]
        weapon_noun = _following_noun(clause, number, clause.countables)
        person_noun = _following_noun(clause, number, clause.persons)
        cue_after = _following_noun(clause, number, casualty_cues, limit=2)
        cue_before = clause.nearest(number, [c for c in casualty_cues if c.end <= number.start], limit=1)
        list_item = bool(_LIST_ITEM_BEFORE.search(before) or _LIST_ITEM_AFTER.match(clause.text[number.end:]))
        if weapon_noun is not None and cue_after is not None and cue_after.start < weapon_noun.start:
            weapon_noun = None  # "nine wounded when a missile hit": the nine are people
        if weapon_noun is not None and any(
                number.end <= v.start and v.end <= weapon_noun.start
                and _INTERCEPT_NOUN_RE.match(clause.text[v.start:v.end]) for v in clause.intercepts):
            weapon_noun = None  # "the cost of one interception of a drone" counts no drones
        other_noun = _following_noun(clause, number, clause.other_countables)
        if weapon_noun is not None and other_noun is not None and other_noun.start < weapon_noun.start:
            weapon_noun = None  # "понад 30 виробників постачають дрони": the 30 are producers
        if weapon_noun is not None and _PARTITIVE_OF_RE.match(clause.text[number.end:weapon_noun.start]) and \
                not any(number.end <= n.start and n.end <= weapon_noun.start for n in clause.numbers) and \
                not any(v.end <= number.start for v in clause.intercepts):
            continue  # "one of the drones hit a plant" (but "shot down 49 of the drones" counts 49)
        if weapon_noun is not None and (person_noun is None or weapon_noun.start < person_noun.start):
            role = _weapon_role(clause, number, index)
            counts.append(_Count(number, role))
            role_of_list = role_of_list or role
        elif _RISE_RE.search(before) and casualty_cues:
            cue = clause.nearest(number, casualty_cues)
            counts.append(_Count(number, cue.kind, latest=True))
        elif person_noun is not None or cue_after is not None or cue_before is not None:
            cue = _casualty_cue(clause, number, person_noun, cue_before)
            if cue is None:
                continue
            if _SUBSET_RE.search(before) and counts:
                continue  # "11 injured, including two children": the two are among the 11
            if (_PARTITIVE_AFTER_RE.match(clause.text, number.end) and any(c.role == cue.kind for c in counts)) \
                    or _breaks_down(clause, counts, number, cue.kind):
                continue  # "eight injured, three of them seriously": the three are among the eight
            if _AMONG_RE.match(clause.text, number.end):
                continue  # "two children were among five people injured"
            counts.append(_Count(number, cue.kind))
        else:
            verbs = [v for v in clause.intercepts if not _INTERCEPT_NOUN_RE.match(clause.text[v.start:v.end])]
            verb = clause.nearest(number, verbs, limit=1) or next(
                (v for v in verbs if v.start >= number.end and _OF_THEM_RE.match(clause.text[number.end:v.start])), None)
            if verb is not None:
                counts.append(_Count(number, "intercepted"))
                role_of_list = role_of_list or "intercepted"
            elif list_item:
                counts.append(_Count(number, None))
    # List items without their noun ("two in the Belgorod Region") count what the list counts.
    role_of_list = role_of_list or list_role
    for count in counts:
        if count.role is None and role_of_list is not None:
            count.role = role_of_list
    counts = [c for c in counts if c.role is not None]
    counts.extend(_single_casualties(clause, counts))
    return counts


def _casualty_cue(clause: _Clause, number: NumberSpan, person_noun, cue_before):
    """The casualty word a number (and its person noun) goes with: the closer of the word
    just before the number ("killing one man") and the one just after ("nine wounded"); a
    word before that a comma ends belongs to the figure before ("One person died, four more
    were injured": the four are injured)."""
    cues = clause.killed + clause.injured
    subject = _Span(number.start, (person_noun or number).end, "n")
    cue_after = _following_noun(clause, subject, cues, limit=2)
    candidates = [c for c in (cue_after, cue_before) if c is not None]
    if candidates:
        return min(candidates, key=lambda c: (
            c is cue_before and "," in clause.text[c.end:number.start],
            clause.words_between(subject, c), c is cue_before))
    return clause.nearest(subject, cues, limit=8)


# A number standing for a list item: after a comma, colon, dash or "and", or before a dash or
# a preposition of place ("five over Bryansk, two over Belgorod", "15 – над Курской"); not
# before a hyphen that makes it part of a word ("a five-storey building").
_LIST_ITEM_BEFORE = re.compile(r"(?:[,:;–—-]|\band|\bи|\bта|\bі|\bй)\s*(?:по\s+)?$", re.IGNORECASE)
_LEADING_NUMBER_RE = re.compile(r"\s*\d")
_LIST_ITEM_AFTER = re.compile(r"\s*(?:[–—]|-(?!\w)|over\b|in\b|above\b|над\b|в\b|у\b|на\b)", re.IGNORECASE)


# "One of the drones", "один из дронов", "один з дронів".
_PARTITIVE_OF_RE = re.compile(r"^\s+(?:of\s+(?:the|these|those)|из|з|із)\s+(?:\w+\s+)?$", re.IGNORECASE)
# "70 of them were shot down", "70 з них збито", "76 з них вдалося збити" (managed to).
_OF_THEM_RE = re.compile(r"^\s*(?:of\s+them|of\s+which|из\s+них|из\s+которых|з\s+них|з\s+яких)\s*"
                         r"(?:(?:were|have\s+been|had\s+been|было|были|було|були|удалось|вдалося|вдалось)\s+)?$",
                         re.IGNORECASE)
# "The cost of one interception": a noun, not a report that something was shot down.
_INTERCEPT_NOUN_RE = re.compile(
    r"(?:interceptions?|intercepts|перехват(?:а|ов|ом|ы|у)?|перехоплен(?:ня|ь)|збиття|сбити[ея])$", re.IGNORECASE)


_RISE_RE = re.compile(
    r"(?:risen|rose|climbed|increased|grown|reached|jumped)\s+to\s*$"
    r"|(?:toll|число\s+\w+|кількість\s+\w+)\s+(?:\w+\s+){0,3}(?:is|stands\s+at|составляет|составило|становить)\s*$"
    r"|(?:возросл|выросл|увеличил|достигл|зросл|збільшил|сягнул)\w*\s+(?:до\s*)?$", re.IGNORECASE)
_AMONG_RE = re.compile(r"\s+(?:\w+\s+){0,2}(?:were|was|are|is)?\s*among\b|\s+(?:\w+\s+){0,2}(?:были\s+)?среди\b"
                       r"|\s+(?:\w+\s+){0,2}(?:були\s+)?серед\b", re.IGNORECASE)
_SUBSET_RE = re.compile(
    r"(?:including|among\s+them|among\s+whom|of\s+whom|в\s+том\s+числе|среди\s+них|среди\s+которых|из\s+которых|"
    r"серед\s+них|серед\s+яких|з\s+яких|из\s+них|з\s+них|із\s+них|of\s+them|of\s+those|зокрема|"
    r"у\s+тому\s+числі|в\s+тому\s+числі)\s+(?:\w+\s+)?$", re.IGNORECASE)


# A part of a figure already given: "three of them", "двое из которых", "троє з поранених".
_PARTITIVE_AFTER_RE = re.compile(
    r"\s+(?:of\s+(?:them|whom|those|the\s+(?:injured|wounded|victims|dead|casualties))"
    r"|из\s+(?:них|которых|пострадавших|раненых|погибших)|(?:з|із)\s+(?:них|яких|постраждалих|поранених|загиблих))\b",
    re.IGNORECASE)


def _breaks_down(clause: _Clause, counts: list[_Count], number, role: str) -> bool:
    """Whether ``number`` itemises a figure given before it, after a dash, a colon or a
    bracket ("killed three people – two men and a woman")."""
    return any(c.role == role and c.number.end <= number.start
               and re.search(r"\s[-–—]\s|[:(]", clause.text[c.number.end:number.start]) for c in counts)


def _single_casualties(clause: _Clause, counts: list[_Count]) -> list[_Count]:
    """"A woman was killed", "погиб мужчина": one person, though no number is written. People
    joined by "and" add up ("two men and a woman": three; "мужчина и женщина": two), unless
    they itemise a figure given before them ("two people, a man and a woman") or are among
    those counted ("серед них дитина")."""
    found = []
    if not clause.persons:
        return found
    for start, end in lexicon.SINGLE_PERSON.spans(clause.words):
        person = _Span(start, end, "person")
        cue = clause.nearest(person, clause.killed + clause.injured, limit=3)
        if cue is None or _SUBSET_RE.search(clause.text, max(0, start - 40), start):
            continue
        if any(n.end <= person.start and clause.words_between(n, person) <= 2
               and not _JOINED_RE.match(clause.text[n.end:start]) for n in clause.numbers):
            continue  # "two women": the number's own person
        same_role = [c for c in counts + found if c.role == cue.kind]
        if any(c.number.end <= start and _ITEMISED_RE.search(clause.text[c.number.end:start]) for c in same_role):
            continue
        if any(clause.words_between(c.number, person) <= 3 and not _JOINED_RE.match(_text_between(clause, c.number, person))
               for c in same_role):
            continue  # told with a figure next to it, not added to it
        found.append(_Count(NumberSpan(start, end, 1, None), cue.kind))
    return found


# After a figure: the people it is made of ("three people – two men and a woman", "two
# people, a man and a woman").
_ITEMISED_RE = re.compile(r"\s[-–—]\s|[:(]|^\s*[\w'’-]*\s*,")
# Between two figures that add up: "two men and a woman", "мужчина и женщина", "двое детей и их отец".
_JOINED_RE = re.compile(r"^\s*(?:[\w'’-]+\s+)?(?:and|и|та|і|й)\s+(?:их|его|ее|её|їх|його|її)?\s*$", re.IGNORECASE)


def _text_between(clause: _Clause, a, b) -> str:
    first, second = (a, b) if a.start <= b.start else (b, a)
    return clause.text[first.end:second.start]


def _weapon_role(clause: _Clause, number: NumberSpan, index: int) -> str | None:
    later = clause.numbers[index + 1] if index + 1 < len(clause.numbers) else None
    if later is not None and _OF_RE.match(clause.text[number.end:later.start]):
        return "intercepted"  # "shot down 40 of 45"
    earlier = clause.numbers[index - 1] if index > 0 else None
    if earlier is not None and _OF_RE.match(clause.text[earlier.end:number.start]):
        return "launched"
    if re.search(r"(?:out\s+of|из|з|із)\s*$", clause.text[max(0, number.start - 8):number.start], re.I):
        return "launched"  # "out of 45 drones, 40 were shot down"
    verb = clause.nearest(number, clause.intercepts + clause.launches)
    if verb is None:
        return None
    if verb.kind == "attack" and any(_REPELLED_RE.match(clause.text[i.end:verb.start]) for i in clause.intercepts
                                     if i.end <= verb.start):
        return "intercepted"  # "отражена атака двух беспилотников", "repelled an attack by five drones"
    return "intercepted" if verb.kind == "intercept" else "launched"


_REPELLED_RE = re.compile(r"^\s+(?:an?\s+|the\s+)?(?:\w+\s+)?$")


# --- places ----------------------------------------------------------------------------------

def _place_key(mention: Mention) -> tuple[str, str | None]:
    return (mention.region.code, mention.place.name if mention.place else None)


def _story_mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Mentions of one sentence, read as the story means them: a wire dateline ("Kyiv, Aug 11
    (Reuters) -") says where the story was filed, not where anything happened, nor does the
    seat of who reports it ("the Defence Ministry in Moscow said") or a clock ("Moscow time"); a town placed in another
    region's district or region ("Murom in the Shebekino district") is that region's namesake; a region named as part of an authority ("Сумської ОВА") is
    marked as such."""
    dateline = _DATELINE_RE.match(text)
    skip_to = dateline.end() if dateline else 0
    mentions = []
    found = gazetteer.find(text)
    lower = text.lower() if found else text
    if len(lower) != len(text):  # a letter whose lowercase is longer: keep the offsets
        lower = text
    origin_end = None
    for index, mention in enumerate(found):
        if mention.start < skip_to or _ORIGIN_BEFORE_RE.search(lower, max(0, mention.start - 60), mention.start) or (
                origin_end is not None and _ORIGIN_LIST_JOIN_RE.match(lower[origin_end:mention.start])):
            origin_end = mention.end  # "з напрямків Курськ, Орел, Міллерово": every item is a launch site
            continue  # where the weapon came from ("launched from the Belgorod region") is no target
        origin_end = None
        if _STREET_BEFORE_RE.search(lower, max(0, mention.start - 20), mention.start) or \
                _STREET_AFTER_RE.match(lower, mention.end):
            continue  # "на улице Куйбышева", "Kyivska Street": an address names no town
        if _WATER_BEFORE_RE.search(lower, max(0, mention.start - 25), mention.start) or \
                _WATER_AFTER_RE.match(lower, mention.end):
            continue  # "across the Dnipro river", "the Sea of Azov", "реки Днепр": water, not the town
        if _TAKEN_TO_BEFORE_RE.search(lower, max(0, mention.start - 60), mention.start):
            continue  # "taken to a hospital in Dnipro": where the wounded are treated, not where they were hit
        if _SEAT_BEFORE_RE.search(lower, max(0, mention.start - 40), mention.start) or \
                _NOT_NAMED_BEFORE_RE.search(lower, max(0, mention.start - 60), mention.start) or \
                _NOT_NAMED_AFTER_RE.match(lower, mention.end) or \
                _TIME_ZONE_AFTER_RE.match(lower, mention.end):
            continue
        if mention.place is not None and index + 1 < len(found):
            mention = _as_placed(text, mention, found[index + 1], gazetteer)
            if mention is None:
                continue
        if mention.place is not None and mention.place.kind == "city" and \
                _VILLAGE_BEFORE_RE.search(lower, max(0, mention.start - 20), mention.start):
            continue
        if mention.place is not None and mention.place.name in _CAPITALS and (
                _ACTS_RE.match(text, mention.end) or _OUTLET_AFTER_RE.match(lower, mention.end)
                or _INSTITUTION_AFTER_RE.match(lower, mention.end)):
            continue  # "Kyiv has hit refineries": the government that attacks, not the city
        if mention.place is not None and _SPEAKS_RE.match(text, mention.end) and \
                _SPEAKER_BEFORE_RE.search(text, max(0, mention.start - 40), mention.start):
            continue  # "Nikolayev wrote", "Moscow says": a person or a government, not where it happened
        if mention.place is None and (_AUTHORITY_AFTER_RE.match(text, mention.end)
                                      or _AUTHORITY_AFTER_RE.search(mention.surface)):
            mention = _AuthorityMention(mention.start, mention.end, mention.surface, mention.region, None)
        mentions.append(_in_city_region(mention, gazetteer))
    return mentions


def _in_city_region(mention: Mention, gazetteer: Gazetteer) -> Mention:
    """A district or town of a city that is a region of its own (Kyiv, Sevastopol, Moscow,
    Saint Petersburg: "the Sviatoshynskyi district", "Balaklava") is reported as that city,
    as the city's authorities report it."""
    if mention.place is None or mention.place.name == mention.region.name:
        return mention
    city = gazetteer.place_named(mention.region.name, mention.region.code)
    return dataclasses.replace(mention, place=city) if city is not None else mention


# A place the source is said not to name ("61 drones over several regions, without mentioning
# Perm"), or not to count ("without saying how many were over the Leningrad region", "не
# уточнив, скільки з них над Київщиною"), is not where its figures belong.
_NOT_NAMED_BEFORE_RE = re.compile(
    r"(?:(?:without\s+(?:mentioning|naming)|не\s+(?:упоминая|называя|уточняя)|не\s+(?:згадуючи|називаючи|уточнюючи))"
    r"\s+(?:the\s+)?|(?:without\s+(?:saying|specifying|giving)|не\s+(?:уточни\w*|сообщи\w*|указа\w*|повідоми\w*|вказа\w*),?)"
    r"\s+(?:how\s+many|сколько|скільки)\s+(?:[\w-]+\s+){0,4}?(?:over|in|над|в|у|на)\s+(?:the\s+)?(?:territory\s+of\s+)?)$")
_NOT_NAMED_AFTER_RE = re.compile(r"\s+(?:\w+\s+)?не\s+(?:упомина|упомяну|называ|назва|згаду|згада|назива)\w*")
# A ministry and where it sits: "the Defence Ministry in Moscow said".
_SEAT_BEFORE_RE = re.compile(
    r"(?:ministry|ministry\s+of\s+defen[cs]e|government|kremlin|embassy)\s+in\s+$")
_LIST_JOIN_RE = re.compile(r"^(?:\s*,|\s+(?:and|и|та|і|й))\s*$")
# A list of launch sites goes on past names the gazetteer does not know (airfields: "Kursk,
# Shatalovo and Hvardiiske"), past a repeated preposition ("the Bryansk and Kursk regions
# and from Primorsko-Akhtarsk") and into the region of the last ("Hvardiiske in temporarily
# occupied Crimea", "Чауда — ТОТ Криму", ТОТ being the temporarily occupied territory).
_ORIGIN_LIST_JOIN_RE = re.compile(
    r"^(?:\s+(?:regions?|oblasts?|областей|областях|області|области))?"
    r"(?:(?:(?:\s*,|\s+(?:and|и|та|і|й))\s*(?:[\w'’-]+\s*)??){1,3}(?:(?:from|из|с|со|з|із)\s+(?:the\s+)?)?"
    r"(?:\s*[—–-]\s*тот\s+)?|\s*[—–-]\s*тот\s+"
    r"|\s+(?:in|в|у)\s+(?:the\s+)?(?:(?:temporarily|временно|тимчасово)\s+)?"
    r"(?:occupied\s+|оккупированн\w*\s+|окупован\w*\s+)?)$")
_STREET_BEFORE_RE = re.compile(r"(?<!\w)(?:улиц[аеуыи]|ул\.|проспект\w*|переул\w*|шоссе|бульвар\w*|вулиц[яіюе]|вул\.|"
                               r"провулк\w*|просп\.)\s*$")
_STREET_AFTER_RE = re.compile(r"\s+(?:street|avenue|boulevard|highway|prospekt|улиц[аеуыи]|вулиц[яіюе]|шоссе|шосе|"
                              r"проспект\w*|бульвар\w*|переул\w*|провул\w*)\b")
_WATER_BEFORE_RE = re.compile(
    r"(?:sea\s+of|river|рек[аеиуой]|річк[аиуоі]|водохранилищ\w*|водосховищ\w*)\s+(?:the\s+)?$")
_WATER_AFTER_RE = re.compile(r"\s+(?:river|reservoir|estuary|лиман\w*)\b")
# Where the wounded were taken: "taken to a hospital in Dnipro", "госпитализирован в Курскую
# областную больницу", "доставлены в больницу Белгорода", "доправили до лікарні в Дніпрі".
_TAKEN_TO_BEFORE_RE = re.compile(
    r"(?:taken|rushed|brought|transported|evacuated|airlifted|transferred|admitted|hospitali[sz]ed"
    r"|госпитализ\w*|доставл\w*|доставил\w*|эвакуир\w*|перевез\w*|переведен\w*"
    r"|госпіталіз\w*|доправ\w*|евакуйов\w*|евакуюва\w*)"
    r"\s+(?:to|in|into|в|во|у|до)\s+(?:(?:a|the)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:(?:hospital|clinic|больниц\w*|клиник\w*|госпитал\w*|лікарн\w*|шпитал\w*)\s+(?:(?:in|в|во|у)\s+)?)?$")
# "8 p.m. Moscow time", "Kyiv time": a clock, not a place.
_TIME_ZONE_AFTER_RE = re.compile(r"\s+time\b")
# "The village of Murom" (in the Belgorod region) is not the city of Murom.
_VILLAGE_BEFORE_RE = re.compile(r"(?:village\s+of|hamlet\s+of|сел[еоі]|селищ[іе]|деревн[еия]|хутор[еі]?|пос[её]лк[еа])\s+$")
_WITHIN_RE = re.compile(r"^,?\s+(?:in|near|of|в|у|на|під|под)\s+(?:the\s+)?$", re.IGNORECASE)
# "с. Нікополь Харківської області", "Nikopol, Kharkiv region": the region right after the name.
_BESIDE_RE = re.compile(r"^,?\s+$")


def _as_placed(text: str, town: Mention, after: Mention, gazetteer: Gazetteer) -> Mention | None:
    """``town`` as the region named just after it places it. The gazetteer gives a name its most
    populous place; a text that ties the name to another region ("the village of Murom in the
    Shebekino district", "с. Нікополь Харківської області") means that region's namesake, or,
    where the gazetteer knows none, a place it does not know (None). Only a tie this close
    counts: a region named anywhere else in the story never moves a town to its village."""
    if after.region.code == town.region.code:
        return town
    gap = text[town.end:after.start]
    within = (after.place is None or _DISTRICT_AFTER_RE.match(text, after.end)) and _WITHIN_RE.match(gap)
    # Without a preposition the names may be a list ("Kyiv, Kharkiv region and Odesa"): only
    # a namesake the gazetteer knows is read into it.
    beside = after.place is None and _BESIDE_RE.match(gap)
    if not (within or beside):
        return town
    namesake = gazetteer.place_named(town.place.name, after.region.code)
    if namesake is not None:
        return dataclasses.replace(town, region=after.region, place=namesake)
    return None if within else town


# Where a weapon was launched from: "launched from Russia's Belgorod region", "from the
# direction of", "с территории", "з боку".
_ORIGIN_LEAD = (
    r"(?<!\w)(?:(?:launched|fired|took\s+off|flying|flew|coming|came|approaching)\s+from"
    r"|from\s+the\s+(?:territory|direction)\s+of"
    r"|from\s+the\s+directions\s+of"
    r"|(?:с|со)\s+(?:территории|стороны|направлени[яй])|з\s+(?:території|боку|напрямк(?:у|ів))|із\s+території"
    # the air force names each weapon's launch site: "3 балістичними ракетами Іскандер-М з Брянської області"
    r"|(?:ракет|бпла|дрон|шахед|іскандер|калібр|кинджал)\w*(?:[\s-]+[\w-]+){0,2}?\s+(?:з|із)"
    r"|(?:запущен|выпущен|випущен)\w*\s+(?:из|с|со|з|із)"
    r"|(?:launched|fired|випустив|випустил|запустив|запустил|выпустил)\w*\s+(?:[\w-]+\s+){0,4}?(?:from|из|с|со|з|із))")
_ORIGIN_BEFORE_RE = re.compile(
    _ORIGIN_LEAD + r":?\s+(?:the\s+)?(?:(?:territory|direction)\s+of\s+)?(?:the\s+)?(?:occupied\s+)?"
    r"(?:[\w-]+['’]s\s+|\w+\s+)?$")  # on lowercase text, much faster than ignoring case
_ORIGIN_PHRASE_RE = re.compile(_ORIGIN_LEAD + r"(?:\s+[\w'’-]+){1,4}")


_CAPITALS = ("Kyiv", "Moscow")
# Only verbs that cannot be passive: "Kyiv attacked overnight" (a headline) is the city hit.
# A government's verbs: "as Kyiv presses its campaign", "Киев регулярно заявляет".
_ACTS_RE = re.compile(
    r"\s+(?:(?:has|have|had)\s+(?:\w+\s+)?(?:hit|struck|attacked|targeted)|(?:has\s+|have\s+|had\s+)?(?:launched|fired|"
    r"sent|retaliated|stepped\s+up|pressed|intensified|escalated|denied|claimed|vowed|accused)"
    r"|(?:presses|pressing|steps\s+up|stepping\s+up|intensifies|escalates|denies|claims|vows|accuses|insists|hopes|"
    r"wants|argues|uses|continues\s+to|has\s+not\s+commented|did\s+not\s+comment|(?:once\s+)?consider(?:s|ed)|"
    r"(?:is|was|are|were)\s+(?:not\s+)?(?:interested|willing|ready|prepared)|"
    r"to\s+(?:hit|strike|attack|target|reach))"
    r"|(?:\w+\s+)?(?:нан[её]с|нанесла|завдав|завдала|заявля\w*|утвержда\w*|продолжа\w*|обвиня\w*|стверджу\w*|"
    r"продовжу\w*|звинувачу\w*))\b(?!\s+by\b)", re.IGNORECASE)
# "Moscow's Defence Ministry", "Kyiv's forces", "Kyiv's cross-border incursion": the state, not the city.
_INSTITUTION_AFTER_RE = re.compile(
    r"['’]s\s+(?:[\w-]+\s+)?(?:ministry|government|forces|troops|army|military|war|invasion|incursion|"
    r"(?:counter-?)?offensive|campaign)\b")
# A place does not speak: a namesake surname ("Oleg Nikolayev said") or a government.
_SPEAKS_RE = re.compile(
    r"\s+(?:said|says|say|wrote|writes|told|added|announced|сказал\w*|написал\w*|сообщил\w*|заявил\w*|"
    r"сказав|сказала|написав|написала|повідомив|повідомила|заявив|заявила)\b")
# ...when the name is the subject itself, not what an official is of ("the mayor of Kharkiv said").
_SPEAKER_BEFORE_RE = re.compile(r"(?:^|[.!?:,\"”»]\s+|[A-ZА-ЯІЇЄҐ][\w'’-]+\s+|(?<!\w)(?:that|что|що|and|but|as)\s+)$")
# Outlets named for a city: "The Kyiv Independent", "The Moscow Times".
_OUTLET_AFTER_RE = re.compile(r"\s+(?:independent|post|times)\b")


class _AuthorityMention(Mention):
    """A region named as part of who reports ("Сумської ОВА", "Kursk region governor"): where
    the sentences before are about a place of that region, the report is about that place."""


_AUTHORITY_AFTER_RE = re.compile(
    r"(?<!\w)\s*(?:ОВА|ОДА|ОГА|обласн\w*\s+(?:військов\w*\s+|державн\w*\s+)?адміністрац\w*|областн\w*\s+"
    r"(?:военн\w*\s+)?администрац\w*|(?:regional\s+)?(?:military\s+)?administration|governor|"
    r"губернатор\w*)\b", re.IGNORECASE)
_DATELINE_RE = re.compile(
    r"^\s*[A-ZА-ЯІЇЄҐ][\w'’-]+(?:[ -][A-ZА-ЯІЇЄҐ][\w'’-]+)*\s*(?:,[^()\n–—-]{0,30})?\s*\([^)\n]{2,40}\)\s*[-–—]\s"
    r"|^\s*[A-ZА-ЯІЇЄҐ]{3,}(?:[ -][A-ZА-ЯІЇЄҐ]{2,})*\s*(?:,[^()\n–—-]{0,30})?\s*[-–—]\s")


def _regional_capitals_as_regions(regions_named: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """English writers use a regional capital's name for its region ("an alert in Smolensk" in
    a story about "Smolensk Region"); Russian and Ukrainian ones inflect the region's own name.
    Called only for clauses that report no damage or casualties, which happen in the city."""
    regions = {m.region.code for m in regions_named}
    return [dataclasses.replace(m, place=None)
            if m.place is not None and m.region.code in regions and _same_name(m.place.name, m.region.name)
            and m.surface.isascii() else m for m in mentions]


def _clause_places(mentions: list[Mention]) -> list[Mention]:
    """The places a clause is about: a town makes its region's own mention redundant."""
    kept = []
    for mention in mentions:
        if mention.place is None and any(m.place is not None and m.region.code == mention.region.code
                                         for m in mentions):
            continue
        kept.append(mention)
    unique: dict[tuple, Mention] = {}
    ordered = []
    for mention in kept:
        key = _place_key(mention)
        if key not in unique:
            unique[key] = mention
            ordered.append(mention)
    return ordered


def _same_name(place: str, region: str) -> bool:
    stem = region.split()[0].lower()
    return place.lower().startswith(stem[:max(4, len(stem) - 2)])


def _assign_counts(clause: _Clause, counts: list[_Count], mentions: list[Mention],
                   offsets: list[tuple[int, int]]) -> dict[int, list[_Count]]:
    """Counts per mention index; a breakdown pairs each region with its own number."""
    if len(mentions) == 1:
        return {0: _nearest_per_role(clause, counts, _Span(offsets[0][0], offsets[0][1], "m"))}
    weapon_counts = [c for c in counts if c.role in ("launched", "intercepted")]
    assigned: dict[int, list[_Count]] = {i: [] for i in range(len(mentions))}
    pairing = _breakdown(clause, weapon_counts, offsets)
    _share_each(clause, pairing, offsets)
    for index, count in pairing.items():
        assigned[index].append(count)
    for count in counts:
        if count in pairing.values():
            continue
        if count.role not in ("killed", "injured"):
            continue
        # The nearest place; of two as near, the one after the people ("damaging a plant in
        # the Dnipropetrovsk region and injuring two people in Kharkiv").
        near = [(clause.words_between(count.number, _Span(s, e, "m")), s < count.number.start, index)
                for index, (s, e) in enumerate(offsets)]
        distance, _, index = min(near)
        if distance <= _NEAR_WORDS:
            assigned[index].append(count)
    return assigned


def _share_each(clause: _Clause, pairing: dict[int, _Count], offsets: list[tuple[int, int]]) -> None:
    """Regions joined by "and" share a number said of each ("по семь — над Брянской и Орловской
    областями", "над Тульской и Калужской областями — по три")."""
    for _ in range(2):  # forwards, then backwards
        for index in range(1, len(offsets)):
            if not _AND_RE.match(clause.text[offsets[index - 1][1]:offsets[index][0]]):
                continue
            for have, lack in ((index - 1, index), (index, index - 1)):
                count = pairing.get(have)
                if lack not in pairing and count is not None and \
                        _EACH_BEFORE_RE.search(clause.text[:count.number.start]):
                    pairing[lack] = count


_EACH_BEFORE_RE = re.compile(r"(?<!\w)по\s+$", re.IGNORECASE)
_AND_RE = re.compile(r"^(?:\s*,|\s+(?:and|и|та|і|й))\s+$", re.IGNORECASE)


def _nearest_per_role(clause: _Clause, counts: list[_Count], mention: _Span) -> list[_Count]:
    """Of several counts of weapons with the same role, the one written with the place: "337
    drones over ten regions, including 126 over the Kursk region" gives Kursk 126."""
    kept = [c for c in counts if c.role not in ("launched", "intercepted")]
    for role in ("launched", "intercepted"):
        same = [c for c in counts if c.role == role]
        if same:
            kept.append(min(same, key=lambda c: _link_distance(clause, c.number, mention)))
    return kept


def _link_distance(clause: _Clause, number, mention: _Span) -> int:
    """How loosely a number is tied to a region: words between them, and a list separator
    between them counts as many words ("17 над Брянской областью, 10 над Курской")."""
    first, second = (number, mention) if number.start <= mention.start else (mention, number)
    between = clause.text[first.end:second.start]
    separated = bool(re.search(r"[,;]|\s(?:and|и|і|та|й)\s", between))
    return clause.words_between(number, mention) + (5 if separated else 0)


def _breakdown(clause: _Clause, counts: list[_Count], offsets: list[tuple[int, int]]) -> dict[int, _Count]:
    """Pairs regions with the numbers written next to them, all before or all after them,
    whichever reading pairs more regions, and more tightly. One number for several regions
    is their total, not the first region's."""
    best: dict[int, _Count] = {}
    best_score = None
    for direction in ("before", "after"):
        pairing, total = {}, 0
        for index, (start, end) in enumerate(offsets):
            if direction == "before":
                low = offsets[index - 1][1] if index else 0
                inside = [c for c in counts if low <= c.number.start and c.number.end <= start]
                chosen = inside[-1] if inside else None
            else:
                high = offsets[index + 1][0] if index + 1 < len(offsets) else len(clause.text)
                inside = [c for c in counts if end <= c.number.start and c.number.end <= high]
                chosen = inside[0] if inside else None
            if chosen is not None:
                pairing[index] = chosen
                total += _link_distance(clause, chosen.number, _Span(start, end, "m"))
        score = (-len(pairing), total)
        if len(pairing) >= 2 and (best_score is None or score < best_score):
            best, best_score = pairing, score
    return best


# --- the story ---------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class _Context:
    """The place (and date) the last sentences were about."""

    sentence: int
    key: tuple[str, str | None]
    date: dt.date
    precision: str
    country: str


def extract_story(story: Story, gazetteer: Gazetteer) -> list[Incident]:
    """Incidents of one (canonical) story. Pure: the same story gives the same rows."""
    sentences = split_sentences(story.title or "", story.text or "")
    if sentences and (lexicon.OPINION_HEADING.match(sentences[0].text) or lexicon.EXERCISE.found_in(sentences[0].words)):
        # An opinion piece argues about attacks, the reports it draws on are elsewhere; a
        # story headed by an exercise tells of rehearsed attacks, even where a sentence does
        # not repeat the word ("interceptors downed 41 of them").
        return []
    _attribute_quotes(sentences)
    mentions = _with_the_capital(sentences, [_story_mentions(s.text, gazetteer) for s in sentences], gazetteer)
    mentions = [_without_landmarks(sentence.words.lower, found) for sentence, found in zip(sentences, mentions)]
    reader = _StoryReader(story, sentences, mentions)
    fragments = [fragment for sentence, mentions in zip(sentences, reader.mentions)
                 for fragment in reader.read(sentence, mentions)]
    return _incidents(story, fragments, gazetteer, _signatory(sentences))


def _attribute_quotes(sentences: list[Sentence]) -> None:
    """The sentences of a quote that runs over several («Водитель погиб на месте. Пассажиров
    не было», — уточнил губернатор; "Богомаз: «... ...»") are its speaker's."""
    opened: int | None = None  # the sentence a quote not closed yet opened in
    for index, sentence in enumerate(sentences):
        balance = _quote_balance(sentence.text)
        if opened is None and balance > 0:
            opened = index
        elif opened is not None and balance < 0:
            quote = sentences[opened:index + 1]
            speaker = sentence.reporter or sentences[opened].reporter
            if speaker and len(quote) <= _LONGEST_QUOTE:
                for told in quote:
                    if told.reporter is None:
                        told.reporter = speaker
            opened = None


def _quote_balance(text: str) -> int:
    """Quotes the text opens (> 0) or closes (< 0) and leaves open or closed for the next."""
    return text.count("«") - text.count("»") + text.count("“") - text.count("”")


_LONGEST_QUOTE = 8  # sentences: a longer run between two marks is a mark left unpaired


def _signatory(sentences: list[Sentence]) -> str | None:
    """Who signs a post headed by its author ("Вячеслав Гладков, губернатор Белгородской
    области:", "Полтавська ОВА:", "Вадим Філашкін: За минулу добу..."): the reporter of
    every row the post does not attribute."""
    if not sentences:
        return None
    heading = sentences[0].text
    opening = len(heading) if heading.endswith(":") else \
        (match.end() if (match := _ATTRIBUTION_RE.match(heading)) else 0)
    sources = [s for s in lexicon.REPORTER_SET.spans(sentences[0].words) if s[1] <= opening]
    return min(sources)[2] if sources else None


def _without_landmarks(lower: str, mentions: list[Mention]) -> list[Mention]:
    """A place named to say where the place just before it lies ("the Zhytomyr region west
    of the capital", "Ramenskoye outside Moscow", "в 60 километрах от Астрахани") is no
    place of the event."""
    kept = []
    for mention in mentions:
        locator = _LANDMARK_BEFORE_RE.search(lower, max(0, mention.start - 40), mention.start)
        if locator and kept and 0 <= locator.start() - kept[-1].end <= 60:
            continue
        kept.append(mention)
    return kept


_LANDMARK_BEFORE_RE = re.compile(
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|outside(?:\s+of)?"
    r"|(?:km|kilometres|kilometers|miles)\s+(?:\([^)]*\)\s+)?(?:(?:north|south|east|west)\w*\s+)?(?:from|of)"
    r"|(?:северу|югу|западу|востоку|северо-западу|северо-востоку|юго-западу|юго-востоку)\s+от"
    r"|(?:північ|південь|захід|схід|північний\s+захід|північний\s+схід|південний\s+захід|південний\s+схід)\s+від"
    r"|(?:километрах|кілометрах|км)\s+(?:от|від))\s+(?:the\s+)?$")


def _with_the_capital(sentences: list[Sentence], mentions: list[list[Mention]],
                      gazetteer: Gazetteer) -> list[list[Mention]]:
    """"The capital", "столицу": Kyiv or Moscow, as the text qualifies it ("the Russian
    capital"), else as ``_story_capital`` says. Not a region's capital ("the regional
    capital", "столица Чувашии", "Tatarstan's capital")."""
    found = [(index, match) for index, sentence in enumerate(sentences)
             if "capital" in sentence.words.lower or "столиц" in sentence.words.lower
             for match in _CAPITAL_WORD_RE.finditer(sentence.words.lower)]
    if not found:
        return mentions
    kyiv, moscow = _CAPITALS
    default = _story_capital(sentences, mentions)
    result = [list(sentence_mentions) for sentence_mentions in mentions]
    for index, match in found:
        sentence = sentences[index]
        if _OTHER_CAPITAL_AFTER_RE.match(sentence.text, match.end()) or \
                _OTHER_CAPITAL_BEFORE_RE.search(sentence.words.lower, max(0, match.start() - 20), match.start()) or \
                any(m.start < match.end() and match.start() < m.end for m in result[index]):
            continue
        qualifier = match.group("qualifier") or ""
        name = kyiv if qualifier.startswith(("ukrain", "украин", "україн")) else \
            moscow if qualifier.startswith(("russia", "росси", "російськ", "российск")) else default
        if name is None:
            continue
        place = gazetteer.place_named(name)
        start = match.start("word")
        result[index].append(Mention(start, match.end(), sentence.text[start:match.end()],
                                     gazetteer.region(place.region_code), place))
        result[index].sort(key=lambda m: m.start)
    return result


def _story_capital(sentences: list[Sentence], mentions: list[list[Mention]]) -> str | None:
    """The capital a story means by "the capital": the one it names, else that of the country
    its places are in, else by its language (Kyiv in Ukrainian, Moscow in Russian)."""
    kyiv, moscow = _CAPITALS
    places = [m for sentence_mentions in mentions for m in sentence_mentions]
    named = {m.place.name for m in places if m.place} & set(_CAPITALS)
    if len(named) == 1:
        return named.pop()
    countries = [m.region.country for m in places]
    if countries:
        return kyiv if countries.count("UA") >= countries.count("RU") else moscow
    text = " ".join(sentence.text for sentence in sentences)
    return kyiv if _UKRAINIAN_LETTERS.search(text) else moscow if _CYRILLIC_RE.search(text) else None


# "The capital" and "the Ukrainian capital", "столица", "російську столицю"; not "the regional
# capital" nor "Tatarstan's capital".
_CAPITAL_WORD_RE = re.compile(
    r"(?<!\w)(?:(?P<qualifier>russian|ukrainian|российск\w*|украинск\w*|російськ\w*|українськ\w*)\s+)?"
    r"(?P<word>capital|столиц\w*)(?!\w)")
_OTHER_CAPITAL_BEFORE_RE = re.compile(
    r"(?:(?:regional|provincial|oblast|областн\w*|обласн\w*|регіональн\w*|региональн\w*|республиканск\w*)\s+|['’]s\s+)$")
_OTHER_CAPITAL_AFTER_RE = re.compile(
    r"\s*(?:of\b|city\s+of\b|[A-ZА-ЯІЇЄҐ]|(?:региона|области|республики|края|регіону|області|республіки|краю)\b)")
_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_CYRILLIC_RE = re.compile(r"[а-яА-ЯёЁ]")


class _StoryReader:
    """Reads a story's sentences in order, remembering the place and dates they are about."""

    def __init__(self, story: Story, sentences: list[Sentence], mentions: list[list[Mention]]):
        self.sentences = sentences
        self.mentions = mentions
        zone = next((m.region.timezone for found in mentions for m in found), None)
        self.published = story.published_at is not None
        self.anchor = dates.local_date(story.published_at or story.fetched_at, zone)
        self.base_precision = dates.PUBLISHED if self.published else dates.INGESTED
        self.regions_named = [m for found in mentions for m in found if m.place is None]
        self.context: _Context | None = None
        self.dated_keys: dict[tuple, tuple[dt.date, str]] = {}  # a place's explicit date, once given
        self.last_weapon_role: str | None = None  # what the last count of weapons counted
        self.last_weapons: list[str] = []  # and of which weapons
        self.last_places: tuple[int, list[Fragment]] | None = None  # the last sentence's places
        self.pending: list[Fragment] = []  # incidents told with no place yet
        self.last_event_date: dates.DateSpan | None = None  # the date of the last incident told with one
        self.counted_by: tuple[int, str] | None = None  # the last sentence of weapon counts, and its source

    def _context_near(self, sentence: Sentence) -> _Context | None:
        near = self.context is not None and sentence.index - self.context.sentence <= _CONTEXT_SENTENCES
        return self.context if near else None

    def read(self, sentence: Sentence, mentions: list[Mention]) -> list[Fragment]:
        triggered = lexicon.TRIGGER.found_in(sentence.words)
        if not mentions and self._context_near(sentence) is None and not (triggered and sentence.numbers):
            return []  # no place to report on, and no national count: nothing to extract
        if not triggered and not (mentions and self.last_weapon_role and sentence.numbers):
            # No incident words, and not a breakdown of the count before ("Of those, 40 were
            # over the Bryansk region"): the sentence only says who reported and where.
            return [] if sentence.ignored else self._read_attribution(sentence, mentions)
        mentions = self._without_other_regions_districts(sentence, mentions)
        date_spans = dates.find_dates(sentence.text, self.anchor, self.published)
        fragments: list[Fragment] = []
        carried: dates.DateSpan | None = None
        event_date: dates.DateSpan | None = None
        same_time = _same_time(sentence.words.lower) if self.last_event_date is not None else None
        for start, end in _background_with_its_relative_clause(sentence.text, _clauses(sentence.text)):
            own_dates = [d for d in date_spans if start <= d.start and d.end <= end and not (
                _SINCE_RE.match(sentence.text, d.start) and not _RELATIVE_BREAK_RE.match(sentence.text, d.end))]
            if same_time and start <= same_time.start() < end:
                # "Увечері ж": the relative word is the earlier event's evening, not today's
                own_dates = [d for d in own_dates if d.end <= same_time.start() or d.start >= same_time.end()] \
                    or [self.last_event_date]
            date_span = carried = own_dates[0] if own_dates else carried
            whole = start == 0 and end == len(sentence.text)
            clause = _Clause(sentence.text[start:end],
                             [dataclasses.replace(n, start=n.start - start, end=n.end - start)
                              for n in sentence.numbers if start <= n.start and n.end <= end],
                             sentence.words if whole else None)
            background = lexicon.BACKGROUND.found_in(clause.words) and not _CURRENT_RE.search(clause.words.lower)
            if background and not own_dates:
                continue  # another, undated event: its figures must not join this one, nor be dated today
            read = self._read_clause(sentence, clause, start, date_span, background,
                                     [m for m in mentions if start <= m.start and m.end <= end])
            if date_span is not None and any(f.creates and not f.background for f in read):
                # what a later "that night" refers to; not a date of no incident ("13 листопада — день жалоби")
                event_date = date_span
            fragments.extend(read)
        if sentence.ignored:
            return []
        self._carry_reporter(sentence, fragments)
        self.last_event_date = event_date or self.last_event_date
        return fragments

    def _carry_reporter(self, sentence: Sentence, fragments: list[Fragment]) -> None:
        """Counts that go on from the sentence before without naming their source ("Над
        Брянской областью — 18, над Курской — 9" after "Минобороны: уничтожены 43 БПЛА", or a
        quote closed by "the ministry said") are that source's."""
        counted = [f for f in fragments if f.launched is not None or f.intercepted is not None]
        if not counted:
            return
        if sentence.reporter is None and self.counted_by and sentence.index - self.counted_by[0] == 1:
            for fragment in counted:
                fragment.carried_reporter = self.counted_by[1]
        reporter = counted[0].reporter
        self.counted_by = (sentence.index, reporter) if reporter else None

    def _without_other_regions_districts(self, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
        """A city district named like a place of another region ("the Kyivskyi district" of
        Kharkiv) is part of the city the sentence or the one before is about, not that place."""
        context = self._context_near(sentence)
        context_region = context.key[0] if context is not None else None

        def elsewhere(district: Mention) -> bool:
            named = {m.region.code for m in mentions if m is not district}
            other_context = context_region not in (None, district.region.code)
            return district.region.code not in named and bool(named or other_context)

        def of_the_town(district: Mention) -> bool:
            """A district named for no town ("у Голосіївському районі") in a story on a town of
            its region is one of the town's own districts."""
            towns = {m.region.code for m in mentions if m.place is not None}
            if context is not None and context.key[1] is not None:
                towns.add(context_region)
            return district.place is None and district.region.code in towns

        kept = []
        for m in mentions:
            if not (_DISTRICT_AFTER_RE.match(sentence.text, m.end) or _DISTRICT_WORD_RE.search(m.surface)):
                kept.append(m)
            elif m.region.code not in self.regions_outside_districts and len(self.towns) == 1 \
                    and self.towns[0].region.code != m.region.code:
                # "— Дніпровський район: влучання" in a report on Kyiv whose lines are far apart:
                # a district of the one town the story is on, whose name no other region shares.
                kept.append(dataclasses.replace(self.towns[0], start=m.start, end=m.end, surface=m.surface))
            elif not (elsewhere(m) or of_the_town(m)):
                kept.append(m)
        return kept

    @functools.cached_property
    def _plain_mentions(self) -> list[Mention]:
        """The story's mentions that are not districts named for a town."""
        return [m for sentence, found in zip(self.sentences, self.mentions) for m in found
                if not (_DISTRICT_AFTER_RE.match(sentence.text, m.end) or _DISTRICT_WORD_RE.search(m.surface))]

    @functools.cached_property
    def home_region(self) -> str | None:
        """The region the story is on: that of its first place."""
        return next((m.region.code for found in self.mentions for m in found), None)

    @functools.cached_property
    def regions_outside_districts(self) -> set[str]:
        return {m.region.code for m in self._plain_mentions}

    @functools.cached_property
    def towns(self) -> list[Mention]:
        return list({(m.region.code, m.place.name): m for m in self._plain_mentions if m.place is not None}.values())

    def _read_attribution(self, sentence: Sentence, mentions: list[Mention]) -> list[Fragment]:
        """A sentence with no incident words may say who reported the incident before, and
        where it was ("Об этом сообщил губернатор Оренбургской области"), or only which place
        the story is on."""
        context = self._context_near(sentence)
        if context is not None:  # "повідомив голова Запорізької ОВА" after a report on Zaporizhzhia
            mentions = [m for m in mentions
                        if not (isinstance(m, _AuthorityMention) and m.region.code == context.key[0])]
        places = _clause_places(_regional_capitals_as_regions(self.regions_named, mentions))
        pending = [f for f in self.pending if sentence.index - f.sentence == 1]
        if pending and len(places) == 1 and sentence.reporter:
            key = _place_key(places[0])
            for fragment in pending:  # the event told just before, with no place: the reporter's
                fragment.key = key
            self.context = _Context(sentence.index, key, pending[0].date, pending[0].date_precision,
                                    places[0].region.country)
        elif places:
            key = _place_key(places[0])
            date, precision = self.dated_keys.get(key, (self.anchor, self.base_precision))
            self.context = _Context(sentence.index, key, date, precision, places[0].region.country) \
                if len(places) == 1 else None
        self.pending = []
        context = self._context_near(sentence)
        if context is None or not sentence.reporter:
            return []
        attribution = _fragment(_Clause(sentence.text, []), sentence, context.key, context.date,
                                context.precision, [], None, [])
        attribution.inherited = True
        return [attribution]

    def _read_clause(self, sentence: Sentence, clause: _Clause, offset: int, date_span, background: bool,
                     mentions: list[Mention]) -> list[Fragment]:
        if not (clause.killed or clause.injured or clause.damage):
            mentions = _regional_capitals_as_regions(self.regions_named, mentions)
        context = self._context_near(sentence)
        if context is not None:
            mentions = [m for m in mentions
                        if not (isinstance(m, _AuthorityMention) and m.region.code == context.key[0])]
        places = _clause_places(mentions)
        # A list goes on past a semicolon: "47 БПЛА: 21 над Брянской областью; 12 над Курской".
        is_list = len(places) > 1 or (offset > 0 and _LEADING_NUMBER_RE.match(clause.text))
        counts = _counts(clause, self.last_weapon_role if is_list else None)
        if clause.weapons and any(c.role in ("launched", "intercepted") for c in counts):
            self.last_weapon_role = next(c.role for c in counts if c.role in ("launched", "intercepted"))
            self.last_weapons = [w.value for w in clause.weapons]
        if background:  # an earlier event: a row of its own, no context for the sentences after
            if not places:  # "the third attack on the neighbourhood since June": the place before
                told_just_before = context is not None and sentence.index - context.sentence <= 1
                return [] if not told_just_before else [
                    _fragment(clause, sentence, context.key, date_span.date, date_span.precision, counts, None, [],
                              background=True)]
            offsets = [(m.start - offset, m.end - offset) for m in places]
            assigned = _assign_counts(clause, counts, places, offsets)
            return [_fragment(clause, sentence, _place_key(mention), date_span.date, date_span.precision,
                              assigned.get(index, []), offsets[index], offsets, background=True)
                    for index, mention in enumerate(places)]
        if places:
            offsets = [(m.start - offset, m.end - offset) for m in places]
            assigned = _assign_counts(clause, counts, places, offsets)
            fragments = []
            for index, mention in enumerate(places):
                key = _place_key(mention)
                if date_span:
                    date, precision = date_span.date, date_span.precision
                    if not background:  # later sentences about the place go on with this date
                        self.dated_keys[key] = (date, precision)
                else:
                    date, precision = self.dated_keys.get(key, (self.anchor, self.base_precision))
                fragment = _fragment(clause, sentence, key, date, precision, assigned.get(index, []),
                                     offsets[index], offsets)
                if not fragment.weapons and (fragment.launched is not None or fragment.intercepted is not None):
                    fragment.weapons = self.last_weapons  # a breakdown of the count before
                fragments.append(fragment)
            total = _total_of_breakdown(clause, counts, assigned)
            if total is not None:
                date, precision = (date_span.date, date_span.precision) if date_span else \
                    (self.anchor, self.base_precision)
                fragments.append(_fragment(clause, sentence, None, date, precision, [total], None, []))
            self.context = _Context(sentence.index, fragments[0].key, fragments[0].date,
                                    fragments[0].date_precision, places[0].region.country) \
                if len(places) == 1 else None
            if self.last_places and self.last_places[0] == sentence.index:
                self.last_places[1].extend(fragments)
            else:
                self.last_places = (sentence.index, list(fragments))
            self.pending = []
            return fragments
        if not counts and (clause.no_killed or clause.no_injured) and self.last_places and \
                sentence.index - self.last_places[0] == 1 and date_span is None:
            # "No casualties were reported in either place": every place of the sentence before.
            fragments = []
            for before in self.last_places[1]:
                fragment = _fragment(clause, sentence, before.key, before.date, before.date_precision, [], None, [])
                fragment.inherited = True
                fragments.append(fragment)
            return fragments
        continues = _continues(context, sentence, clause, counts, date_span)
        if self.home_region and _THE_REGION_RE.search(clause.words.lower) and \
                not (continues and context.key[0] == self.home_region):
            # "над областю збито 12 БпЛА" on another night than the last place's, or after a
            # place of another region ("граничит с Сумской областью"): the region the story is on.
            key = (self.home_region, None)
            date, precision = (date_span.date, date_span.precision) if date_span else \
                self.dated_keys.get(key, (self.anchor, self.base_precision))
            return [_fragment(clause, sentence, key, date, precision, counts, None, [])]
        if continues:
            fragment = _fragment(clause, sentence, context.key, context.date, context.precision, counts, None, [])
            # A clause of the sentence that names the place ("Explosions were heard in Lviv,
            # where the governor reported a strike on a plant") is about it as much as that one.
            fragment.inherited = context.sentence != sentence.index
            if fragment.has_figure or fragment.hurts:
                # The sentences after go on about the place as long as each adds to what the one before told.
                self.context = dataclasses.replace(context, sentence=sentence.index)
            return [fragment]
        if clause.names_unknown_place:
            self.context = None  # a place the gazetteer does not know: not the last one's
        date = date_span.date if date_span else self.anchor
        precision = date_span.precision if date_span else self.base_precision
        fragment = _fragment(clause, sentence, None, date, precision, counts, None, [])
        if fragment.launched is not None or fragment.intercepted is not None:
            self.context = None  # a count for the whole country: what follows ("Of these, 61 were downed") is its
        if fragment.creates and not background:
            self.pending.append(fragment)  # a place may follow ("..., the governor of X said")
        return [fragment]


def _total_of_breakdown(clause: _Clause, counts: list[_Count], assigned: dict[int, list[_Count]]) -> _Count | None:
    """The count no place takes in a sentence that itemises it ("112 drones over Russia,
    including 31 over the Moscow region", "77 дронов, 24 из них над Нижегородской областью"):
    the whole of which the places' counts are part."""
    taken = [c for found in assigned.values() for c in found if c.role in ("launched", "intercepted")]
    if not taken:
        return None
    first, last = min(c.number.start for c in taken), max(c.number.end for c in taken)
    return next((c for c in counts if c.role in ("launched", "intercepted") and c not in taken
                 and c.number.end <= first and (_PART_OF_TOTAL_RE.search(clause.text, c.number.end, last + 20)
                                                or _leaves_a_rest(clause.text, c.number.end, first))), None)


# What introduces the part of a total: "including", "of them", "в том числе", "з них".
_PART_OF_TOTAL_RE = re.compile(
    r"\b(?:including|of\s+them|of\s+which|among\s+them|в\s+том\s+числе|из\s+них|из\s+которых|"
    r"зокрема|у\s+тому\s+числі|в\s+тому\s+числі|з\s+них|із\s+них|з\s+яких)\b", re.IGNORECASE)
# The item of a breakdown that counts no number: "остальные — над Тульской", "the rest over Crimea".
_REST_RE = re.compile(r"(?<!\w)(?:остальн\w*|решта|решту|the\s+rest|the\s+remaining)(?!\w)", re.IGNORECASE)


def _leaves_a_rest(text: str, total_end: int, first_part: int) -> bool:
    """Whether a breakdown opened by a colon ("56 беспилотников: 20 — над Брянской, ...,
    остальные — над Тульской") leaves part of its total to places it gives no number: the
    total is then no sum of the places' counts, and stays a row of its own."""
    return ":" in text[total_end:first_part] and bool(_REST_RE.search(text, first_part))


_DISTRICT_WORDS = (r"(?:(?:urban\s+|municipal\s+|rural\s+)?district|neighbou?rhood|microdistrict|quarter|raion"
                   r"|(?:мікро|микро)?район\w*|округ\w*|громад\w*|hromada)\b")
_DISTRICT_AFTER_RE = re.compile(r"\s*" + _DISTRICT_WORDS, re.IGNORECASE)
_DISTRICT_WORD_RE = re.compile(r"\s" + _DISTRICT_WORDS, re.IGNORECASE)


# A settlement named after its kind ("в селе Новая Таволжанка", "the village of X"): when the
# gazetteer does not know it, the clause is about some other place than the one before.
# Matched on the lowercase text, the name's capital checked in the original: several times
# faster than matching the kind's words case-insensitively.
_SETTLEMENT_KIND_RE = re.compile(
    r"\b(?:сел[еіо]|селищ[іе]|посел[ке]\w*|пос[её]лке|деревн[еи]|хутор[еі]|смт|village\s+of|settlement\s+of|"
    r"town\s+of|hamlet\s+of)\s+")
_CAPITAL_RE = re.compile(r"[A-ZА-ЯІЇЄҐ]")


def _names_unknown_place(words: lexicon.Text) -> bool:
    return any(_CAPITAL_RE.match(words.original, kind.end()) for kind in _SETTLEMENT_KIND_RE.finditer(words.lower))


def _background_with_its_relative_clause(sentence: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A background clause keeps the clause that describes it ("since April, when a drone
    damaged a dormitory"): that event is the earlier one, not today's."""
    merged: list[tuple[int, int]] = []
    for start, end in bounds:
        if merged and _RELATIVE_BREAK_RE.match(sentence, merged[-1][1]) and \
                lexicon.BACKGROUND.found_in(lexicon.Text(sentence[merged[-1][0]:merged[-1][1]])):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


# A time told as that of the event before: "that night", "later that day", "в тот же день",
# "той же ночью", "увечері того ж дня", "Увечері ж".
_SAME_TIME_RE = re.compile(
    r"\b(?:that|the\s+same)\s+(?:night|day|evening|morning|afternoon)\b"
    r"|(?<!\w)(?:(?:в|во)\s+)?(?:ту\s+же|тот\s+же|этот\s+же|то\s+же)\s+(?:ночь|день|вечер|утро)\b"
    r"|(?<!\w)(?:той\s+же|тем\s+же|того\s+же)\s+(?:ночью|ночи|вечером|вечера|утром|утра|днем|дня)\b"
    r"|(?<!\w)(?:тієї|того|цього|цієї)\s+(?:ж|же|самого|самої)\s+(?:ночі|дня|вечора|ранку|доби)\b"
    r"|(?<!\w)(?:увечері|ввечері|вночі|уночі|вранці|зранку|вечером|ночью|утром)\s+(?:ж|же)\b"
    r"|(?<!\w)(?:у|в)\s+той\s+(?:же|самий)\s+(?:день|вечір|ранок)\b")
_SAME_TIME_GATE = ("that ", "same ", " же ", " же,", " ж ", " ж,", " самого ", " самої ", " самий ")


def _same_time(lower: str) -> re.Match | None:
    # Substring tests first: the pattern's many alternatives are slow to search for.
    return _SAME_TIME_RE.search(lower) if any(word in lower for word in _SAME_TIME_GATE) else None


# "Since April" starts a period and dates nothing, unless the clause after it does: "since
# April, when a drone damaged a dormitory".
_SINCE_RE = re.compile(r"(?:since|с|со|з|із)\s", re.IGNORECASE)
_RELATIVE_BREAK_RE = re.compile(r",\s+(?:when|where|which|когда|где|коли|де)\b", re.IGNORECASE)


def _continues(context: _Context | None, sentence: Sentence, clause: _Clause, counts: list[_Count],
               date_span) -> bool:
    """Whether a clause naming no place goes on about the place of the sentences before."""
    if context is None or sentence.index - context.sentence > _CONTEXT_SENTENCES:
        return False
    if date_span is not None and date_span.date != context.date:
        return False
    if clause.names_unknown_place:
        return False
    lower = clause.words.lower
    if any(c.role in ("launched", "intercepted") for c in counts) and not _THE_REGION_RE.search(lower) and (
            _NATIONWIDE_RE.search(lower) or _COUNTRY_SAYS_RE.search(lower) or sentence.reporter in _NATIONAL_REPORTERS):
        return False  # the air force's or the ministry's count for the whole country
    return clause.country_hint in (None, context.country)


_NATIONAL_REPORTERS = ("air_force", "ministry_of_defense", "military")
# "intercepted 18 drones over the region": the region the story is about, whoever counts.
_THE_REGION_RE = re.compile(
    r"\b(?:over|in)\s+the\s+region\b|(?:над|в|у)\s+(?:регионом|областью|областю|регіоном|области|області)\b")
_NATIONWIDE_RE = re.compile(
    r"\b(?:the\s+country|nationwide|in\s+total|altogether|всего|загалом|усього|across\s+(?:ukraine|russia)|at\s+ukraine|over\s+russia|russian\s+regions|"
    r"regions\s+of\s+russia|по\s+(?:всей\s+)?стране|над\s+регионами|регионами\s+россии|країни|по\s+(?:всій\s+)?країні|"
    r"по\s+україні|областях\s+україни)\b")

# A country itself giving the figure ("Russia says 86 UAVs neutralised", "Україна заявила про
# 40 збитих дронів"): its government's count for the whole country, as a ministry's is.
_COUNTRY_SAYS_RE = re.compile(
    r"\b(?:russia|ukraine)\s+(?:says|said|claims|claimed|reports|reported)\b"
    r"|(?:россия|украина|україна|росія)\s+(?:заявил|сообщил|повідомил)\w*")


def _fragment(clause: _Clause, sentence: Sentence, key, date, precision, counts: list[_Count],
              own: tuple[int, int] | None, all_offsets: list[tuple[int, int]], background: bool = False) -> Fragment:
    """What ``clause`` says about the place ``key`` (the mention at ``own`` among ``all_offsets``)."""
    fragment = Fragment(key=key, date=date, date_precision=precision, sentence=sentence.index,
                        evidence=sentence.text, background=background)
    fragment.weapons = [w.value for w in clause.weapons]
    fragment.airstrike = clause.airstrike
    fragment.aerial_target = clause.aerial_target
    fragment.intercept = bool(clause.intercepts)
    fragment.attack = bool(clause.attacks)
    fragment.damage = bool(clause.damage)
    fragment.debris = clause.debris
    fragment.alert = bool(clause.alerts)
    for count in counts:
        value = count.number.value
        if count.role in ("launched", "intercepted"):
            current = getattr(fragment, count.role)
            setattr(fragment, count.role, value if current is None else max(current, value))
        elif count.latest:
            setattr(fragment, count.role, value)
        else:
            current = getattr(fragment, count.role)
            setattr(fragment, count.role, value if current is None else current + value)
    fragment.no_killed = clause.no_killed
    fragment.no_injured = clause.no_injured
    if clause.attacks or clause.damage:
        fragment.target, fragment.target_type = _target(clause, own, all_offsets)
    fragment.source = sentence
    fragment.country_hint = clause.country_hint
    fragment.unknown_place = clause.names_unknown_place
    return fragment


def _target(clause: _Clause, own, all_offsets) -> tuple[str | None, str | None]:
    found = clause.targets
    if not found:
        return None, None
    if own is not None and len(all_offsets) > 1:
        here = _Span(own[0], own[1], "m")
        spans = [_Span(s, e, "m") for s, e in all_offsets]
        found = [f for f in found
                 if min(spans, key=lambda m: _link_distance(clause, _Span(f[0], f[0] - f[1], "t"), m)) == here]
        if not found:
            return None, None
    return found[0][2], found[0][3]


def _reporter(sentence: lexicon.Text) -> str | None:
    """Who the sentence says reported it: the source named nearest its reporting verb
    ("the governor said", "повідомили Повітряні сили"), or before a colon that opens it;
    ``lexicon.PRONOUN`` where it names none but a pronoun speaks ("he said")."""
    found = lexicon.SPEAKERS.spans(sentence)
    sources = [source for source in found if source[2] != lexicon.PRONOUN]
    if not sources:
        return lexicon.PRONOUN if found else None
    verbs = lexicon.REPORTING.spans(sentence)
    if not verbs:
        opening = _ATTRIBUTION_RE.match(sentence.original)
        first = min(sources)
        return first[2] if opening and first[1] <= opening.end() else None
    sources, verbs = _speakers_of_quote(sentence.original, sources, verbs)
    if not sources:
        return None

    def gap(source) -> tuple[int, int, int]:
        start, end, _ = source
        text = sentence.original
        words, after = min((len(_WORD_RE.findall(text[end:v_start] if end <= v_start else text[v_end:start])),
                            start > v_start) for v_start, v_end in verbs)
        return (words, after, start)  # the subject before "said" wins a tie

    return min(sources, key=gap)[2]


def _speakers_of_quote(text: str, sources: list, verbs: list) -> tuple[list, list]:
    """A quote with its reporting verb outside it (“Air defence forces of the Ministry of
    Defence repelled an attack,” he wrote): who is quoted speaks, not a source the quote
    tells of. The sources and verbs outside the quotes, when a verb is."""
    quotes = [m.span() for m in _QUOTE_RE.finditer(text)] if _QUOTE_MARKS_RE.search(text) else []
    if not quotes:
        return sources, verbs

    def quoted(span) -> bool:
        return any(start <= span[0] and span[1] <= end for start, end in quotes)

    said = [v for v in verbs if not quoted(v)]
    return ([s for s in sources if not quoted(s)], said) if said else (sources, verbs)


_QUOTE_MARKS_RE = re.compile(r"[\"“«]")
_QUOTE_RE = re.compile(r"\"[^\"]+\"|“[^”“]+”|«[^«»]+»")


# "Минобороны РФ: ..." — a source named before a colon at the start of a sentence.
_ATTRIBUTION_RE = re.compile(r"^\W*[\w .'’-]{2,80}:\s")


def _actor(sentence: lexicon.Text) -> str | None:
    """The attacker the sentence names first; not the forces a source is part of ("По данным
    Воздушных сил ВСУ, противник атаковал": the attacker is the enemy, not ВСУ)."""
    best, best_start = None, None
    sources = None
    for name, cue in lexicon.ACTORS:
        for start, _ in cue.spans(sentence):
            if best_start is not None and start >= best_start:
                break
            if sources is None:
                sources = lexicon.REPORTER_SET.spans(sentence)
            if not any(end <= start and not sentence.lower[end:start].strip() for _, end, _ in sources):
                best, best_start = name, start
                break
    return best


def _without_actors(words: lexicon.Text) -> str:
    """The lowercase text with the attacker's words blanked ("Ukrainian drones")."""
    text = _ORIGIN_PHRASE_RE.sub(lambda m: " " * len(m.group()), words.lower)
    for _, cue in lexicon.ACTORS:
        for start, end in cue.spans(words):
            text = text[:start] + " " * (end - start) + text[end:]
    return text


def _country(lower_text: str) -> str | None:
    """The first country the text names."""
    found = [(match.start(), country) for country, pattern in _COUNTRY_RE
             if (match := pattern.search(lower_text))]
    return min(found)[1] if found else None


# --- fragments -> incidents ----------------------------------------------------------------------

def _incidents(story: Story, fragments: list[Fragment], gazetteer: Gazetteer,
               signatory: str | None = None) -> list[Incident]:
    _date_undated(fragments)
    groups: dict[tuple, list[Fragment]] = {}
    for fragment in fragments:
        if fragment.key is not None:
            groups.setdefault((fragment.key, fragment.date), []).append(fragment)
    # In a story about an attack, damage or casualties reported at a place are part of it
    # ("В Шебекино повреждены три частных дома"), though that sentence names no weapon.
    # Its weapons may be told in a sentence of their own ("Ворог бив ракетами та ударними дронами").
    of_attacks = {id(f) for g in groups.values() if any(f.creates for f in g) for f in g}
    story_weapons = [w for f in fragments if f.creates or id(f) in of_attacks for w in f.weapons]
    located = {k: g for k, g in groups.items()
               if any(f.creates for f in g) or (story_weapons and any(f.hurts for f in g if not f.inherited))
               or _attack_with_casualties(g)}
    for (key, date), group in groups.items():
        if (key, date) not in located and key[1] is None and any(f.has_figure or f.reporter for f in group):
            # "Пострадавших нет, сообщил оперштаб Краснодарского края": said of the region's town before
            located[(key, date)] = group
    rows = [_incident(story, key, date, group, gazetteer, story_weapons, signatory)
            for (key, date), group in _fold_region_rows(located).items()]
    rows = [row for row in rows if row is not None]
    rows.extend(_national_totals(story, fragments, rows, gazetteer, signatory))
    rows.sort(key=lambda r: (r.event_date, r.region_code, r.place or ""))
    return rows


def _date_undated(fragments: list[Fragment]) -> None:
    """An undated mention with no figures of its own (a headline: "Drones strike plant in
    Tatarstan") of a place, or of a region, that the story dates on one day elsewhere is that
    day's event. A count of its own (the ministry's, undated) stays a report of its own; nor is
    it an event of a day before the latest the story tells ("13 марта ... по Каменскому" in a
    story on last night's strike on it: a past strike, told last)."""
    latest = max((f.date for f in fragments if f.date_precision == dates.DAY and not f.background), default=None)
    for fragment in fragments:
        if fragment.key is None or fragment.has_count or \
                fragment.date_precision not in (dates.PUBLISHED, dates.INGESTED):
            continue
        region, place = fragment.key
        days = {f.date for f in fragments if f.key is not None and f.date_precision == dates.DAY and not f.background
                and f.key[0] == region and (place is None or f.key[1] == place)}
        if days == {latest}:
            fragment.date, fragment.date_precision = days.pop(), dates.DAY


def _national_totals(story: Story, fragments: list[Fragment], rows: list[Incident], gazetteer,
                     signatory: str | None) -> list[Incident]:
    """Weapon counts given for no place make one ``XX`` row per date, unless the story breaks
    them down by region itself (the regions' rows then carry the counts). A breakdown that
    leaves part of the total out ("112 drones, including 31 over the Moscow region") does not
    replace it: the rest would be lost."""
    by_date: dict[tuple[dt.date, str | None], list[Fragment]] = {}
    armed = any(f.weapons or f.aerial_target for f in fragments if f.key is None)
    for fragment in fragments:
        if armed and fragment.key is None and fragment.creates and \
                (fragment.launched is not None or fragment.intercepted is not None):
            by_date.setdefault((fragment.date, _xx_country([fragment], named_only=True)), []).append(fragment)
    # A count whose country the clause does not name is the one counted that night, if only one
    # country's is ("Russia's ministry said ... 112 drones" and Ukraine's air force "72 drones";
    # a Russian-language report of the Ukrainian air force's count says ПВО as well).
    for date, country in [k for k in by_date if k[1] is None]:
        known = [k for k in by_date if k[0] == date and k[1] is not None]
        if len(known) == 1:
            by_date[known[0]].extend(by_date.pop((date, None)))
    _undated_into_the_dated_count(by_date)
    totals = []
    for (date, _), group in sorted(by_date.items(), key=lambda item: min(f.sentence for f in item[1])):
        row = _incident(story, None, date, group, gazetteer, signatory=signatory)
        if row is None:
            continue
        if row.country is None:  # "знешкодили 475 засобів" after "ворог завдав удару по Україні"
            row = dataclasses.replace(row, country=_xx_country(fragments) or _country(
                _without_actors(lexicon.Text(f"{story.title or ''} {story.text or ''}"))))
        # The mayor's count for the capital does not break down the ministry's for the country.
        national = row.reported_by in _NATIONAL_REPORTERS
        parts = [r for r in rows if (r.launched is not None or r.intercepted is not None)
                 and (row.country is None or r.country == row.country)
                 and (not national or r.reported_by in _NATIONAL_REPORTERS)]
        if sum(_largest_count(r) for r in parts) < _largest_count(row):
            totals.append(row)
    return totals


def _undated_into_the_dated_count(by_date: dict[tuple[dt.date, str | None], list[Fragment]]) -> None:
    """A national count the story gives no date (a headline: "Russia says 86 UAVs
    neutralised", dated by publication) is the count the body dates to a day, when the body
    dates only one for that country: one night's figure told twice, not two nights'. A count
    for a month ("6,000 drones in July") is dated, and stays its own."""
    dated = [k for k, group in by_date.items() if any(f.date_precision == dates.DAY for f in group)]
    undated = [k for k, group in by_date.items()
               if all(f.date_precision in (dates.PUBLISHED, dates.INGESTED) for f in group)]
    for key in undated:
        same_country = [k for k in dated if None in (k[1], key[1]) or k[1] == key[1]]
        if len(same_country) == 1:
            by_date[same_country[0]].extend(by_date.pop(key))


def _largest_count(row: Incident) -> int:
    return max(row.launched or 0, row.intercepted or 0)


def _fold_region_rows(groups: dict[tuple, list[Fragment]]) -> dict[tuple, list[Fragment]]:
    """A region-level mention with no counts of its own, or with figures that complete the one
    town's report (``_completes``), joins the first town of that region the story reports for
    that date: it is the same attack, told less precisely."""
    folded = dict(groups)
    for (key, date), group in groups.items():
        region, place = key
        if place is not None or any(f.unknown_place for f in group):
            continue  # a town the gazetteer does not know ("the town of Sal'sk")
        if any(f.alert for f in group) and not any(f.attack or f.damage or f.intercept for f in group):
            continue  # an alert over the region is not the attack on a town
        towns = [k for k in groups if k[1] == date and k[0][0] == region and k[0][1] is not None]
        if any(f.has_count for f in group) and not (len(towns) == 1 and _completes(group, groups[towns[0]])):
            continue  # its own figures make it a report of its own
        if towns:
            first = min(towns, key=lambda k: min(f.sentence for f in groups[k]))
            folded[first] = sorted(folded[first] + folded.pop((key, date)), key=lambda f: f.sentence)
    return folded


def _completes(region: list[Fragment], town: list[Fragment]) -> bool:
    """Whether a region's figures are the one town's report told again ("В Брянской области
    дрон атаковал автобус: ранены пять человек"), or what that report lacks: the casualties
    of the attack the town is named for, where the town's report gives none, or the
    ministry's count of drones over the region beside a report on the town that counts
    none. A governor's own count over the region beside his town is a report of its own,
    as is a figure the town's contradicts, or a town the gazetteer does not know ("the
    village of Lomakovka in the Klimovo district")."""
    figures, town_figures = _figures(region), _figures(town)
    given = {name: value for name, value in figures.items() if value is not None}
    if all(town_figures[name] == value for name, value in given.items()):
        return True
    if any(town_figures[name] not in (None, value) for name, value in given.items()) or \
            any(f.unknown_place for f in town):
        return False
    casualties, counts = ("killed", "injured"), ("launched", "intercepted")
    if any(name in given for name in casualties) and any(town_figures[name] is not None for name in casualties):
        return False
    if any(name in given for name in counts) and (
            any(town_figures[name] is not None for name in counts)
            or not all(f.reporter in _NATIONAL_REPORTERS for f in region if f.has_count)):
        return False
    return True


def _figures(group: list[Fragment]) -> dict[str, int | None]:
    return {name: _max(getattr(f, name) for f in group) for name in ("launched", "intercepted", "killed", "injured")}


def _incident(story: Story, key, date: dt.date, group: list[Fragment], gazetteer: Gazetteer,
              story_weapons: list[str] = (), signatory: str | None = None) -> Incident | None:
    strong = [f for f in group if not f.inherited or f.has_figure]
    if any(f.weapons for f in strong):
        weapon = _weapon(strong)
    elif any(f.weapons for f in group):
        weapon = _weapon(group)
    elif story_weapons and not any(f.aerial_target for f in group):
        # Damage reported in a story about one kind of attack is damage from that attack
        # (not so a "high-speed air target", which the source itself would not name).
        weapon = max(sorted(set(story_weapons)), key=story_weapons.count)
    else:
        weapon = "unknown"
    event_type = _event_type(strong, weapon, bool(story_weapons))
    if event_type is None:
        return None
    precision = min((f.date_precision for f in strong), key=_PRECISION_RANK.index)
    if key is None:
        region_code, place_name, region, place = UNKNOWN_REGION, None, None, None
        country = _xx_country(strong)
    else:
        region_code, place_name = key
        region = gazetteer.region(region_code)
        place = gazetteer.place_named(place_name, region_code) if place_name else None
        country = region.country
    launched = _max(f.launched for f in strong)
    intercepted = _max(f.intercepted for f in strong)
    killed = _max(f.killed for f in strong)
    injured = _max(f.injured for f in strong)
    if killed is None and any(f.no_killed for f in strong):
        killed = 0
    if injured is None and any(f.no_injured for f in strong):
        injured = 0
    target = next(((f.target, f.target_type) for f in strong if f.target), (None, None))
    # Who told what happened on the ground speaks for the row, not a ministry whose count for
    # the region joined it ("Governor: debris set a refinery on fire" + "the ministry: 24 over the region").
    reporters = [f.reporter for f in strong if f.reporter and (f.hurts or f.target or f.no_killed or f.no_injured)] \
        or [f.reporter for f in strong if f.reporter] or [f.reporter for f in group if f.reporter]
    reporter = min(reporters, key=_REPORTER_RANK.index) if reporters else signatory
    actor = next((f.actor for f in group if f.actor and f.actor != country), None)
    evidence = list(dict.fromkeys(f.evidence for f in strong))
    acled_type, acled_sub = acled.classify(event_type)
    return Incident(
        incident_id=event_id(date, region_code, place_name, event_type, precision,
                             story.cluster_id or story.story_id),
        event_date=date, date_precision=precision, country=country, region_code=region_code,
        region_name=region.name if region else None, place=place_name,
        latitude=(place or region).latitude if (place or region) else None,
        longitude=(place or region).longitude if (place or region) else None,
        event_type=event_type, weapon=weapon, launched=launched, intercepted=intercepted,
        killed=killed, injured=injured, target=target[0], target_type=target[1],
        reported_by=reporter, actor=actor, evidence=evidence, story_ids=[story.story_id],
        source_urls=[story.url], cluster_ids=[story.cluster_id or story.story_id], num_sources=1,
        published_at=story.published_at, extractor_version=EXTRACTOR_VERSION,
        acled_event_type=acled_type, acled_sub_event_type=acled_sub)


_PRECISION_RANK = [dates.DAY, dates.MONTH, dates.PUBLISHED, dates.INGESTED]
_REPORTER_RANK = [r for r, _ in lexicon.REPORTERS]
_WEAPON_SPECIFIC = {"drone": ("fpv_drone", "naval_drone"), "missile": ("ballistic_missile", "cruise_missile")}


def family_of(event_type: str) -> str:
    """Event types that can describe the same event share a family (fusion key, id)."""
    if event_type == "air_alert":
        return "alert"
    if event_type == "shelling":
        return "shelling"
    return "air"


def event_scope(date_precision: str, cluster_id: str) -> str:
    """Where an event's identity holds. An event the text gives no date for is dated by
    ingestion, which says nothing of when it happened: it is the same event as another
    only within its own story cluster, never across stories."""
    return cluster_id if date_precision == "ingested" else ""


def event_id(date: dt.date, region_code: str, place: str | None, event_type: str,
             date_precision: str, cluster_id: str) -> str:
    """The incident id: the same event gets the same id in any story and on every rerun."""
    return stable_id(date.isoformat(), region_code, place or "", family_of(event_type),
                     event_scope(date_precision, cluster_id))


def _max(values: Iterable[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None


def _weapon(group: list[Fragment]) -> str:
    seen = [w for f in group for w in f.weapons]
    if not seen:
        return "unknown"
    # A combined attack is filed under its missiles; artillery only when nothing else is named.
    primary = next((w for w in seen if w in _MISSILES), None) or next((w for w in seen if w != "artillery"), seen[0])
    for general, specific in _WEAPON_SPECIFIC.items():
        if primary == general:
            better = [w for w in seen if w in specific]
            if better:
                return max(better, key=better.count)  # a tie goes to the first named, never to hash order
    return primary


def _attack_with_casualties(group: list[Fragment]) -> bool:
    """An attack on the place told in one sentence, its dead or wounded in the next
    ("Окупанти завдали 512 ударів по Запорізькій області. Загинула одна людина")."""
    return any(f.attack and not f.inherited for f in group) and any(f.killed or f.injured for f in group)


def _event_type(group: list[Fragment], weapon: str, story_armed: bool = False) -> str | None:
    if not any(f.creates for f in group) and not (story_armed and any(f.hurts for f in group)) \
            and not _attack_with_casualties(group):
        return None
    if any(f.intercept or f.intercepted is not None or (f.debris and weapon in _DRONES + _MISSILES) for f in group):
        return "interception"  # damage by debris ("обломки повредили дома") is that of a weapon shot down
    hit = any(f.damage or f.target or f.killed or f.injured or f.launched for f in group)
    if hit or not any(f.alert for f in group):
        if not hit and not any(f.attack for f in group):
            return None
        return _attack_type(weapon, any(f.airstrike for f in group))
    return "air_alert"


def _attack_type(weapon: str, airstrike: bool) -> str:
    if weapon in _DRONES:
        return "drone_attack"
    if weapon in _MISSILES:
        return "missile_strike"
    if weapon == "glide_bomb" or airstrike:
        return "airstrike"
    if weapon == "artillery":
        return "shelling"
    return "other"


def _xx_country(group: list[Fragment], named_only: bool = False) -> str | None:
    """The attacked country: named in the clause ("over Russia's regions"), else the other
    side of the attacker, else (unless ``named_only``) the side whose word for air defence
    the text uses."""
    hint = next((f.country_hint for f in group if f.country_hint), None)
    if hint:
        return hint
    actor = next((f.actor for f in group if f.actor), None)
    if actor:
        return {"UA": "RU", "RU": "UA"}[actor]
    if named_only:
        return None
    # Each side's own name for its air defence: ПВО in Russia, ППО in Ukraine.
    for fragment in group:
        if "ПВО" in fragment.evidence:
            return "RU"
        if "ППО" in fragment.evidence:
            return "UA"
    return None
