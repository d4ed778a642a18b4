"""Extraction on short reports, one rule at a time (texts written for these tests)."""
import datetime as dt

import pytest

from schemas.records import Story
from transforms.incidents import EXTRACTOR_VERSION, extract_story
from transforms.story_region import main_region
from transforms.incidents.extract import split_sentences

PUBLISHED = dt.datetime(2025, 5, 14, 6, 0, tzinfo=dt.timezone.utc)  # a Wednesday, 09:00 in Moscow


def story(text: str, published=PUBLISHED, title: str = "") -> Story:
    return Story(story_id="s1", source_type="text", source_name="test", url="file:///tmp/s1.txt",
                 guid="s1", title=title, text=text, lang=None, published_at=published,
                 fetched_at=dt.datetime(2025, 6, 1, tzinfo=dt.timezone.utc), cluster_id="c1")


def rows(text: str, gazetteer, **kwargs):
    return extract_story(story(text, **kwargs), gazetteer)


def one(text: str, gazetteer, **kwargs):
    found = rows(text, gazetteer, **kwargs)
    assert len(found) == 1, found
    return found[0]


def test_provenance_and_acled_columns(gazetteer):
    row = one("Russian air defences shot down 14 drones over the Rostov region overnight, "
              "the governor said.", gazetteer)
    assert (row.region_code, row.country, row.region_name) == ("RU-ROS", "RU", "Rostov Oblast")
    assert (row.event_type, row.weapon, row.intercepted, row.launched) == ("interception", "drone", 14, None)
    assert (row.event_date, row.date_precision) == (dt.date(2025, 5, 14), "day")
    assert row.reported_by == "governor"
    assert row.story_ids == ["s1"] and row.source_urls == ["file:///tmp/s1.txt"] and row.cluster_ids == ["c1"]
    assert row.num_sources == 1 and row.published_at == PUBLISHED
    assert row.extractor_version == EXTRACTOR_VERSION
    assert (row.acled_event_type, row.acled_sub_event_type) == ("Strategic developments", "Disrupted weapons use")
    assert row.evidence == ["Russian air defences shot down 14 drones over the Rostov region overnight, "
                            "the governor said."]
    assert row.latitude and row.longitude


def test_the_same_event_gets_the_same_id_in_any_story(gazetteer):
    first = one("Drones attacked an oil depot in Novozybkov, the governor said.", gazetteer)
    second = one("An oil depot in Novozybkov was hit by Ukrainian drones; a fire broke out.", gazetteer)
    assert first.incident_id == second.incident_id


@pytest.mark.parametrize("text, launched, intercepted", [
    ("Air defences shot down 40 of 45 drones over the Kursk region.", 45, 40),
    ("Of the 24 drones launched at the Odesa region, 17 were destroyed.", 24, 17),
    ("Над Брянской областью перехвачены и уничтожены 12 беспилотников.", None, 12),
    ("На Дніпропетровщині збито сім дронів.", None, 7),
    ("Із 45 запущених дронів над Харківщиною сили ППО збили 40.", 45, 40),
    ("Уночі ворог запустив по Харківщині 45 дронів, 40 з них вдалося збити.", 45, 40),
])
def test_launched_and_intercepted(gazetteer, text, launched, intercepted):
    row = one(text, gazetteer)
    assert (row.launched, row.intercepted) == (launched, intercepted)


@pytest.mark.parametrize("text, launched, intercepted", [
    ("Ворог атакував Харків дронами, а понад 40 підприємств постачають такі дрони.", None, None),
    ("Брянскую область атаковали беспилотники, а около 30 заводов выпускают такие беспилотники.", None, None),
    ("Russian drones attacked Kharkiv, and over 30 manufacturers supply such drones to the army.", None, None),
    ("Над Брянской областью сбиты 12 штук беспилотников.", None, 12),  # a unit counts the weapons
    ("Ворог завдав чотирьох ударів керованими авіабомбами по Херсону.", None, None),  # strikes, not bombs
    ("Ночью противник запустил по Курской области 30 ударных беспилотников.", 30, None),
])
def test_a_number_of_makers_or_strikes_is_no_weapon_count(gazetteer, text, launched, intercepted):
    row = one(text, gazetteer)
    assert (row.launched, row.intercepted) == (launched, intercepted)


@pytest.mark.parametrize("text", [
    "The defence ministry said five drones were shot down over the Bryansk region, two over the "
    "Belgorod region and one over the Kursk region.",
    "Минобороны: перехвачены 8 беспилотников: 5 – над территорией Брянской области, 2 – над "
    "территорией Белгородской области, 1 – над территорией Курской области.",
    "Минобороны: над территорией Брянской области уничтожено пять БПЛА, над Белгородской областью – два, "
    "над Курской областью – один.",
])
def test_a_breakdown_by_region_is_one_incident_per_region(gazetteer, text):
    found = {r.region_code: r.intercepted for r in rows(text, gazetteer)}
    assert found == {"RU-BRY": 5, "RU-BEL": 2, "RU-KRS": 1}


def test_a_total_broken_down_by_region_makes_no_national_row(gazetteer):
    text = ("Air defences destroyed eight drones across three regions overnight. Five were downed over "
            "the Bryansk region, two over the Belgorod region and one over the Kursk region.")
    assert sorted(r.region_code for r in rows(text, gazetteer)) == ["RU-BEL", "RU-BRY", "RU-KRS"]


def test_a_national_total_without_breakdown_is_one_xx_row(gazetteer):
    row = one("Russia launched 87 Shahed drones at Ukraine overnight, the air force said; 61 were shot down.",
              gazetteer)
    assert (row.region_code, row.country, row.launched, row.intercepted) == ("XX", "UA", 87, 61)
    assert row.reported_by == "air_force" and row.actor == "RU"


def test_a_house_hit_in_the_town_of_an_airbase_is_a_row_of_its_own(gazetteer):
    # One row per place: the base and the town it is named after are two places.
    found = rows("Ukrainian drones attacked the Engels-2 airbase in the Saratov region overnight, the governor "
                 "said. Windows of a house in Engels were blown out by the blast.", gazetteer)
    assert sorted((r.place, r.target_type) for r in found) == [("Engels", "residential"), ("Engels-2", "military")]


def test_a_headline_count_a_country_gives_is_the_national_row_not_the_headlines_place(gazetteer):
    found = rows("A drone hit the oil refinery in Ryazan overnight, the governor said. Russia's Defence "
                 "Ministry said 45 Ukrainian drones were shot down over Russian regions on Tuesday night.",
                 gazetteer, title="Drone hits refinery in Ryazan; Russia says 45 drones downed")
    assert sorted((r.region_code, r.intercepted) for r in found) == [("RU-RYA", None), ("XX", 45)]


@pytest.mark.parametrize("text, killed, injured", [
    ("A drone attack on Belgorod left three people dead and over thirty others hospitalised.", 3, 30),
    ("Two people were killed and nine wounded when a missile hit Sumy.", 2, 9),
    ("A Russian drone struck a house in Kharkiv, injuring 11 people, including two children.", None, 11),
    ("At least four firefighters were injured in the drone attack on Kursk.", None, 4),
    ("The death toll from the missile strike on Dnipro has risen to seven.", 7, None),
    ("В Курске при атаке дрона погибла женщина, еще четыре человека получили ранения.", 1, 4),
    ("Російська армія обстріляла Херсон, загинув чоловік, ще двоє поранені.", 1, 2),
    ("A 64-year-old woman was injured when a drone hit her house in Nikopol.", None, 1),
    ("Drones attacked the Lipetsk region; there were no casualties.", 0, 0),
    ("В Брянской области сбит беспилотник. Информация о пострадавших уточняется.", None, None),
    ("Moscow's mayor said drones were repelled. There was no immediate information about casualties.",
     None, None),
    ("Drones attacked a factory in the Tula region and injured several workers.", None, None),
])
def test_casualties(gazetteer, text, killed, injured):
    row = one(text, gazetteer)
    assert (row.killed, row.injured) == (killed, injured)


