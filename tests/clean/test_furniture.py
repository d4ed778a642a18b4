"""The line filter: each kind of furniture in English, Russian and Ukrainian goes, and
content lines that look like furniture (short counts, headings) stay."""
from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest

from schemas.records import RawItem, Story
from transforms.clean import clean_item
from transforms.clean.furniture import clean_lines, furniture_kind, normalise_line

CASES = json.loads((pathlib.Path(__file__).parent / "data" / "furniture_cases.json").read_text("utf-8"))
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def _item(case: dict) -> RawItem:
    return RawItem(source_type=case["source_type"], source_name="furniture-set", url="", guid=case["id"],
                   title=case["title"], published_at=None, body=case["body"],
                   body_format=case["body_format"], fetched_at=NOW)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_furniture_set(case):
    story = clean_item(_item(case))
    assert isinstance(story, Story)
    kept = story.text.split("\n")
    assert [line for line in case["remove"] if line in kept] == []
    assert [line for line in case["keep"] if line not in kept] == []
    assert story.lang == case["lang"]


KIND_EXAMPLES = [
    # ad markers
    ("Advertisement", "ad"), ("Advertisment", "ad"), ("Реклама", "ad"), ("На правах реклами", "ad"),
    ("Партнерский материал", "ad"),
    # comment forms and notices
    ("LEAVE A REPLY", "comment_form"), ("Please enter your comment!", "comment_form"),
    ("Please enter your name here", "comment_form"),
    ("This site uses Akismet to reduce spam. Learn how your comment data is processed.", "comment_form"),
    ("Добавить комментарий", "comment_form"), ("Пожалуйста, введите ваше имя", "comment_form"),
    ("Напишіть свій коментар", "comment_form"), ("Коментарі (12)", "comment_form"),
    # counters and lone numbers
    ("0", "counter"), ("59", "counter"), ("1.2K views", "counter"), ("Просмотров: 3 400", "counter"),
    ("12 переглядів", "counter"), ("👁 845", "counter"),
    # share prompts
    ("Facebook Twitter WhatsApp Email", "share"), ("Поделиться", "share"), ("Поширити", "share"),
    # teasers
    ("Read also: Kyiv hit by missiles", "teaser"), ("READ MORE", "teaser"), ("See also", "teaser"),
    ("Читайте также: Над Тулой сбит дрон", "teaser"), ("По теме", "teaser"),
    ("Читайте також: Вибухи у Львові", "teaser"), ("Дивіться також", "teaser"),
    ("Most read in world news", "teaser"),
    # captions and credits
    ("Photo: Reuters", "caption"), ("Фото: пресс-служба губернатора", "caption"),
    ("Фото: ДСНС", "caption"), ("Firefighters at the scene (Photo by A. Smith/Getty Images)", "caption"),
    ("© 2025 Example Media. All rights reserved.", "caption"),
    # newsletters and subscribe prompts
    ("Sign up for our morning newsletter", "subscribe"), ("Subscribe", "subscribe"),
    ("Подписывайтесь на наш канал", "subscribe"), ("Підписуйтесь на нас у Telegram", "subscribe"),
    # social handles and channel footers
    ("@kyiv_live", "links"), ("Follow us on Instagram", "social"), ("t.me/some_channel", "links"),
    ("Читайте нас в Telegram", "social"), ("Слідкуйте за нами в Instagram", "social"),
    ("Source: @kyiv_city_admin", "links"),
    ("Сайт | Чат | ВКонтакте", "links"), ("🔹 Наш YouTube", "links"),
    # page tools and interface messages
    ("Order Reprints", "interface"), ("Версия для печати", "interface"), ("Розмір шрифту", "interface"),
    # machine timestamps
    ("2025-03-02T08:10:00+00:00", "metadata"), ("Updated 14:05", "metadata"), ("05.03.2025 14:20", "metadata"),
    # cookie and consent
    ("We use cookies to give you the best experience on our website.", "consent"),
    ("Мы используем файлы cookie для улучшения работы сайта", "consent"),
    ("Ми використовуємо файли cookie, щоб сайт працював краще", "consent"),
]


@pytest.mark.parametrize("line, kind", KIND_EXAMPLES)
def test_furniture_kinds(line, kind):
    assert furniture_kind(line) == kind


