"""The dedup stage in Beam: Story -> Story with content_hash and cluster fields filled.

    fingerprint (and set aside items ingested by an earlier run)
      -> LSH keys -> grouped by key -> bounded candidate pairs per bucket
      -> join both fingerprints -> verify (exact on shingles; estimated against the index)
      -> union-find (CombineGlobally) -> group each component -> clusters checked
         against their canonical story -> stories (+ this run's index under --state)

Stories in no verified pair (most news) never go through the component grouping.
"""
from __future__ import annotations

import datetime as dt
import time
from typing import NamedTuple, Tuple

import apache_beam as beam
from apache_beam.metrics import Metrics
from apache_beam.pvalue import AsSingleton, PCollection, TaggedOutput

from schemas.records import Story, utc_now
from transforms.dedup import clusters, params, state as index
from transforms.dedup.clusters import Fingerprint
from transforms.stage import STAGE_NAMESPACE, count

STAGE = "dedup"
_ALREADY = "already_ingested"
_REPEATED = "repeated"
_ENTRIES = "entries"
_SINGLE = "single"
# LSH keys are grouped by key shard, each shard bucketing its exact keys in memory: the
# runner then shuffles a few large lists (partial lists combined before the shuffle)
# instead of ~45 tiny elements per story. More shards spread larger runs over workers;
# the result does not depend on the number.
LSH_SHARDS = 512

Member = Tuple[str, int, bool]


class DedupOutputs(NamedTuple):
    stories: PCollection  # canonical stories (num_duplicates set) and their duplicates
    already_ingested: PCollection  # same URL or GUID and same content as an earlier item


