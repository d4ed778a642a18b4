import datetime as dt
import io

import pytest

from schemas.records import RawItem, Reject
from transforms.sources import InputSpec, expand_input, read_input
from transforms.sources.telegram_json import EscapeRepairingReader, message_text

from .conftest import DATA

UTC = dt.timezone.utc
CHANNEL = DATA / "telegram_channel"


def read(path, **spec) -> list:
    return list(read_input(InputSpec("telegram", str(path), **spec)))


def by_guid(items) -> dict:
    return {item.guid: item for item in items}


def test_channel_export_posts(counted):
    items = read(CHANNEL / "result.json")
    assert all(isinstance(item, RawItem) for item in items)
    posts = by_guid(items)
    assert list(posts) == ["tg:1700000001:11", "tg:1700000001:13", "tg:1700000001:15",
                           "tg:1700000001:17", "tg:1700000001:18", "tg:1700000001:19"]
    first = posts["tg:1700000001:11"]
    assert first.source_name == "Oblast Watch"
    assert first.body == ("Explosions reported in Kursk\nThe governor reports an attack, details here "
                          "(https://news.example.org/kursk/1). Source: https://t.me/example_source/5")
    assert first.title == "Explosions reported in Kursk"
    assert first.published_at == dt.datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    assert first.body_format == "text" and first.source_type == "telegram"
    assert first.position.endswith("result.json#message=11")


def test_every_message_is_accounted_for(counted):
    items = read(CHANNEL / "result.json")
    # 10 messages: 1 service, an album of 3 (one post), 1 photo without caption, 6 posts
    assert counted == {"telegram_service_messages": 1, "telegram_album_messages_merged": 2,
                       "telegram_empty_messages": 1}
    assert len(items) + sum(counted.values()) == 10


def test_album_is_one_post_with_its_caption():
    album = by_guid(read(CHANNEL / "result.json"))["tg:1700000001:13"]
    assert album.body == "Photos from the scene: a damaged warehouse roof."
    assert "album" in album.flags


def test_text_posts_in_the_same_second_stay_apart():
    posts = by_guid(read(CHANNEL / "result.json"))
    assert posts["tg:1700000001:18"].body == "First quick update."
    assert posts["tg:1700000001:19"].body == "Second quick update in the same second."


def test_hex_escapes_are_repaired_and_escaped_backslashes_kept():
    post = by_guid(read(CHANNEL / "result.json"))["tg:1700000001:15"]
    assert post.body == "Tab\tseparated and a literal backslash-x: \\x41 stays"


def test_escape_repair_across_every_chunk_boundary():
    source = rb'{"a": "x\x41y\\x42z\\\x43", "b": "\u0044\n"}'
    expected = rb'{"a": "x\u0041y\\x42z\\\u0043", "b": "\u0044\n"}'

    class Trickle(io.BytesIO):
        def __init__(self, data, size):
            super().__init__(data)
            self.size = size

        def read(self, n=-1):
            return super().read(self.size)

    for size in range(1, len(source) + 1):
        reader = EscapeRepairingReader(Trickle(source, size))
        out = b"".join(iter(lambda: reader.read(7), b""))
        assert out == expected, size


def test_username_gives_t_me_links_and_missing_unixtime_uses_timezone():
    spec = {"options": (("timezone", "Europe/Kyiv"), ("username", "oblastwatch"))}
    posts = by_guid(read(CHANNEL / "result.json", **spec))
    assert "https://t.me/oblastwatch/11" in posts
    forwarded = posts["https://t.me/oblastwatch/17"]
    assert forwarded.url == forwarded.guid
    # 12:00 in Kyiv in March (UTC+2) is 10:00 UTC; flagged because the exporter's clock set it
    assert forwarded.published_at == dt.datetime(2024, 3, 1, 10, 0, tzinfo=UTC)
    assert set(forwarded.flags) == {"date_exporter_local", "forwarded"}


def test_truncated_export_keeps_what_was_read_and_adds_one_reject():
    outputs = read(CHANNEL / "truncated.json")
    items = [o for o in outputs if isinstance(o, RawItem)]
    rejects = [o for o in outputs if isinstance(o, Reject)]
    assert [item.guid for item in items] == ["tg:1700000001:11"]
    [reject] = rejects
    assert reject.reason == "telegram_invalid_json"
    assert reject.source_ref.endswith("truncated.json#after-message=11")
    assert "2 messages read" in reject.detail
    assert outputs[-1] is reject


@pytest.mark.parametrize("name, content", [
    ("other.json", '{"hello": [1, 2, 3]}'),
    ("messages.html", "<html><body><p>hello</p></body></html>"),
], ids=["json", "html"])
def test_a_file_that_is_not_an_export_is_a_reject(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content)
    [reject] = read(path)
    assert reject.reason == "telegram_no_messages"


