"""What a reader needs to fetch one host's URLs: the fetcher (HTTP, or the replay
archive), politeness (a minimum delay between two requests), the feeds' state and
the WARC archive of this host's responses. One ``FeedClient`` serves one host's
requests in order, so the delay between them holds.
"""
from __future__ import annotations

import time
from typing import Callable, Protocol

from transforms.sources.archive import ArchiveWriter
from transforms.sources.http import Fetched, FetchSettings, Validators
from transforms.sources.state import FeedState, FeedStates


class Fetcher(Protocol):
    settings: FetchSettings

    def get(self, url: str, validators: Validators | None = None,
            settings: FetchSettings | None = None) -> Fetched: ...


class FeedClient:
    """``defer_saves``: feed states are collected in ``pending_states`` instead of written,
    so the pipeline writes them once the run's tables are written."""

    def __init__(self, fetcher: Fetcher, feed_states: FeedStates | None = None,
                 archive: ArchiveWriter | None = None, min_delay_s: float = 0.0,
                 defer_saves: bool = False, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.fetcher = fetcher
        self.settings = fetcher.settings
        self._feed_states = feed_states
        self._archive = archive
        self._min_delay_s = min_delay_s
        self._clock = clock
        self._sleep = sleep
        self._last_request: float | None = None
        self._defer_saves = defer_saves
        self.pending_states: list[FeedState] = []
        self.last_archived: tuple[str, int] | None = None  # where the last response was archived

    def fetch(self, url: str, validators: Validators | None = None,
              settings: FetchSettings | None = None) -> Fetched:
        """One request (with its retries), at least ``min_delay_s`` after the previous one."""
        self.last_archived = None
        if self._last_request is not None:
            wait = self._last_request + self._min_delay_s - self._clock()
            if wait > 0:
                self._sleep(wait)
        try:
            fetched = self.fetcher.get(url, validators, settings)
        finally:
            self._last_request = self._clock()
        if self._archive is not None and not fetched.not_modified:
            self.last_archived = self._archive.write(fetched)
        return fetched

    def close(self) -> None:
        """Publishes the archive of this client's responses."""
        if self._archive is not None:
            self._archive.close()

    def feed_state(self, url: str) -> FeedState:
        return self._feed_states.load(url) if self._feed_states else FeedState(url)

    def save_feed_state(self, feed: FeedState) -> None:
        if self._defer_saves:
            self.pending_states.append(feed)
        elif self._feed_states:
            self._feed_states.save(feed)
