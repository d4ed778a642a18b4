"""The fetcher against a real HTTP server on loopback: every fault ends as a success
after retry or as one reject, never a crash."""
import dataclasses
import gzip
import socket
import socketserver
import threading
import time

import pytest
from werkzeug import Response

from schemas.records import RawItem, Reject
from transforms.sources import InputSpec, read_input
from transforms.sources.client import FeedClient
from transforms.sources.http import FetchError, FetchSettings, HttpFetcher, Validators, retry_after_seconds

from .conftest import rss_feed

FEED = rss_feed(("a-1", "https://wire.example.org/a/1", "Drones over the port."),
                ("a-2", "https://wire.example.org/a/2", "Sirens in the city."))


def read_url(url: str, settings: FetchSettings, **client) -> list:
    with HttpFetcher(settings) as fetcher:
        return list(read_input(InputSpec("rss", url), FeedClient(fetcher, **client)))


def requests_to(httpserver, path: str) -> int:
    """Requests the server answered for ``path`` (the server outlives one test)."""
    return sum(1 for request, _ in httpserver.log if request.path == path)


def reasons(outputs) -> list:
    return [output.reason if isinstance(output, Reject) else "item" for output in outputs]


def test_user_agent_names_incidentflow_and_the_contact(httpserver, quick):
    httpserver.expect_request("/feed").respond_with_data(FEED)
    assert reasons(read_url(httpserver.url_for("/feed"), quick)) == ["item", "item"]
    agent = httpserver.log[-1][0].headers["User-Agent"]
    assert agent.startswith("incidentflow/") and "ops@example.org" in agent


def test_slower_than_the_read_timeout_is_one_reject(httpserver, quick):
    def slow(request):
        time.sleep(1.0)
        return Response(FEED)

    httpserver.expect_request("/slow").respond_with_handler(slow)
    impatient = dataclasses.replace(quick, read_timeout_s=0.5)
    assert reasons(read_url(httpserver.url_for("/slow"), impatient)) == ["fetch_timeout"]


def test_500_then_200_succeeds_after_a_retry(httpserver, quick):
    httpserver.expect_oneshot_request("/flaky").respond_with_data("busy", status=500)
    httpserver.expect_request("/flaky").respond_with_data(FEED)
    assert reasons(read_url(httpserver.url_for("/flaky"), quick)) == ["item", "item"]
    assert requests_to(httpserver, "/flaky") == 2


def test_500_for_ever_is_a_reject_after_the_retries(httpserver, quick):
    httpserver.expect_request("/down").respond_with_data("down", status=503)
    [reject] = read_url(httpserver.url_for("/down"), quick)
    assert reject.reason == "http_error" and "503" in reject.detail and "after 3 attempts" in reject.detail
    assert requests_to(httpserver, "/down") == 1 + quick.retries


def test_429_waits_as_long_as_retry_after_says(httpserver, quick):
    httpserver.expect_oneshot_request("/limited").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "1"})
    httpserver.expect_request("/limited").respond_with_data(FEED)
    started = time.monotonic()
    assert reasons(read_url(httpserver.url_for("/limited"), dataclasses.replace(quick, max_backoff_s=2))) == [
        "item", "item"]
    assert time.monotonic() - started >= 1.0


def test_429_asking_for_longer_than_we_wait_is_a_reject_without_waiting(httpserver, quick):
    httpserver.expect_request("/later").respond_with_data("later", status=429,
                                                          headers={"Retry-After": "3600"})
    started = time.monotonic()
    [reject] = read_url(httpserver.url_for("/later"), quick)
    assert reject.reason == "http_error" and "429" in reject.detail
    assert time.monotonic() - started < 1 and requests_to(httpserver, "/later") == 1


def test_retry_after_as_an_http_date():
    import datetime as dt
    now = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc)
    assert retry_after_seconds("Wed, 01 May 2024 12:00:30 GMT", now) == 30
    assert retry_after_seconds("120") == 120
    assert retry_after_seconds("soon") is None


def test_redirect_loop_is_a_reject(httpserver, quick):
    httpserver.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    assert reasons(read_url(httpserver.url_for("/loop"), quick)) == ["too_many_redirects"]
    assert requests_to(httpserver, "/loop") == quick.max_redirects + 1


def test_gzip_bomb_stops_at_the_cap(httpserver, quick):
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)  # 64 MiB in ~64 KB
    httpserver.expect_request("/bomb").respond_with_data(bomb, headers={"Content-Encoding": "gzip"})
    [reject] = read_url(httpserver.url_for("/bomb"), dataclasses.replace(quick, max_bytes=1024 * 1024))
    assert reject.reason == "response_too_large" and "after decompression" in reject.detail


def test_body_over_the_cap_with_or_without_content_length(httpserver, quick):
    small = dataclasses.replace(quick, max_bytes=10_000)
    httpserver.expect_request("/big").respond_with_data(b"x" * 20_000)
    assert reasons(read_url(httpserver.url_for("/big"), small)) == ["response_too_large"]

    def chunked(request):
        return Response((b"x" * 1000 for _ in range(20)), direct_passthrough=True)

    httpserver.expect_request("/stream").respond_with_handler(chunked)
    assert reasons(read_url(httpserver.url_for("/stream"), small)) == ["response_too_large"]


