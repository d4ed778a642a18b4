"""Incidents of one story: sentences -> clauses -> fragments -> one row per event and place.

A *fragment* is what one clause says about one place: weapon, cues (attack, interception,
alert, damage), counts, casualties, target, who reported it. Fragments of the same place
and date are merged into one incident. The rules that keep rows right:

* counts bind to nouns: a number counts weapons only when a weapon word (or "targets")
  follows it, casualties only when a person word or a casualty word is next to it, so
  "1,000 km" or "2:00 pm" never become figures; a list item without its noun ("two in the
  Belgorod Region") takes the noun and verb of the list it is in;
* a clause with several regions is a breakdown: each region takes the number written next
  to it, before or after, whichever reading pairs every region with a number most tightly;
* clauses about other events (background: "since November", "earlier this month") count
  only when they carry their own date, and then as a separate incident;
* a clause with no place takes the place of the sentences just before it only when it adds
  a figure or a target, and only for the same date; figures with no place at all make one
  ``XX`` row, and only when the story names no place for any incident;
* casualties are 0 only when the text says nobody was hurt.
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

EXTRACTOR_VERSION = "incidents-1.0"

_DRONES = ("drone", "fpv_drone", "naval_drone")
_MISSILES = ("missile", "ballistic_missile", "cruise_missile")
_CONTEXT_SENTENCES = 2  # how far back a clause without a place may look for one
_NEAR_WORDS = 4

_WORD_RE = re.compile(r"\w+")
_TERMINAL_RE = re.compile(r"[.!?…:;»\"'”’)]\s*$")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "gov", "gen", "lt", "col", "sgt", "jr", "sr", "no", "vs", "u.s",
    "u.k", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "approx", "e.g",
    "i.e", "г", "гг", "обл", "ул", "вул", "пос", "им", "т.е", "т.д", "т.п", "р", "с", "смт", "м",
    "ст", "тыс", "тис", "млн", "млрд", "км", "etc", "inc", "corp", "rep", "sen", "adm", "maj", "capt",
}
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’»)]*\s+(?=[\"'“‘«(]?[A-ZА-ЯЁІЇЄҐ0-9])")
_CLAUSE_BREAK_RE = re.compile(
    r",\s+(?:when|where|which|while|after|but|whereas|when|as\s+well\s+as)\b|;\s+|\s+(?:follows|followed|following)\s+"
    r"|,\s+(?:когда|где|после\s+того|однако|а\s+также|тогда\s+как|коли|де|після\s+того|однак|тоді\s+як)\b",
    re.IGNORECASE)
_OF_RE = re.compile(r"^\s*(?:of|out\s+of|из|з|із)(?:\s+the)?\s*$", re.IGNORECASE)
_CURRENT_RE = re.compile(r"\b(?:latest|new|newest|this|current|ongoing|последн\w*|нов\w*|остан\w*)\b",
                         re.IGNORECASE)
_COUNTRY_RE = [("RU", re.compile(r"\b(?:Russia|Russian|Росси\w*|российск\w*|Росі\w*|російськ\w*|РФ)\b", re.I)),
               ("UA", re.compile(r"\b(?:Ukraine|Ukrainian|Украин\w*|украинск\w*|Україн\w*|українськ\w*)\b", re.I))]


# --- text structure -------------------------------------------------------------------------

@dataclasses.dataclass
class Sentence:
    index: int
    text: str
    skip: bool  # a caption, a heading or a pointer to another story: no incident of its own

    @functools.cached_property
    def reporter(self) -> str | None:
        return _reporter(self.text)

    @functools.cached_property
    def actor(self) -> str | None:
        return _actor(self.text)


def split_sentences(title: str, text: str) -> list[Sentence]:
    """Sentences in order; the title first when the text does not start with it."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if title and title.strip() and (not lines or not lines[0].startswith(title.strip()[:40])):
        lines.insert(0, title.strip())
    terminated = sum(1 for line in lines if _TERMINAL_RE.search(line))
    seen_lines: set[str] = set()
    sentences: list[Sentence] = []
    for number, line in enumerate(lines):
        is_heading = number > 0 and terminated >= 2 and not _TERMINAL_RE.search(line)
        is_repeat = _normal(line) in seen_lines
        seen_lines.add(_normal(line))
        is_caption = bool(lexicon.CAPTION.match(line) or lexicon.CAPTION_TAIL.search(line))
        for piece in _split_line(line):
            sentences.append(Sentence(len(sentences), piece, is_heading or is_repeat or is_caption))
    return sentences


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
    last = re.search(r"([\w.]+)$", before_period)
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
    weapons: list[str] = dataclasses.field(default_factory=list)
    airstrike: bool = False
    aerial_target: bool = False
    intercept: bool = False
    attack: bool = False
    damage: bool = False
    alert: bool = False
    launched: int | None = None
    intercepted: int | None = None
    killed: int | None = None
    injured: int | None = None
    no_killed: bool = False
    no_injured: bool = False
    target: str | None = None
    target_type: str | None = None
    reporter: str | None = None
    actor: str | None = None
    country_hint: str | None = None

    @property
    def has_figure(self) -> bool:
        return any(v is not None for v in (self.launched, self.intercepted, self.killed, self.injured)) \
            or self.no_killed or self.no_injured or self.target is not None

    @property
    def creates(self) -> bool:
        """Enough on its own to say an incident happened (else it only adds to one)."""
        armed = bool(self.weapons) or self.airstrike or self.aerial_target
        hit = self.attack or self.damage
        return self.alert \
            or (armed and (self.intercept or hit or self.launched is not None or self.intercepted is not None
                           or bool(self.killed) or bool(self.injured))) \
            or (self.intercept and self.intercepted is not None) \
            or (hit and (bool(self.killed) or bool(self.injured))) \
            or (self.attack and self.target is not None and self.key is not None and not self.inherited)


