"""The gazetteer: every admin-1 region, the aliases that decide rows, case forms in
Russian and Ukrainian, cities in three languages, and no matches on ordinary words."""
import json
import zoneinfo

import pytest

from schemas import gazetteer_overrides
from transforms.incidents.gazetteer import Gazetteer, Place, Region


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


def found(gazetteer, text):
    """(surface, region code, place name or None) of every mention."""
    return [(m.surface, m.region.code, m.place.name if m.place else None)
            for m in gazetteer.find(text)]


def only(gazetteer, text):
    mentions = found(gazetteer, text)
    assert len(mentions) == 1, mentions
    return mentions[0][1:]


def test_every_russian_and_ukrainian_region_is_present(gazetteer):
    pycountry = pytest.importorskip("pycountry")
    expected = {s.code for country in ("RU", "UA")
                for s in pycountry.subdivisions.get(country_code=country)}
    assert {r.code for r in gazetteer.regions()} == expected
    assert len([c for c in expected if c.startswith("RU-")]) == 83
    assert len([c for c in expected if c.startswith("UA-")]) == 27


def test_regions_have_english_names_coordinates_and_time_zones(gazetteer):
    for region in gazetteer.regions():
        zoneinfo.ZoneInfo(region.timezone)
        assert 40 < region.latitude < 75 and 19 < region.longitude < 180, region
        assert "'" not in region.name and region.country == region.code[:2]
    assert gazetteer.region("RU-KRS") == Region("RU-KRS", "RU", "Kursk Oblast", pytest.approx(51.72689),
                                                pytest.approx(36.18457), "Europe/Moscow")
    assert gazetteer.region("RU-TA").name == "Republic of Tatarstan"
    assert gazetteer.region("RU-KDA").name == "Krasnodar Krai"
    assert gazetteer.region("RU-UD").timezone == "Europe/Samara"
    assert gazetteer.region("UA-63").timezone == "Europe/Kyiv"
    assert gazetteer.region("UA-12").name == "Dnipropetrovsk Oblast"


@pytest.mark.parametrize("text, expected", [
    ("Explosions were heard in Crimea.", ("UA-43", None)),
    ("A refinery in the Republic of Crimea burned.", ("UA-43", None)),
    ("Взрывы в Крыму.", ("UA-43", None)),
    ("Ночью атакован Севастополь.", ("UA-40", "Sevastopol")),
    ("Drones were downed over Sevastopol.", ("UA-40", "Sevastopol")),
    ("Drones flew towards Moscow overnight.", ("RU-MOW", "Moscow")),
    ("Drones were shot down over the Moscow region.", ("RU-MOS", None)),
    ("Беспилотник сбит над Подмосковьем.", ("RU-MOS", None)),
    ("Беспилотник летел на Москву.", ("RU-MOW", "Moscow")),
    ("Air defence worked over Kyiv.", ("UA-30", "Kyiv")),
    ("Air defence worked over the Kyiv region.", ("UA-32", None)),
    ("Вибухи на Київщині.", ("UA-32", None)),
    ("Обстріл Києва.", ("UA-30", "Kyiv")),
    ("Обстрел территории ДНР.", ("UA-14", None)),
    ("Власти Донецкой Народной Республики сообщили.", ("UA-14", None)),
    ("Обстрел ЛНР.", ("UA-09", None)),
])
def test_aliases_that_decide_rows(gazetteer, text, expected):
    assert only(gazetteer, text) == expected


@pytest.mark.parametrize("text, code", [
    ("Обломки упали в Белгородской области.", "RU-BEL"),
    ("Губернатор Курской области сообщил.", "RU-KRS"),
    ("Беспилотники атаковали Курскую область.", "RU-KRS"),
    ("Над Курской областью сбиты дроны.", "RU-KRS"),
    ("Завод в Удмуртии атакован.", "RU-UD"),
    ("Беспилотник упал в Краснодарском крае.", "RU-KDA"),
    ("Атака на Республику Татарстан.", "RU-TA"),
    ("В Татарстане объявили тревогу.", "RU-TA"),
    ("Вибухи пролунали на Харківщині.", "UA-63"),
    ("Харківщина знову під обстрілом.", "UA-63"),
    ("Ворог атакував Харківщину.", "UA-63"),
    ("Удар по Харківській області.", "UA-63"),
    ("Обстріл Дніпропетровської області.", "UA-12"),
    ("Атака на Бєлгородщину.", "RU-BEL"),
    ("Обстрел приграничья на Брянщине.", "RU-BRY"),
])
def test_russian_and_ukrainian_case_forms(gazetteer, text, code):
    assert only(gazetteer, text) == (code, None)


