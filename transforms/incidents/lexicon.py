"""The words reports use, in English, Russian and Ukrainian, as compiled patterns.

Slavic words inflect, so most entries are stems followed by ``\\w*``. Patterns are matched
on the lowercased text, except short abbreviations written ``(?-i:...)`` (КАБ, ФАБ, ПВО)
that would otherwise match ordinary words.
"""
from __future__ import annotations

import re


class Text:
    """A text and its lowercase twin (same offsets): patterns run case-sensitively on the
    lowercase text, which Python's regex engine does several times faster than matching
    case-insensitively."""

    __slots__ = ("original", "lower", "_heads")

    def __init__(self, original: str):
        self.original = original
        lower = original.lower()
        if len(lower) != len(original):  # a letter whose lowercase is longer ("İ"): keep offsets
            lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in original)
        self.lower = lower
        self._heads: set[str] | None = None

    @property
    def heads(self) -> set[str]:
        """The first one, two and three letters of every word."""
        if self._heads is None:
            heads = set(_WORD_HEAD.findall(self.lower))
            heads.update([head[:2] for head in heads] + [head[:1] for head in heads])
            self._heads = heads
        return self._heads


class Cue:
    """Alternatives matched as whole words. Alternatives written ``(?-i:...)`` are
    abbreviations matched on the original text (КАБ is a glide bomb, "каб" is not); the
    others on the lowercase text. A text none of whose words begins like an alternative is
    not searched at all."""

    def __init__(self, *alternatives: str):
        exact = [a[5:-1] for a in alternatives if _is_exact(a)]
        loose = [a.lower() for a in alternatives if not _is_exact(a)]
        self.alternatives = alternatives
        self._loose = re.compile(_WORDS.format("|".join(loose))) if loose else None
        self._exact = re.compile(_WORDS.format("|".join(exact))) if exact else None
        self.heads = _heads([a.lower() for a in exact + loose])

    def _absent(self, text: Text) -> bool:
        return self.heads is not None and self.heads.isdisjoint(text.heads)

    def spans(self, text: Text) -> list[tuple[int, int]]:
        if self._absent(text):
            return []
        found = []
        if self._loose is not None:
            found.extend(m.span() for m in self._loose.finditer(text.lower))
        if self._exact is not None:
            found.extend(m.span() for m in self._exact.finditer(text.original))
        return sorted(found) if self._loose is not None and self._exact is not None else found

    def first(self, text: Text) -> tuple[int, int] | None:
        if self._absent(text):
            return None
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


_WORD_HEAD = re.compile(r"\b\w{1,3}")  # the first (up to) three letters of each word
_LITERAL_HEAD = re.compile(r"^\w+")


def _heads(alternatives: list[str]) -> frozenset[str] | None:
    """How a word matched by one of the alternatives begins (up to its first three letters),
    or None when an alternative may begin otherwise than with letters written out."""
    heads: set[str] = set()
    for alternative in alternatives:
        found = _pattern_heads(alternative)
        if found is None:
            return None
        heads |= found
    return frozenset(heads)


def _pattern_heads(pattern: str) -> set[str] | None:
    """Heads of one regex: a literal start, or a leading group ("(?:a|b)", optional or not)."""
    if pattern.startswith("(?:"):
        close = _closing_bracket(pattern)
        if close is None:
            return None
        branches = [_pattern_heads(b) for b in _top_level_branches(pattern[3:close])]
        if any(b is None for b in branches):
            return None
        heads = set().union(*branches)
        rest = pattern[close + 1:]
        if rest[:1] in ("?", "*"):  # the group may be absent: what follows may begin the word
            after = _pattern_heads(rest[1:])
            return None if after is None else heads | after
        return heads
    literal = _LITERAL_HEAD.match(pattern)
    if literal is None:
        return None
    text = literal.group(0)
    if pattern[len(text):][:1] in ("?", "*", "{"):
        text = text[:-1]  # "strikes?": the last letter is optional
    return {text[:3]} if text else None


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


class CueSet:
    """Several cues matched in one pass (one regex with a group per cue): the first cue
    listed wins where two would match at the same place."""

    def __init__(self, named: list[tuple[str, Cue]]):
        self.names = [name for name, _ in named]
        member_heads = [cue.heads for _, cue in named]
        self.heads = None if any(h is None for h in member_heads) else frozenset().union(*member_heads)
        self._loose = self._union([(i, c._loose) for i, (_, c) in enumerate(named)])
        self._exact = self._union([(i, c._exact) for i, (_, c) in enumerate(named)])

    @staticmethod
    def _union(parts) -> re.Pattern | None:
        head, tail = _WORDS.split("{}")
        groups = [f"(?P<c{i}>{pattern.pattern[len(head):-len(tail)]})" for i, pattern in parts if pattern is not None]
        return re.compile(_WORDS.format("|".join(groups))) if groups else None

    def spans(self, text: Text) -> list[tuple[int, int, str]]:
        if self.heads is not None and self.heads.isdisjoint(text.heads):
            return []
        found = []
        for pattern, source in ((self._loose, text.lower), (self._exact, text.original)):
            if pattern is not None:
                found.extend((m.start(), m.end(), self.names[int(m.lastgroup[1:])])
                             for m in pattern.finditer(source))
        return sorted(found)


