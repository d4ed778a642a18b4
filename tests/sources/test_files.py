import datetime as dt
import gzip

import pytest

from schemas.records import RawItem, Reject
from transforms.sources import InputSpec, read_input, read_path
from transforms.sources.text import headline_of

from .conftest import DATA

ARTICLES = DATA / "articles"


def test_date_line_sets_the_date_and_the_rest_of_the_line_stays():
    [item] = read_input(InputSpec("text", str(ARTICLES / "dated.txt")))
    assert item.published_at == dt.datetime(2024, 4, 2, tzinfo=dt.timezone.utc)
    assert item.body.startswith("Drones struck an oil refinery overnight, the regional governor said.\n")
    assert "date 2024" not in item.body
    assert item.title == ""  # a sentence, not a headline
    assert item.url == (ARTICLES / "dated.txt").resolve().as_uri() == item.guid
    assert item.source_type == "text" and item.body_format == "text"
    assert item.source_name == "articles"


def test_headline_first_line_is_the_title_and_the_body_is_intact():
    [item] = read_input(InputSpec("text", str(ARTICLES / "headline.txt")))
    assert item.title == "Governor reports interceptions over the region"
    assert item.body == (ARTICLES / "headline.txt").read_text()
    assert item.published_at is None


def test_an_impossible_date_is_not_a_marker():
    [item] = read_input(InputSpec("text", str(ARTICLES / "bad_date.txt")))
    assert item.published_at is None
    assert item.body.startswith(" date 2024-13-45")


@pytest.mark.parametrize("text, title", [
    ("Short headline\nBody.", "Short headline"),
    ("A sentence ending with a period.\nBody.", ""),
    ("Only one line", ""),
    ("x" * 200 + "\nBody", ""),
])
def test_headline_rule(text, title):
    assert headline_of(text) == title


def test_empty_text_file_is_a_reject(tmp_path):
    (tmp_path / "empty.txt").write_text(" \n")
    [reject] = read_path(str(tmp_path / "empty.txt"))
    assert isinstance(reject, Reject) and reject.reason == "empty_file"


def test_latin1_text_is_decoded_and_flagged(tmp_path):
    (tmp_path / "old.txt").write_bytes("Frappe de drones à Koursk: dégâts signalés\n\nTexte.".encode("latin-1"))
    [item] = read_path(str(tmp_path / "old.txt"))
    assert "dégâts" in item.body and "encoding_guessed" in item.flags


def test_gzipped_html_page(tmp_path):
    page = "<html><head><title>Strike</title></head><body><p>Drones hit a depot.</p></body></html>"
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    [item] = read_path(str(tmp_path / "page.html.gz"))
    assert isinstance(item, RawItem)
    assert item.body == page and item.body_format == "html" and item.source_type == "html"
    assert item.published_at is None and item.title == ""
    assert item.url == (tmp_path / "page.html.gz").as_uri()


def test_html_page_in_its_declared_charset(tmp_path):
    page = '<html><head><meta charset="windows-1251"></head><body>Беспилотник</body></html>'
    (tmp_path / "ru.htm").write_bytes(page.encode("windows-1251"))
    [item] = read_path(str(tmp_path / "ru.htm"))
    assert item.body == page and item.flags == ()


def test_corrupt_gzip_is_a_reject(tmp_path):
    (tmp_path / "broken.html.gz").write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    [reject] = read_path(str(tmp_path / "broken.html.gz"))
    assert reject.reason == "read_error"


def test_missing_file_is_a_reject():
    [reject] = read_input(InputSpec("text", "/nonexistent/incidentflow/a.txt"))
    assert reject.reason == "input_missing"