@pytest.mark.parametrize("text, target_type", [
    ("Ukrainian drones attacked an oil refinery in the Ryazan region.", "energy"),
    ("A drone hit a substation in Kursk.", "energy"),
    ("Дрон атаковал многоквартирный дом в Белгороде.", "residential"),
    ("Ворог вдарив ракетою по адміністративній будівлі в Сумах.", "government"),
    ("A drone attack on a military airfield in the Saratov region caused a fire.", "military"),
    ("A drone struck a boiler room in Konotop.", "energy"),
    ("Дрон атакував котельню в Шостці.", "energy"),
])
def test_targets(gazetteer, text, target_type):
    assert one(text, gazetteer).target_type == target_type


@pytest.mark.parametrize("text, event_type, weapon", [
    ("An air raid alert was declared in the Kyiv region over a threat of ballistic missiles.", "air_alert",
     "ballistic_missile"),
    ("В Тульской области объявлена угроза атаки БПЛА.", "air_alert", "drone"),
    ("Russian aircraft dropped glide bombs on Kostiantynivka, injuring three.", "airstrike", "glide_bomb"),
    ("Ворог завдав ударів КАБами по Сумщині.", "airstrike", "glide_bomb"),
    ("Russian artillery shelled Nikopol, damaging houses.", "shelling", "artillery"),
    ("An FPV drone hit a car in Shebekino.", "drone_attack", "fpv_drone"),
    ("Sea drones attacked a patrol boat near Novorossiysk.", "drone_attack", "naval_drone"),
    ("A Kalibr missile hit a port in Odesa.", "missile_strike", "cruise_missile"),
])
def test_event_type_and_weapon(gazetteer, text, event_type, weapon):
    row = one(text, gazetteer)
    assert (row.event_type, row.weapon) == (event_type, weapon)


def test_acled_classes_by_event_type(gazetteer):
    row = one("A Russian missile hit Kharkiv, injuring five people.", gazetteer)
    assert (row.acled_event_type, row.acled_sub_event_type) == ("Explosions/Remote violence",
                                                                "Shelling/artillery/missile attack")


@pytest.mark.parametrize("text, expected", [
    ("Drones attacked the Bryansk region yesterday, destroying a substation.", dt.date(2025, 5, 13)),
    ("On Monday, a drone hit a substation in Klintsy.", dt.date(2025, 5, 12)),
    ("В ночь на 12 мая беспилотники атаковали нефтебазу в Брянской области.", dt.date(2025, 5, 12)),
    ("8 травня ворог атакував Одесу дронами, пошкоджено будинок.", dt.date(2025, 5, 8)),
])
def test_event_dates(gazetteer, text, expected):
    row = one(text, gazetteer)
    assert (row.event_date, row.date_precision) == (expected, "day")


def test_without_a_date_the_published_then_the_fetched_date(gazetteer):
    text = "Drones attacked an oil depot in the Bryansk region, the governor said."
    assert (one(text, gazetteer).event_date, one(text, gazetteer).date_precision) == (dt.date(2025, 5, 14),
                                                                                      "published")
    row = one(text, gazetteer, published=None)
    assert (row.event_date, row.date_precision) == (dt.date(2025, 6, 1), "ingested")


def test_relative_words_resolve_in_the_regions_time_zone(gazetteer):
    late = dt.datetime(2025, 5, 13, 22, 30, tzinfo=dt.timezone.utc)  # already May 14 in Moscow
    row = one("Drones attacked an oil depot in the Bryansk region overnight.", gazetteer, published=late)
    assert row.event_date == dt.date(2025, 5, 14)


def test_a_dated_background_event_is_its_own_incident(gazetteer):
    text = ("Drones attacked a plant in Saratov overnight, injuring two workers. On 12 March a "
            "drone attack on Saratov injured five people.")
    found = sorted(rows(text, gazetteer), key=lambda r: r.event_date)
    assert [(r.event_date, r.injured) for r in found] == [(dt.date(2025, 3, 12), 5), (dt.date(2025, 5, 14), 2)]


def test_undated_background_is_not_merged_into_the_current_event(gazetteer):
    text = ("A drone attack on a plant in Saratov left three people dead. It was the second attack on the "
            "plant since November; the previous attempt caused no casualties.")
    row = one(text, gazetteer)
    assert (row.killed, row.injured) == (3, None)


def test_several_places_in_one_region_are_several_rows(gazetteer):
    text = ("In the Belgorod region, a drone hit a car in Graivoron, wounding two men. Separately, an FPV "
            "drone damaged a house in Shebekino. Nobody was hurt there.")
    found = {r.place: (r.weapon, r.injured) for r in rows(text, gazetteer)}
    assert found == {"Graivoron": ("drone", 2), "Shebekino": ("fpv_drone", 0)}


def test_a_sentence_without_a_place_continues_the_one_before(gazetteer):
    text = "Drones attacked the Lipetsk region yesterday. Four drones were destroyed, the governor said."
    row = one(text, gazetteer)
    assert (row.intercepted, row.event_date, row.reported_by) == (4, dt.date(2025, 5, 13), "governor")


def test_the_attacker_side(gazetteer):
    assert one("Ukrainian drones attacked a refinery in the Samara region.", gazetteer).actor == "UA"
    assert one("Росіяни атакували Одесу ударними дронами, пошкоджено будинок.", gazetteer).actor == "RU"


@pytest.mark.parametrize("text", [
    "A logistics company in Tatarstan began delivering parcels by drone to villages near Kazan.",
    "Analysts argue that cheap drones have made the Kursk region a testing ground for new tactics.",
    "Flights at Kazan airport were suspended for several hours as a precaution.",
    "В Краснодарском крае фермеры начали использовать дроны для опрыскивания полей.",
    "На Житомирщині відкрили школу операторів дронів.",
    "Эксперты считают, что атаки дронов на НПЗ могут привести к росту цен на бензин.",
])
def test_no_incident_in_stories_about_something_else(gazetteer, text):
    assert rows(text, gazetteer) == []


def test_a_photo_caption_is_not_an_incident_of_the_story(gazetteer):
    text = ("Russian drones attacked Izmail overnight, damaging a grain terminal.\n"
            "Photo: firefighters at the scene of a missile strike in Kharkiv last month.\n"
            "Read also: Drone attack on Kursk injures four")
    assert [r.region_code for r in rows(text, gazetteer)] == ["UA-51"]


def test_sentences_split_at_ends_but_not_at_abbreviations():
    sentences = split_sentences("", "Gov. Gladkov said a drone hit Belgorod. Two were hurt.\nPhoto: smoke")
    assert [s.text for s in sentences] == ["Gov. Gladkov said a drone hit Belgorod.", "Two were hurt.",
                                           "Photo: smoke"]
    assert [s.skip for s in sentences] == [False, False, True]


def test_empty_story(gazetteer):
    assert rows("", gazetteer) == []


def test_a_wire_dateline_is_not_where_it_happened(gazetteer):
    row = one("KYIV, Aug 11 (Reuters) - A Russian drone attack on Zaporizhzhia killed four people overnight, "
              "governor Ivan Fedorov said.", gazetteer)
    assert (row.region_code, row.killed, row.reported_by) == ("UA-23", 4, "governor")


def test_an_authority_named_after_its_region_reports_on_the_place_before(gazetteer):
    text = ("Российская армия ночью атаковала Одессу ударными беспилотниками.\n"
            "По словам главы Одесской ОВА, повреждены объекты портовой инфраструктуры, ранены три человека.")
    row = one(text, gazetteer)
    assert (row.place, row.injured, row.reported_by) == ("Odesa", 3, "governor")


def test_regions_listed_with_one_noun_are_each_a_row(gazetteer):
    found = rows("Над Курской и Белгородской областями за сутки сбиты 23 беспилотника, сообщили в Минобороны.",
                 gazetteer)
    assert sorted((r.region_code, r.intercepted) for r in found) == [("RU-BEL", None), ("RU-KRS", None)]


