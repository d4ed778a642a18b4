"""Fixtures of the sources tests: the bundled data folder and a capture of counters."""
from __future__ import annotations

import collections
import pathlib

import pytest

DATA = pathlib.Path(__file__).parent / "data"


@pytest.fixture
def counted(monkeypatch) -> collections.Counter:
    """What the readers report through ``transforms.stage.count`` outside a pipeline."""
    seen: collections.Counter = collections.Counter()

    def count(name: str, amount: int = 1) -> None:
        seen[name] += amount

    for module in ("transforms.sources.rss", "transforms.sources.telegram_common",
                   "transforms.sources.articles"):
        monkeypatch.setattr(f"{module}.count", count)
    return seen


def rss_feed(*entries: tuple[str, str, str], title: str = "Loopback Wire") -> bytes:
    """An RSS 2.0 feed of (guid, link, description) entries; a short description is a teaser."""
    items = "".join(f"<item><title>Item {guid}</title><guid isPermaLink=\"false\">{guid}</guid><link>{link}</link>"
                    f"<description>{description}</description></item>"
                    for guid, link, description in entries)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"{items}</channel></rss>").encode("utf-8")


@pytest.fixture
def quick():
    """Fetch settings for loopback tests: private addresses allowed, tiny waits.

    The read timeout leaves room for a loaded machine (a loopback server in the test's
    own process can be slow to answer while Beam runs); tests of timeouts set their own.
    """
    from transforms.sources.http import FetchSettings
    return FetchSettings(allow_private_addresses=True, min_host_delay_s=0.0, retries=2,
                         backoff_s=0.01, max_backoff_s=0.5, connect_timeout_s=2.0,
                         read_timeout_s=2.0, total_timeout_s=10.0, contact="ops@example.org")
