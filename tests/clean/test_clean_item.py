"""clean_item on HTML pages, feed fragments and text: the Story's fields and the rejects."""
from __future__ import annotations

import datetime as dt

from schemas.records import RawItem, Reject, Story, stable_id
from transforms.clean import DATE_FROM_PAGE, clean_item
from transforms.clean.html import extract_page

NOW = dt.datetime(2026, 1, 1, 12, tzinfo=dt.timezone.utc)

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Drones hit oil depot in Bryansk - Frontline Wire</title>
<meta property="og:title" content="Drones hit oil depot in Bryansk">
<meta property="article:published_time" content="2025-02-11T06:30:00+00:00">
</head><body>
<header><a href="/">Frontline Wire</a> <a href="/news">News</a> <a href="/world">World</a></header>
<div class="share">Share Tweet Email</div>
<article>
<h1>Drones hit oil depot in Bryansk</h1>
<p>Several drones struck an oil depot in the Bryansk region overnight, setting two fuel tanks on fire, the regional governor said on Tuesday.</p>
<p>Advertisement</p>
<p>Firefighters brought the blaze under control by morning. Nobody was hurt, according to the emergency services.</p>
<figure><img src="tank.jpg" alt=""><figcaption>Fuel tanks burning at a depot hit in an earlier attack. Photo: Frontline Wire</figcaption></figure>
<p>Fuel tanks burning at a depot hit in an earlier attack.</p>
<p>Air defence units destroyed 14 other drones over the region, the defence ministry said.</p>
<p>Read more: Refinery attacks cut fuel output</p>
</article>
<section class="comments"><h3>Leave a Reply</h3><p>Your email address will not be published.</p></section>
<footer><p>Subscribe to our newsletter</p><p>© 2025 Frontline Wire</p></footer>
</body></html>"""


def _item(body: str, body_format: str = "html", **fields) -> RawItem:
    values = dict(source_type="html", source_name="saved-pages", url="file:///pages/depot.html",
                  guid="", title="", published_at=None, body=body, body_format=body_format,
                  fetched_at=NOW, flags=("from_folder",), position="/pages/depot.html")
    values.update(fields)
    return RawItem(**values)


def test_extract_page_gives_main_text_title_and_date():
    page = extract_page(PAGE)
    assert page.title == "Drones hit oil depot in Bryansk"
    assert page.date == dt.date(2025, 2, 11)
    assert "Several drones struck an oil depot" in page.text
    assert "Frontline Wire News World" not in page.text


def test_html_item_becomes_a_clean_story():
    story = clean_item(_item(PAGE))
    assert isinstance(story, Story)
    assert story.text.split("\n") == [
        "Several drones struck an oil depot in the Bryansk region overnight, setting two fuel tanks on fire, "
        "the regional governor said on Tuesday.",
        "Firefighters brought the blaze under control by morning. Nobody was hurt, according to the emergency services.",
        "Air defence units destroyed 14 other drones over the region, the defence ministry said.",
    ]
    assert story.title == "Drones hit oil depot in Bryansk"
    assert story.published_at == dt.datetime(2025, 2, 11, tzinfo=dt.timezone.utc)
    assert story.flags == ("from_folder", DATE_FROM_PAGE)
    assert story.lang == "en"
    assert story.story_id == stable_id("html", "saved-pages", "file:///pages/depot.html")
    assert (story.source_type, story.source_name, story.url, story.position, story.fetched_at) == (
        "html", "saved-pages", "file:///pages/depot.html", "/pages/depot.html", NOW)


def test_item_title_and_date_win_over_the_page():
    published = dt.datetime(2025, 2, 10, 22, 0, tzinfo=dt.timezone.utc)
    story = clean_item(_item(PAGE, title="Feed title", published_at=published, guid="g-1"))
    assert story.title == "Feed title"
    assert story.published_at == published
    assert story.flags == ("from_folder",)
    assert story.story_id == stable_id("html", "saved-pages", "g-1")


def test_html_fragment_of_a_feed_item():
    body = "<p>Над Липецкой областью сбиты 4 беспилотника, сообщил губернатор.</p><p>Подробнее</p>"
    story = clean_item(_item(body, source_type="rss", title="Сбиты 4 беспилотника"))
    assert story.text == "Над Липецкой областью сбиты 4 беспилотника, сообщил губернатор."
    assert story.lang == "ru"
    assert story.title == "Сбиты 4 беспилотника"


def test_text_item_keeps_its_first_line():
    # The sources stage has already taken the " date YYYY-MM-DD" marker off the first line.
    body = "Drones attacked Kherson overnight, injuring 4 people.\n\nAdvertisement\n\n0\n"
    story = clean_item(_item(body, body_format="text", source_type="text", title="Drones attacked Kherson"))
    assert story.text == "Drones attacked Kherson overnight, injuring 4 people."


def test_telegram_post_keeps_a_first_line_equal_to_its_title():
    body = "Воздушная тревога в Курской области\nЖителей просят пройти в укрытия."
    story = clean_item(_item(body, body_format="text", source_type="telegram",
                             title="Воздушная тревога в Курской области"))
    assert story.text == body


def test_short_text_has_no_language():
    story = clean_item(_item("Сбито 5 БПЛА", body_format="text", source_type="telegram"))
    assert story.text == "Сбито 5 БПЛА"
    assert story.lang is None


def test_rejects():
    only_furniture = clean_item(_item("Реклама\n👉 Подписаться\n59", body_format="text"))
    assert isinstance(only_furniture, Reject)
    assert (only_furniture.stage, only_furniture.reason) == ("clean", "empty_after_cleaning")
    assert only_furniture.source_ref == "/pages/depot.html"

    empty = clean_item(_item("   ", body_format="text"))
    assert isinstance(empty, Reject) and empty.reason == "empty_body"

    no_text = clean_item(_item("<html><body><script>var a = 1;</script></body></html>"))
    assert isinstance(no_text, Reject) and no_text.reason == "extraction_failed"


def test_plain_text_labelled_html_is_cleaned_as_text():
    story = clean_item(_item("Three drones were shot down near Kursk overnight, officials said."))
    assert story.text == "Three drones were shot down near Kursk overnight, officials said."


def test_html_fragment_keeps_short_content_lines_and_a_telegram_first_line():
    body = ("<b>Взрывы в Белгороде</b><br>5 погибших<br>Работает ПВО, жителей просят оставаться в укрытиях."
            "<br><br><a href='https://t.me/bel_news'>Подписаться</a>")
    story = clean_item(_item(body, source_type="telegram", title="Взрывы в Белгороде"))
    assert story.text.split("\n") == ["Взрывы в Белгороде", "5 погибших",
                                      "Работает ПВО, жителей просят оставаться в укрытиях."]
