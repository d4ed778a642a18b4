"""The words reports use, in English, Russian and Ukrainian, as compiled patterns.

Slavic words inflect, so most entries are stems followed by ``\\w*``. Patterns are matched
on the lowercased text, except short abbreviations written ``(?-i:...)`` (КАБ, ФАБ, ПВО)
that would otherwise match ordinary words.

Speed matters (extraction reads every sentence of every story): each cue's alternatives are
compiled as a trie on their leading letters (``factored``), and a clause's dozen cues are
found in one pass (``CuePass``); tests check both match exactly what the plain alternations
would.
"""
from __future__ import annotations

import re

from schemas.officials import OFFICIALS
from transforms.incidents.numbers import lowercase


class Text:
    """A text and its lowercase twin (same offsets): patterns run case-sensitively on the
    lowercase text, which Python's regex engine does several times faster than matching
    case-insensitively."""

    __slots__ = ("original", "lower")

    def __init__(self, original: str):
        self.original = original
        self.lower = lowercase(original)


class Cue:
    """Alternatives matched as whole words. Alternatives written ``(?-i:...)`` are
    abbreviations matched on the original text (КАБ is a glide bomb, "каб" is not); the
    others on the lowercase text."""

    def __init__(self, *alternatives: str):
        exact = self.exact_alternatives = [a[5:-1] for a in alternatives if _is_exact(a)]
        loose = self.loose_alternatives = [a.lower() for a in alternatives if not _is_exact(a)]
        self.alternatives = alternatives
        self._loose = _whole_words(loose) if loose else None
        self._exact = _whole_words(exact) if exact else None

    def spans(self, text: Text) -> list[tuple[int, int]]:
        found = [m.span() for m in self._loose.finditer(text.lower)] if self._loose is not None else []
        return sorted(found + self.exact_spans(text)) if self._exact is not None else found

    def loose_match(self, lower: str, position: int) -> tuple[int, int] | None:
        """The match of the lowercase alternatives starting at ``position`` of ``lower``."""
        match = self._loose.match(lower, position) if self._loose is not None else None
        return match.span() if match else None

    def exact_spans(self, text: Text) -> list[tuple[int, int]]:
        return [m.span() for m in self._exact.finditer(text.original)] if self._exact is not None else []

    def first(self, text: Text) -> tuple[int, int] | None:
        candidates = []
        if self._loose is not None and (match := self._loose.search(text.lower)):
            candidates.append(match.span())
        if self._exact is not None and (match := self._exact.search(text.original)):
            candidates.append(match.span())
        return min(candidates) if candidates else None

    def found_in(self, text: Text) -> bool:
        return self.first(text) is not None

    def starts(self, text: Text) -> bool:
        """Whether the text begins with a match."""
        return bool((self._loose is not None and self._loose.match(text.lower))
                    or (self._exact is not None and self._exact.match(text.original)))


def _closing_bracket(pattern: str) -> int | None:
    depth = 0
    for index, char in enumerate(pattern):
        if char == "\\":
            continue
        if char == "(" and (index == 0 or pattern[index - 1] != "\\"):
            depth += 1
        elif char == ")" and pattern[index - 1] != "\\":
            depth -= 1
            if depth == 0:
                return index
    return None


def _top_level_branches(body: str) -> list[str]:
    branches, depth, start = [], 0, 0
    for index, char in enumerate(body):
        if char == "(" and (index == 0 or body[index - 1] != "\\"):
            depth += 1
        elif char == ")" and body[index - 1] != "\\":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(body[start:index])
            start = index + 1
    branches.append(body[start:])
    return branches


def factored(alternatives: list[str]) -> str:
    """A regex matching what ``"|".join(alternatives)`` matches, in the same order of
    preference, written as a trie on leading letters ("drones?|дрон\\w*|дым" becomes
    "d(?:rones?)|д(?:р(?:он\\w*)|ым)"). Python's regex engine tries every alternative at every
    position of a text, and skips one in a single step when its first letter differs: with
    hundreds of alternatives, the trie makes matching several times faster. Alternatives
    whose first letters differ never match at the same place, so regrouping them keeps which
    one wins; one that may begin with any letter (``\\w*``) is never regrouped across."""
    options = [option for alternative in alternatives for branch in _top_level_branches(alternative)
               for option in _expanded(branch)]
    groups: list[tuple[str | None, list[str]]] = []
    open_groups: dict[str, list[str]] = {}
    for option in options:
        if option[:1] in _LITERAL_HEADS and option[1:2] not in _QUANTIFIERS:
            rests = open_groups.get(option[0])
            if rests is None:
                rests = open_groups[option[0]] = []
                groups.append((option[0], rests))
            rests.append(option[1:])
        else:
            groups.append((None, [option]))
            open_groups = {}
    parts = []
    for head, rests in groups:
        if head is None:
            parts.append(rests[0])
        elif len(rests) == 1:
            parts.append(re.escape(head) + rests[0])
        else:
            parts.append(f"{re.escape(head)}(?:{factored(rests)})")
    return "|".join(parts)


_LITERAL_HEADS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'-"
                           "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ"
                           "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐABCDEFGHIJKLMNOPQRSTUVWXYZ")
_QUANTIFIERS = frozenset("?*+{")
_MAX_EXPANSION = 32


def _expanded(pattern: str) -> list[str]:
    """``pattern`` as alternatives that begin with a letter where it begins with a group:
    "(?:naval|sea)\\s+drones?" is "naval\\s+drones?|sea\\s+drones?", and "(?:a\\s+)?fire" is
    "a\\s+fire|fire" (greedy: with the group first, as the engine tries it)."""
    if not pattern.startswith("(?:"):
        return [pattern]
    close = _closing_bracket(pattern)
    if close is None:
        return [pattern]
    branches, rest = _top_level_branches(pattern[3:close]), pattern[close + 1:]
    if rest[:1] == "?" and rest[1:2] not in ("?", "+"):
        options = [branch + rest[1:] for branch in branches] + [rest[1:]]
    elif rest[:1] in _QUANTIFIERS:
        return [pattern]
    else:
        options = [branch + rest for branch in branches]
    expanded = [found for option in options for found in _expanded(option)]
    return expanded if len(expanded) <= _MAX_EXPANSION else [pattern]


