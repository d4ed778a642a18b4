"""The readers over the shared real-world fixtures (skipped when ../shared is absent)."""
import collections
import json
import pathlib
import re

import feedparser

from schemas.records import RawItem, Reject
from tests.conftest import shared_path
from transforms.sources import InputSpec, expand_input, read_input, resolve_inputs


def test_every_telegram_message_is_accounted_for(counted):
    specs = resolve_inputs([str(shared_path("fixtures", "telegram"))])
    files = [file for spec in specs for file in expand_input(spec)]
    # the HTML twin of langchain's result.json is read on its own too
    files.append(InputSpec("telegram", str(shared_path("fixtures", "telegram", "langchain-community",
                                                       "messages.html"))))
    assert len(files) == 6
    for spec in files:
        counted.clear()
        outputs = list(read_input(spec))
        assert all(isinstance(output, RawItem) for output in outputs), spec.location
        assert len(outputs) + sum(counted.values()) == _messages_in(spec.location), spec.location
        assert all(item.published_at is not None and item.body for item in outputs)


def _messages_in(path: str) -> int:
    with open(path, encoding="utf-8") as stream:
        if path.endswith(".json"):
            export = json.load(stream)
            chats = export.get("chats", {}).get("list", []) or [export]
            return sum(len(chat["messages"]) for chat in chats)
        return len(re.findall(r'class="message [^"]*" id="message\d+"', stream.read()))


def test_every_real_feed_entry_is_read():
    specs = resolve_inputs([str(shared_path("fixtures", "feeds"))])
    feeds = [file for spec in specs if spec.kind == "rss" for file in expand_input(spec)]
    assert len(feeds) == 10
    for spec in feeds:
        with open(spec.location, "rb") as stream:
            entries = len(feedparser.parse(stream.read()).entries)
        outputs = list(read_input(spec))
        items = [output for output in outputs if isinstance(output, RawItem)]
        empty = [output for output in outputs if isinstance(output, Reject)]
        assert len(items) + len(empty) == entries > 0, spec.location
        # the one reject: cercle_psy has an entry with an empty title, link and description
        assert all(reject.reason == "feed_entry_empty" for reject in empty)
        assert len(empty) <= (1 if "cercle_psy" in spec.location else 0)
        assert len({item.guid for item in items}) == len(items), spec.location


FEED_REJECTS = ("feed_no_entries", "feed_external_entity")


def test_feedparser_corpus_never_crashes():
    root = shared_path("fixtures", "feedparser")
    # run as a folder: resolved and expanded the way ReadSources does, losing no file
    files = [file for spec in resolve_inputs([str(root)]) for file in expand_input(spec)]
    assert len(files) == 2107
    specs = [spec for spec in files if spec.kind == "rss"]
    assert sorted(spec.location for spec in specs) == sorted(str(path) for path in root.rglob("*.xml"))
    # the corpus's one JSON feed is taken for a Telegram export: one reject, not a crash
    [other] = [spec for spec in files if spec.kind != "rss"]
    assert [o.reason for o in read_input(other)] == ["telegram_no_messages"]
    outcomes = collections.Counter()
    for spec in specs:
        path = pathlib.Path(spec.location)
        outputs = list(read_input(spec))
        entries = feedparser.parse(path.read_bytes(),
                                   response_headers={"content-type": "application/xml"}).entries
        per_entry = [o for o in outputs if isinstance(o, RawItem) or o.reason == "feed_entry_empty"]
        assert len(per_entry) == len(entries), path  # every entry: an item or a reject
        if not entries:
            assert len(outputs) == 1 and outputs[0].reason in FEED_REJECTS, path
        outcomes.update("item" if isinstance(o, RawItem) else o.reason for o in outputs)
    # feed_external_entity: one file declares an external parameter entity (refused, not fetched)
    assert set(outcomes) == {"item", "feed_entry_empty", "feed_no_entries", "feed_external_entity"}, outcomes
    assert outcomes["item"] > 900