_WORDS = r"(?<!\w)(?:{})(?!\w)"


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
                           r"воздушн\w*\s+цел\w*", r"цел\w*", r"повітрян\w*\s+ціл\w*", r"ціл\w*",
                           r"boats?", r"катер\w*", r"човн\w*",
                           r"ударн\w*\s+(?:БпЛА|БПЛА|дрон\w*|безпілотник\w*)")

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
    r"intercept\w*", r"neutrali[sz]\w*", r"repel\w*", r"suppressed", r"jammed",
    r"сбит\w*", r"сбил\w*", r"сбива\w*", r"перехвач\w*", r"перехват\w*", r"нейтрализ\w*",
    r"подавлен\w*", r"отраж[её]н\w*", r"отразил\w*", r"збит\w*", r"збив\w*", r"збил\w*",
    r"збито", r"перехопл\w*", r"знешкод\w*", r"подавлено", r"приземлен\w*",
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
    r"(?:a\s+)?fire\s+(?:that|which)", r"debris", r"wreckage", r"fell\s+on", r"crashed\s+into",
    r"shrapnel", r"загорел\w*", r"загорі\w*", r"спалахну\w*", r"осколк\w*", r"осколочн\w*", r"поврежд\w*", r"повредил\w*", r"разруш\w*", r"взрыв\w*", r"пожар\w*", r"возгоран\w*", r"обломк\w*", r"упал\w*",
    r"пошкодж\w*", r"пошкодил\w*", r"пошкодив", r"зруйнов\w*", r"вибух\w*", r"пожеж\w*", r"займан\w*", r"уламк\w*", r"впал\w*")
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
    r"injur\w*", r"wounded", r"wounding", r"hurt", r"hospitali[sz]\w*", r"harmed",
    r"ранен\w*", r"ранил\w*", r"ранени\w*", r"пострадал\w*", r"пострадавш\w*", r"травм\w*",
    r"госпитализ\w*", r"поранен\w*", r"поранил\w*", r"постраждал\w*", r"травмован\w*",
    r"госпіталізован\w*", r"поранень")
NO_CASUALTIES = _compile(
    r"no\s+(?:one|body)\s+(?:was\s+)?(?:hurt|injured|killed|harmed)", r"nobody\s+was\s+(?:hurt|injured|killed|harmed)",
    r"(?:there\s+were\s+|with\s+|caused\s+|causing\s+)?no\s+(?:reported\s+)?(?:civilian\s+)?(?:casualties|victims)",
    r"no\s+(?:one|body)\s+(?:has\s+been|was)\s+(?:hurt|injured|harmed)",
    r"without\s+(?:causing\s+|leaving\s+)?(?:any\s+)?casualties", r"not\s+result\w*\s+in\s+(?:any\s+)?(?:reported\s+)?(?:civilian\s+)?casualties",
    r"без\s+(?:жертв|пострадавших|постраждалих)", r"(?:пострадавших|жертв|постраждалих)\s+(?:нет|немає|нема)",
    r"(?:пострадавших|жертв)\s+(?:\w+\s+)?не\s+было", r"(?:постраждалих|жертв)\s+(?:\w+\s+)?не\s+було",
    r"никто\s+не\s+пострадал", r"ніхто\s+не\s+постраждав", r"не\s+пострадал\w*", r"не\s+постраждал\w*",
    r"обошлось\s+без\s+(?:жертв|пострадавших)", r"обійшлося\s+без\s+(?:жертв|постраждалих)")
NO_INJURED = _compile(r"no\s+(?:one|body)\s+(?:was\s+)?(?:injured|wounded)", r"no\s+injuries",
                      r"без\s+раненых", r"раненых\s+нет", r"без\s+поранених", r"поранених\s+(?:немає|нема)",
                      r"никто\s+не\s+ранен", r"ніхто\s+не\s+поранений")
NO_KILLED = _compile(r"no\s+(?:one|body)\s+(?:was\s+)?killed", r"no\s+(?:deaths|fatalities|dead)",
                     r"без\s+погибших", r"погибших\s+нет", r"без\s+загиблих", r"загиблих\s+(?:немає|нема)",
                     r"никто\s+не\s+погиб", r"ніхто\s+не\s+загинув")