class CueSet:
    """Several cues matched in one pass: the first cue listed wins where two would match at
    the same place. One regex of all the cues' alternatives, in the cues' order, finds the
    matches; the first cue that matches where it did names it (matches are rare, so
    asking each cue again there costs little, unlike a regex with a group per cue, which
    could not be written as one trie)."""

    def __init__(self, named: list[tuple[str, Cue]]):
        self.names = [name for name, _ in named]
        self._cues = [cue for _, cue in named]
        loose = [a for cue in self._cues for a in cue.loose_alternatives]
        exact = [a for cue in self._cues for a in cue.exact_alternatives]
        self._loose = _whole_words(loose) if loose else None
        self._exact = _whole_words(exact) if exact else None

    @property
    def loose_alternatives(self) -> list[str]:
        return [a for cue in self._cues for a in cue.loose_alternatives]

    def spans(self, text: Text) -> list[tuple[int, int, str]]:
        found = [self._named(text.lower, m.start(), "_loose") for m in self._loose.finditer(text.lower)] \
            if self._loose is not None else []
        return sorted(found + self.exact_spans(text)) if self._exact is not None else found

    def loose_match(self, lower: str, position: int) -> tuple[int, int, str] | None:
        return self._named(lower, position, "_loose")

    def exact_spans(self, text: Text) -> list[tuple[int, int, str]]:
        return [self._named(text.original, m.start(), "_exact") for m in self._exact.finditer(text.original)] \
            if self._exact is not None else []

    def _named(self, source: str, position: int, member: str) -> tuple[int, int, str] | None:
        """The match at ``position`` of the first cue that matches there, with its name."""
        for name, cue in zip(self.names, self._cues):
            own = getattr(cue, member)
            if own is not None and (match := own.match(source, position)):
                return position, match.end(), name
        return None


class CuePass:
    """Several cues and cue sets matched in one pass over a text, each giving what its own
    ``spans`` would: a zero-width scan finds every word where one of them may begin, and
    there only the cues with an alternative beginning with that letter are tried. A clause
    asks a dozen cues; a dozen passes over it cost several times more."""

    def __init__(self, named: dict[str, Cue | CueSet]):
        self._named = named
        loose = [a for cue in named.values() for a in cue.loose_alternatives]
        self._starts = re.compile(rf"(?<!\w)(?=(?:{factored(loose)})(?!\w))")
        self._anywhere: list[str] = []  # cues with an alternative that may begin with any letter
        letters: dict[str, list[str]] = {}
        for name, cue in named.items():
            firsts = {branch[:1] for branch in _top_level_branches(factored(cue.loose_alternatives))
                      if cue.loose_alternatives}
            if not firsts <= _LITERAL_HEADS:
                self._anywhere.append(name)
            for letter in firsts & _LITERAL_HEADS:
                letters.setdefault(letter, []).append(name)
        order = list(named)
        self._by_letter = {letter: sorted(names + self._anywhere, key=order.index) for letter, names in letters.items()}

    def spans(self, text: Text) -> dict[str, list]:
        found: dict[str, list] = {name: [] for name in self._named}
        ends = dict.fromkeys(self._named, 0)
        lower = text.lower
        for start in self._starts.finditer(lower):
            position = start.start()
            for name in self._by_letter.get(lower[position], self._anywhere):
                if position >= ends[name] and (match := self._named[name].loose_match(lower, position)):
                    found[name].append(match)
                    ends[name] = match[1]
        for name, cue in self._named.items():
            exact = cue.exact_spans(text)
            if exact:
                found[name] = sorted(found[name] + exact)
        return found


_WORDS = r"(?<!\w)(?:{})(?!\w)"


def _whole_words(alternatives: list[str]) -> re.Pattern:
    """A regex matching ``alternatives`` as whole words."""
    body = factored(alternatives)
    branches = _top_level_branches(body)
    if all(branch[:1].isupper() for branch in branches):
        # Abbreviations (КАБ, ПВО) all begin with a capital letter: written with the letter
        # first and the word boundary after it, the engine skips every other letter in one
        # step, which it cannot do when the pattern begins with the boundary.
        return re.compile("(?:" + "|".join(rf"{b[0]}(?<!\w.){b[1:]}" for b in branches) + r")(?!\w)")
    return re.compile(_WORDS.format(body))


def _is_exact(alternative: str) -> bool:
    return alternative.startswith("(?-i:") and alternative.endswith(")") and alternative.count("(?-i:") == 1


def _compile(*alternatives: str) -> Cue:
    return Cue(*alternatives)


# Weapons, most specific first: the first weapon class that matches a span wins.
WEAPONS: list[tuple[str, re.Pattern]] = [
    ("naval_drone", _compile(
        r"(?:naval|sea|maritime|marine)\s+(?:drones?|UAVs?)", r"unmanned\s+(?:surface\s+)?(?:boats?|vessels?)",
        r"uncrewed\s+(?:surface\s+)?(?:boats?|vessels?)",
        r"морск\w*\s+(?:беспилотник\w*|дрон\w*)", r"безэкипажн\w*\s+(?:катер\w*|лодк\w*|судн\w*)",
        r"(?-i:БЭК\w*)", r"морськ\w*\s+(?:дрон\w*|безпілотник\w*)", r"безекіпажн\w*\s+\w+")),
    ("fpv_drone", _compile(r"FPV(?:[- ](?:drones?|дрон\w*|БПЛА|БпЛА|квадрокоптер\w*))?",
                           r"(?-i:ФПВ)", r"квадрокоптер\w*", r"quadcopters?")),
    ("ballistic_missile", _compile(
        r"ballistic\s+missiles?", r"Iskander(?:-M)?s?", r"KN-23s?", r"Kinzhals?", r"ATACMS",
        r"баллистическ\w*\s+ракет\w*", r"Искандер\w*", r"Кинжал\w*", r"балістичн\w*\s+ракет\w*",
        r"балістик\w*", r"Іскандер\w*", r"Кинджал\w*")),
    ("cruise_missile", _compile(
        r"cruise\s+missiles?", r"Kh-(?:101|555|22|59|69|31)s?", r"Kalibrs?", r"Storm\s+Shadows?",
        r"Tomahawks?", r"Neptunes?", r"крылат\w*\s+ракет\w*", r"Х-(?:101|555|22|59|69|31)",
        r"Калибр\w*", r"крилат\w*\s+ракет\w*", r"Калібр\w*", r"Нептун\w*")),
    ("glide_bomb", _compile(
        r"glide\s+bombs?", r"guided\s+(?:aerial\s+)?bombs?", r"aerial\s+bombs?", r"(?-i:KABs?)",
        r"(?-i:FAB(?:-\d+)?s?)", r"(?-i:КАБ\w*)", r"(?-i:ФАБ(?:-\d+)?\w*)", r"(?-i:УМПК)",
        r"управляем\w*\s+авиа\w*\s+бомб\w*", r"авиабомб\w*", r"керован\w*\s+авіа\w*\s+бомб\w*",
        r"авіабомб\w*")),
    ("artillery", _compile(
        r"artillery", r"mortars?", r"MLRS", r"HIMARS", r"ХИМАРС\w*", r"ХАЙМАРС\w*", r"howitzers?", r"shelling", r"shelled",
        r"артиллер\w*", r"минометн\w*", r"миномет\w*", r"(?-i:РСЗО)", r"артилер\w*",
        r"мінометн\w*", r"міномет\w*", r"(?-i:РСЗВ)", r"обстрел\w*", r"обстріл\w*")),
    ("missile", _compile(r"missiles?", r"rockets?", r"ракет\w*")),
    ("drone", _compile(
        r"drones?", r"UAVs?", r"unmanned\s+aerial\s+vehicles?", r"unmanned\s+aircraft",
        r"drone\s+aircraft", r"Shaheds?(?:-\d+)?", r"Gerans?(?:-\d)?", r"Lancets?",
        r"loitering\s+munitions?", r"(?-i:БПЛА|БпЛА|БЛА|UAS)", r"беспилотник\w*", r"беспилотн\w*(?=\s+опасност)",
        r"беспилотн\w*\s+(?:летательн\w*\s+)?аппарат\w*", r"дрон\w*", r"Шахед\w*",
        r"Геран[ьи]\w*(?:-2)?", r"безпілотник\w*", r"безпілотн\w*\s+(?:літальн\w*\s+)?апарат\w*",
        r"Ланцет\w*", r"мопед\w*")),
]
WEAPON_SET = CueSet(WEAPONS)

