"""``ReadSources``: the sources stage in Beam.

    specs -> folders expanded into files
      files: spread over workers, each read by read_input
      feed URLs: keyed by host -> grouped -> one call per host fetches its feeds in
        order, ``min_host_delay_s`` apart (different hosts run in parallel)
    -> items seen in earlier runs keep their first GUID (seen-item index, --state)
    -> with fetch_articles: summary-only items keyed by host -> grouped -> their pages
       fetched in order, robots.txt respected, pages kept as WARC
    -> (items, rejects)
    ``commit_state(written)``: once the tables are written, the feeds' state and the
    seen-item index with this run's items are saved under --state.

Politeness holds within each of the two fetch steps; a host serving both a feed and
its articles may see one request of each step at the same time.
"""
from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import time

import apache_beam as beam
from apache_beam.metrics import Metrics

from schemas.records import RawItem, Reject
from transforms.sources.archive import ArchiveFetcher, ArchiveWriter, archive_folder
from transforms.sources.articles import Robots, host_of, needs_article, with_article
from transforms.sources.client import FeedClient
from transforms.sources.files import is_url
from transforms.sources.http import FetchSettings, HttpFetcher
from transforms.sources.readers import read_input
from transforms.sources.specs import RSS, InputSpec, expand_input
from transforms.sources.state import (FeedStates, SeenEntry, SeenIndex, load_seen, normalise_link,
                                      write_seen)
from transforms.stage import NS_PER_COUNT, REJECTS, STAGE_NAMESPACE, ApplyStage, count

_SEEN = "seen"
_FEED_STATE = "feed_state"


def _make_reader():
    return read_input


def make_fetcher(settings: FetchSettings):
    """The network, or with ``replay`` the archive of a past run."""
    return ArchiveFetcher(settings.replay, settings) if settings.replay else HttpFetcher(settings)