@dataclasses.dataclass
class _Span:
    start: int
    end: int
    kind: str
    value: object = None


class _Clause:
    """One clause's matches, with word positions to measure how near two matches are."""

    def __init__(self, text: str):
        self.text = text
        self.word_starts = [m.start() for m in _WORD_RE.finditer(text)]
        self.alerts = _find(lexicon.ALERT, text, "alert")
        self.weapons = []
        taken: list[tuple[int, int]] = []
        for weapon, pattern in lexicon.WEAPONS:
            for match in pattern.finditer(text):
                if not any(s < match.end() and match.start() < e for s, e in taken):
                    self.weapons.append(_Span(match.start(), match.end(), "weapon", weapon))
                    taken.append((match.start(), match.end()))
        self.weapons.sort(key=lambda s: s.start)
        self.countables = [w for w in self.weapons if w.value != "artillery"] + \
            _find(lexicon.COUNTABLE_EXTRA, text, "countable")
        self.aerial_target = bool(lexicon.AERIAL_TARGET.search(text))
        self.airstrike = bool(lexicon.AIRSTRIKE.search(text))
        self.intercepts = _find(lexicon.INTERCEPT, text, "intercept")
        # "Destroyed" is an interception when drones or missiles are what was destroyed, not a house.
        if self.countables:
            for span in _find(lexicon.DESTROY, text, "intercept"):
                after = text[span.end:span.end + 40]
                if not any(p.match(after.lstrip()) for _, p in lexicon.TARGETS):
                    self.intercepts.append(span)
        self.attacks = [s for s in _find(lexicon.ATTACK, text, "attack") if not self._in_alert(s)]
        self.damage = [d for d in _find(lexicon.DAMAGE, text, "damage") if not _negated(text, d)]
        self.launches = _find(lexicon.LAUNCH, text, "launch") + self.attacks
        self.killed = _find(lexicon.KILLED, text, "killed")
        self.injured = _find(lexicon.INJURED, text, "injured")
        self.persons = _find(lexicon.PERSONS, text, "person")
        self.no_casualties = bool(lexicon.NO_CASUALTIES.search(text))
        self.no_killed = self.no_casualties or bool(lexicon.NO_KILLED.search(text))
        self.no_injured = self.no_casualties or bool(lexicon.NO_INJURED.search(text))
        if self.no_casualties or self.no_killed or self.no_injured:
            negated = _find(lexicon.NO_CASUALTIES, text, "no") + _find(lexicon.NO_KILLED, text, "no") \
                + _find(lexicon.NO_INJURED, text, "no")
            self.killed = [s for s in self.killed if not _overlaps(s, negated)]
            self.injured = [s for s in self.injured if not _overlaps(s, negated)]
        self.numbers = [n for n in find_numbers(text) if not self._is_date_or_time(n)]

    @functools.cached_property
    def targets(self) -> list[tuple[int, int, str, str]]:
        """(start, -length, text, target_type) of every target named, in text order."""
        found = []
        for target_type, pattern in lexicon.TARGETS:
            for match in pattern.finditer(self.text):
                found.append((match.start(), -(match.end() - match.start()), match.group(0), target_type))
        return sorted(found)

    @functools.cached_property
    def country_hint(self) -> str | None:
        """The country the clause names other than as the attacker's ("over Russia's regions")."""
        return _country(_without_actors(self.text))

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