# Aircraft make an airstrike; no weapon class names them.
AIRSTRIKE = _compile(r"air\s*strikes?", r"airstrikes?", r"warplanes?", r"bombers?", r"авиаудар\w*",
                     r"авіаудар\w*", r"авиаци\w*", r"авіаці\w*")

# A count of weapons is a number followed by one of these.
COUNTABLE_EXTRA = _compile(r"(?:air|aerial)\s+targets?", r"targets?", r"aircraft",
                           r"air\s+attack\s+(?:assets|weapons|means)", r"средств\w*\s+воздушного\s+нападения",
                           r"засоб\w*\s+повітряного\s+нападу",
                           r"воздушн\w*\s+цел\w*", r"цел\w*", r"повітрян\w*\s+ціл\w*", r"ціл\w*",
                           r"boats?", r"катер\w*", r"човн\w*",
                           r"ударн\w*\s+(?:БпЛА|БПЛА|дрон\w*|безпілотник\w*)")

# What a number counts instead of the weapons named after it: who makes or supplies them
# ("over 30 manufacturers supply such drones", "понад 30 виробників постачають такі дрони"),
# or strikes, which are events ("п'яти ударів авіабомбами" is five strikes, not five bombs).
OTHER_COUNTABLE = _compile(r"manufacturers?", r"producers?", r"makers?", r"suppliers?", r"compan(?:y|ies)", r"firms?",
                          r"enterprises?", r"factories", r"countries",
                          r"производител\w*", r"поставщик\w*", r"компани\w*", r"фирм\w*", r"предприяти\w*",
                          r"завод(?:а|ов|ы|ам|ами|ах)?", r"стран(?:а|ы|у|ой|ам|ами|ах)?",
                          r"виробник\w*", r"постачальник\w*", r"компані\w*", r"фірм\w*", r"підприєм\w*",
                          r"завод(?:ів|и)", r"країн(?:а|и|у|ою|ам|ами|ах)?",
                          r"strikes", r"attacks", r"удар(?:а|ов|ів|и|ами)", r"атак(?:и|ами)?")

AERIAL_TARGET = _compile(r"(?:high-speed\s+)?(?:air|aerial)\s+targets?", r"(?:скоростн\w*\s+)?воздушн\w*\s+цел\w*",
                         r"повітрян\w*\s+ціл\w*")

ALERT = _compile(
    r"air[- ]raid\s+(?:alerts?|alarms?|sirens?|warnings?)", r"air\s+alerts?",
    r"(?:drone|UAV|missile)(?:\s+attack)?\s+(?:threat|danger|alert|warning)s?",
    r"(?:threat|danger)\s+of\s+(?:an?\s+)?(?:drone|UAV|missile)(?:\s+attacks?|\s+strikes?)?",
    r"missile\s+danger", r"sirens?", r"red\s+alert", r"alerts?\s+(?:was|were)\s+(?:declared|issued|announced)",
    r"(?:угроз\w*|опасност\w*)\s+(?:атаки\s+|удара\s+|применения\s+|прил[её]та\s+)?(?:БПЛА|БпЛА|беспилотник\w*|ракет\w*|с\s+воздуха|дрон\w*)",
    r"(?:ракетн\w*|беспилотн\w*|авиационн\w*)\s+опасност\w*", r"воздушн\w*\s+тревог\w*", r"сирен\w*",
    r"повітрян\w*\s+тривог\w*",
    r"загроз\w*\s+(?:застосування\s+|атаки\s+|удару\s+)?(?:ударних\s+)?(?:БпЛА|БПЛА|безпілотник\w*|ракет\w*|балістик\w*|дрон\w*)",
    r"(?:ракетн\w*|авіаційн\w*)\s+небезпек\w*")

INTERCEPT = _compile(
    r"shot\s+down", r"shoot(?:s|ing)?\s+down", r"downed", r"brought\s+down", r"taken\s+down",
    r"intercept(?!or)\w*", r"neutrali[sz]\w*", r"repel\w*", r"suppressed", r"jammed",
    r"сбит\w*", r"сбил\w*", r"сбива\w*", r"перехвач\w*", r"перехват(?!чик)\w*", r"нейтрализ\w*",
    r"подавлен\w*", r"отраж[её]н\w*", r"отразил\w*", r"збит\w*", r"збив\w*", r"збил\w*",
    r"збито", r"перехопл(?!ювач)\w*", r"знешкод\w*", r"подавлено", r"приземлен\w*",
    r"локаційно\s+втрачен\w*")
# "Destroyed" is an interception only when a weapon is what was destroyed.
DESTROY = _compile(r"destroy\w*", r"уничтож\w*", r"знищ\w*", r"ликвидир\w*", r"ліквідован\w*")
AIR_DEFENCE = _compile(r"air\s+defen[cs]e\w*", r"(?-i:ПВО|ППО|PAD)", r"противовоздушн\w*",
                       r"протиповітрян\w*", r"anti-aircraft")

ATTACK = _compile(
    r"attack(?:s|ed|ing)?", r"strikes?", r"struck", r"striking", r"hit(?:s|ting)?", r"targeted",
    r"targeting", r"raids?", r"bombard\w*", r"assault", r"dropped", r"shell(?:ed|ing)",
    r"обстрел\w*", r"обстріл\w*", r"сбросил\w*", r"скинул\w*", r"скинув", r"скинули",
    r"атак\w*", r"удар(?!н)\w*", r"атаковал\w*", r"атаковали", r"нал[её]т\w*", r"прил[её]т\w*",
    r"попадани\w*", r"попал[аи]?\s+(?:в|во|по)", r"поражен\w*", r"поразил\w*", r"атакувал\w*", r"атакував\w*", r"приліт\w*",
    r"влучан\w*", r"влучил\w*", r"влучив", r"уражен\w*", r"уразил\w*", r"вдари\w*", r"вдарил\w*", r"вразил\w*", r"вразив",
    r"ударил\w*", r"ударив")