def test_the_air_forces_national_count_does_not_join_the_city_before(gazetteer):
    text = ("A Russian missile attack on Zaporizhzhia killed four people overnight, the governor said. "
            "Ukraine's air force said Russia had launched 65 drones at the country overnight, and that 48 "
            "drones had been shot down.")
    found = {r.region_code: (r.launched, r.intercepted, r.killed) for r in rows(text, gazetteer)}
    assert found == {"UA-23": (None, None, 4), "XX": (65, 48, None)}


def test_damage_reported_elsewhere_in_an_attack_story_is_its_own_row(gazetteer):
    text = ("В Грайвороне дрон атаковал автомобиль, ранены двое.\n"
            "В Шебекино повреждены три частных дома.")
    found = {r.place: (r.event_type, r.weapon, r.target_type) for r in rows(text, gazetteer)}
    assert found == {"Graivoron": ("drone_attack", "drone", "civilian"),
                     "Shebekino": ("drone_attack", "drone", "residential")}


@pytest.mark.parametrize("text, reported_by", [
    ("Мэр Москвы Сергей Собянин сообщил, что силы ПВО Минобороны отразили атаку беспилотника на Москву.",
     "mayor"),
    ("Сили оборони знешкодили 5 дронів над Київщиною, повідомили Повітряні сили.", "air_force"),
    ("⚡️Губернатор Курской области: в результате удара ВСУ по Курчатову повреждена ЛЭП.", "governor"),
    ("Russian air defences shot down 14 drones over the Rostov region, the Rostov governor wrote.", "governor"),
])
def test_the_reporter_is_the_source_named_by_the_reporting_verb(gazetteer, text, reported_by):
    assert one(text, gazetteer).reported_by == reported_by


@pytest.mark.parametrize("text", [
    "По словам эксперта, стоимость одного перехвата дрона над Московской областью снизилась в десятки раз.",
    "The enemy shelled border communities of the Sumy region 45 times.",
])
def test_numbers_that_count_nothing_reported(gazetteer, text):
    assert all(r.intercepted is None and r.launched is None for r in rows(text, gazetteer))


def test_story_region_is_where_most_incidents_are(gazetteer):
    text = ("Five drones were shot down over the Bryansk region, two over the Belgorod region. A drone hit "
            "a substation in Klintsy.")
    assert main_region([r.region_code for r in rows(text, gazetteer)]) == "RU-BRY"
    assert main_region([]) == "XX"


def test_no_casualties_in_either_place_applies_to_both(gazetteer):
    text = ("A drone attack sparked a fire at a fuel depot in the town of Sal'sk in the Rostov region, while a "
            "second drone was shot down over Taganrog.\nNo casualties were reported in either place.")
    found = sorted((r.place or "", r.event_type, r.killed, r.injured) for r in rows(text, gazetteer))
    assert found == [("", "drone_attack", 0, 0), ("Taganrog", "interception", 0, 0)]


@pytest.mark.parametrize("text", [
    "Zenit beat Krasnodar 2-1 in St Petersburg thanks to a late strike from their forward, who hit the post twice.",
    "A hacker attack knocked out the website of the Kursk regional government for several hours.",
    "Drone show lights up the sky over Kazan: 1,500 drones formed images of the Kremlin.",
    "The Kremlin said the deployment of U.S. missiles in Germany would be a threat to Russia.",
    "Футбольный клуб «Ростов» нанес удар по воротам соперника: мяч после удара попал в штангу.",
    "Міністр оборони заявив, що Україна до кінця року виготовить понад 4 мільйони дронів.",
])
def test_strikes_hits_and_drones_of_other_kinds(gazetteer, text):
    assert rows(text, gazetteer) == []


def test_a_place_named_by_the_reporter_in_the_next_sentence(gazetteer):
    text = ("В ночь на 13 мая украинские беспилотники атаковали газоперерабатывающий завод.\n"
            "Об этом сообщил губернатор Оренбургской области.\n"
            "Пострадавших нет.")
    row = one(text, gazetteer)
    assert (row.region_code, row.event_date, row.reported_by, row.killed, row.injured) == (
        "RU-ORE", dt.date(2025, 5, 13), "governor", 0, 0)


def test_a_comparison_with_the_past_does_not_make_the_current_event_background(gazetteer):
    row = one("In the largest attack since the start of the war, drones hit the Moscow region overnight, "
              "killing three people.", gazetteer)
    assert (row.region_code, row.killed) == ("RU-MOS", 3)


def test_one_of_several_counts_is_the_places_own(gazetteer):
    found = rows("Air defences destroyed 337 drones over ten regions, including 126 over the Kursk region.", gazetteer)
    assert {(r.region_code, r.intercepted) for r in found} == {("RU-KRS", 126), ("XX", 337)}


def test_a_combined_attack_is_filed_under_its_missiles(gazetteer):
    row = one("Росіяни атакували Київ ударними дронами та балістичними ракетами, загинули 7 людей.", gazetteer)
    assert (row.event_type, row.weapon, row.killed) == ("missile_strike", "ballistic_missile", 7)


@pytest.mark.parametrize("text, killed, injured", [
    ("Drones attacked a plant in Yelabuga. Eight workers were injured, three of them seriously.", None, 8),
    ("Дроны атаковали завод в Елабуге, пострадали восемь рабочих, из них трое тяжело.", None, 8),
    ("Дрони атакували Харків, поранено вісім людей, з них троє дітей.", None, 8),
    ("A missile strike on Kharkiv killed three people - two men and a woman.", 3, None),
    ("Ракетный удар по Харькову: погибли три человека (двое мужчин и женщина).", 3, None),
    ("A drone hit Kharkiv. Three people were killed. Three people were killed in the attack, the mayor said.",
     3, None),
])
def test_a_part_of_a_casualty_figure_is_not_added_to_it(gazetteer, text, killed, injured):
    row = one(text, gazetteer)
    assert (row.killed, row.injured) == (killed, injured)


@pytest.mark.parametrize("text", [
    "A missile hit Kharkiv. The strike was carried out with an Iskander-M missile launched from Russia's "
    "Belgorod region.",
    "Ракета влучила в Харків. Її було випущено з території Бєлгородської області.",
    "Ракета попала в Харьков, она была выпущена с территории Белгородской области.",
    "Drones attacked Kharkiv, flying in from the direction of the Belgorod region.",
])
def test_where_a_weapon_was_launched_from_is_no_incident(gazetteer, text):
    assert [r.region_code for r in rows(text, gazetteer)] == ["UA-63"]


def test_an_origin_phrase_does_not_stop_a_sentence_continuing_the_place_before(gazetteer):
    text = ("A Russian missile hit Kharkiv. The governor said the strike was carried out with an Iskander-M "
            "missile launched from Russia's Belgorod region, killing two.")
    row = one(text, gazetteer)
    assert (row.region_code, row.weapon, row.killed) == ("UA-63", "ballistic_missile", 2)


@pytest.mark.parametrize("text", [
    "A missile hit Kharkiv, killing two. It hit an apartment building in the Kyivskyi district, the mayor said.",
    "Drones attacked the Kyivskyi district of Kharkiv, damaging a school.",
    "Ракета влучила в Харків, загинули двоє. Пошкоджено будинок у Київському районі.",
])
def test_a_city_district_named_like_a_place_elsewhere_is_part_of_the_city(gazetteer, text):
    assert [(r.region_code, r.place) for r in rows(text, gazetteer)] == [("UA-63", "Kharkiv")]


def test_a_district_in_the_region_the_sentence_names_is_kept(gazetteer):
    text = ("Drones attacked Moscow overnight. Separately, the governor of the Kaluga region said a drone had "
            "been downed over Lyudinovo district.")
    assert ("RU-KLU", "Lyudinovo") in {(r.region_code, r.place) for r in rows(text, gazetteer)}


