import datetime as dt

from schemas.records import RawItem, Reject
from transforms.sources import InputSpec, read_input
from transforms.sources.rss import parse_feed

from .conftest import DATA

UTC = dt.timezone.utc


def read(file: str, **spec) -> list:
    return list(read_input(InputSpec("rss", str(DATA / "feeds" / file), **spec)))


def test_rss2_prefers_content_encoded_and_converts_dates_to_utc():
    first, second, third = read("rss2_content.xml")
    assert first.title == "Drones hit a fuel depot near Bryansk"
    assert first.body.startswith("<p>The regional governor said two drones")
    assert first.body_format == "html"
    assert first.guid == "wire-1001"
    assert first.url == "https://wire.example.org/news/1001"
    assert first.published_at == dt.datetime(2024, 4, 2, 6, 15, tzinfo=UTC)
    assert first.source_name == "Frontline Wire"
    assert first.position.endswith("rss2_content.xml#entry=0")
    assert first.flags == ()


def test_rss2_tagless_summary_is_text_with_entities_decoded():
    _, second, third = read("rss2_content.xml")
    assert second.body == "Alert lifted after 40 minutes & no strikes reported."
    assert second.body_format == "text"
    assert third.body_format == "html"  # escaped tags in the description are markup
    assert third.published_at is None


def test_configured_name_wins_over_the_feed_title():
    items = read("rss2_content.xml", name="wire")
    assert {item.source_name for item in items} == {"wire"}


def test_atom_content_and_updated_fallback():
    first, second = read("atom.xml")
    assert first.body_format == "html" and "naval drones" in first.body
    assert first.published_at == dt.datetime(2024, 5, 10, 3, 30, tzinfo=UTC)
    assert first.guid == "urn:example:harbour-monitor:7"
    assert second.published_at == dt.datetime(2024, 5, 10, 6, 0, tzinfo=UTC)
    assert second.body == "Port operations resumed in the morning."
    assert second.body_format == "text"


def test_feed_without_entries_is_one_reject():
    [reject] = read("no_entries.xml")
    assert isinstance(reject, Reject)
    assert reject.reason == "feed_no_entries" and reject.stage == "read"
    assert reject.source_ref.endswith("no_entries.xml")


def test_bozo_feed_with_entries_is_kept_flagged_and_counted(counted):
    items = read("bozo.xml")
    assert len(items) == 2 and all(isinstance(item, RawItem) for item in items)
    assert all("feed_bozo" in item.flags for item in items)
    assert counted == {"feed_bozo:Sloppy Feed": 1}


def test_file_modified_time_is_fetched_at_so_reruns_are_identical():
    assert read("atom.xml") == read("atom.xml")


def test_entry_with_nothing_in_it_is_a_reject():
    feed = (b'<rss version="2.0"><channel><title>t</title><item><title></title></item>'
            b'<item><title>kept</title></item></channel></rss>')
    reject, item = parse_feed(feed, ref="mem.xml", source_name="", fetched_at=dt.datetime(2024, 1, 1, tzinfo=UTC))
    assert reject.reason == "feed_entry_empty" and reject.source_ref == "mem.xml#entry=0"
    assert item.title == "kept" and item.guid.startswith("sha1:")


def test_garbage_is_a_reject_not_a_crash():
    [reject] = parse_feed(b"\x00\xff not xml", ref="junk.xml", source_name="",
                          fetched_at=dt.datetime(2024, 1, 1, tzinfo=UTC))
    assert reject.reason == "feed_no_entries"