DAMAGE = _compile(
    r"damag\w*", r"explosions?", r"blasts?", r"caught\s+fire", r"fires?\s+(?:broke\s+out|erupted)",
    r"(?:a\s+)?fire\s+(?:that|which)", r"debris", r"wreckage", r"fell\s+(?:on|onto|near|into)", r"crashed\s+(?:into|near|on)",
    r"shrapnel", r"загорел\w*", r"загорі\w*", r"спалахну\w*", r"осколк\w*", r"осколочн\w*", r"поврежд\w*", r"повредил\w*", r"разруш\w*", r"взрыв\w*", r"пожар\w*", r"возгоран\w*", r"обломк\w*", r"упал\w*",
    r"пошкодж\w*", r"пошкодил\w*", r"пошкодив", r"зруйнов\w*", r"вибух\w*", r"пожеж\w*", r"займан\w*", r"уламк\w*", r"впал\w*",
    # Hits recorded at a place: "Влучання зафіксовано на Сумщині".
    r"impacts?", r"hits\s+(?:were\s+)?recorded", r"влучан\w*", r"попадани\w*")
# Debris of a weapon brought down: what it damaged was saved by an interception.
DEBRIS = _compile(r"debris", r"wreckage", r"falling\s+fragments", r"обломк\w*", r"уламк\w*", r"уламок")
LAUNCH = _compile(
    r"launch\w*", r"fired", r"fire[sd]?\s+off", r"sent", r"used", r"deployed", r"released",
    r"attacked\s+with", r"выпустил\w*", r"запустил\w*", r"применил\w*", r"выпущен\w*",
    r"запущен\w*", r"атаковал\w*", r"випустив\w*", r"випустил\w*", r"запустив\w*",
    r"запустил\w*", r"атакував\w*", r"атакувал\w*", r"застосував\w*", r"застосувал\w*",
    r"випущен\w*", r"запущен\w*")

KILLED = _compile(
    r"killed", r"killing", r"dead", r"died", r"deaths?", r"lost\s+their\s+lives", r"lost\s+(?:his|her)\s+life",
    r"fatalit(?:y|ies)", r"death\s+toll", r"perished", r"lives", r"fatally",
    r"погиб\w*", r"убит\w*", r"скончал\w*", r"гибел\w*", r"смерт\w*",
    r"загинул\w*", r"загибл\w*", r"загинув", r"вбит\w*", r"помер\w*", r"загибел\w*")
INJURED = _compile(
    r"injur\w*", r"wounded", r"wounding", r"wounds", r"hurt", r"hospitali[sz]\w*", r"harmed",
    r"ранен\w*", r"ранил\w*", r"ранени\w*", r"пострадал\w*", r"пострадавш\w*", r"травм\w*",
    r"госпитализ\w*", r"поранен\w*", r"поранил\w*", r"постраждал\w*", r"постраждав", r"травмован\w*",
    r"госпіталізован\w*", r"поранень")
NO_CASUALTIES = _compile(
    r"no\s+(?:one|body)\s+(?:was\s+)?(?:hurt|injured|killed|harmed)", r"nobody\s+was\s+(?:hurt|injured|killed|harmed)",
    r"(?:there\s+were\s+|with\s+|caused\s+|causing\s+)?no\s+(?:reported\s+)?(?:civilian\s+)?(?:casualties|victims)",
    r"no\s+(?:one|body)\s+(?:has\s+been|was)\s+(?:hurt|injured|harmed)",
    r"without\s+(?:causing\s+|leaving\s+)?(?:any\s+)?casualties", r"not\s+result\w*\s+in\s+(?:any\s+)?(?:reported\s+)?(?:civilian\s+)?casualties",
    r"без\s+(?:жертв|пострадавших|постраждалих)", r"(?:пострадавших|жертв|постраждалих)\s+(?:также\s+|тоже\s+|також\s+)?(?:нет|немає|нема)",
    r"(?:пострадавших|жертв)\s+(?:\w+\s+)?не\s+было", r"(?:постраждалих|жертв)\s+(?:\w+\s+)?не\s+було",
    r"никто\s+не\s+пострадал", r"ніхто\s+не\s+постраждав", r"не\s+пострадал\w*", r"не\s+постраждал\w*", r"не\s+постраждав",
    r"обошлось\s+без\s+(?:жертв|пострадавших)", r"обійшлося\s+без\s+(?:жертв|постраждалих)",
    r"no\s+(?:deaths|fatalities)\s+or\s+injuries",
    # "Пострадавших и разрушений нет", "загиблих та постраждалих немає"
    r"(?:пострадавших|жертв)\s+(?:и|или)\s+\w+\s+(?:нет|не\s+было)",
    r"погибших\s+(?:и|или)\s+(?:пострадавших|раненых)\s+(?:нет|не\s+было)",
    r"(?:постраждалих|жертв)\s+(?:та|і|й|чи)\s+\w+\s+(?:немає|нема|не\s+було)",
    r"загиблих\s+(?:та|і|й|чи)\s+(?:постраждалих|поранених)\s+(?:немає|нема|не\s+було)")
NO_INJURED = _compile(r"no\s+(?:one|body)\s+(?:was\s+)?(?:injured|wounded)", r"no\s+injuries",
                      r"без\s+раненых", r"раненых\s+нет", r"без\s+поранених", r"поранених\s+(?:немає|нема)",
                      r"никто\s+не\s+ранен", r"ніхто\s+не\s+поранений",
                      # "людей не поранено", "жители не ранены"
                      r"не\s+ранен\w*", r"не\s+поранен\w*")
NO_KILLED = _compile(r"no\s+(?:one|body)\s+(?:was\s+)?killed", r"no\s+(?:deaths|fatalities|dead)",
                     r"без\s+погибших", r"погибших\s+нет", r"без\s+загиблих", r"загиблих\s+(?:немає|нема)",
                     r"никто\s+не\s+погиб", r"ніхто\s+не\s+загинув")

