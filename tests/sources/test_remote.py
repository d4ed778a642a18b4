"""ReadSources over feeds on a loopback server: the fault matrix through the Beam
transform, article pages with robots.txt, the state between runs, WARC replay."""
import dataclasses
import gzip
import os
import pathlib
import pickle
import tempfile

import apache_beam as beam
from apache_beam.metrics.metric import MetricsFilter
from werkzeug import Response

from schemas.records import Reject
from tests.conftest import beam_test_pipeline
from transforms.sources import InputSpec, ReadSources
from transforms.sources.state import SeenEntry, SeenIndex, load_seen, normalise_link, write_seen
from transforms.stage import COUNT_NAMESPACE

from .conftest import rss_feed


def _save(records, path: str) -> None:
    pathlib.Path(path).write_bytes(pickle.dumps(records))


def run(specs, settings, state=None, output=None, commit=True):
    """(items, rejects, counters) of ReadSources run to completion; without ``commit``
    the run is like one that died before its tables were written."""
    pipeline = beam_test_pipeline()
    read = ReadSources(specs, settings, state=state, output=output)
    items, rejects = pipeline | read
    if commit:
        read.commit_state((items, rejects) | "Done" >> beam.Flatten())
    with tempfile.TemporaryDirectory() as folder:
        paths = {name: os.path.join(folder, name) for name in ("items", "rejects")}
        for name, records in (("items", items), ("rejects", rejects)):
            _ = (records | f"List[{name}]" >> beam.combiners.ToList()
                 | f"Save[{name}]" >> beam.Map(_save, paths[name]))
        result = pipeline.run()
        result.wait_until_finish()
        collected = {name: pickle.loads(pathlib.Path(path).read_bytes()) for name, path in paths.items()}
    counters = {c.key.metric.name: c.committed for c in
                result.metrics().query(MetricsFilter().with_namespace(COUNT_NAMESPACE))["counters"]}
    return collected["items"], collected["rejects"], counters


def test_fault_matrix_through_the_pipeline_every_feed_accounted_for(httpserver, quick):
    feed = rss_feed(("m-1", "https://wire.example.org/m/1", "One."), ("m-2", "https://wire.example.org/m/2", "Two."))
    httpserver.expect_request("/ok").respond_with_data(feed)
    httpserver.expect_oneshot_request("/flaky").respond_with_data("", status=502)
    httpserver.expect_request("/flaky").respond_with_data(feed)
    httpserver.expect_oneshot_request("/limited").respond_with_data("", status=429, headers={"Retry-After": "0"})
    httpserver.expect_request("/limited").respond_with_data(feed)
    httpserver.expect_request("/missing").respond_with_data("", status=404)
    httpserver.expect_request("/loop").respond_with_data("", status=307, headers={"Location": "/loop"})
    httpserver.expect_request("/bomb").respond_with_data(gzip.compress(b" " * (8 << 20)),
                                                         headers={"Content-Encoding": "gzip"})
    httpserver.expect_request("/junk").respond_with_data(bytes(range(256)) * 64)
    paths = ["/ok", "/flaky", "/limited", "/missing", "/loop", "/bomb", "/junk"]
    specs = [InputSpec("rss", httpserver.url_for(path)) for path in paths]
    items, rejects, _ = run(specs, dataclasses.replace(quick, max_bytes=1 << 20))
    outcome = {path: [] for path in paths}
    for output in items + rejects:
        ref = output.source_ref if isinstance(output, Reject) else output.position
        path = "/" + ref.split("#")[0].rsplit("/", 1)[-1]
        outcome[path].append(output.reason if isinstance(output, Reject) else "item")
    assert outcome == {
        "/ok": ["item", "item"], "/flaky": ["item", "item"], "/limited": ["item", "item"],
        "/missing": ["http_error"], "/loop": ["too_many_redirects"], "/bomb": ["response_too_large"],
        "/junk": ["feed_no_entries"],
    }


ARTICLE = ("<html><head><title>Depot fire</title></head><body><article><p>Drones struck a fuel depot "
           "near the river overnight, the governor said.</p></article></body></html>")


def _site(httpserver, first_guid: str):
    base = httpserver.url_for("")
    feed = rss_feed((first_guid, f"{base}a/1?utm_source=feed", "Teaser one."),
                    ("p-2", f"{base}private/2", "Teaser two."),
                    ("f-3", f"{base}a/3", "<p>" + "Full text. " * 200 + "</p>"))
    httpserver.expect_request("/feed").respond_with_data(feed)
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    httpserver.expect_request("/a/1").respond_with_data(ARTICLE, content_type="text/html; charset=utf-8")