_NEGATION_BEFORE = re.compile(r"(?:\bno|\bnot|\bwithout|\bбез|\bнет|\bне|\bнемає)\s+(?:\w+\s+)?$", re.IGNORECASE)
_NEGATION_AFTER = re.compile(r"^\s*(?:нет|не\s+было|не\s+зафиксирован\w*|немає|не\s+було|не\s+зафіксовано)\b",
                             re.IGNORECASE)


def _negated(text: str, span: _Span) -> bool:
    return bool(_NEGATION_BEFORE.search(text[max(0, span.start - 25):span.start])
                or _NEGATION_AFTER.match(text[span.end:span.end + 25]))


_NOT_A_COUNT_AFTER = re.compile(
    rf"\s*(?:{dates._MONTH})\b|\s*(?:am|pm|a\.m|p\.m|h\b|hours|час|год)|\s*(?:года|году|року|year)"
    r"|-?\s*(?:year|years?\s+old|летн|річн|лет\b|рок|times\b|раз)", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b{dates._MONTH}\.?\s*$", re.IGNORECASE)


def _find(pattern: re.Pattern, text: str, kind: str) -> list[_Span]:
    return [_Span(m.start(), m.end(), kind) for m in pattern.finditer(text)]


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
    is_weapon_count: bool
    latest: bool = False  # "the toll rose to 7": replaces, not adds to, earlier figures


def _counts(clause: _Clause) -> list[_Count]:
    """Each number with what it counts, by the noun next to it and the nearest verb."""
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
        if weapon_noun is not None and (person_noun is None or weapon_noun.start < person_noun.start):
            role = _weapon_role(clause, number, index)
            counts.append(_Count(number, role, True))
            role_of_list = role_of_list or role
        elif _RISE_RE.search(before) and casualty_cues:
            cue = clause.nearest(number, casualty_cues)
            counts.append(_Count(number, cue.kind, False, latest=True))
        elif person_noun is not None or cue_after is not None or cue_before is not None:
            cue = _casualty_cue(clause, number, person_noun, cue_before)
            if cue is None:
                continue
            if _SUBSET_RE.search(before) and any(c.role == cue.kind for c in counts):
                continue  # "11 injured, including two children": the two are among the 11
            counts.append(_Count(number, cue.kind, False))
        else:
            verb = clause.nearest(number, clause.intercepts, limit=1)
            if verb is not None:
                counts.append(_Count(number, "intercepted", False))
                role_of_list = role_of_list or "intercepted"
            elif list_item:
                counts.append(_Count(number, None, False))
    # List items without their noun ("two in the Belgorod Region") count what the list counts.
    for count in counts:
        if count.role is None and role_of_list is not None:
            count.role = role_of_list
    counts = [c for c in counts if c.role is not None]
    counts.extend(_single_casualties(clause, counts))
    return counts


def _casualty_cue(clause: _Clause, number: NumberSpan, person_noun, cue_before):
    """The casualty word a number (and its person noun) goes with: the closer of the word
    just before the number ("killing one man") and the one just after ("nine wounded")."""
    cues = clause.killed + clause.injured
    subject = person_noun or number
    cue_after = _following_noun(clause, _Span(number.start, subject.end, "n"), cues, limit=2)
    candidates = [c for c in (cue_after, cue_before) if c is not None]
    if candidates:
        return min(candidates, key=lambda c: (clause.words_between(_Span(number.start, subject.end, "n"), c),
                                              c is cue_before))
    return clause.nearest(_Span(number.start, subject.end, "n"), cues, limit=8)


# A number standing for a list item: after a comma, colon, dash or "and", or before a dash or
# a preposition of place ("five over Bryansk, two over Belgorod", "15 – над Курской").
_LIST_ITEM_BEFORE = re.compile(r"(?:[,:;–—-]|\band|\bи|\bта|\bі|\bй)\s*$", re.IGNORECASE)
_LIST_ITEM_AFTER = re.compile(r"\s*(?:[–—-]|over\b|in\b|above\b|над\b|в\b|у\b|на\b)", re.IGNORECASE)


_RISE_RE = re.compile(
    r"(?:risen|rose|climbed|increased|grown|reached|jumped)\s+to\s*$|(?:toll|число\s+\w+|кількість\s+\w+)\s+(?:\w+\s+){0,3}(?:is|stands\s+at|составляет|составило|становить|сягнула)\s*$"
    r"|(?:возросл|выросл|увеличил|достигл|зросл|збільшил|сягнул)\w*\s+(?:до\s*)?$", re.IGNORECASE)
_SUBSET_RE = re.compile(
    r"(?:including|among\s+them|among\s+whom|of\s+whom|в\s+том\s+числе|среди\s+них|серед\s+них|зокрема|"
    r"у\s+тому\s+числі|в\s+тому\s+числі)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _single_casualties(clause: _Clause, counts: list[_Count]) -> list[_Count]:
    """"A woman was killed", "погиб мужчина": one person, though no number is written."""
    found = []
    for match in lexicon.SINGLE_PERSON.finditer(clause.text):
        person = _Span(match.start(), match.end(), "person")
        cue = clause.nearest(person, clause.killed + clause.injured, limit=3)
        if cue is None or any(c.role == cue.kind for c in counts + found):
            continue
        if any(n.end <= person.start and clause.words_between(n, person) <= 2 for n in clause.numbers):
            continue
        found.append(_Count(NumberSpan(match.start(), match.end(), 1, None), cue.kind, False))
    return found


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
    return "intercepted" if verb.kind == "intercept" else "launched"


# --- places ----------------------------------------------------------------------------------

def _place_key(mention: Mention) -> tuple[str, str | None]:
    return (mention.region.code, mention.place.name if mention.place else None)


def _story_mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Mentions of one sentence, read as the story means them.

    A regional capital named like its region ("Smolensk" in a story about "Smolensk Region")
    is taken as the region; a town after a capitalised word that is not at the start of the
    sentence is a surname ("Governor Alexander Gusev"), not the town of Gusev."""
    mentions = []
    for mention in gazetteer.find(text):
        if mention.place is not None:
            before = text[:mention.start].rstrip()
            previous = re.search(r"(\w+)$", before)
            if previous and previous.group(1)[0].isupper() and len(previous.group(1)) > 1 \
                    and previous.group(1).lower() not in _FUNCTION_WORDS \
                    and before[:previous.start()].strip()[-1:] not in ("", ".", "!", "?", "\n", "«", '"', "‘", "“"):
                continue
        mentions.append(mention)
    return mentions


_FUNCTION_WORDS = {"in", "on", "at", "near", "over", "from", "to", "of", "and", "the", "city", "town",
                   "village", "region", "oblast", "в", "во", "на", "над", "под", "у", "біля", "возле",
                   "около", "из", "з", "із", "и", "і", "та", "город", "місто", "село", "поселок"}


def _regional_capitals_as_regions(regions_named: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """English writers use a regional capital's name for its region ("Smolensk" in a story
    about "Smolensk Region"); Russian and Ukrainian ones inflect the region's own name."""
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
        return {0: counts}
    weapon_counts = [c for c in counts if c.role in ("launched", "intercepted")]
    assigned: dict[int, list[_Count]] = {i: [] for i in range(len(mentions))}
    pairing = _breakdown(clause, weapon_counts, offsets)
    for index, count in pairing.items():
        assigned[index].append(count)
    for count in counts:
        if count in pairing.values():
            continue
        spans = [_Span(s, e, "m") for s, e in offsets]
        near = clause.nearest(count.number, spans, limit=_NEAR_WORDS)
        if near is not None and count.role in ("killed", "injured"):
            assigned[spans.index(near)].append(count)
    return assigned


def _breakdown(clause: _Clause, counts: list[_Count], offsets: list[tuple[int, int]]) -> dict[int, _Count]:
    best: dict[int, _Count] = {}
    best_distance = None
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
            if chosen is None:
                break
            pairing[index] = chosen
            total += clause.words_between(chosen.number, _Span(start, end, "m"))
        else:
            if best_distance is None or total < best_distance:
                best, best_distance = pairing, total
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
    published = story.published_at
    sentences = split_sentences(story.title or "", story.text or "")
    found = [_story_mentions(sentence.text, gazetteer) for sentence in sentences]
    zone = next((m.region.timezone for mentions in found for m in mentions), None)
    anchor = dates.local_date(published or story.fetched_at, zone)
    base_precision = dates.PUBLISHED if published else dates.INGESTED
    regions_named = [m for mentions in found for m in mentions if m.place is None]
    fragments: list[Fragment] = []
    context: _Context | None = None
    dated_keys: dict[tuple, tuple[dt.date, str]] = {}
    for sentence, sentence_mentions in zip(sentences, found):
        sentence_mentions = _regional_capitals_as_regions(regions_named, sentence_mentions)
        if not lexicon.TRIGGER.search(sentence.text):
            places = _clause_places(sentence_mentions)
            if places:
                key = _place_key(places[0])
                date, precision = dated_keys.get(key, (anchor, base_precision))
                context = _Context(sentence.index, key, date, precision, places[0].region.country) \
                    if len(places) == 1 else None
            continue
        date_spans = dates.find_dates(sentence.text, anchor, published is not None)
        carried: dates.DateSpan | None = None
        for start, end in _clauses(sentence.text):
            text = sentence.text[start:end]
            own_dates = [d for d in date_spans if start <= d.start and d.end <= end]
            date_span = own_dates[0] if own_dates else carried
            carried = date_span
            if lexicon.BACKGROUND.search(text) and (date_span is None or date_span.relative) \
                    and not _CURRENT_RE.search(text):
                continue  # another, undated event: its figures must not join this one
            clause = _Clause(text)
            places = _clause_places([m for m in sentence_mentions if start <= m.start and m.end <= end])
            offsets = [(m.start - start, m.end - start) for m in places]
            counts = _counts(clause)
            new: list[Fragment] = []
            if places:
                assigned = _assign_counts(clause, counts, places, offsets)
                for index, mention in enumerate(places):
                    key = _place_key(mention)
                    if date_span:
                        date, precision = date_span.date, date_span.precision
                        dated_keys[key] = (date, precision)
                    else:
                        date, precision = dated_keys.get(key, (anchor, base_precision))
                    new.append(_fragment(clause, sentence, key, date, precision,
                                         assigned.get(index, []), offsets[index], offsets))
                context = _Context(sentence.index, _place_key(places[0]), new[0].date, new[0].date_precision,
                                   places[0].region.country) if len(places) == 1 else None
            elif _continues(context, sentence, text, date_span):
                fragment = _fragment(clause, sentence, context.key, context.date, context.precision, counts,
                                     None, [])
                fragment.inherited = True
                new.append(fragment)
            else:
                date = date_span.date if date_span else anchor
                precision = date_span.precision if date_span else base_precision
                new.append(_fragment(clause, sentence, None, date, precision, counts, None, []))
                if _UNKNOWN_PLACE_RE.search(text):
                    context = None  # a place the gazetteer does not know: not the last one's
            if not sentence.skip:
                fragments.extend(new)
    return _incidents(story, fragments, gazetteer)


# A settlement named after its kind ("в селе Новая Таволжанка", "the village of X"): when the
# gazetteer does not know it, the clause is about some other place than the one before.
_UNKNOWN_PLACE_RE = re.compile(
    r"(?:\b(?:в|у|во|near|in)\s+)?\b(?:сел[еіо]|селищ[іе]|посел[ке]\w*|пос[её]лке|деревн[еи]|хутор[еі]|"
    r"смт|village\s+of|settlement\s+of|town\s+of|hamlet\s+of)\s+[A-ZА-ЯІЇЄҐ]", re.IGNORECASE)


def _continues(context: _Context | None, sentence: Sentence, text: str, date_span) -> bool:
    """Whether a clause naming no place goes on about the place of the sentences before."""
    if context is None or sentence.index - context.sentence > _CONTEXT_SENTENCES:
        return False
    if date_span is not None and date_span.date != context.date:
        return False
    if _UNKNOWN_PLACE_RE.search(text):
        return False
    return _country(_without_actors(text)) in (None, context.country)


def _fragment(clause: _Clause, sentence: Sentence, key, date, precision, counts: list[_Count],
              own: tuple[int, int] | None, all_offsets: list[tuple[int, int]]) -> Fragment:
    """What ``clause`` says about the place ``key`` (the mention at ``own`` among ``all_offsets``)."""
    fragment = Fragment(key=key, date=date, date_precision=precision, sentence=sentence.index,
                        evidence=sentence.text)
    fragment.weapons = [w.value for w in clause.weapons]
    fragment.airstrike = clause.airstrike
    fragment.aerial_target = clause.aerial_target
    fragment.intercept = bool(clause.intercepts)
    fragment.attack = bool(clause.attacks)
    fragment.damage = bool(clause.damage)
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
    fragment.reporter = sentence.reporter
    fragment.actor = sentence.actor
    fragment.country_hint = clause.country_hint
    return fragment


def _target(clause: _Clause, own, all_offsets) -> tuple[str | None, str | None]:
    found = clause.targets
    if not found:
        return None, None
    if own is not None and len(all_offsets) > 1:
        here = _Span(own[0], own[1], "m")
        spans = [_Span(s, e, "m") for s, e in all_offsets]
        found = [f for f in found if clause.nearest(_Span(f[0], f[0] - f[1], "t"), spans) is here
                 or clause.nearest(_Span(f[0], f[0] - f[1], "t"), spans) == here]
        if not found:
            return None, None
    return found[0][2], found[0][3]


def _reporter(sentence: str) -> str | None:
    """Who the sentence says reported it: the first source it names (the subject of "said")."""
    if not lexicon.REPORTING.search(sentence):
        return None
    return _leftmost(sentence, lexicon.REPORTERS)


def _actor(sentence: str) -> str | None:
    return _leftmost(sentence, lexicon.ACTORS)


def _leftmost(text: str, patterns: list[tuple[str, re.Pattern]]) -> str | None:
    best, best_start = None, None
    for name, pattern in patterns:
        match = pattern.search(text)
        if match and (best_start is None or match.start() < best_start):
            best, best_start = name, match.start()
    return best


def _without_actors(text: str) -> str:
    for _, pattern in lexicon.ACTORS:
        text = pattern.sub(" ", text)
    return text


def _country(text: str) -> str | None:
    for country, pattern in _COUNTRY_RE:
        if pattern.search(text):
            return country
    return None


# --- fragments -> incidents ----------------------------------------------------------------------

def _incidents(story: Story, fragments: list[Fragment], gazetteer: Gazetteer) -> list[Incident]:
    groups: dict[tuple, list[Fragment]] = {}
    for fragment in fragments:
        if fragment.key is not None:
            groups.setdefault((fragment.key, fragment.date), []).append(fragment)
    located = {k: g for k, g in groups.items() if any(f.creates for f in g)}
    rows = [_incident(story, key, date, group, gazetteer) for (key, date), group in _fold_region_rows(located).items()]
    rows = [row for row in rows if row is not None]
    rows.extend(_national_totals(story, fragments, rows, gazetteer))
    rows.sort(key=lambda r: (r.event_date, r.region_code, r.place or ""))
    return rows


def _national_totals(story: Story, fragments: list[Fragment], rows: list[Incident], gazetteer) -> list[Incident]:
    """Weapon counts given for no place make one ``XX`` row per date, unless the story breaks
    them down by region itself (the regions' rows then carry the counts)."""
    by_date: dict[dt.date, list[Fragment]] = {}
    for fragment in fragments:
        if fragment.key is None and fragment.creates and \
                (fragment.launched is not None or fragment.intercepted is not None):
            by_date.setdefault(fragment.date, []).append(fragment)
    totals = []
    for date, group in by_date.items():
        row = _incident(story, None, date, group, gazetteer)
        if row is None:
            continue
        broken_down = any((r.launched is not None or r.intercepted is not None)
                          and (row.country is None or r.country == row.country) for r in rows)
        if not broken_down:
            totals.append(row)
    return totals


def _fold_region_rows(groups: dict[tuple, list[Fragment]]) -> dict[tuple, list[Fragment]]:
    """A region-level mention with no figures of its own joins the first town of that region
    the story reports for that date: it is the same attack, told less precisely."""
    folded = dict(groups)
    for (key, date), group in groups.items():
        region, place = key
        if place is not None or any(f.has_figure for f in group):
            continue
        towns = [k for k in groups if k[1] == date and k[0][0] == region and k[0][1] is not None]
        if towns:
            first = min(towns, key=lambda k: min(f.sentence for f in groups[k]))
            folded[first] = sorted(folded[first] + folded.pop((key, date)), key=lambda f: f.sentence)
    return folded


def _incident(story: Story, key, date: dt.date, group: list[Fragment], gazetteer: Gazetteer) -> Incident | None:
    strong = [f for f in group if not f.inherited or f.has_figure]
    weapon = _weapon(strong) if any(f.weapons for f in strong) else _weapon(group)
    event_type = _event_type(strong, weapon)
    if event_type is None:
        return None
    precision = min((f.date_precision for f in strong), key=_PRECISION_RANK.index)
    if key is None:
        region_code, place_name, region, place = UNKNOWN_REGION, None, None, None
        country = _xx_country(strong)
    else:
        region_code, place_name = key
        region = gazetteer.region(region_code)
        place = gazetteer.place_named(place_name) if place_name else None
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
    reporters = [f.reporter for f in strong if f.reporter] or [f.reporter for f in group if f.reporter]
    reporter = min(reporters, key=_REPORTER_RANK.index) if reporters else None
    actor = next((f.actor for f in group if f.actor and f.actor != country), None)
    evidence = list(dict.fromkeys(f.evidence for f in strong))
    acled_type, acled_sub = acled.classify(event_type)
    return Incident(
        incident_id=stable_id(date.isoformat(), region_code, place_name or "", family_of(event_type)),
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


def _max(values: Iterable[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None


def _weapon(group: list[Fragment]) -> str:
    seen = [w for f in group for w in f.weapons]
    if not seen:
        return "unknown"
    primary = next((w for w in seen if w != "artillery"), seen[0])
    for general, specific in _WEAPON_SPECIFIC.items():
        if primary == general:
            better = [w for w in seen if w in specific]
            if better:
                return max(set(better), key=better.count)
    return primary


def _event_type(group: list[Fragment], weapon: str) -> str | None:
    if not any(f.creates for f in group):
        return None
    if any(f.intercept for f in group) or any(f.intercepted is not None for f in group):
        return "interception"
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


def _xx_country(group: list[Fragment]) -> str | None:
    """The attacked country: named in the clause ("over Russia's regions"), else the other
    side of the attacker."""
    hint = next((f.country_hint for f in group if f.country_hint), None)
    if hint:
        return hint
    actor = next((f.actor for f in group if f.actor), None)
    return {"UA": "RU", "RU": "UA"}.get(actor)