# One person, named without a number: "a woman", "the driver", "погиб мужчина".
SINGLE_PERSON = _compile(
    r"(?:a|an|one|the)\s+(?:\d+-year-old\s+)?(?:truck\s+|bus\s+|taxi\s+|local\s+|young\s+|elderly\s+)?(?:man|woman|child|boy|girl|teenager|resident|civilian|driver|person|pensioner|"
    r"firefighter|worker|employee|soldier|serviceman|policeman|police\s+officer|passenger|rescuer|volunteer|journalist)",
    r"мужчин[аиуеы]", r"женщин[аыуе]", r"реб[её]н(?:ок|ка)", r"подрост(?:ок|ка)", r"водител[ья]", r"пенсионер(?:ка|ку|а)?",
    r"жител(?:ь|я)", r"жительниц[аыу]", r"чоловік(?:а)?", r"жінк[аиу]", r"дитин[аиу]", r"мешкан(?:ець|ця|ка|ку)",
    r"підліт(?:ок|ка)", r"працівник(?:а)?", r"працівниц[яю]", r"робітник(?:а)?", r"сотрудник(?:а)?", r"сотрудниц[аыу]",
    r"рабоч(?:ий|его)", r"дочь", r"доч(?:ка|ку)", r"доньк[аиу]", r"син(?:а)?", r"сын(?:а)?", r"хлопц(?:я)", r"хлопець", r"водій|водія", r"пенсіонер(?:ка|ку|а)?", r"пасажир(?:ка|ку)", r"пассажир(?:ка|ку)",
    # a parent or spouse of those counted: "two children and their father", "двое детей и их отец"
    # (Ukrainian "мати" only after a possessive: alone it is also the verb "to have")
    r"(?:a|the|their|his|her)\s+(?:father|mother|husband|wife)", r"от(?:ец|ца)", r"мат(?:ь|ери)", r"муж(?:а)?",
    r"жен[аы]", r"батьк[оа]", r"матір", r"(?:її|його|їх)\s+мати", r"дружин[аи]")

PERSONS = _compile(
    r"people", r"persons?", r"civilians?", r"residents?", r"children", r"child", r"women", r"men",
    r"man", r"woman", r"firefighters?", r"rescuers?", r"workers?", r"employees?", r"soldiers?",
    r"servicemen", r"police(?:men|\s+officers)?", r"officers?", r"others?", r"teenagers?", r"boys?",
    r"girls?", r"pensioners?", r"passengers?", r"drivers?", r"journalists?", r"volunteers?",
    r"medics?", r"individuals", r"adults?",
    r"человек\w*", r"людей", r"люди", r"жител\w*", r"мирн\w*", r"граждан\w*", r"дет\w*",
    r"реб[её]н\w*", r"женщин\w*", r"мужчин\w*", r"пожарн\w*", r"спасател\w*", r"рабоч\w*",
    r"сотрудник\w*", r"военн\w*", r"полицейск\w*", r"подрост\w*", r"пенсионер\w*", r"пассажир\w*",
    r"водител\w*", r"журналист\w*", r"волонт[её]р\w*", r"медик\w*",
    r"осіб", r"особи", r"особа", r"людина", r"мешкан\w*", r"цивільн\w*", r"дитин\w*",
    r"дітей", r"діти", r"жін\w*", r"чоловік\w*", r"рятувальник\w*", r"працівник\w*", r"військов\w*",
    r"поліцейськ\w*", r"підлітк?\w*", r"пенсіонер\w*", r"пасажир\w*", r"воді\w*", r"журналіст\w*",
    r"волонтер\w*")

# Targets: (pattern, target_type). The first pattern matching nearest the place wins.
TARGETS: list[tuple[str, Cue]] = [
    ("military", _compile(
        r"military\s+(?:factory|plant|facilit\w+|base|airfield|unit|depot|installation\w*|site)",
        r"defen[cs]e\s+(?:plant|factory|enterprise)", r"air\s*base", r"airbase", r"military\s+airfield",
        r"ammunition\s+depot", r"arms\s+depot", r"barracks", r"command\s+post", r"military\s+equipment",
        r"военн\w*\s+(?:завод|аэродром|объект|част|баз)\w*", r"оборонн\w*\s+(?:завод|предприяти)\w*",
        r"авиабаз\w*", r"склад\w*\s+боеприпас\w*", r"військов\w*\s+(?:завод|аеродром|об'єкт|частин|баз)\w*",
        r"оборонн\w*\s+(?:завод|підприємств)\w*", r"авіабаз\w*", r"склад\w*\s+боєприпас\w*")),
    ("energy", _compile(
        r"(?:oil\s+)?refiner(?:y|ies)", r"oil\s+depots?", r"fuel\s+depots?", r"oil\s+terminals?",
        r"power\s+(?:plant|station|line|grid|facilit\w+)s?", r"(?:electrical\s+)?substations?",
        r"energy\s+(?:facilit\w+|infrastructure)", r"thermal\s+power\s+plant", r"fuel\s+storage",
        r"gas\s+(?:pipeline|facilit\w+|station)s?", r"pumping\s+stations?", r"oil\s+(?:storage|facilit\w+|tanks?)",
        r"НПЗ", r"нефтеперерабатывающ\w*\s+завод\w*", r"нефтебаз\w*", r"подстанци\w*",
        r"электростанци\w*", r"теплоэлектростанци\w*", r"теплоелектростанці\w*", r"ТЭЦ", r"ТЭС", r"объект\w*\s+(?:энергетик\w*|ТЭК)", r"энергообъект\w*",
        r"нафтобаз\w*", r"нафтопереробн\w*\s+завод\w*", r"підстанці\w*", r"електростанці\w*", r"ТЕЦ", r"ТЕС",
        r"об'єкт\w*\s+енергетик\w*", r"енергооб'єкт\w*", r"енергетичн\w*\s+інфраструктур\w*",
        r"энергетическ\w*\s+инфраструктур\w*", r"ЛЭП", r"ЛЕП", r"енергетик[аиуі]", r"энергетик[аиуе]", r"лини\w*\s+электропередач\w*",
        r"лін\w*\s+електропередач\w*", r"енергетичн\w*\s+об'єкт\w*", r"энергетическ\w*\s+объект\w*",
        # heating plants: "a boiler house", "котельная", "котельня"
        r"boiler\s+(?:houses?|rooms?|plants?|stations?)", r"котельн\w*")),
    ("transport", _compile(
        r"airports?", r"ports?", r"seaports?", r"railway\s+stations?", r"rail(?:way)?\s+(?:line|infrastructure|depot)s?",
        r"bridges?", r"trains?", r"bus(?:es)?", r"minibus(?:es)?", r"aerodrome", r"airfields?", r"locomotives?",
        r"маршрутк\w*", r"автобус\w*", r"(?:sea|port|ferry)\s+terminals?", r"терминал\w*", r"термінал\w*",
        r"причал\w*",
        r"аэропорт\w*", r"порт\w*", r"железнодорожн\w*\s+\w+", r"вокзал\w*", r"мост\w*", r"поезд\w*",
        r"аэродром\w*", r"аеропорт\w*", r"залізничн\w*\s+\w+", r"міст", r"потяг\w*", r"аеродром\w*")),
    ("industrial", _compile(
        r"(?:industrial\s+)?(?:plants?|factor(?:y|ies)|enterprises?)", r"industrial\s+(?:facilit\w+|sites?|zones?|assets?)",
        r"warehouses?", r"chemical\s+plant", r"завод\w*", r"предприяти\w*", r"фабрик\w*", r"склад\w*",
        r"промышленн\w*\s+(?:объект|предприяти|зон)\w*", r"підприємств\w*", r"промислов\w*\s+(?:об'єкт|підприємств|зон)\w*",
        r"комбинат\w*", r"комбінат\w*")),
    ("government", _compile(
        r"administrative\s+buildings?", r"government\s+buildings?", r"city\s+hall", r"police\s+station",
        r"административн\w*\s+здани\w*", r"здани\w*\s+администраци\w*", r"адміністративн\w*\s+будів\w*",
        r"админздани\w*", r"адмінбудів\w*", r"адмінбудин\w*",
        r"будів\w*\s+адміністраці\w*")),
    ("residential", _compile(
        r"residential\s+(?:buildings?|build\w+|houses?|areas?|blocks?)", r"apartment\s+(?:buildings?|blocks?)",
        r"(?:private\s+)?houses?", r"homes?", r"multi-(?:storey|story|family)\s+\w+", r"high-rise\w*",
        r"dwellings?", r"dormitor(?:y|ies)", r"общежити\w*", r"гуртожит\w*",
        r"жил\w*\s+(?:дом|здани|сектор|квартал)\w*", r"многоквартирн\w*\s+дом\w*", r"многоэтажк\w*",
        r"частн\w*\s+дом\w*", r"домовладени\w*", r"дом(?:а|е|у|ом|ов|ам)?", r"многоэтажн\w*\s+дом\w*", r"квартир\w*",
        r"житлов\w*\s+(?:будин|будів|сектор|квартал)\w*", r"багатоквартирн\w*\s+будин\w*",
        r"багатоповерхів\w*", r"приватн\w*\s+будин\w*", r"будин\w*", r"квартир\w*")),
    ("civilian", _compile(
        r"schools?", r"hospitals?", r"kindergartens?", r"shopping\s+(?:centre|center|mall)s?",
        r"markets?", r"churche?s?", r"cars?", r"vehicles?", r"shops?", r"stores?",
        r"школ\w*", r"больниц\w*", r"детск\w*\s+сад\w*", r"торгов\w*\s+центр\w*", r"рын(?:ок|к)\w*",
        r"автомобил\w*", r"машин\w*", r"магазин\w*", r"лікарн\w*", r"дитяч\w*\s+садо?к\w*",
        r"торговельн\w*\s+центр\w*", r"автомобіл\w*", r"ринок", r"ринку")),
]