def test_articles_state_and_replay_across_runs(httpserver, quick, tmp_path):
    state = str(tmp_path / "state")
    settings = dataclasses.replace(quick, fetch_articles=True)
    spec = InputSpec("rss", httpserver.url_for("/feed"), "wire")

    _site(httpserver, first_guid="guid-original")
    items, rejects, counters = run([spec], settings, state=state)
    by_guid = {item.guid: item for item in items}
    assert rejects == [] and set(by_guid) == {"guid-original", "p-2", "f-3"}
    fetched = by_guid["guid-original"]
    assert fetched.body == ARTICLE and fetched.body_format == "html" and "article_fetched" in fetched.flags
    assert "article_robots_disallowed" in by_guid["p-2"].flags and by_guid["p-2"].body == "Teaser two."
    assert "summary_only" not in by_guid["f-3"].flags  # full text in the feed: no page fetched
    assert counters["article_fetched"] == 1 and counters["article_robots_disallowed"] == 1
    warcs = list((tmp_path / "state" / "sources" / "warc").glob("*.warc.gz"))
    assert warcs and not list((tmp_path / "state" / "sources" / "warc").glob("*.tmp"))
    index = SeenIndex(load_seen(state))
    assert len(index) == 3 and index.by_link[normalise_link(fetched.url)].archived is not None

    # The next run: the feed changed the item's GUID; the item keeps its first identity and
    # its page comes from the archive, not from the site.
    httpserver.clear()
    _site(httpserver, first_guid="guid-renamed")
    items, rejects, counters = run([spec], settings, state=state)
    again = {item.guid: item for item in items}
    assert set(again) == {"guid-original", "p-2", "f-3"}
    assert "guid_changed" in again["guid-original"].flags and again["guid-original"].body == ARTICLE
    assert "article_archived" in again["guid-original"].flags
    assert not [request for request, _ in httpserver.log if request.path == "/a/1"]
    assert counters["guid_changed"] == 1
    assert len(list((tmp_path / "state" / "sources" / "seen").glob("index-*"))) <= 2

    # Replay: the site is gone; the archive gives the (newest) feed and the page. Without
    # the state the renamed GUID stays; the state is only read, never written.
    httpserver.clear()
    replay = dataclasses.replace(settings, replay=str(tmp_path / "state" / "sources" / "warc"))
    snapshot = sorted((tmp_path / "state" / "sources" / "seen").glob("index-*"))
    replayed, rejects, _ = run([spec], replay)
    assert rejects == [] and not httpserver.log
    assert {item.guid: item.body for item in replayed}["guid-renamed"] == ARTICLE
    replayed, rejects, _ = run([spec], replay, state=state)
    assert {item.guid: item.body for item in replayed}["guid-original"] == ARTICLE
    assert sorted((tmp_path / "state" / "sources" / "seen").glob("index-*")) == snapshot


def test_replay_of_a_url_never_fetched_is_a_reject(quick, tmp_path):
    (tmp_path / "warc").mkdir()
    _, rejects, _ = run([InputSpec("rss", "http://127.0.0.1:9/feed")],
                        dataclasses.replace(quick, replay=str(tmp_path / "warc")))
    assert [reject.reason for reject in rejects] == ["not_in_archive"]


def test_warc_goes_to_the_output_folder_without_state(httpserver, quick, tmp_path):
    httpserver.expect_request("/feed").respond_with_data(rss_feed(("o-1", "https://x.example.org/1", "One.")))
    items, _, _ = run([InputSpec("rss", httpserver.url_for("/feed"))], quick, output=str(tmp_path / "out"))
    assert len(items) == 1 and list((tmp_path / "out" / "_warc").glob("*.warc.gz"))


def test_robots_unreachable_means_disallow_and_missing_means_allow(httpserver, quick):
    base = httpserver.url_for("")
    httpserver.expect_request("/feed").respond_with_data(rss_feed(("r-1", f"{base}page", "Teaser.")))
    httpserver.expect_request("/page").respond_with_data(ARTICLE, content_type="text/html")
    httpserver.expect_request("/robots.txt").respond_with_data("", status=503)
    settings = dataclasses.replace(quick, fetch_articles=True, retries=0)
    [item], _, _ = run([InputSpec("rss", httpserver.url_for("/feed"))], settings)
    assert "article_robots_disallowed" in item.flags
    httpserver.clear()
    httpserver.expect_request("/feed").respond_with_data(rss_feed(("r-1", f"{base}page", "Teaser.")))
    httpserver.expect_request("/page").respond_with_data(ARTICLE, content_type="text/html")
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    [item], _, _ = run([InputSpec("rss", httpserver.url_for("/feed"))], settings)
    assert "article_fetched" in item.flags


def test_a_page_that_fails_keeps_the_summary(httpserver, quick):
    base = httpserver.url_for("")
    httpserver.expect_request("/feed").respond_with_data(rss_feed(("x-1", f"{base}broken", "Teaser."),
                                                                  ("x-2", f"{base}image", "Photo.")))
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/broken").respond_with_data("", status=500)
    httpserver.expect_request("/image").respond_with_data(b"\x89PNG", content_type="image/png")
    items, rejects, _ = run([InputSpec("rss", httpserver.url_for("/feed"))],
                            dataclasses.replace(quick, fetch_articles=True))
    flags = {item.guid: item.flags for item in items}
    assert rejects == [] and "article_http_error" in flags["x-1"] and "article_not_html" in flags["x-2"]


