"""SSRF guard. Only loopback is ever contacted: refused addresses are refused before
any connection, and the public address below is only checked, never connected to."""
import datetime as dt
import ipaddress

import pytest

from schemas.records import RawItem
from transforms.sources import guard
from transforms.sources.articles import with_article
from transforms.sources.client import FeedClient
from transforms.sources.guard import AddressRefused, check_url
from transforms.sources.http import FetchError, HttpFetcher

from .conftest import rss_feed


@pytest.mark.parametrize("url, why", [
    ("http://127.0.0.1/feed", "loopback"),
    ("http://localhost:8080/feed", "loopback"),
    ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
    ("http://[fd00:ec2::254]/latest/", "cloud metadata"),
    ("http://169.254.10.1/", "link-local"),
    ("http://10.1.2.3/", "private"),
    ("http://192.168.0.10/", "private"),
    ("http://[::1]/", "loopback"),
    ("http://[::ffff:127.0.0.1]/", "loopback"),
    ("http://0.0.0.0/", "unspecified"),
    ("http://224.0.0.1/", "multicast"),
])
def test_private_and_metadata_addresses_are_refused(url, why):
    with pytest.raises(AddressRefused) as refused:
        check_url(url)
    assert refused.value.reason == "address_refused" and f"({why})" in refused.value.detail
    assert "--allow-private-addresses" in refused.value.detail


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/", "http:///nohost"])
def test_other_schemes_are_refused_even_when_private_addresses_are_allowed(url):
    with pytest.raises(AddressRefused) as refused:
        check_url(url, allow_private_addresses=True)
    assert refused.value.reason == "unsupported_url"


def test_public_address_passes_and_private_passes_when_allowed():
    check_url("https://93.184.216.34/feed")  # an address literal: nothing is resolved or contacted
    check_url("http://127.0.0.1/feed", allow_private_addresses=True)
    assert guard.forbidden_address(ipaddress.ip_address("8.8.8.8")) is None


def test_loopback_feed_is_refused_without_the_flag(httpserver, quick):
    httpserver.expect_request("/feed").respond_with_data(rss_feed(("a", "https://x.example.org/a", "t")))
    refusing = quick.__class__(**{**quick.__dict__, "allow_private_addresses": False})
    with HttpFetcher(refusing) as fetcher, pytest.raises(FetchError) as error:
        fetcher.get(httpserver.url_for("/feed"))
    assert error.value.reason == "address_refused"
    assert not [request for request, _ in httpserver.log if request.path == "/feed"]


@pytest.fixture
def loopback_is_public(monkeypatch):
    """Lets the guard treat 127.0.0.1 as public, so a loopback server can play a
    public site whose redirects point at forbidden addresses."""
    real = guard.forbidden_address

    def forbidden(address):
        return None if str(address) == "127.0.0.1" else real(address)

    monkeypatch.setattr(guard, "forbidden_address", forbidden)


@pytest.mark.parametrize("target, reason", [
    ("http://169.254.169.254/latest/meta-data/iam/", "address_refused"),
    ("http://10.0.0.7/admin", "address_refused"),
    ("file:///etc/passwd", "unsupported_url"),
])
def test_every_redirect_hop_is_checked(httpserver, quick, loopback_is_public, target, reason):
    httpserver.expect_request("/hop").respond_with_data("", status=302, headers={"Location": target})
    strict = quick.__class__(**{**quick.__dict__, "allow_private_addresses": False})
    url = httpserver.url_for("/hop").replace("localhost", "127.0.0.1")
    with HttpFetcher(strict) as fetcher, pytest.raises(FetchError) as error:
        fetcher.get(url)
    assert error.value.reason == reason


def test_feed_item_linking_to_the_metadata_server_keeps_its_summary(quick):
    strict = quick.__class__(**{**quick.__dict__, "allow_private_addresses": False})
    item = RawItem(source_type="rss", source_name="s", url="http://169.254.169.254/latest/meta-data/",
                   guid="g", title="t", published_at=None, body="teaser", body_format="text",
                   fetched_at=dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc),
                   flags=("summary_only",))
    with HttpFetcher(strict) as fetcher:
        result, archived = with_article(item, None, FeedClient(fetcher), robots=None)
    assert result.body == "teaser" and "article_address_refused" in result.flags and archived is None