@pytest.mark.parametrize("text, expected", [
    ("Drones attacked a plant in Yelabuga on Monday. It was the second attack on the Yelabuga site since April, "
     "when a drone damaged a dormitory without causing casualties.", dt.date(2025, 4, 1)),
    ("Дроны атаковали Курск в понедельник. Это вторая атака на Курск с августа, когда дрон повредил "
     "общежитие, пострадавших тогда не было.", dt.date(2024, 8, 1)),
    ("Дрони атакували Харків у понеділок. Це друга атака на Харків з квітня, коли дрон пошкодив гуртожиток "
     "без постраждалих.", dt.date(2025, 4, 1)),
])
def test_a_background_event_dated_by_month_is_its_own_row(gazetteer, text, expected):
    found = sorted(rows(text, gazetteer), key=lambda r: r.event_date)
    assert len(found) == 2, found
    background, current = found
    assert (background.event_date, background.date_precision, background.killed, background.injured) == \
        (expected, "month", 0, 0)
    assert (current.event_date, current.date_precision) == (dt.date(2025, 5, 12), "day")


def test_a_background_event_without_a_date_is_dropped(gazetteer):
    text = ("Drones attacked a plant in Yelabuga on Monday. It was not the first attack on the site: "
            "drones have repeatedly damaged its dormitory, the governor said.")
    assert [(r.event_date, r.date_precision) for r in rows(text, gazetteer)] == [(dt.date(2025, 5, 12), "day")]


def test_an_undated_headline_is_the_event_the_story_dates(gazetteer):
    text = "Drones attacked an industrial plant in Yelabuga in Tatarstan on Monday, injuring eight workers."
    row = one(text, gazetteer, title="Drones strike industrial plant in Tatarstan")
    assert (row.place, row.event_date, row.injured) == ("Yelabuga", dt.date(2025, 5, 12), 8)


@pytest.mark.parametrize("text", [
    "Opinion: Drone strikes on refineries will not end the war\nUkraine's drones hit refineries in the Ryazan "
    "region again last night, and it changes little.",
    "Kyiv has hit oil refineries in the Samara region many times this year.",
    "A former general argues that missile strikes on Kharkiv show the need for more air defence.",
    "A drone show with 500 drones lit up the sky over Kazan on Saturday.",
    "Думка: чому удари дронами по НПЗ не зупинять війну",
    "У Львові провели шоу дронів: 300 дронів утворили в небі тризуб.",
    "В Тверской области начали доставлять лекарства дронами: 40 полётов в сёла за неделю.",
    "A plant in Yelabuga now assembles attack and reconnaissance drones for the army.",
])
def test_no_incident_in_opinion_pieces_and_drone_shows(gazetteer, text):
    assert rows(text, gazetteer) == []


def test_of_the_city_is_not_a_bridge(gazetteer):
    row = one("Росіяни завдали ракетного удару по Харкову, повідомив мер міста.", gazetteer)
    assert row.target_type is None


@pytest.mark.parametrize("text, killed, injured", [
    ("Two men and a woman were injured when a drone hit a house in Kharkiv.", None, 3),
    ("Two people, a man and a woman, were injured when a drone hit a house in Kharkiv.", None, 2),
    ("В Курске после атаки дрона погибли мужчина и женщина.", 2, None),
    ("Внаслідок удару КАБ по Харкову поранено двох чоловіків та жінку.", None, 3),
    ("У Харкові внаслідок удару дрона загинула жінка, ще п'ятеро людей травмовані, серед них дитина.", 1, 5),
    ("Дрон атакував Київ: загинули 14 людей, серед них троє дітей, ще 38 поранено.", 14, 38),
    ("In Kherson a drone hit a car; a man suffered shrapnel wounds.", None, 1),
])
def test_people_joined_by_and_add_up_unless_they_are_among_a_figure(gazetteer, text, killed, injured):
    row = one(text, gazetteer)
    assert (row.killed, row.injured) == (killed, injured)


@pytest.mark.parametrize("text", [
    "Над Воронежем сбиты пять БПЛА. Пострадавших и разрушений нет.",
    "У Львові ракета влучила в об'єкт інфраструктури. За попередньою інформацією, загиблих та постраждалих немає.",
    "Drones hit a depot in Bryansk; there were no deaths or injuries.",
])
def test_nobody_hurt_said_of_casualties_and_something_else(gazetteer, text):
    row = one(text, gazetteer)
    assert (row.killed, row.injured) == (0, 0)


@pytest.mark.parametrize("text, launched, intercepted", [
    ("Один из дронов попал в здание предприятия в Чебоксарах, пострадали два человека.", None, None),
    ("Air defences shot down or suppressed 49 of the drones over the Kharkiv region.", None, 49),
    ("Силами ПВО отражена атака двух беспилотников, летевших на Москву.", None, 2),
    ("Air defences repelled an attack by five drones on Kursk overnight.", None, 5),
])
def test_one_of_the_drones_counts_none_and_a_repelled_attack_counts_what_was_downed(gazetteer, text, launched,
                                                                                     intercepted):
    row = one(text, gazetteer)
    assert (row.launched, row.intercepted) == (launched, intercepted)


@pytest.mark.parametrize("text, code", [
    ("Ворог атакував столицю балістичними ракетами, загинули двоє людей.", "UA-30"),
    ("Над столицей сбиты два беспилотника, сообщил мэр.", "RU-MOW"),
    ("Russian drones attacked the Ukrainian capital overnight, injuring three.", "UA-30"),
    ("Drones struck Kharkiv; hours later the capital came under attack too, injuring one, Klitschko said. "
     "Debris fell in Kyiv.", "UA-30"),
])
def test_the_capital_is_kyiv_or_moscow_by_the_story(gazetteer, text, code):
    assert code in {row.region_code for row in rows(text, gazetteer)}


def test_a_regional_capital_is_not_the_countrys(gazetteer):
    found = rows("Russia hit the regional capital with drones, injuring five, the Kharkiv governor said.", gazetteer)
    assert [row.region_code for row in found] == ["UA-63"]


@pytest.mark.parametrize("text, code", [
    ("В Белгородском районе в селе Стрелецкое дрон атаковал автомобиль, ранены двое.", "RU-BEL"),
    ("Нікопольщину ворог атакував з артилерії, поранено чоловіка.", "UA-12"),
    ("Минобороны: за ночь над Брянской областью уничтожено 8 БПЛА, над Курской — 5.", None),
])
def test_districts_areas_and_region_lists_with_the_noun_once(gazetteer, text, code):
    found = rows(text, gazetteer)
    if code is None:
        assert [(row.region_code, row.intercepted) for row in found] == [("RU-BRY", 8), ("RU-KRS", 5)]
    else:
        assert [row.region_code for row in found] == [code]


@pytest.mark.parametrize("text", [
    "A drone hit a car in the village of Murom in the Shebekino urban district, the Belgorod governor said; "
    "a man was wounded.",
    "Officials in Belgorod said a drone dropped an explosive on a car in the village of Murom, injuring a man.",
])
def test_a_village_named_like_a_city_elsewhere_is_not_that_city(gazetteer, text):
    assert {row.region_code for row in rows(text, gazetteer)} == {"RU-BEL"}


def test_the_seat_of_a_ministry_is_no_incident_place(gazetteer):
    found = rows("Air defences destroyed 17 drones over the Bryansk, Kursk and Belgorod regions, "
                 "the Defence Ministry in Moscow said.", gazetteer)
    assert sorted(row.region_code for row in found) == ["RU-BEL", "RU-BRY", "RU-KRS"]


def test_a_caption_credited_as_a_file_photo_is_no_incident(gazetteer):
    found = rows("Russian drones struck an energy facility in the Odesa region overnight. Nobody was hurt.\n"
                 "Firefighters at the site of a missile strike in Zaporizhzhia in March. (Reuters/File Photo)", gazetteer)
    assert [row.region_code for row in found] == ["UA-51"]