@pytest.mark.parametrize("text, code", [
    ("Fighting continues in Kursk Oblast.", "RU-KRS"),
    ("Drones hit the Kursk region.", "RU-KRS"),
    ("the Kursk Region governor said", "RU-KRS"),
    ("the Belgorod governor said", "RU-BEL"),
    ("A plant in the Republic of Tatarstan.", "RU-TA"),
    ("A plant in Tatarstan.", "RU-TA"),
    ("Debris fell in Krasnodar Krai.", "RU-KDA"),
    ("Debris fell in Udmurtia.", "RU-UD"),
    ("Shelling of Kharkiv Oblast.", "UA-63"),
    ("Shelling of the Kharkov region.", "UA-63"),
    ("Strikes on the Dnipropetrovsk region.", "UA-12"),
    ("Strikes on the Zaporizhzhia region.", "UA-23"),
])
def test_english_region_forms(gazetteer, text, code):
    assert only(gazetteer, text) == (code, None)


@pytest.mark.parametrize("text, code, place", [
    ("A drone hit Izhevsk.", "RU-UD", "Izhevsk"),
    ("Беспилотник атаковал Ижевск.", "RU-UD", "Izhevsk"),
    ("Дрон атакував Іжевськ.", "RU-UD", "Izhevsk"),
    ("В Ижевске прогремели взрывы.", "RU-UD", "Izhevsk"),
    ("A missile hit Kryvyi Rih.", "UA-12", "Kryvyi Rih"),
    ("Ракета попала в Кривой Рог.", "UA-12", "Kryvyi Rih"),
    ("Ракета влучила у Кривий Ріг.", "UA-12", "Kryvyi Rih"),
    ("Обстрел Кривого Рога.", "UA-12", "Kryvyi Rih"),
    ("Debris fell in Kursk.", "RU-KRS", "Kursk"),
    ("Обстрел Шебекино.", "RU-BEL", "Shebekino"),
    ("Shelling of Tyotkino.", "RU-KRS", "Tyotkino"),
    ("Shelling of Graivoron.", "RU-BEL", "Graivoron"),
    ("Удар по Куп'янську.", "UA-63", "Kupiansk"),
    ("Удар по Куп’янську.", "UA-63", "Kupiansk"),
    ("The Tuapse refinery burned.", "RU-KDA", "Tuapse"),
    ("Drones hit the Engels airbase.", "RU-SAR", "Engels"),
    ("Attack on Belbek airfield.", "UA-40", "Belbek"),
    ("Fire at the Afipsky refinery.", "RU-KDA", "Afipsky"),
    ("Взрывы в Ростове-на-Дону.", "RU-ROS", "Rostov-on-Don"),
    ("Взрывы в Набережных Челнах.", "RU-TA", "Naberezhnye Chelny"),
    ("Вибух у Кривому Розі.", "UA-12", "Kryvyi Rih"),
    ("Обстріл у Нікополі.", "UA-12", "Nikopol"),
    ("Удар по заводу в Алабуге.", "RU-TA", "Alabuga"),
    ("A drone hit an enterprise in Samar.", "UA-12", "Samar"),
    ("Drones attacked Samara overnight.", "RU-SAM", "Samara"),
    ("Атака на Новомосковск.", "RU-TUL", "Novomoskovsk"),
])
def test_places_in_three_languages(gazetteer, text, code, place):
    assert only(gazetteer, text) == (code, place)


def test_mention_offsets_and_longest_match(gazetteer):
    text = "Drones hit the Kursk region; in Kursk, windows broke. Также атакован Старый Оскол."
    mentions = gazetteer.find(text)
    assert [text[m.start:m.end] for m in mentions] == ["Kursk region", "Kursk", "Старый Оскол"]
    assert [m.surface for m in mentions] == ["Kursk region", "Kursk", "Старый Оскол"]
    assert mentions[0].latitude == gazetteer.region("RU-KRS").latitude
    assert mentions[2].place.kind == "city"


@pytest.mark.parametrize("text", [
    "The government said the bill would pass after a long debate in parliament.",
    "She bought a new car and drove home across the bridge before the storm.",
    "Vladimir Putin met the delegation on Tuesday.",
    "Nova Scotia and Victoria are far away; Gay Pride and Bay Area news.",
    "Мирный житель погиб.",
    "Мир вокруг нас меняется, и Белая ночь пришла.",
    "Владимир Путин провёл совещание.",
    "Щастя не купиш за гроші.",
    "Жители дома вышли на улицу, стояла ясная погода.",
])
def test_no_matches_on_ordinary_words(gazetteer, text):
    assert found(gazetteer, text) == []