# One person, named without a number: "a woman", "the driver", "погиб мужчина".
SINGLE_PERSON = _compile(
    r"(?:a|an|one|the)\s+(?:\d+-year-old\s+)?(?:man|woman|child|boy|girl|teenager|resident|civilian|driver|person|pensioner|"
    r"firefighter|worker|employee|soldier|serviceman|policeman|police\s+officer|passenger|rescuer|volunteer|journalist)",
    r"мужчин[аиуе]", r"женщин[аыуе]", r"реб[её]н(?:ок|ка)", r"подрост(?:ок|ка)", r"водител[ья]", r"пенсионер(?:ка|ку|а)?",
    r"жител(?:ь|я)", r"жительниц[аыу]", r"чоловік(?:а)?", r"жінк[аиу]", r"дитин[аиу]", r"мешкан(?:ець|ця|ка|ку)",
    r"підліт(?:ок|ка)", r"водій|водія", r"пенсіонер(?:ка|ку|а)?")

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
        r"лін\w*\s+електропередач\w*", r"енергетичн\w*\s+об'єкт\w*", r"энергетическ\w*\s+объект\w*")),
    ("transport", _compile(
        r"airports?", r"ports?", r"seaports?", r"railway\s+stations?", r"rail(?:way)?\s+(?:line|infrastructure|depot)s?",
        r"bridges?", r"trains?", r"bus(?:es)?", r"minibus(?:es)?", r"aerodrome", r"airfields?", r"locomotives?",
        r"маршрутк\w*", r"автобус\w*",
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

REPORTERS: list[tuple[str, Cue]] = [
    ("ministry_of_defense", _compile(
        r"(?:Russian\s+|Ukrainian\s+)?(?:Ministry\s+of\s+Defen[cs]e|Defen[cs]e\s+Ministry|MoD)",
        r"Минобороны", r"Министерств\w*\s+обороны", r"(?-i:МО\s+РФ)", r"Міноборони",
        r"Міністерств\w*\s+оборони")),
    ("air_force", _compile(r"Air\s+Force", r"Повітрян\w*\s+Сил\w*", r"ВПС", r"ВВС", r"ВКС")),
    ("governor", _compile(r"governor", r"губернатор\w*", r"глав\w*\s+(?:\w+\s+)?(?:региона|области|республики|края)",
                          r"(?:глав\w*|голов\w*|очільник\w*|начальник\w*)\s+(?:\w+\s+)?(?-i:ОВА|ОДА|ОГА|КМВА)",
                          r"голов\w*\s+(?:\w+\s+)?(?:ОВА|ОДА|обласн\w*\s+(?:військов\w*\s+)?адміністрац\w*)",
                          r"начальник\w*\s+(?:\w+\s+)?(?:ОВА|обласн\w*\s+військов\w*\s+адміністрац\w*)",
                          r"head\s+of\s+the\s+(?:\w+\s+)?(?:regional|oblast)\s+(?:military\s+)?administration")),
    ("mayor", _compile(r"mayor", r"мэр\w*", r"глав\w*\s+города", r"міськ\w*\s+голов\w*", r"мер(?:а|ом)?",
                       r"head\s+of\s+the\s+city")),
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
        r"оперативн\w*\s+штаб\w*", r"влад\w*", r"адміністраці\w*", r"(?-i:ОВА|МВА|ОДА)")),
    ("media", _compile(r"media", r"news\s+(?:sources|agenc\w+|outlets?)", r"(?-i:TASS|RIA|Reuters|AP|AFP)",
                       r"ТАСС", r"РИА", r"СМИ", r"ЗМІ", r"reports?\s+(?:said|say|suggest)")),
]
REPORTER_SET = CueSet(REPORTERS)
TARGET_SET = CueSet(TARGETS)

REPORTING = _compile(
    r"said", r"says", r"reported", r"reports?", r"confirmed", r"wrote", r"writes", r"stated",
    r"announced", r"according\s+to", r"claimed", r"told", r"posted", r"informed", r"warned",
    r"сообщ\w*", r"заяв\w*", r"написал\w*", r"пишет", r"по\s+данным", r"по\s+словам",
    r"подтверд\w*", r"уточнил\w*", r"рассказал\w*", r"информир\w*", r"повідом\w*", r"за\s+даними",
    r"за\s+словами", r"написав", r"написала", r"підтверд\w*", r"заявив", r"заявила", r"confirmed\s+by",
    r"in\s+(?:a|his|her)\s+(?:telegram|message|statement)", r"telegram")