def test_hits_recorded_in_regions_are_rows_of_the_attack(gazetteer):
    found = rows("Уночі ворог атакував 85 ударними дронами, збито 67, повідомили Повітряні сили. "
                 "Влучання зафіксовано на Сумщині та Харківщині.", gazetteer)
    assert sorted(row.region_code for row in found) == ["UA-59", "UA-63", "XX"]


def test_uchora_is_yesterday(gazetteer):
    row = one("Учора ввечері ворог атакував Харків дронами, постраждали четверо людей.", gazetteer)
    assert row.event_date == dt.date(2025, 5, 13)


def test_casualties_go_to_the_place_written_after_the_people(gazetteer):
    found = rows("Russian drones damaged energy infrastructure in the Dnipropetrovsk region and injured two "
                 "people in Kharkiv overnight.", gazetteer)
    assert {row.region_code: row.injured for row in found} == {"UA-12": None, "UA-63": 2}


def test_a_where_clause_is_about_the_place_of_its_sentence(gazetteer):
    row = one("Explosions were heard in Lviv, where the governor reported a strike on an industrial facility.",
              gazetteer)
    assert (row.region_code, row.target_type, row.reported_by) == ("UA-46", "industrial", "governor")


def test_seven_each_over_two_regions(gazetteer):
    found = rows("За ночь уничтожены 24 беспилотника: 17 — над Курской областью, по семь — над Брянской и "
                 "Орловской областями.", gazetteer)
    assert {row.region_code: row.intercepted for row in found} == {"RU-KRS": 17, "RU-BRY": 7, "RU-ORL": 7}


def test_an_alert_over_the_region_is_not_folded_into_a_towns_attack(gazetteer):
    found = rows("В Липецкой области объявлена угроза атаки БПЛА. Ранее губернатор сообщил, что в Ельце "
                 "беспилотник повредил крышу склада, пострадавших нет.", gazetteer)
    assert {(row.place, row.event_type) for row in found} == {("Yelets", "drone_attack"), (None, "air_alert")}


def test_the_authority_of_the_region_reports_on_the_town_before(gazetteer):
    row = one("Армія РФ атакувала Запоріжжя, загинула одна людина. Про це повідомив голова Запорізької ОВА.",
              gazetteer)
    assert (row.place, row.reported_by) == ("Zaporizhzhia", "governor")


def test_a_drone_that_fell_near_homes_is_an_incident(gazetteer):
    row = one("Over Sevastopol, one of the drones fell near a residential area, but nobody was hurt, the governor said.",
              gazetteer)
    assert (row.region_code, row.killed, row.injured) == ("UA-40", 0, 0)


def test_a_clock_is_not_a_place(gazetteer):
    found = rows("Air defences downed 28 drones over the Bryansk region between 2 p.m. and 8 p.m. Moscow time, "
                 "the defence ministry said.", gazetteer)
    assert [(row.region_code, row.intercepted, row.reported_by) for row in found] == \
        [("RU-BRY", 28, "ministry_of_defense")]


def test_three_each_after_two_regions(gazetteer):
    found = rows("Над Курской областью уничтожены 35 беспилотников, над Тульской и Калужской областями — по три.",
                 gazetteer)
    assert {row.region_code: row.intercepted for row in found} == {"RU-KRS": 35, "RU-TUL": 3, "RU-KLU": 3}


def test_where_missiles_were_fired_from_is_no_incident(gazetteer):
    found = rows("Противник випустив дві ракети Іскандер-М із Брянської області. Влучання зафіксовано на Сумщині.",
                 gazetteer)
    assert sorted(row.region_code for row in found) == ["UA-59", "XX"]  # the launch is the national count


def test_an_attack_and_its_casualties_in_the_next_sentence(gazetteer):
    row = one("Окупанти завдали 512 ударів по населених пунктах Запорізької області. Загинула одна людина, "
              "ще троє поранені.", gazetteer)
    assert (row.region_code, row.event_type, row.killed, row.injured) == ("UA-23", "other", 1, 3)


def test_a_destroyed_building_is_not_an_interception(gazetteer):
    row = one("A Russian drone struck the shelter over the destroyed reactor at the Chornobyl nuclear power plant.",
              gazetteer)
    assert (row.region_code, row.place, row.event_type, row.target_type) == ("UA-32", "Chornobyl", "drone_attack",
                                                                             "energy")


def test_the_driver_and_a_passenger_are_two(gazetteer):
    row = one("У Херсоні дрон атакував маршрутку: поранені водій та пасажирка.", gazetteer)
    assert row.injured == 2


def test_no_one_hurt_said_of_the_region_applies_to_its_town(gazetteer):
    row = one("В Сочи обломки беспилотника упали на территорию нефтебазы, возник пожар. "
              "Пострадавших нет, сообщил оперативный штаб Краснодарского края.", gazetteer)
    assert (row.place, row.killed, row.injured, row.reported_by) == ("Sochi", 0, 0, "local_authorities")


@pytest.mark.parametrize("text", [
    "В Подмосковье прошли учения по отражению атаки беспилотников. По легенде, на нефтебазу направили 20 дронов, "
    "мобильные огневые группы уничтожили 18 из них.",
    "NATO allies rehearse drone defence in Latvia. Interceptor drones downed 41 of the 60 target drones.",
    "ДСНС провела у Вінниці навчання з ліквідації наслідків ракетного удару.",
])
def test_exercises_are_no_incidents(gazetteer, text):
    assert rows(text, gazetteer) == []


@pytest.mark.parametrize("text", [
    "Drones hit a refinery in the Yaroslavl region, the governor said, as Kyiv presses its long-range campaign.",
    "Drones hit a refinery in the Yaroslavl region. Kyiv has stepped up its campaign against Russian refineries.",
    "Drones hit a refinery in the Yaroslavl region, The Kyiv Independent reported.",
])
def test_kyiv_standing_for_its_government_or_an_outlet_is_no_place(gazetteer, text):
    assert [r.region_code for r in rows(text, gazetteer)] == ["RU-YAR"]


def test_a_place_that_locates_another_is_no_place_of_the_event(gazetteer):
    row = one("In the Zhytomyr region west of the capital, a drone hit a private house, injuring three people.", gazetteer)
    assert (row.region_code, row.injured) == ("UA-18", 3)


def test_a_national_count_after_the_story_names_the_country(gazetteer):
    row = one("Вночі ворог завдав масованого удару по Україні. Сили оборони знешкодили 475 засобів: 211 БпЛА збито.",
              gazetteer)
    assert (row.country, row.region_code, row.event_type) == ("UA", "XX", "interception")


def test_the_region_is_the_one_the_story_is_on(gazetteer):
    found = rows("У Черкасах дрон влучив у багатоповерхівку, поранено дев'ять людей. Ворожий дрон пошкодив адмінбудівлю. "
                 "Рятувальники працювали всю ніч. Загалом у ніч на 13 травня над областю збито 12 БпЛА.", gazetteer)
    assert {r.region_code for r in found} == {"UA-71"}
    assert 12 in {r.intercepted for r in found}


def test_damage_by_debris_is_of_an_interception(gazetteer):
    row = one("Обломки беспилотника повредили остекление двух частных домов в Вязьме.", gazetteer)
    assert row.event_type == "interception"


def test_a_headline_telling_the_town_s_figures_again_is_the_town_s_row(gazetteer):
    row = one("В Брянской области дрон атаковал автобус: ранены пять человек. В поселке Суземка беспилотник атаковал "
              "рейсовый автобус, ранения получили пять пассажиров.", gazetteer)
    assert (row.place, row.injured) == ("Suzemka", 5)


@pytest.mark.parametrize("text", [
    "Russia attacked with 112 drones launched from the Bryansk and Kursk regions and from Primorsko-Akhtarsk. "
    "Air defence shot down 86 of them.",
    "The enemy attacked with 142 drones from the directions of Kursk, Shatalovo and Hvardiiske in Crimea. "
    "Air defence shot down 87 of them.",
    "Противник атакував 128 ударними БпЛА з напрямків: Брянськ, Орел, Міллерово. Збито 79 дронів.",
])
def test_every_item_of_a_list_of_launch_sites_is_no_target(gazetteer, text):
    assert {row.region_code for row in rows(text, gazetteer)} == {"XX"}