def _name_forms(name: str) -> str:
    """A name in all its case forms: a Cyrillic one with the endings of its declension
    ("Гладков" -> "Гладкова", "Гладковым"; "Шапша" -> "Шапши"; "Балицкий" -> "Балицкого"),
    a Latin one as written; any apostrophe as any of the ones texts use ("В'ячеслав")."""
    pattern = re.escape(name).replace("'", "['’ʼ]?")
    if not re.search(r"[а-яіїєґё]", pattern):
        return pattern
    if pattern.endswith(("ий", "ый", "ій", "ой", "ей")):
        return pattern[:-2] + r"\w{1,3}"
    if pattern.endswith(("а", "я", "ь", "й")):
        return pattern[:-1] + r"\w{1,3}"
    return pattern if pattern.endswith("о") else pattern + r"\w{0,3}"


def _officials(role: str) -> list[str]:
    """The names of ``schemas.officials`` of the role: the surname alone, or after the given
    name where the surname alone could be someone else or an ordinary word. Matched as
    written, capitalised, each alternative from its first letter: names are many, and a
    regex whose alternatives all begin with a capital skips every other letter at once."""
    names = []
    for official_role, needs_given, givens, surnames in OFFICIALS:
        if official_role != role:
            continue
        if needs_given:
            surname = "(?:" + "|".join(map(_name_forms, surnames)) + ")"
            names.extend(f"(?-i:{_name_forms(given)}\\s+{surname})" for given in givens)
        else:
            names.extend(f"(?-i:{_name_forms(name)})" for name in surnames)
    return names


# Who reported: the title ("the governor said") or the name of an official who holds it
# ("написал Собянин", "Вячеслав Гладков:").
REPORTERS: list[tuple[str, Cue]] = [
    ("ministry_of_defense", _compile(
        r"(?:Russian\s+|Ukrainian\s+)?(?:Ministry\s+of\s+Defen[cs]e|Defen[cs]e\s+Ministry|MoD)",
        r"Минобороны", r"Министерств\w*\s+обороны", r"(?-i:МО\s+РФ)", r"Міноборони",
        r"Міністерств\w*\s+оборони")),
    ("air_force", _compile(r"Air\s+Force", r"Повітрян\w*\s+Сил\w*", r"Воздушн\w*\s+Сил\w*", r"ВПС", r"ВВС", r"ВКС")),
    ("governor", _compile(r"governor", r"gov\.", r"губернатор\w*", r"глав\w*\s+(?:\w+\s+)?(?:региона|области|республики|края)",
                          # the head of a republic: "глава Чувашии"
                          r"глав[аеуы]\s+(?:адыге|алтая|башкири|бурятии|дагестана|ингушетии|кабардино-балкарии|калмыкии|"
                          r"карачаево-черкесии|карелии|коми|крыма|марий\s+эл|мордовии|северной\s+осетии|татарстана|тывы|"
                          r"удмуртии|хакасии|чечни|чувашии|якутии)",
                          # and the feminine titles: "очільниця ОВА", "начальниця Вінницької ОВА"
                          r"(?:глав\w*|голов\w*|очільни[кц]\w*|начальни[кц]\w*)\s+(?:\w+\s+)?(?-i:ОВА|ОДА|ОГА|КМВА)",
                          r"голов\w*\s+(?:\w+\s+)?(?:ОВА|ОДА|обласн\w*\s+(?:військов\w*\s+)?адміністрац\w*)",
                          r"начальни[кц]\w*\s+(?:\w+\s+)?(?:ОВА|обласн\w*\s+військов\w*\s+адміністрац\w*)",
                          r"head\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:regional|oblast)\s+(?:military\s+)?administration",
                          *_officials("governor"))),
    ("mayor", _compile(r"mayor", r"мэр\w*", r"глав\w*\s+города", r"міськ\w*\s+голов\w*", r"мер(?:а|ом)?",
                       r"head\s+of\s+the\s+city", *_officials("mayor"))),
    ("military", _compile(r"General\s+Staff", r"armed\s+forces", r"Генштаб\w*", r"Генеральн\w*\s+штаб\w*",
                          r"(?:the\s+)?military\s+(?:said|reported|stated)", r"Збройн\w*\s+Сил\w*",
                          r"Сил\w*\s+оборони", r"Navy", r"ВМС")),
    ("emergency_services", _compile(
        r"emergency\s+(?:services?|ministry|situations\s+ministry)", r"State\s+Emergency\s+Service",
        r"rescuers", r"(?-i:МЧС|ДСНС)", r"спасател\w*", r"рятувальник\w*")),
    ("local_authorities", _compile(
        r"(?:local|regional|city)\s+(?:authorities|officials|administration)", r"authorities",
        r"(?:emergency|operational|crisis)\s+(?:headquarters|task\s+force)",
        r"officials", r"administration", r"власт\w*", r"администраци\w*", r"оперштаб\w*",
        # the town council: "повідомили в Ніжинській міській раді", "городской совет"
        r"city\s+council", r"міськ\w*\s+рад(?:а|и|і|у|ою)", r"городск\w*\s+совет\w*",
        # "влада" in its case forms only: not "Владислав", "Владимир"
        r"оперативн\w*\s+штаб\w*", r"влад(?:а|и|і|у|ою|ам|ами|ах)", r"адміністраці\w*", r"(?-i:ОВА|МВА|ОДА|КМВА|ОГА)")),
    ("media", _compile(r"media", r"news\s+(?:sources|agenc\w+|outlets?)", r"(?-i:TASS|RIA|Reuters|AP|AFP)",
                       r"ТАСС", r"РИА", r"СМИ", r"ЗМІ", r"reports?\s+(?:said|say|suggest)")),
]
REPORTER_SET = CueSet(REPORTERS)
TARGET_SET = CueSet(TARGETS)