RISKY_CONTENT = [
    "Over 30 people were injured.",
    "Shahed drones: 45 launched, 40 shot down",
    "5 killed",
    "Пострадавших нет.",
    "Сбито 62 БПЛА",
    "5 загиблих",
    "Share prices of the refinery operator fell 4% after the attack.",
    "More than 40 drones were launched at Kyiv region.",
    "Read the governor's full statement below:",
    "### Background of the Incident",
    "What Sparked This Drone Offensive?",
    "The photo shows a damaged apartment block in Sumy.",
    "Residents were asked to follow the instructions of the emergency services.",
    "Над Курской областью сбиты 5 беспилотников, сообщил губернатор в своем телеграм-канале.",
    "Повітряна тривога у Київській області",
    "Ukraine's air force said on Telegram that 12 drones were destroyed.",
    "Воздушная тревога: Курск | Белгород | Брянск",
    "Мы в укрытии, над городом работает ПВО",
    "14 марта",
    "February 24, 2022",
    "24 лютого 2022 року",
    "Swipe right to view your labels without leaving your inbox",
    "Фото и видео работы ПВО публиковать нельзя.",
    "The post office in Sumy was damaged.",
    "Get to shelters now: air raid alerts in 5 regions",
    "Follow them to the nearest shelter.",
]


@pytest.mark.parametrize("line", RISKY_CONTENT)
def test_content_lines_that_look_risky_stay(line):
    assert furniture_kind(line) is None
    assert clean_lines([line]) == [line]


def test_repeated_related_headline_goes_entirely_but_repeated_structure_stays():
    lines = [
        "Drones hit a fuel depot in Rostov region, the governor said.",
        "Russia launches 'massive' missile and drone attack on Ukraine's energy  facilities",
        "Russia launches ‘massive’ missile and drone attack on Ukraine’s energy facilities",
        "Meal 1", "Breakfast is served at eight.", "Meal 1", "Lunch is served at one.",
        "Drones hit a fuel depot in Rostov region, the governor said.",
    ]
    assert clean_lines(lines) == [
        "Drones hit a fuel depot in Rostov region, the governor said.",
        "Meal 1", "Breakfast is served at eight.", "Meal 1", "Lunch is served at one.",
    ]


def test_teaser_block_under_a_related_heading():
    lines = ["Air defence shot down 9 drones over Voronezh.", "Читайте также", "В Курске сбит дрон",
             "Над Орлом сбиты две ракеты", "Губернатор сообщил, что пострадавших нет."]
    assert clean_lines(lines) == ["Air defence shot down 9 drones over Voronezh.",
                                  "Губернатор сообщил, что пострадавших нет."]


def test_leading_title_goes_only_when_given():
    lines = ["Drone strike hits Belgorod substation", "A drone hit a substation on Sunday."]
    assert clean_lines(lines, title="Drone strike hits Belgorod substation | Frontline Wire") == lines[1:]
    assert clean_lines(lines) == lines


def test_source_template_lines_go_unless_they_are_all_there_is():
    footer = "Киев онлайн — новости столицы без цензуры"
    template = frozenset({normalise_line(footer), normalise_line("Повітряна тривога в Київській області")})
    assert clean_lines(["В Киеве сбиты 3 БПЛА.", footer], template) == ["В Киеве сбиты 3 БПЛА."]
    # A channel that posts the same alert many times: the alert is the post, not a footer.
    alert_only = ["Повітряна тривога в Київській області"]
    assert clean_lines(alert_only, template) == alert_only


def test_caption_repeated_as_paragraph_goes():
    lines = ["The strike damaged a school.", "Rescuers search the rubble of the school in Sumy.",
             "Two teachers were injured."]
    assert clean_lines(lines, captions=["Rescuers search the rubble of the school in Sumy. Photo: DSNS"]) == [
        "The strike damaged a school.", "Two teachers were injured."]


def test_word_gate_never_hides_a_matching_rule():
    """The word gate is an optimisation only: every phrase rule that matches a line must
    be among the rules the gate lets run on it."""
    from transforms.clean import furniture

    lines = [line for case in CASES for line in case["body"].splitlines() + case["remove"] + case["keep"]]
    lines += [line for line, _ in KIND_EXAMPLES] + RISKY_CONTENT
    for line in lines:
        bare = furniture._SYMBOL_RUN.sub(" ", line.translate(furniture._QUOTES)).strip()
        allowed = furniture._rules_to_run(bare)
        matching = [kind for position, (kind, pattern) in enumerate(furniture._PHRASE_RULES)
                    if pattern.search(bare) and not allowed >> position & 1]
        assert matching == [], line