# Who attacked: (ISO2 of the attacker, pattern).
ACTORS: list[tuple[str, re.Pattern]] = [
    ("RU", _compile(r"Russia(?:n\s+(?:forces|troops|army|military))?\s+(?:has\s+|had\s+)?(?:launched|fired|attacked|struck|shelled|hit|dropped)",
                    r"(?:Росси\w*|российск\w*\s+(?:войск\w*|арми\w*|авиаци\w*))\s+(?:атаковал\w*|нанесл\w*|выпустил\w*|обстрелял\w*|сбросил\w*)",
                    r"(?:Росі\w*|російськ\w*\s+(?:військ\w*|арм\w*|авіаці\w*))\s+(?:атакувал\w*|завдал\w*|випустил\w*|обстріл\w*|скинул\w*|вдарил\w*)")),
    ("UA", _compile(r"Ukraine\s+(?:launched|fired|attacked|struck|shelled|hit)",
                    r"Украин\w*\s+(?:атаковал\w*|нанесл\w*|выпустил\w*)", r"Україн\w*\s+(?:атакувал\w*|завдал\w*)")),
    ("UA", _compile(r"Ukrainian\s+(?:\w+\s+)?(?:drones?|UAVs?|forces|military|army|attacks?|strikes?|missiles?)",
                    r"Ukraine(?:'s|’s)?\s+(?:\w+\s+)?(?:drones?|forces|attacks?|strikes?)",
                    r"by\s+Ukraine", r"Kyiv(?:'s|’s)\s+(?:forces|drones?)",
                    r"украинск\w*\s+(?:\w+\s+)?(?:беспилотник\w*|БПЛА|дрон\w*|ракет\w*|атак\w*|удар\w*)",
                    r"(?-i:ВСУ|ВФУ)", r"киевск\w*\s+режим\w*", r"українськ\w*\s+(?:дрон\w*|безпілотник\w*|ракет\w*)")),
    ("RU", _compile(r"Russian\s+(?:\w+\s+)?(?:drones?|UAVs?|forces|military|army|attacks?|strikes?|missiles?|troops|shelling|bombs?)",
                    r"Russia(?:'s|’s)?\s+(?:\w+\s+)?(?:drones?|forces|attacks?|strikes?)", r"by\s+Russia",
                    r"российск\w*\s+(?:\w+\s+)?(?:беспилотник\w*|БПЛА|дрон\w*|ракет\w*|атак\w*|удар\w*|войск\w*)",
                    r"російськ\w*\s+(?:\w+\s+)?(?:дрон\w*|безпілотник\w*|ракет\w*|атак\w*|удар\w*|військ\w*)",
                    r"окупант\w*", r"ворог\w*", r"противник\w*", r"рашист\w*", r"росіян\w*",
                    r"Shaheds?", r"Шахед\w*", r"Geran\w*", r"Геран\w*")),
]

# Statements about other events than the one reported.
BACKGROUND = _compile(
    r"since\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4}|the\s+start)",
    r"(?:earlier|last|previous|past)\s+(?:this\s+)?(?:week|month|year|summer|winter|spring|autumn|fall)",
    r"previous(?:ly)?", r"(?:a|one|two|three|several)\s+(?:days?|weeks?|months?|years?)\s+ago",
    r"back\s+in", r"in\s+(?:19|20)\d\d", r"in\s+recent\s+(?:months|weeks|years)", r"the\s+previous\s+attack",
    r"ранее", r"раньше", r"в\s+прошлом\s+(?:месяце|году)", r"на\s+прошлой\s+неделе", r"(?:с|со)\s+начала",
    r"в\s+(?:19|20)\d\d\s+году", r"прошл\w*\s+(?:атак\w*|раз)", r"предыдущ\w*",
    r"раніше", r"минулого\s+(?:тижня|місяця|року)", r"у\s+(?:19|20)\d\d\s+роц\w*", r"попередн\w*",
    r"з\s+початку", r"frequently\s+targeted", r"has\s+been\s+(?:repeatedly|regularly)",
    r"(?:с|со)\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)",
    r"з\s+(?:січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня)",
    r"many\s+times", r"(?:has|have)\s+(?:repeatedly|regularly)", r"неоднократно", r"неодноразово", r"не\s+раз")
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
CAPTION_TAIL = re.compile(r"\((?:photo|фото|illustrative|иллюстрац\w*|ілюстрац\w*)[^)]*\)\s*$",
                          re.IGNORECASE)


CASUALTIES = CueSet([("killed", KILLED), ("injured", INJURED)])
NONE_HURT = CueSet([("no_casualties", NO_CASUALTIES), ("no_killed", NO_KILLED), ("no_injured", NO_INJURED)])

# Any word a sentence about an incident must contain: sentences without one are skipped.
TRIGGER = Cue(*(a for cue in [*(c for _, c in WEAPONS), AIRSTRIKE, AERIAL_TARGET, ALERT, INTERCEPT, DESTROY,
                              ATTACK, DAMAGE, KILLED, INJURED, NO_CASUALTIES, NO_INJURED, NO_KILLED]
                for a in cue.alternatives))