class _PerHost(beam.DoFn):
    """Base of the fetch steps: one fetcher per worker, one client per host, timed."""

    def __init__(self, stage: str, settings: FetchSettings, state: str | None,
                 archive: str | None, run_started: dt.datetime):
        self._stage = stage
        self._settings = settings
        self._state = state
        self._archive = archive
        self._run_started = run_started

    def setup(self):
        self._fetcher = make_fetcher(self._settings)
        self._timer = Metrics.counter(STAGE_NAMESPACE, self._stage)

    def teardown(self):
        self._fetcher.close()

    def _client(self, host: str) -> FeedClient:
        replaying = bool(self._settings.replay)
        archive = (ArchiveWriter(self._archive, host, self._run_started)
                   if self._archive and not replaying else None)
        states = FeedStates(self._state) if self._state and not replaying else None
        return FeedClient(self._fetcher, states, archive, defer_saves=True,
                          min_delay_s=0.0 if replaying else self._settings.min_host_delay_s)

    def process(self, keyed):
        host, elements = keyed
        started = time.perf_counter_ns()
        client = self._client(host)
        try:
            yield from self.work(client, elements)
            for feed in client.pending_states:
                yield beam.pvalue.TaggedOutput(_FEED_STATE, feed)
        finally:
            client.close()
            # Includes the politeness delays: the stage's wall time on this host.
            self._timer.inc((time.perf_counter_ns() - started) // NS_PER_COUNT)

    def work(self, client: FeedClient, elements):
        raise NotImplementedError


class _FetchFeedsOfHost(_PerHost):
    def work(self, client: FeedClient, specs):
        for spec in sorted(specs, key=lambda spec: spec.location):
            for output in read_input(spec, client):
                yield beam.pvalue.TaggedOutput(REJECTS, output) if isinstance(output, Reject) else output


class _FetchArticlesOfHost(_PerHost):
    def work(self, client: FeedClient, pairs):
        robots = Robots(client) if self._settings.respect_robots and not self._settings.replay else None
        pairs = sorted(pairs, key=lambda pair: pair[0].url)
        links = collections.Counter(normalise_link(item.url) for item, _ in pairs)
        # A page several items link to (two feeds, one story) is fetched once.
        repeated: dict[str, tuple[str, str, tuple[str, ...], tuple[str, int] | None]] = {}
        for item, seen in pairs:
            link = normalise_link(item.url)
            if link in repeated:
                body, body_format, added_flags, archived = repeated[link]
                item_out = dataclasses.replace(item, body=body, body_format=body_format,
                                               flags=item.flags + added_flags)
            else:
                try:
                    item_out, archived = with_article(item, seen, client, robots)
                except Exception as error:  # noqa: BLE001 - the item goes on with its summary
                    item_out = dataclasses.replace(
                        item, flags=item.flags + (f"article_error:{type(error).__name__}",))
                    archived = None
                if links[link] > 1:
                    repeated[link] = (item_out.body, item_out.body_format,
                                      item_out.flags[len(item.flags):], archived)
            if archived:
                yield beam.pvalue.TaggedOutput(_SEEN, SeenEntry.of(item, self._run_started.date(), archived))
            yield item_out


class _ApplySeen(beam.DoFn):
    """Feed items seen in earlier runs keep their first GUID; every feed item gives its
    entry for the next index. Outputs (item, SeenEntry of earlier runs or None)."""

    def __init__(self, run_started: dt.datetime):
        self._day = run_started.date()

    def process(self, item: RawItem, index: SeenIndex):
        if item.source_type != RSS:
            yield item, None
            return
        seen = index.lookup(item)
        if seen is not None and seen.guid != item.guid:
            item = dataclasses.replace(item, guid=seen.guid, flags=item.flags + ("guid_changed",))
            count("guid_changed")
        yield beam.pvalue.TaggedOutput(_SEEN, SeenEntry.of(item, self._day))
        yield item, seen


def _joined(pbegin, branches: list, label: str):
    if len(branches) == 1:
        return branches[0]
    if not branches:
        return pbegin | label >> beam.Create([])
    return branches | label >> beam.Flatten()


class ReadSources(beam.PTransform):
    """``pipeline | ReadSources(specs, settings, state, output)`` ->
    (PCollection[RawItem], PCollection[Reject]).

    ``state``: the --state folder (feed validators, seen-item index, WARC archive);
    ``output``: the output folder, where WARC files go when there is no state folder;
    ``run_started``: the run's start (names of WARC files and index snapshots).
    With ``state``, call ``commit_state(written)`` once the tables are written.
    """

    def __init__(self, specs: list[InputSpec], settings: FetchSettings = FetchSettings(),
                 state: str | None = None, output: str | None = None,
                 run_started: dt.datetime | None = None):
        super().__init__()
        self._specs = list(specs)
        self._settings = settings
        self._state = state
        self._archive = archive_folder(state, output)
        self._run_started = run_started or dt.datetime.now(dt.timezone.utc)

    def _per_host(self, step: type[_PerHost], stage: str) -> _PerHost:
        return step(stage, self._settings, self._state, self._archive, self._run_started)

    def expand(self, pbegin):
        files = (pbegin
                 | "Inputs" >> beam.Create(self._specs)
                 | "ExpandFolders" >> beam.FlatMap(expand_input))
        # A branch only for the kinds of input given: joining two branches is a flatten,
        # and the runner stores every item that crosses one (page bodies included) again.
        branches, feed_states = [], None
        if any(not is_url(spec.location) for spec in self._specs):
            branches.append(files
                            | "Files" >> beam.Filter(lambda spec: not is_url(spec.location))
                            | "SpreadFiles" >> beam.Reshuffle()
                            | ApplyStage("read", _make_reader))
        if any(is_url(spec.location) for spec in self._specs):
            feeds = (files
                     | "Urls" >> beam.Filter(lambda spec: is_url(spec.location))
                     | "FeedsByHost" >> beam.Map(lambda spec: (host_of(spec.location), spec))
                     | "GroupFeeds" >> beam.GroupByKey()
                     | "FetchFeeds" >> beam.ParDo(self._per_host(_FetchFeedsOfHost, "read")).with_outputs(
                         REJECTS, _FEED_STATE, main="main"))
            branches.append((feeds.main, feeds[REJECTS]))
            feed_states = feeds[_FEED_STATE]
        items = _joined(pbegin, [branch[0] for branch in branches], "AllItems")
        rejects = _joined(pbegin, [branch[1] for branch in branches], "AllRejects")

        state = self._state
        index = (pbegin | "SeenState" >> beam.Create([state or ""])
                 | "LoadSeen" >> beam.Map(lambda folder: SeenIndex(load_seen(folder) if folder else ())))
        applied = items | "ApplySeen" >> beam.ParDo(
            _ApplySeen(self._run_started), beam.pvalue.AsSingleton(index)).with_outputs(_SEEN, main="main")
        seen_entries = [applied[_SEEN]]
        if self._settings.fetch_articles:
            wanted, rest = applied.main | "NeedsArticle" >> beam.Partition(
                lambda pair, _: 0 if needs_article(pair[0]) else 1, 2)
            pages = (wanted
                     | "ArticlesByHost" >> beam.Map(lambda pair: (host_of(pair[0].url), pair))
                     | "GroupArticles" >> beam.GroupByKey()
                     | "FetchArticles" >> beam.ParDo(self._per_host(_FetchArticlesOfHost, "articles"))
                     .with_outputs(_SEEN, main="main"))
            seen_entries.append(pages[_SEEN])
            items = (rest | "Unpair" >> beam.Map(lambda pair: pair[0]), pages.main) | "WithArticles" >> beam.Flatten()
        else:
            items = applied.main | "Unpair" >> beam.Map(lambda pair: pair[0])
        self._to_commit = (feed_states, seen_entries | "AllSeen" >> beam.Flatten(), index)
        return items, rejects

    def commit_state(self, done):
        """Writes what the sources learnt this run (feed validators, gone feeds, permanent
        redirects, the seen-item index) once ``done`` is complete: pass the written table
        files, so a run that dies before its tables are written leaves the state as it
        was (a 304 never hides items that were not written). Without ``state``, or when
        replaying, writes nothing. Call once, after applying this transform."""
        if not self._state or self._settings.replay:
            return None
        state, run_started, window = self._state, self._run_started, self._settings.seen_window_days
        feed_states, seen_entries, index = self._to_commit
        after = beam.pvalue.AsSingleton(done | "SourcesStateAfter" >> beam.combiners.Count.Globally())
        if feed_states is not None:
            _ = feed_states | "SaveFeedStates" >> beam.Map(lambda feed, _: FeedStates(state).save(feed), after)
        return (seen_entries
                | "ThisRunSeen" >> beam.combiners.ToList()
                | "WriteSeen" >> beam.Map(
                    lambda entries, earlier, _: write_seen(state, earlier.by_link.values(), entries,
                                                           run_started, window),
                    beam.pvalue.AsSingleton(index), after))