def test_a_capital_or_a_namesake_surname_that_speaks_is_no_place(gazetteer):
    found = rows("Drones hit a plant in Cheboksary, injuring two people. \"Two people were lightly injured,\" "
                 "Oleg Nikolayev wrote. Moscow says it targets military facilities. "
                 "Moscow's Defence Ministry said it had struck energy facilities.", gazetteer)
    assert [row.region_code for row in found] == ["RU-CU"]


def test_the_capitals_incursion_is_the_states(gazetteer):
    row = one("A drone struck a substation in Kurchatov overnight, the governor said. In August 2024, during "
              "Kyiv's cross-border incursion, Russia accused Ukrainian troops of trying to attack the substation.",
              gazetteer)
    assert row.place == "Kurchatov"


def test_a_habitual_statement_is_no_event(gazetteer):
    found = rows("Уночі ворог атакував Шепетівку дронами, поранено двох людей. "
                 "Хмельниччина регулярно зазнає атак через військовий аеродром у Старокостянтинові.", gazetteer)
    assert [row.place for row in found] == ["Shepetivka"]


# Each name's most populous place is a city of tens or hundreds of thousands; the gazetteer
# also has a village of the name in the region given, which a region named elsewhere in the
# story must not select, and the region right after the name must.
_NAMESAKES = [
    ("Nikopol", "UA-12", "UA-63", "Kharkiv region", "Никополь", "Харьковской области", "Нікополь",
     "Харківської області"),
    ("Makiivka", "UA-14", "UA-74", "Chernihiv region", "Макеевку", "Черниговской области", "Макіївку",
     "Чернігівської області"),
    ("Kostiantynivka", "UA-14", "UA-48", "Mykolaiv region", "Константиновку", "Николаевской области",
     "Костянтинівку", "Миколаївської області"),
    ("Azov", "RU-ROS", "UA-23", "Zaporizhzhia region", "Азов", "Запорожской области", "Азов",
     "Запорізької області"),
]


@pytest.mark.parametrize("name, city, village, en_region, ru_name, ru_region, uk_name, uk_region", _NAMESAKES)
def test_a_name_is_its_largest_place_unless_the_region_after_it_says_otherwise(
        gazetteer, name, city, village, en_region, ru_name, ru_region, uk_name, uk_region):
    elsewhere = [
        f"Drones attacked {name} overnight, injuring two people. Shelling also hit the {en_region}.",
        f"In the {en_region}, air defences were active. Drones attacked {name} overnight, injuring two people.",
        f"Дроны атаковали {ru_name} ночью, ранены двое. Также обстрелу подверглись районы {ru_region}.",
        f"Дрони атакували {uk_name} вночі, поранено двох. Також обстріляно громади {uk_region}.",
    ]
    for text in elsewhere:
        placed = {(row.region_code, row.place) for row in rows(text, gazetteer) if row.place}
        assert placed == {(city, name)}, text
    tied = [
        f"A drone hit the village of {name} in the {en_region}, injuring two people.",
        f"A drone hit {name}, {en_region}, injuring two people.",
        f"Дрон атаковал село {ru_name} {ru_region}, ранены двое.",
        f"Дрон атакував с. {uk_name} {uk_region}, поранено двох.",
    ]
    for text in tied:
        assert [(row.region_code, row.place) for row in rows(text, gazetteer)] == [(village, name)], text


def test_a_region_listed_after_a_town_without_a_namesake_there_leaves_it_alone(gazetteer):
    found = rows("Drones attacked Kyiv, Kharkiv region and Odesa overnight, injuring two people.", gazetteer)
    assert {(row.region_code, row.place) for row in found} == {("UA-30", "Kyiv"), ("UA-63", None),
                                                              ("UA-51", "Odesa")}


@pytest.mark.parametrize("text", [
    "Дежурными средствами ПВО перехвачены и уничтожены 47 беспилотных летательных аппаратов самолетного типа:\n"
    "21 — над территорией Брянской области,\n12 – над территорией Курской области,\n"
    "9 - над акваторией Черного моря.",
    "Дежурными средствами ПВО перехвачены и уничтожены 47 беспилотников, в том числе:\n"
    "- 21 над территорией Брянской области;\n- 12 над территорией Курской области.",
    "ПВО уничтожены 47 беспилотников: 21 над территорией Брянской области; 12 над территорией Курской области.",
    "Air defences destroyed 47 drones: 21 over the Bryansk region; 12 over the Kursk region.",
])
def test_a_ministry_list_one_item_a_line_or_after_semicolons_is_one_row_per_region(gazetteer, text):
    found = rows(text, gazetteer)
    assert [(row.region_code, row.event_type, row.intercepted) for row in found if row.region_code != "XX"] == [
        ("RU-BRY", "interception", 21), ("RU-KRS", "interception", 12)]
    assert all(row.intercepted == 47 for row in found if row.region_code == "XX")  # the total, when kept


@pytest.mark.parametrize("text", [
    "Drones struck an oil refinery in Perm overnight, causing a fire, the governor said.\n\n"
    "The Defence Ministry said 61 drones were intercepted over several regions, without mentioning Perm.",
    "Беспилотник атаковал завод в Перми, сообщил губернатор.\n\n"
    "Минобороны сообщило о 61 беспилотнике, уничтоженном над Брянской областью, но о Перми не упомянуло.",
])
def test_a_place_the_ministry_does_not_name_gets_none_of_its_count(gazetteer, text):
    perm = [row for row in rows(text, gazetteer) if row.region_code == "RU-PER"]
    assert [(row.event_type, row.intercepted) for row in perm] == [("drone_attack", None)]


@pytest.mark.parametrize("text, reporter", [
    ("Oleh Syniehubov, head of Kharkiv Regional Military Administration:\n\n"
     "Chuhuiv: an enemy drone hit a private house. Two women were injured.", "governor"),
    ("Вячеслав Гладков, губернатор Белгородской области:\n\n"
     "В Шебекино дрон атаковал автомобиль. Ранен мужчина.", "governor"),
    ("Голова Харківської ОВА Олег Синєгубов:\n\nУ Чугуєві дрон влучив у приватний будинок. Поранено жінку.",
     "governor"),
    ("Полтавська ОВА:\n\nВорог завдав ракетного удару по Кременчуку. Поранено двох людей.", "local_authorities"),
    ("Олена Коваль, начальниця Полтавської ОВА:\n\nУ Кременчуці дрон влучив у будинок. Поранено жінку.", "governor"),
])
def test_a_post_headed_by_its_author_is_reported_by_the_author(gazetteer, text, reporter):
    assert one(text, gazetteer).reported_by == reporter


@pytest.mark.parametrize("text, reporter", [
    # a post signed with the name only, the name alone on its line or opening the text
    ("Олег Кіпер:\n\nУночі ворожий дрон влучив у склад в Ізмаїлі. Поранено чоловіка.", "governor"),
    ("Владислав Шапша: в Людиново обломки беспилотника повредили крышу дома. Пострадавших нет.", "governor"),
    ("Сергей Собянин: ПВО отразили атаку беспилотника, летевшего на Москву.", "mayor"),
    # the name as the subject of the reporting verb, in any case form
    ("У Нікополі внаслідок обстрілу поранено жінку, повідомив Сергій Лисак.", "governor"),
    ("По словам Богомаза, дрон атаковал автомобиль в Климово, ранен водитель.", "governor"),
    ("A drone hit a house in Kharkiv, injuring two people, Ihor Terekhov said.", "mayor"),
])
def test_an_official_named_without_the_title_reports_with_it(gazetteer, text, reporter):
    assert one(text, gazetteer).reported_by == reporter