def test_wrong_charset_header_still_reads_the_feed(httpserver, quick):
    feed = ('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Лента</title>'
            "<item><title>Беспилотники над Курском</title><guid>k-1</guid>"
            "<link>https://news.example.org/k/1</link><description>Атака.</description></item>"
            "</channel></rss>").encode("windows-1251")
    httpserver.expect_request("/cp1251").respond_with_data(
        feed, content_type="application/rss+xml; charset=utf-8")
    [item] = read_url(httpserver.url_for("/cp1251"), quick)
    assert isinstance(item, RawItem) and item.title == "Беспилотники над Курском"


def test_304_is_nothing_to_do_and_validators_are_kept(httpserver, quick, tmp_path, counted):
    from transforms.sources.state import FeedStates
    states = FeedStates(str(tmp_path))
    httpserver.expect_request("/cond", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    httpserver.expect_request("/cond").respond_with_data(
        FEED, headers={"ETag": '"v1"', "Last-Modified": "Wed, 01 May 2024 12:00:00 GMT"})
    url = httpserver.url_for("/cond")
    assert reasons(read_url(url, quick, feed_states=states)) == ["item", "item"]
    assert states.load(url).etag == '"v1"'
    assert read_url(url, quick, feed_states=states) == []
    assert counted["not_modified:localhost"] == 1
    second = [request for request, _ in httpserver.log if request.path == "/cond"][1].headers
    assert second["If-None-Match"] == '"v1"' and second["If-Modified-Since"] == "Wed, 01 May 2024 12:00:00 GMT"
    assert states.load(url).etag == '"v1"'  # a 304 without validators keeps the old ones


def test_410_marks_the_feed_gone_and_later_runs_do_not_ask(httpserver, quick, tmp_path, counted):
    from transforms.sources.state import FeedStates
    states = FeedStates(str(tmp_path))
    httpserver.expect_request("/gone").respond_with_data("gone", status=410)
    url = httpserver.url_for("/gone")
    assert reasons(read_url(url, quick, feed_states=states)) == ["http_gone"]
    assert reasons(read_url(url, quick, feed_states=states)) == ["feed_gone"]
    assert requests_to(httpserver, "/gone") == 1 and counted["feed_gone:localhost"] == 2


def test_permanent_redirect_is_noted_and_followed_directly_next_time(httpserver, quick, tmp_path, counted):
    from transforms.sources.state import FeedStates
    states = FeedStates(str(tmp_path))
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data(FEED)
    old, new = httpserver.url_for("/old"), httpserver.url_for("/new")
    assert reasons(read_url(old, quick, feed_states=states)) == ["item", "item"]
    assert counted[f"permanent_redirect:{old} -> {new}"] == 1
    assert states.load(old).moved_to == new
    read_url(old, quick, feed_states=states)
    assert [request.path for request, _ in httpserver.log if request.path in ("/old", "/new")] == [
        "/old", "/new", "/new"]


def test_a_temporary_redirect_is_not_permanent(httpserver, quick):
    httpserver.expect_request("/tmp").respond_with_data("", status=302, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data(FEED)
    with HttpFetcher(quick) as fetcher:
        fetched = fetcher.get(httpserver.url_for("/tmp"))
    assert fetched.url == httpserver.url_for("/new") and fetched.permanent_redirect is None


class _ResettingHandler(socketserver.BaseRequestHandler):
    """Resets the first connections (RST, not FIN), then serves the feed."""

    resets_left = 0

    def handle(self):
        self.request.recv(65536)
        if type(self).resets_left > 0:
            type(self).resets_left -= 1
            self.request.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            return
        self.request.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                             b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(FEED) + FEED)


@pytest.fixture
def resetting_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _ResettingHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_connection_reset_is_retried(resetting_server, quick):
    _ResettingHandler.resets_left = 1
    url = f"http://127.0.0.1:{resetting_server.server_address[1]}/feed"
    assert reasons(read_url(url, quick)) == ["item", "item"]


def test_connection_reset_every_time_is_a_reject(resetting_server, quick):
    _ResettingHandler.resets_left = 100
    url = f"http://127.0.0.1:{resetting_server.server_address[1]}/feed"
    [reject] = read_url(url, quick)
    assert reject.reason == "fetch_failed" and "after 3 attempts" in reject.detail


def test_nothing_listening_is_a_reject(quick):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert reasons(read_url(f"http://127.0.0.1:{port}/feed", quick)) == ["fetch_failed"]


def test_politeness_delay_between_requests_to_one_host(httpserver, quick):
    httpserver.expect_request("/feed").respond_with_data(FEED)
    client_times = []
    with HttpFetcher(quick) as fetcher:
        client = FeedClient(fetcher, min_delay_s=0.2)
        for _ in range(3):
            client.fetch(httpserver.url_for("/feed"))
            client_times.append(time.monotonic())
    gaps = [later - earlier for earlier, later in zip(client_times, client_times[1:])]
    assert all(gap >= 0.2 for gap in gaps), gaps


def test_conditional_headers_only_on_the_requested_url():
    assert Validators('"e"', None).headers() == {"If-None-Match": '"e"'}
    assert Validators().headers() == {}


def test_fetch_error_carries_the_status(httpserver, quick):
    httpserver.expect_request("/missing").respond_with_data("no", status=404)
    with HttpFetcher(quick) as fetcher, pytest.raises(FetchError) as error:
        fetcher.get(httpserver.url_for("/missing"))
    assert error.value.status == 404 and error.value.reason == "http_error"