def test_common_word_names_match_inside_a_sentence(gazetteer):
    assert only(gazetteer, "Жители Орла услышали взрывы.") == ("RU-ORL", "Oryol")
    assert only(gazetteer, "Губернатор сообщил о взрывах во Владимире.") == ("RU-VLA", "Vladimir")


def test_place_named_and_region(gazetteer):
    kryvyi_rih = gazetteer.place_named("Kryvyi Rih")
    assert isinstance(kryvyi_rih, Place) and kryvyi_rih.region_code == "UA-12"
    assert gazetteer.place_named("kyiv").region_code == "UA-30"
    assert gazetteer.place_named("Atlantis") is None
    assert gazetteer.place_named("Kursk", "RU-KRS").name == "Kursk"
    assert gazetteer.place_named("Kursk", "RU-BEL") is None
    with pytest.raises(KeyError):
        gazetteer.region("XX")


def test_hand_written_regions_match_the_packaged_data(gazetteer):
    assert {r.code for r in gazetteer_overrides.REGIONS} == {r.code for r in gazetteer.regions()}
    for entry in gazetteer_overrides.REGIONS:
        assert gazetteer.region(entry.code).name == entry.name


def test_loads_from_the_packaged_resource():
    import importlib.resources

    resource = importlib.resources.files("schemas").joinpath("data/gazetteer.json")
    with resource.open("rb") as handle:
        data = json.load(handle)
    assert len(data["regions"]) == 110
    assert len(resource.read_bytes()) < 5_000_000
    assert Gazetteer.from_json(data).region("UA-43").name == "Autonomous Republic of Crimea"


@pytest.mark.parametrize("text, expected", [
    ("Ukrainian President Volodymyr Zelensky spoke.", []),
    ("Voronezh Governor Alexander Gusev said two drones fell.", [("Voronezh Governor", "RU-VOR", None)]),
    ("A biography of Friedrich Engels appeared.", []),
    ("Drones hit Engels overnight.", [("Engels", "RU-SAR", "Engels")]),
    ("In Kirov, sirens sounded.", [("Kirov", "RU-KIR", "Kirov")]),
    ("Губернатор Александр Гусев сообщил.", []),
])
def test_people_named_like_towns(gazetteer, text, expected):
    assert found(gazetteer, text) == expected


def test_each_name_has_one_meaning():
    import importlib.resources

    from transforms.incidents.gazetteer import match_key

    data = json.loads(importlib.resources.files("schemas").joinpath("data/gazetteer.json")
                      .read_text(encoding="utf-8"))
    meanings = {}
    for surface, target, _ in data["names"]:
        meanings.setdefault(match_key(surface), set()).add(str(target))
    assert {k: v for k, v in meanings.items() if len(v) > 1} == {}


@pytest.mark.parametrize("text", [
    "Human rights groups in New York criticised the decision.",
    "NEW YORK (AP) — Stocks rose on Monday.",
    "Oil flows through the Druzhba pipeline again.",
])
def test_geonames_spellings_that_are_english_words_are_left_out(gazetteer, text):
    assert found(gazetteer, text) == []


@pytest.mark.parametrize("text, code", [
    ("Сбиты дроны над Курской обл. и Брянской обл.", "RU-KRS"),
    ("Вибухи на Харківській обл.", "UA-63"),
    ("Drones hit the Belgorod and Kursk regions.", "RU-KRS"),
])
def test_abbreviated_and_plural_region_names(gazetteer, text, code):
    assert found(gazetteer, text)[0 if "обл" in text else -1][1:] == (code, None)


def test_hand_written_places_keep_their_regions(gazetteer):
    for entry in gazetteer_overrides.PLACES:
        place = gazetteer.place_named(entry.name)
        assert place is not None and place.region_code == entry.region, entry.name
        assert place.kind == entry.kind


def test_ukrainian_places_lie_near_their_region_centre(gazetteer):
    """A wrong GeoNames admin1 -> ISO mapping would put towns hundreds of km away."""
    import math

    data = json.loads(__import__("importlib.resources").resources.files("schemas")
                      .joinpath("data/gazetteer.json").read_text(encoding="utf-8"))
    for place in data["places"]:
        if place["country"] != "UA":
            continue
        region = gazetteer.region(place["region_code"])
        north = (place["latitude"] - region.latitude) * 111
        east = (place["longitude"] - region.longitude) * 111 * math.cos(math.radians(region.latitude))
        assert math.hypot(north, east) < 310, place