def test_feeds_of_one_host_are_fetched_in_order_with_the_delay(httpserver, quick):
    import time
    times = []

    def stamped(request):
        times.append(time.monotonic())
        return Response(rss_feed((request.path, "https://x.example.org" + request.path, "t")))

    for path in ("/f1", "/f2", "/f3"):
        httpserver.expect_request(path).respond_with_handler(stamped)
    specs = [InputSpec("rss", httpserver.url_for(path)) for path in ("/f1", "/f2", "/f3")]
    items, _, _ = run(specs, dataclasses.replace(quick, min_host_delay_s=0.25))
    assert len(items) == 3
    assert all(later - earlier >= 0.25 for earlier, later in zip(times, times[1:])), times


def test_normalised_links():
    assert normalise_link("HTTP://News.Example.org:80/a/1/?utm_source=x&b=2&a=1#top") == \
        "https://news.example.org/a/1?a=1&b=2"
    assert normalise_link("https://news.example.org") == "https://news.example.org/"


def test_seen_index_keeps_the_first_guid_and_prunes_to_the_window(tmp_path):
    import datetime as dt
    state = str(tmp_path)
    old = SeenEntry("https://x.org/old", "g-old", "h", "2024-01-01", "2024-01-01")
    first = SeenEntry("https://x.org/a", "g-1", "h", "2024-03-01", "2024-03-01")
    write_seen(state, [], [old, first], dt.datetime(2024, 3, 1, tzinfo=dt.timezone.utc), window_days=30)
    later = SeenEntry("https://x.org/a", "g-2", "h2", "2024-03-10", "2024-03-10", ("f.warc.gz", 0))
    write_seen(state, load_seen(state), [later], dt.datetime(2024, 3, 10, tzinfo=dt.timezone.utc), 30)
    [entry] = load_seen(state)
    assert entry.guid == "g-1" and entry.first_seen == "2024-03-01" and entry.last_seen == "2024-03-10"
    assert entry.archived == ("f.warc.gz", 0)
    assert len(list(pathlib.Path(state, "sources", "seen").glob("index-*"))) == 2


def test_items_without_a_link_of_their_own_are_known_by_guid_only():
    import datetime as dt
    from transforms.sources.rss import parse_feed
    feed = ('<rss version="2.0"><channel><title>t</title>'
            '<item><title>a</title><guid isPermaLink="false">g-a</guid><link>https://x.org/</link></item>'
            '<item><title>b</title><guid isPermaLink="false">g-b</guid><link>https://x.org/</link></item>'
            '<item><title>c</title><guid isPermaLink="false">g-c</guid></item>'
            '<item><title>d</title><guid isPermaLink="false">g-d</guid><link>https://x.org/d</link></item>'
            "</channel></rss>").encode()
    day = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    items = list(parse_feed(feed, ref="mem.xml", source_name="s", fetched_at=day))
    assert [("link_not_identity" in item.flags) for item in items] == [True, True, True, False]
    index = SeenIndex(SeenEntry.of(item, day.date()) for item in items)
    renamed = dataclasses.replace(items[1], guid="g-new")
    assert index.lookup(renamed) is None  # sharing a/b's link does not make it item a or b
    assert index.lookup(dataclasses.replace(items[3], guid="g-new")).guid == "g-d"


def test_feed_state_is_saved_only_when_the_run_commits(httpserver, quick, tmp_path):
    state = str(tmp_path / "state")
    feed = rss_feed(("c-1", "https://x.example.org/c/1", "One."))
    httpserver.expect_request("/feed", headers={"If-None-Match": '"e1"'}).respond_with_data("", status=304)
    httpserver.expect_request("/feed").respond_with_data(feed, headers={"ETag": '"e1"'})
    spec = InputSpec("rss", httpserver.url_for("/feed"), "wire")
    items, _, _ = run([spec], quick, state=state, commit=False)  # died before the tables
    assert len(items) == 1 and not (tmp_path / "state" / "sources" / "feeds").exists()
    items, _, _ = run([spec], quick, state=state)  # asks unconditionally again: nothing lost
    assert len(items) == 1
    items, rejects, counters = run([spec], quick, state=state)
    assert items == [] and rejects == [] and counters == {"not_modified:wire": 1}


def test_a_page_two_feeds_link_to_is_fetched_once(httpserver, quick, tmp_path):
    base = httpserver.url_for("")
    for feed in ("/one", "/two"):
        httpserver.expect_request(feed).respond_with_data(
            rss_feed((f"{feed}-1", f"{base}story?utm_medium={feed[1:]}", "Teaser.")))
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/story").respond_with_data(ARTICLE, content_type="text/html")
    specs = [InputSpec("rss", httpserver.url_for(feed)) for feed in ("/one", "/two")]
    items, _, _ = run(specs, dataclasses.replace(quick, fetch_articles=True), output=str(tmp_path))
    assert [item.body for item in items] == [ARTICLE, ARTICLE]
    assert sum(1 for request, _ in httpserver.log if request.path == "/story") == 1