def test_full_account_export(counted):
    items = read(DATA / "telegram_account" / "result.json")
    assert [(item.source_name, item.guid) for item in items] == [
        ("Border Region News", "tg:1800000001:2"),
        ("Coastal Alerts", "tg:1800000002:7"),
        ("Old Channel", "tg:1800000003:3"),
    ]
    assert items[1].body == "Missile alert #coast"
    assert items[0].position.endswith("result.json#chat=1800000001&message=2")
    assert counted == {"telegram_service_messages": 1, "telegram_empty_messages": 1}


def test_text_runs_and_entities():
    assert message_text({"text": "plain"}) == "plain"
    assert message_text({"text": ["a ", {"type": "text_link", "text": "b", "href": "https://x.org"}]}) \
        == "a b (https://x.org)"
    assert message_text({"text": "ignored", "text_entities": [{"type": "plain", "text": "used"}]}) == "used"
    assert message_text({"text": [{"type": "link", "text": "https://x.org"}]}) == "https://x.org"
    assert message_text({}) == ""


def test_html_export_pages_in_number_order():
    folder = InputSpec("telegram", str(DATA / "telegram_html"))
    pages = [spec.location.rsplit("/", 1)[-1] for spec in expand_input(folder)]
    assert pages == ["messages.html", "messages2.html", "messages10.html"]


def test_html_export_page(counted):
    items = read(DATA / "telegram_html" / "messages.html")
    assert [item.guid for item in items] == ["tg:Night%20Sky%20Reports:101", "tg:Night%20Sky%20Reports:102"]
    alert, forwarded = items
    assert alert.source_name == "Night Sky Reports"
    assert alert.body == "Air raid alert\nShelter now.\nLive map (https://alerts.example.org/map)"
    assert alert.title == "Air raid alert"
    # printed UTC+02:00 is the zone's standard offset: used, and flagged as such
    assert alert.published_at == dt.datetime(2024, 7, 14, 0, 10, 5, tzinfo=UTC)
    assert alert.flags == ("date_standard_offset",)
    assert forwarded.body == "Debris fell on a parking lot; no injuries."
    assert "forwarded" in forwarded.flags
    # the day separator is not a message; 4 messages: 2 posts, 1 service, 1 photo without caption
    assert counted == {"telegram_service_messages": 1, "telegram_empty_messages": 1}


def test_html_export_configured_timezone_and_username():
    spec = {"options": (("timezone", "Europe/Kyiv"), ("username", "nightsky"))}
    alert = read(DATA / "telegram_html" / "messages.html", **spec)[0]
    # Kyiv is UTC+3 in July: the configured zone corrects the printed standard offset
    assert alert.published_at == dt.datetime(2024, 7, 13, 23, 10, 5, tzinfo=UTC)
    assert alert.url == "https://t.me/nightsky/101" and alert.flags == ()


def test_a_message_that_is_not_an_object_is_a_reject_and_reading_goes_on(tmp_path):
    path = tmp_path / "result.json"
    path.write_text('{"name": "C", "id": 5, "messages": ["oops", {"id": 2, "type": "message", '
                    '"date_unixtime": "1700000000", "text": "still read"}]}')
    reject, item = read(path)
    assert reject.reason == "telegram_bad_message" and reject.source_ref.endswith("#index1")
    assert item.body == "still read" and item.guid == "tg:5:2"


def test_html_album_is_one_post(tmp_path, counted):
    def photo(message_id, time, caption="", joined=True):
        sender = "" if joined else '<div class="from_name">Watch</div>'
        text = f'<div class="text">{caption}</div>' if caption else ""
        return (f'<div class="message default clearfix{" joined" if joined else ""}" id="message{message_id}">'
                f'<div class="body"><div class="pull_right date details" title="01.06.2024 {time}"></div>'
                f'{sender}<div class="media_wrap clearfix"><a class="photo_wrap" href="p.jpg"></a></div>'
                f'{text}</div></div>')

    page = tmp_path / "messages.html"
    page.write_text('<html><body><div class="history">' + photo(5, "10:00:00", joined=False)
                    + photo(6, "10:00:00", caption="Three photos of the damage") + photo(7, "10:00:01")
                    + photo(8, "10:30:00") + "</div></body></html>")
    [post] = read(page)
    assert post.body == "Three photos of the damage" and post.guid.endswith(":6")
    assert "album" in post.flags
    assert counted == {"telegram_album_messages_merged": 2, "telegram_empty_messages": 1}