class _Timed(beam.DoFn):
    """Adds the time spent in ``work`` to the run manifest's dedup stage."""

    def setup(self):
        self._timer = Metrics.counter(STAGE_NAMESPACE, STAGE)

    def start_bundle(self):
        self._elapsed_ns = 0

    def finish_bundle(self):
        self._timer.inc(self._elapsed_ns // 1_000_000)

    def process(self, element, *side_inputs):
        started = time.perf_counter_ns()
        outputs = list(self.work(element, *side_inputs))
        self._elapsed_ns += time.perf_counter_ns() - started
        yield from outputs

    def work(self, element, *side_inputs):
        raise NotImplementedError


class _FingerprintFresh(_Timed):
    def work(self, story: Story, ingested: frozenset):
        fp = clusters.fingerprint(story)
        if ingested and any(key in ingested for key in fp.ingest_keys):
            count("dedup_already_ingested")
            yield TaggedOutput(_ALREADY, clusters.as_canonical(story, fp.content_hash, 0))
        else:
            yield story, fp


def _sharded_members(fp: Fingerprint):
    member = (fp.story_id, fp.time, fp.from_earlier_run)
    return [(key % LSH_SHARDS, (key, member)) for key in fp.keys]


def _pairs_of_shard(shard):
    """Buckets of one shard of LSH keys -> candidate pairs (a, b), each once per shard."""
    _, entries = shard
    buckets: dict[int, list[Member]] = {}
    for key, member in entries:
        buckets.setdefault(key, []).append(member)
    pairs = set()
    for members in buckets.values():
        if len(members) > 1:
            pairs.update(clusters.candidate_pairs(members))
    return pairs


def _attach_first(joined):
    """(a, {fp: [fp_a], partners: [{b...}...]}) -> (b, fp_a) once per distinct b."""
    _, grouped = joined
    fps = list(grouped["fp"])
    if fps:
        for partner in set().union(*grouped["partners"]):
            yield partner, fps[0]


class _VerifyPairs(_Timed):
    """(b, {fp: [fp_b], first: [fp_a...]}) -> verified edges (a, b)."""

    def work(self, joined):
        story_id, grouped = joined
        fps = list(grouped["fp"])
        if not fps:
            return
        for first in grouped["first"]:
            if clusters.verify(first, fps[0]):
                yield first.story_id, story_id


class _RouteFresh(beam.DoFn):
    def process(self, signed, roots: dict):
        story, _ = signed
        root = roots.get(story.story_id)
        if root is None:
            yield TaggedOutput(_SINGLE, signed)
        else:
            yield root, signed


def _route_earlier(fp: Fingerprint, roots: dict):
    root = roots.get(fp.story_id)
    return [] if root is None else [(root, fp)]


class _ResolveComponent(_Timed):
    def __init__(self, keep_entries: bool):
        self._keep_entries = keep_entries

    def work(self, component):
        _, grouped = component
        resolution = clusters.resolve_cluster(list(grouped["new"]), list(grouped["earlier"]))
        count("dedup_duplicates", sum(story.is_duplicate for story in resolution.written))
        yield from resolution.written
        for story in resolution.repeated:
            yield TaggedOutput(_REPEATED, story)
        if self._keep_entries:
            for entry in resolution.entries:
                yield TaggedOutput(_ENTRIES, entry)


class _AloneInItsCluster(beam.DoFn):
    def __init__(self, keep_entries: bool):
        self._keep_entries = keep_entries

    def process(self, signed):
        story, fp = signed
        head = clusters.as_canonical(story, fp.content_hash, 0)
        yield head
        if self._keep_entries:
            yield TaggedOutput(_ENTRIES, clusters.index_entry(fp, head, fp.time))


class Deduplicate(beam.PTransform):
    """Collapses near-identical stories, within this run and against earlier runs.

    ``state``: folder or filesystem URL keeping the index of earlier runs (None: this
    run only). ``run_started``: names this run's index file and anchors the window.
    """

    def __init__(self, state: str | None = None, run_started: dt.datetime | None = None,
                 window_days: int = params.STATE_WINDOW_DAYS):
        super().__init__()
        self._state = state
        self._run_started = run_started or utc_now()
        self._window_days = window_days

    def expand(self, stories) -> DedupOutputs:
        keep_entries = self._state is not None
        paths = (index.index_files(self._state, self._run_started, self._window_days)
                 if keep_entries else [])
        earlier = (stories.pipeline
                   | "EarlierIndexFiles" >> beam.Create(paths).with_output_types(str)
                   | "ReadEarlierIndex" >> beam.FlatMap(index.read_index_file).with_output_types(
                       Fingerprint))
        ingested = (earlier
                    | "IngestKeys" >> beam.FlatMap(lambda entry: entry.ingest_keys)
                    | "IngestKeySet" >> beam.CombineGlobally(beam.combiners.ToSetCombineFn())
                    | "Freeze" >> beam.Map(frozenset))
        signed = stories | "Fingerprint" >> beam.ParDo(
            _FingerprintFresh(), AsSingleton(ingested)).with_outputs(_ALREADY, main="fresh")
        fresh = signed.fresh | "Signed" >> beam.Map(lambda pair: pair).with_output_types(
            Tuple[Story, Fingerprint])
        fps = fresh | "Fingerprints" >> beam.Map(lambda pair: pair[1]).with_output_types(Fingerprint)
        all_fps = (fps, earlier) | "AllFingerprints" >> beam.Flatten().with_output_types(Fingerprint)

        pairs = (all_fps
                 | "LshKeys" >> beam.FlatMap(_sharded_members).with_output_types(
                     Tuple[int, Tuple[int, Member]])
                 | "LshShards" >> beam.CombinePerKey(beam.combiners.ToListCombineFn())
                 | "CandidatePairs" >> beam.FlatMap(_pairs_of_shard).with_output_types(Tuple[str, str])
                 | "PartnersOf" >> beam.CombinePerKey(beam.combiners.ToSetCombineFn()))
        by_id = all_fps | "ById" >> beam.Map(lambda fp: (fp.story_id, fp)).with_output_types(
            Tuple[str, Fingerprint])
        with_first = ({"fp": by_id, "partners": pairs}
                      | "JoinFirst" >> beam.CoGroupByKey()
                      | "AttachFirst" >> beam.FlatMap(_attach_first).with_output_types(
                          Tuple[str, Fingerprint]))
        edges = ({"fp": by_id, "first": with_first}
                 | "JoinSecond" >> beam.CoGroupByKey()
                 | "Verify" >> beam.ParDo(_VerifyPairs()).with_output_types(Tuple[str, str]))
        roots = edges | "Components" >> beam.CombineGlobally(clusters.UnionFindFn())

        routed = fresh | "RouteFresh" >> beam.ParDo(
            _RouteFresh(), AsSingleton(roots)).with_outputs(_SINGLE, main="clustered")
        clustered = routed.clustered | "Clustered" >> beam.Map(lambda kv: kv).with_output_types(
            Tuple[str, Tuple[Story, Fingerprint]])
        earlier_routed = earlier | "RouteEarlier" >> beam.FlatMap(
            _route_earlier, AsSingleton(roots)).with_output_types(Tuple[str, Fingerprint])
        resolved = ({"new": clustered, "earlier": earlier_routed}
                    | "GroupComponents" >> beam.CoGroupByKey()
                    | "Resolve" >> beam.ParDo(_ResolveComponent(keep_entries)).with_outputs(
                        _REPEATED, _ENTRIES, main="stories"))
        alone = routed[_SINGLE] | "Alone" >> beam.ParDo(
            _AloneInItsCluster(keep_entries)).with_outputs(_ENTRIES, main="stories")

        if keep_entries:
            state, run_started, window_days = self._state, self._run_started, self._window_days
            _ = ((resolved[_ENTRIES], alone[_ENTRIES])
                 | "IndexEntries" >> beam.Flatten()
                 | "CollectIndex" >> beam.combiners.ToList()
                 | "WriteIndex" >> beam.Map(
                     lambda entries: index.write_index(state, run_started, window_days, entries)))
        return DedupOutputs(
            stories=(resolved.stories, alone.stories) | "DedupStories" >> beam.Flatten(),
            already_ingested=((signed[_ALREADY], resolved[_REPEATED])
                              | "AlreadyIngested" >> beam.Flatten()))