def test_a_surname_that_is_an_ordinary_word_needs_the_given_name(gazetteer):
    """"Негода" (bad weather) names the Ternopil governor only after "В'ячеслав"."""
    assert one("Негода пошкодила лінію електропередачі в Тернополі після удару дрона, повідомили рятувальники.",
               gazetteer).reported_by == "emergency_services"
    assert one("У Тернополі дрон влучив у будинок, повідомив В’ячеслав Негода.", gazetteer).reported_by == "governor"


@pytest.mark.parametrize("text", [
    "A drone hit a warehouse in Brovary, regional Gov. Mykola Kalashnyk said.",
    "У Броварах дрон влучив у склад, розповів голова обласної адміністрації.",
])
def test_abbreviated_titles_and_more_reporting_verbs(gazetteer, text):
    assert one(text, gazetteer).reported_by == "governor"


@pytest.mark.parametrize("text", [
    "A drone hit a car near Shebekino, the Belgorod governor said. Two men were wounded in the town, he said.",
    "Дрон атаковал автомобиль в Шебекино, сообщил губернатор. По его словам, ранены двое мужчин.",
    "У Чугуєві дрон атакував автомобіль, повідомив начальник ОВА. За його словами, поранено двох чоловіків.",
])
def test_a_pronoun_that_speaks_is_the_source_before(gazetteer, text):
    assert one(text, gazetteer).reported_by == "governor"


def test_a_pronoun_after_a_speaker_who_is_no_source_reports_nothing(gazetteer):
    """"he wrote" after the interior minister spoke is the minister, not the governor before."""
    row = one("The governor said the region was calm. The interior minister said people were buried. "
              "A drone hit a house in Shebekino, injuring two, he wrote.", gazetteer)
    assert row.reported_by is None


def test_a_quote_over_several_sentences_is_its_speakers(gazetteer):
    row = one("В Климово FPV-дрон атаковал автомобиль.\n«Ранен водитель.\nМашина повреждена», — уточнил губернатор.",
              gazetteer)
    assert (row.place, row.injured, row.reported_by) == ("Klimovo", 1, "governor")


def test_a_total_the_regions_only_partly_account_for_stays_a_national_row(gazetteer):
    partial = rows("Russia's Defence Ministry said 90 Ukrainian drones were destroyed overnight over Russian "
                   "regions, including 20 over the Kursk region and 15 over the Tula region.", gazetteer)
    assert {(r.region_code, r.intercepted, r.reported_by) for r in partial} == {
        ("XX", 90, "ministry_of_defense"), ("RU-KRS", 20, "ministry_of_defense"), ("RU-TUL", 15, "ministry_of_defense")}
    assert next(r for r in partial if r.region_code == "XX").country == "RU"
    whole = rows("Russia's Defence Ministry said 35 Ukrainian drones were destroyed overnight: 20 over the Kursk "
                 "region and 15 over the Tula region.", gazetteer)
    assert {(r.region_code, r.intercepted) for r in whole} == {("RU-KRS", 20), ("RU-TUL", 15)}


def test_the_national_totals_of_the_two_sides_stay_apart(gazetteer):
    found = rows("Russia's Defence Ministry said 60 drones were downed over Russian regions, including 25 over the "
                 "Belgorod region. Separately, Ukraine's air force said Russia had launched 80 drones at Ukraine "
                 "overnight and that 55 of them were shot down.", gazetteer)
    totals = {(r.country, r.launched, r.intercepted) for r in found if r.region_code == "XX"}
    assert totals == {("RU", None, 60), ("UA", 80, 55)}


def test_a_breakdown_after_the_total_takes_the_totals_source(gazetteer):
    found = rows("Минобороны сообщило, что ночью уничтожены 30 беспилотников. "
                 "Над Орловской областью — 18, над Липецкой — 12.", gazetteer)
    assert {(r.region_code, r.intercepted, r.reported_by) for r in found} == {
        ("RU-ORL", 18, "ministry_of_defense"), ("RU-LIP", 12, "ministry_of_defense")}


def test_russia_launching_drones_is_the_attacker_not_the_country_attacked(gazetteer):
    row = one("Уночі Росія запустила по Україні 70 ударних дронів, сили ППО знешкодили 50 з них, "
              "повідомили Повітряні сили.", gazetteer)
    assert (row.region_code, row.country, row.launched, row.intercepted) == ("XX", "UA", 70, 50)


@pytest.mark.parametrize("text", [
    "Nikopol is shelled almost every day by Russian artillery.",
    "Белгород подвергается атакам беспилотников практически ежедневно.",
    "Херсон щодня потерпає від ударів дронів.",
])
def test_what_happens_every_day_is_no_one_event(gazetteer, text):
    assert rows(text, gazetteer) == []


def test_a_river_or_a_sea_named_after_a_town_is_not_the_town(gazetteer):
    row = one("Russian artillery shelled Nikopol across the Dnipro river, wounding a man, the governor said.",
              gazetteer)
    assert (row.region_code, row.place, row.injured) == ("UA-12", "Nikopol", 1)
    found = rows("Air defences destroyed 12 drones over the Sea of Azov, the ministry said.", gazetteer)
    assert all(r.place != "Azov" for r in found)


def test_an_attack_only_feared_is_no_attack(gazetteer):
    assert rows("Из-за угрозы атак беспилотников в аэропорту Казани вводились ограничения.", gazetteer) == []


def test_a_price_is_not_a_count(gazetteer):
    found = rows("In Kyiv, crews shot down a 50,000-dollar drone with a cheap interceptor.", gazetteer)
    assert all(r.intercepted != 50000 for r in found)


def test_who_told_the_damage_reports_the_row_not_the_ministrys_count(gazetteer):
    found = rows("Debris of a downed drone set fire to a warehouse in Lipetsk, injuring one person, Governor Igor "
                 "Artamonov said. The Defence Ministry said nine drones had been destroyed over the Lipetsk region.",
                 gazetteer)
    assert [r.reported_by for r in found if r.region_code == "RU-LIP" and r.injured] == ["governor"]


def test_a_tie_between_specific_weapons_goes_to_the_first_named():
    from transforms.incidents.extract import Fragment, _weapon
    fragment = Fragment(key=None, date=dt.date(2025, 5, 14), date_precision="day", sentence=0, evidence="",
                        weapons=["missile", "ballistic_missile", "cruise_missile"])
    assert _weapon([fragment]) == "ballistic_missile"


def test_the_ministrys_count_over_the_region_joins_the_governors_town(gazetteer):
    row = one("Губернатор Калужской области написал, что в Людиново обломки беспилотника повредили крышу склада. "
              "Министерство обороны сообщило, что над Калужской областью уничтожены шесть беспилотников.", gazetteer)
    assert (row.place, row.intercepted, row.reported_by) == ("Lyudinovo", 6, "governor")


def test_the_regions_casualties_join_the_town_the_attack_is_named_for(gazetteer):
    row = one("Russian drones struck the Odesa region overnight, killing a woman and injuring two men. "
              "The attack on the port of Izmail set fire to a warehouse.", gazetteer)
    assert (row.place, row.killed, row.injured) == ("Izmail", 1, 2)


def test_a_governors_count_over_the_region_stays_beside_his_town(gazetteer):
    found = rows("Ночью над Тверской областью сбиты семь беспилотников, сообщил губернатор. "
                 "В Конаково обломки повредили два частных дома.", gazetteer)
    assert {(row.place, row.intercepted) for row in found} == {(None, 7), ("Konakovo", None)}


def test_an_attack_named_to_say_when_is_no_attack_on_the_place(gazetteer):
    found = rows("Drones struck a fuel depot in Feodosia overnight, the governor said. Traffic on the Kerch "
                 "bridge was halted for three hours during the attack.", gazetteer)
    assert [row.place for row in found] == ["Feodosiia"]


def test_a_region_the_source_does_not_count_is_not_where_its_figures_belong(gazetteer):
    row = one("The Defence Ministry said 120 drones were destroyed overnight, without saying how many were over "
              "the Voronezh region.", gazetteer)
    assert (row.region_code, row.intercepted) == ("XX", 120)