REPORTING = _compile(
    r"said", r"says", r"reported", r"reports?", r"confirmed", r"wrote", r"writes", r"stated",
    r"announced", r"according\s+to", r"claimed", r"told", r"posted", r"informed", r"warned",
    r"сообщ\w*", r"заяв\w*", r"написал\w*", r"пишет", r"по\s+данным", r"по\s+словам", r"по\s+информации",
    r"отчитал\w*", r"звітува\w*",
    r"подтверд\w*", r"уточнил\w*", r"рассказал\w*", r"информир\w*", r"повідом\w*", r"за\s+даними",
    r"за\s+словами", r"написав", r"написала", r"розповів", r"розповіла", r"підтверд\w*", r"заявив", r"заявила", r"confirmed\s+by",
    r"in\s+(?:a|his|her)\s+(?:telegram|message|statement)", r"telegram")
# A reporting verb whose speaker is a pronoun ("he said", "по его словам", "додав він"): the
# source of the sentence before that told who spoke. Found in the same pass as the sources
# (``SPEAKERS``): a pass of its own over every sentence would cost more than both.
SPOKEN_BY_PRONOUN = _compile(
    r"(?:he|she|it|they)\s+(?:said|says|added|wrote|told|stated|reported)", r"(?:said|added|wrote)\s+(?:he|she)",
    r"(?:по|с)\s+(?:его|ее|её|их)\s+(?:словам|данным)", r"за\s+(?:його|її|їхніми)\s+(?:словами|даними)",
    r"(?:уточнил|добавил|написал|сообщил|заявил|отметил|подчеркнул)\w*\s+(?:он|она|они)",
    r"(?:он|она|они)\s+(?:также\s+)?(?:уточнил|добавил|написал|сообщил|заявил|отметил)\w*",
    r"(?:додав|додала|написав|написала|повідомив|повідомила|зазначив|зазначила|уточнив|уточнила)\s+(?:він|вона)",
    r"(?:він|вона)\s+(?:також\s+)?(?:додав|додала|написав|написала|повідомив|повідомила|зазначив|зазначила)")
PRONOUN = "pronoun"
SPEAKERS = CueSet(REPORTERS + [(PRONOUN, SPOKEN_BY_PRONOUN)])

# Who attacked: (ISO2 of the attacker, pattern).
ACTORS: list[tuple[str, re.Pattern]] = [
    # Headlines write the present: "Russia launches record 810 drones at Ukraine".
    ("RU", _compile(r"Russia(?:n\s+(?:forces|troops|army|military))?\s+(?:has\s+|had\s+)?(?:launch(?:es|ed)|fire[sd]|attack(?:s|ed)|"
                    r"strikes|struck|shell(?:s|ed)|hits?|drop(?:s|ped))",
                    r"(?:Росси\w*|российск\w*\s+(?:войск\w*|арми\w*|авиаци\w*))\s+"
                    r"(?:атаковал\w*|нанесл\w*|выпустил\w*|запустил\w*|обстрелял\w*|сбросил\w*)",
                    r"(?:Росі\w*|російськ\w*\s+(?:військ\w*|арм\w*|авіаці\w*))\s+"
                    r"(?:атакувал\w*|завдал\w*|випустил\w*|запустил\w*|обстріл\w*|скинул\w*|вдарил\w*)")),
    ("UA", _compile(r"Ukraine\s+(?:launch(?:es|ed)|fire[sd]|attack(?:s|ed)|strikes|struck|shell(?:s|ed)|hits?)",
                    r"Украин\w*\s+(?:атаковал\w*|нанесл\w*|выпустил\w*|запустил\w*)",
                    r"Україн\w*\s+(?:атакувал\w*|завдал\w*|запустил\w*)")),
    ("UA", _compile(r"Ukrainian\s+(?:\w+\s+)?(?:drones?|UAVs?|forces|military|army|attacks?|strikes?|missiles?)",
                    r"Ukraine(?:'s|’s)?\s+(?:\w+\s+)?(?:drones?|forces|attacks?|strikes?)",
                    r"by\s+Ukraine", r"Kyiv(?:'s|’s)\s+(?:forces|drones?)",
                    r"украинск\w*\s+(?:\w+\s+)?(?:беспилотн\w*|БПЛА|дрон\w*|ракет\w*|атак\w*|удар\w*)",
                    r"(?-i:ВСУ|ВФУ)", r"киевск\w*\s+режим\w*", r"українськ\w*\s+(?:дрон\w*|безпілотн\w*|ракет\w*)")),
    ("RU", _compile(r"Russian\s+(?:\w+\s+)?(?:drones?|UAVs?|forces|military|army|attacks?|strikes?|missiles?|troops|shelling|bombs?)",
                    r"Russia(?:'s|’s)?\s+(?:\w+\s+)?(?:drones?|forces|attacks?|strikes?)", r"by\s+Russia",
                    r"российск\w*\s+(?:\w+\s+)?(?:беспилотн\w*|БПЛА|дрон\w*|ракет\w*|атак\w*|удар\w*|войск\w*)",
                    r"російськ\w*\s+(?:\w+\s+)?(?:дрон\w*|безпілотн\w*|ракет\w*|атак\w*|удар\w*|військ\w*)",
                    r"окупант\w*", r"ворог\w*", r"противник\w*", r"рашист\w*", r"росіян\w*",
                    r"Shaheds?", r"Шахед\w*", r"Geran\w*", r"Геран\w*")),
]