@pytest.mark.parametrize("text, expected", [
    ("Над Курской и Белгородской областями сбиты 23 беспилотника.", ["RU-KRS", "RU-BEL"]),
    ("Дрони збили над Ростовською, Бєлгородською та Курською областями.",
     ["RU-ROS", "RU-BEL", "RU-KRS"]),
    ("Drones hit targets in the Sumy, Kharkiv and Odesa regions.", ["UA-59", "UA-63", "UA-51"]),
    ("Debris fell in the Moscow and Kaluga regions.", ["RU-MOS", "RU-KLU"]),
])
def test_regions_named_in_a_list(gazetteer, text, expected):
    assert [(code, place) for _, code, place in found(gazetteer, text)] == [(c, None) for c in expected]


@pytest.mark.parametrize("text, expected", [
    ("Удар по центру Сум.", [("Сум", "UA-59", "Sumy")]),
    ("За даними Сумської ОВА, є загиблі.", [("Сумської ОВА", "UA-59", None)]),
    ("Начальник Дніпропетровської ОДА повідомив.", [("Дніпропетровської ОДА", "UA-12", None)]),
    ("Работа Курской АЭС не нарушена.", [("Курской АЭС", "RU-KRS", None)]),  # the plant named after Kursk
    ("KYIV, Aug 11 (Reuters) - A missile hit Zaporizhzhia.", [("Zaporizhzhia", "UA-23", "Zaporizhzhia")]),
])
def test_short_forms_administrations_and_datelines(gazetteer, text, expected):
    assert found(gazetteer, text) == expected


@pytest.mark.parametrize("text, code", [
    ("в Белгородском районе", "RU-BEL"),
    ("Шебекинский городской округ", "RU-BEL"),
    ("в Глушковском районе", "RU-KRS"),
    ("Харківського району", "UA-63"),
    ("у Шосткинському районі", "UA-59"),
    ("Конотопської громади", "UA-59"),
    ("Покровському районі", "UA-14"),
    ("на Нікопольщині", "UA-12"),
    ("в Лискинском районе", "RU-VOR"),
])
def test_a_district_named_after_its_town_is_in_the_towns_region(gazetteer, text, code):
    assert only(gazetteer, text) == (code, None)


@pytest.mark.parametrize("text, code", [
    ("Саратовский НПЗ остановил работу", "RU-SAR"),
    ("уражено Новокуйбишевський нафтопереробний завод", "RU-SAM"),
    ("возле Курского аэропорта", "RU-KRS"),
])
def test_a_refinery_or_airport_named_after_its_town_is_in_the_towns_region(gazetteer, text, code):
    assert only(gazetteer, text) == (code, None)


@pytest.mark.parametrize("text, code", [
    ("дрон упал у Курской АЭС", "RU-KRS"),  # Kursk's adjective, not the Stavropol village Курская
    ("Курская АЭС работает штатно", "RU-KRS"),
    ("на Нововоронежской АЭС", "RU-VOR"),
    ("обстріляли Запорізьку АЕС", "UA-23"),
    ("Белгородская ТЭЦ обесточена", "RU-BEL"),
])
def test_a_power_plant_named_by_a_towns_adjective_is_in_the_towns_region(gazetteer, text, code):
    assert only(gazetteer, text) == (code, None)


def test_a_region_list_with_the_noun_given_once(gazetteer):
    assert [code for _, code, _ in found(gazetteer, "над Брянской областью уничтожено 8 БПЛА, над Курской — 5, "
                                                    "над Белгородской — 2")] == ["RU-BRY", "RU-KRS", "RU-BEL"]
    assert found(gazetteer, "Курской — 5") == []  # an adjective alone, with no region named before


@pytest.mark.parametrize("text, codes", [
    ("у Новгород-Сіверському районі", ["UA-74"]),  # the town's district, not Novgorod
    ("Kyiv-based analysts", []),
    ("Белгород-Днестровский", ["UA-51"]),
    ("в Ростове-на-Дону", ["RU-ROS"]),
])
def test_part_of_a_hyphenated_compound_is_not_a_name(gazetteer, text, codes):
    assert [code for _, code, _ in found(gazetteer, text)] == codes


@pytest.mark.parametrize("text, place", [
    ("в Каменском Днепропетровской области", "Kamianske"),  # a town named by an adjective, in its cases
    ("по Каменскому", "Kamianske"),
    ("обстрел Марганца", "Marhanets"),  # Russian for manganese: a hand place, capitalised only
    ("добыча марганца", None),
])
def test_hand_places_in_their_russian_case_forms(gazetteer, text, place):
    assert [m.place.name for m in gazetteer.find(text) if m.place] == ([place] if place else [])