@pytest.mark.parametrize("text", [
    "Air defences shot down drones over 9 regions overnight, including the Kursk region, the ministry said.",
    "Ночью беспилотники были уничтожены над 7 регионами, в том числе над Курской областью.",
])
def test_a_number_of_regions_counts_no_drones(gazetteer, text):
    row = one(text, gazetteer)
    assert (row.region_code, row.intercepted) == ("RU-KRS", None)


def test_a_reminder_tells_an_earlier_event(gazetteer):
    found = rows("Увечері 13 травня російська ракета влучила у склад у Запоріжжі, загинула жінка. "
                 "Нагадаємо, 20 квітня внаслідок удару по Запоріжжю загинули троє людей.", gazetteer,
                 title="Росія вдарила ракетою по Запоріжжю")
    assert {(row.event_date, row.killed) for row in found} == {(dt.date(2025, 5, 13), 1), (dt.date(2025, 4, 20), 3)}


@pytest.mark.parametrize("later", [
    "Later that night, a drone hit a warehouse in Pavlohrad, injuring a guard.",
    "Увечері ж дрон влучив у склад у Павлограді, поранено охоронця.",
    "В тот же день беспилотник попал в склад в Павлограде, ранен охранник.",
])
def test_that_night_is_the_night_of_the_event_before(gazetteer, later):
    found = rows("On May 11, Russian missiles struck Dnipro, killing two people. He declared May 13 a day of "
                 "mourning. " + later, gazetteer)
    assert {row.place: row.event_date for row in found} == {"Dnipro": dt.date(2025, 5, 11),
                                                            "Pavlohrad": dt.date(2025, 5, 11)}


def test_a_district_of_a_city_that_is_a_region_is_the_city(gazetteer):
    row = one("Russian drones attacked Kyiv overnight, the city military administration said. In the "
              "Sviatoshynskyi district, debris fell on a garage cooperative and injured two people.", gazetteer)
    assert (row.place, row.injured) == ("Kyiv", 2)


@pytest.mark.parametrize("text", [
    "Дрон атаковал автомобиль в Шебекино. Пострадавших также нет.",
    "Ворог скинув авіабомбу на Куп'янськ, зруйновано будинок, людей не поранено.",
    "У Конотопі дрон атакував вантажівку. Водій не постраждав.",
])
def test_nobody_hurt_in_other_words(gazetteer, text):
    assert one(text, gazetteer).injured == 0


@pytest.mark.parametrize("text, killed, injured", [
    ("У Конотопі дрон влучив у підприємство. Постраждав один працівник.", None, 1),
    ("Двое детей и их мать ранены при атаке дрона на Шебекино.", None, 3),
    ("Two children and their father were injured when a drone hit a car in Kharkiv.", None, 3),
    ("A drone hit a house in Kharkiv. One woman died, three more were injured.", 1, 3),
])
def test_people_counted_by_the_casualty_word_of_their_own_phrase(gazetteer, text, killed, injured):
    row = one(text, gazetteer)
    assert (row.killed, row.injured) == (killed, injured)


@pytest.mark.parametrize("text", [
    "Overnight Russia attacked with 50 strike UAVs launched from the directions of Kursk, Oryol and Saky in "
    "temporarily occupied Crimea. Air defence shot down 40 of them, the Air Force said.",
    "Уночі противник атакував 50 ударними БпЛА з напрямків Курськ, Орел, Саки — ТОТ Криму. "
    "Протиповітряною обороною збито 40 ворожих БпЛА, повідомили Повітряні сили.",
])
def test_a_launch_site_in_occupied_territory_is_no_incident_place(gazetteer, text):
    row = one(text, gazetteer)
    assert (row.region_code, row.country, row.launched, row.intercepted) == ("XX", "UA", 50, 40)


def test_a_total_whose_breakdown_leaves_the_rest_uncounted_stays_a_national_row(gazetteer):
    found = rows("Минобороны сообщило, что ночью уничтожены 40 беспилотников: 15 — над Брянской областью, "
                 "10 — над Курской, остальные — над Тульской и Калужской областями.", gazetteer)
    assert {(r.region_code, r.intercepted) for r in found if r.intercepted} == {
        ("XX", 40), ("RU-BRY", 15), ("RU-KRS", 10)}


def test_the_attackers_drones_named_with_an_adjective_are_not_the_country_attacked(gazetteer):
    row = one("Минобороны: ночью перехвачены 40 украинских беспилотных летательных аппаратов.", gazetteer)
    assert (row.region_code, row.country, row.intercepted) == ("XX", "RU", 40)


@pytest.mark.parametrize("text", [
    "A missile hit a school in Pokrovsk, injuring a teacher, who was taken to a hospital in Dnipro.",
    "Ракета попала в школу в Покровске, ранена учительница, ее госпитализировали в Днепр.",
])
def test_where_the_wounded_were_taken_is_no_incident_place(gazetteer, text):
    assert [r.region_code for r in rows(text, gazetteer)] == ["UA-14"]


def test_a_number_joined_to_a_word_by_a_hyphen_is_no_list_item(gazetteer):
    row = one("Russian aircraft attacked Kharkiv overnight. Two missiles hit the centre, damaging a five-storey "
              "building.", gazetteer)
    assert row.launched == 2


def test_the_forces_a_source_belongs_to_are_not_the_attacker(gazetteer):
    row = one("По данным Воздушных сил ВСУ, ночью противник атаковал Украину 60 дронами. "
              "Силами ПВО сбиты 45 беспилотников.", gazetteer)
    assert (row.region_code, row.country, row.launched, row.intercepted, row.reported_by) == (
        "XX", "UA", 60, 45, "air_force")


@pytest.mark.parametrize("text", [
    "Drones attacked Moscow overnight, the mayor said. \"Air defence forces of the Defence Ministry shot down "
    "three drones,\" he wrote.",
    "Мэр сообщил об атаке беспилотников на Москву. «Силы ПВО Минобороны сбили три беспилотника», — написал он.",
])
def test_a_source_named_in_a_quote_is_not_who_reports_it(gazetteer, text):
    row = one(text, gazetteer)
    assert (row.intercepted, row.reported_by) == (3, "mayor")


@pytest.mark.parametrize("text", [
    "Ворог також обстріляв з артилерії Нікополь і Марганець.",
    "The regional administration's report also listed the shelling of Nikopol and Marhanets.",
])
def test_towns_shelled_together_are_a_row_each(gazetteer, text):
    # One row per event and place (DESIGN.md): a round-up naming two towns is two incidents.
    found = rows(text, gazetteer)
    assert sorted((r.region_code, r.place, r.event_type) for r in found) == [
        ("UA-12", "Marhanets", "shelling"), ("UA-12", "Nikopol", "shelling")]


def test_drones_that_hit_two_towns_are_told_town_by_town(gazetteer):
    found = rows("Ukrainian drones attacked Belgorod and Shebekino overnight, the governor said.", gazetteer)
    assert sorted(r.place for r in found) == ["Belgorod", "Shebekino"]


def test_a_town_council_is_a_local_authority(gazetteer):
    assert one("У Ніжині дрон пошкодив об'єкт енергетики, постраждалих немає, повідомили в Ніжинській міській раді.",
               gazetteer).reported_by == "local_authorities"


def test_an_undated_mention_is_not_moved_to_an_earlier_day_of_the_place(gazetteer):
    """The place's only date is a past strike told last; the story's own event is last night's."""
    found = rows("В ночь на среду беспилотники атаковали Днепропетровскую область. В Каменском повреждено "
                 "предприятие. 10 мая при ракетном ударе по Каменскому погибли два человека.", gazetteer)
    kamianske = sorted((r.event_date, r.killed) for r in found if r.place == "Kamianske")
    assert kamianske == [(dt.date(2025, 5, 10), 2), (dt.date(2025, 5, 14), None)]