# Statements about other events than the one reported.
BACKGROUND = _compile(
    r"since\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4}|the\s+start"
    r"|the\s+beginning|(?:russia['’]s\s+|the\s+)(?:full-scale\s+)?invasion|the\s+war\s+began)",
    r"(?:earlier|last|previous|past)\s+(?:this\s+)?(?:week|month|year|summer|winter|spring|autumn|fall)",
    r"previous(?:ly)?", r"(?:a|one|two|three|several)\s+(?:days?|weeks?|months?|years?)\s+ago",
    r"back\s+in", r"in\s+(?:19|20)\d\d", r"in\s+recent\s+(?:months|weeks|years)", r"the\s+previous\s+attack",
    # "Ранее губернатор сообщил" tells an earlier report of today's events, not an earlier event.
    r"ранее(?!\s+(?:\w+\s+){0,3}(?:сообщ|заяв|писал|информир|рассказ)\w*)", r"раньше", r"в\s+прошлом\s+(?:месяце|году)", r"на\s+прошлой\s+неделе", r"(?:с|со)\s+начала",
    r"в\s+(?:19|20)\d\d\s+году", r"прошл\w*\s+(?:атак\w*|раз)", r"предыдущ\w*",
    r"раніше(?!\s+(?:\w+\s+){0,3}(?:повідом|заяв|писав|писала|інформув)\w*)", r"минулого\s+(?:тижня|місяця|року)", r"у\s+(?:19|20)\d\d\s+роц\w*",
    r"попередн\w*(?!\s+(?:дан\w*|інформаці\w*|оцінк\w*))",  # not "за попередніми даними": preliminary
    r"(?:з|від)\s+початку", r"frequently\s+targeted", r"has\s+been\s+(?:repeatedly|regularly)",
    r"(?:с|со)\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)",
    r"з\s+(?:січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня)",
    # the reminder that opens a paragraph on an earlier event: "Нагадаємо, 10 лютого ...", "Напомним, ..."
    r"нагадаємо", r"напомним",
    r"many\s+times", r"(?:has|have)\s+(?:repeatedly|regularly)", r"неоднократно", r"неодноразово", r"не\s+раз",
    # what happens habitually is no one event: "Хмельниччина регулярно зазнає атак", "a frequent target"
    r"регулярно", r"систематически", r"систематично", r"frequent\s+target",
    r"(?:is|are)\s+(?:regularly|frequently|often)",
    # "is shelled almost daily", "подвергается атакам практически ежедневно" (not "the daily report")
    r"(?:almost|nearly|virtually)\s+(?:daily|every\s+day)", r"every\s+(?:day|night)", r"on\s+a\s+daily\s+basis",
    r"ежедневно", r"каждую\s+ночь", r"каждый\s+день", r"щодня", r"щоночі", r"щоденно",
    r"(?:ежедневн|щоденн)\w*\s+(?:удар|атак|обстрел|обстріл)\w*")
# Lines that caption a photo or point to another story.
CAPTION = re.compile(
    r"^\s*(?:photo|pictured|image|illustrative|file\s+photo|read\s+(?:also|more)|see\s+also|related|"
    r"фото|иллюстрац\w*|архивное\s+фото|читайте\s+(?:также|також)|ілюстрац\w*|ілюстративне|"
    r"архівне\s+фото|видео|відео|video)\b", re.IGNORECASE)
# A story that says it is an opinion ("Opinion: ...", "Мнение |"), and a sentence that
# argues rather than reports ("a former general argues that missile strikes ... show").
OPINION_HEADING = re.compile(
    r"^\W*(?:opinion|op-ed|commentary|column|analysis\s+and\s+opinion|мнение|колонка|точка\s+зрения|думка|погляд|"
    r"точка\s+зору|блог)\s*[:|–—]", re.IGNORECASE)
OPINION = _compile(r"argues?\s+that", r"argued\s+that", r"in\s+an\s+op-ed", r"opinion\s+piece", r"op-ed",
                   r"(?:считает|считают|полагает|полагают),?\s+что", r"(?:вважає|вважають),?\s+що")
# Exercises and drills: the attack, the downed drones and the "victims" are rehearsed.
EXERCISE = _compile(r"exercises?", r"drills?", r"war\s+games", r"rehears\w*", r"учени(?:я|й|ях|ями|е|ю)",
                    r"навчан(?:ня|нях|ь)", r"тренуван(?:ня|нях|ь)", r"по\s+легенде", r"за\s+легендою",
                    r"условн\w*\s+(?:противник\w*|пострадавш\w*|пожар\w*)", r"умовн\w*\s+(?:противник\w*|постраждал\w*)")
CAPTION_TAIL = re.compile(r"\((?:[^()]*[\s/:])?(?:photo|фото|illustrative|иллюстрац\w*|ілюстрац\w*)\b[^()]*\)\s*$",
                          re.IGNORECASE)


CASUALTIES = CueSet([("killed", KILLED), ("injured", INJURED)])
NONE_HURT = CueSet([("no_casualties", NO_CASUALTIES), ("no_killed", NO_KILLED), ("no_injured", NO_INJURED)])

# What a clause is read for, in one pass.
CLAUSE_CUES = CuePass({"alert": ALERT, "weapon": WEAPON_SET, "countable": COUNTABLE_EXTRA, "aerial_target": AERIAL_TARGET,
                       "airstrike": AIRSTRIKE, "intercept": INTERCEPT, "destroy": DESTROY, "attack": ATTACK,
                       "damage": DAMAGE, "debris": DEBRIS, "casualty": CASUALTIES, "none_hurt": NONE_HURT, "person": PERSONS,
                       "other_countable": OTHER_COUNTABLE})

# Any word a sentence about an incident must contain: sentences without one are skipped.
TRIGGER = Cue(*(a for cue in [*(c for _, c in WEAPONS), AIRSTRIKE, AERIAL_TARGET, ALERT, INTERCEPT, DESTROY,
                              ATTACK, DAMAGE, KILLED, INJURED, NO_CASUALTIES, NO_INJURED, NO_KILLED]
                for a in cue.alternatives))
