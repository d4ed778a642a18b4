"""The dedup stage in Beam: Story -> Story with content_hash and cluster fields filled.

    fingerprint (and set aside items ingested by an earlier run)
      -> LSH keys -> grouped by key -> bounded candidate pairs per bucket
      -> join both signatures -> screen the pair (estimated Jaccard / containment / lead)
      -> union-find (CombineGlobally) -> group each component's fingerprints -> members
         verified against their canonical story (exact on shingles; estimated against
         the earlier runs' index) -> a plan {story_id: cluster} -> stories filled from it
         (+ this run's index under --state)

Only fingerprints of stories in some plausible pair go through the component grouping;
stories themselves are shuffled by nothing but the runner's materialisation.
"""
from __future__ import annotations

import datetime as dt
import time
from typing import NamedTuple, Tuple

import apache_beam as beam
from apache_beam.metrics import Metrics
from apache_beam.pvalue import AsSingleton, PCollection, TaggedOutput
from apache_beam.transforms.window import GlobalWindows

from schemas.records import Story, utc_now
from transforms.dedup import clusters, params, state as index
from transforms.dedup.clusters import Fingerprint, SortedLookup
from transforms.stage import NS_PER_COUNT, STAGE_NAMESPACE, count

STAGE = "dedup"
_ALREADY = "already_ingested"
_REPEATED = "repeated"
_ENTRIES = "entries"
# LSH keys are grouped by key shard, each shard bucketing its exact keys in memory: the
# runner then shuffles a few large lists (built per bundle before the shuffle) instead
# of ~40 tiny elements per story. More shards spread larger runs over more workers; the
# result does not depend on the number.
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
        self._timer.inc(self._elapsed_ns // NS_PER_COUNT)

    def process(self, element, *side_inputs):
        started = time.perf_counter_ns()
        outputs = list(self.work(element, *side_inputs))
        self._elapsed_ns += time.perf_counter_ns() - started
        yield from outputs

    def work(self, element, *side_inputs):
        raise NotImplementedError


class _FingerprintFresh(_Timed):
    def work(self, story: Story, ingested: SortedLookup):
        fp = clusters.fingerprint(story)
        if any(key in ingested for key in fp.ingest_keys):
            count("dedup_already_ingested")
            yield TaggedOutput(_ALREADY, clusters.apply_assignment(story, fp.content_hash, None))
        else:
            yield story, fp


class _BundleBuffer(beam.DoFn):
    """Collects per bundle what goes to one key, and emits one element per key.

    Beam's combiner lifting does the same for CombinePerKey; doing it here also saves the
    per-element cost of the ~40 LSH keys and the many repeated pairs of each story.
    Flushes early so that memory stays bounded on large bundles.
    """

    FLUSH_AT = 250_000

    def start_bundle(self):
        self._buffer: dict = {}
        self._buffered = 0

    def _flush(self):
        buffer, self._buffer, self._buffered = self._buffer, {}, 0
        return buffer.items()

    def _added(self, count: int):
        self._buffered += count
        return self._flush() if self._buffered >= self.FLUSH_AT else ()

    def finish_bundle(self):
        for item in self._flush():
            yield GlobalWindows.windowed_value(item)


class _ShardLshKeys(_BundleBuffer):
    """Fingerprints -> (shard, [(key, member)...])."""

    def process(self, fp: Fingerprint):
        member = (fp.story_id, fp.time, fp.from_earlier_run)
        for key in fp.keys:
            self._buffer.setdefault(key % LSH_SHARDS, []).append((key, member))
        yield from self._added(len(fp.keys))


class _CandidatePairs(_BundleBuffer):
    """Shards of LSH keys -> (a, [b...]): candidate pairs, each once per bundle."""

    def process(self, shard):
        _, lists = shard
        buckets: dict[int, list[Member]] = {}
        for entries in lists:
            for key, member in entries:
                buckets.setdefault(key, []).append(member)
        added = 0
        for members in buckets.values():
            if len(members) > 1:
                for a, b in clusters.candidate_pairs(members):
                    self._buffer.setdefault(a, set()).add(b)
                    added += 1
        yield from ((a, sorted(bs)) for a, bs in self._added(added))

    def finish_bundle(self):
        for a, partners in self._flush():
            yield GlobalWindows.windowed_value((a, sorted(partners)))


def _keyed_packed(fp: Fingerprint) -> tuple[str, bytes]:
    return fp.story_id, clusters.pack_fingerprint(fp, with_shingles=False)


def _attach_first(joined):
    """(a, {fp: [fp_a], partners: [[b...]...]}) -> (b, fp_a) once per distinct b."""
    _, grouped = joined
    packed = list(grouped["fp"])
    if packed:
        for partner in set().union(*grouped["partners"]):
            yield partner, packed[0]


class _ScreenPairs(_Timed):
    """(b, {fp: [fp_b], first: [fp_a...]}) -> plausible edges (a, b)."""

    def work(self, joined):
        story_id, grouped = joined
        packed = list(grouped["fp"])
        if not packed:
            return
        second = clusters.unpack_fingerprint(packed[0])
        for first in map(clusters.unpack_fingerprint, grouped["first"]):
            if clusters.plausible(first, second):
                yield first.story_id, story_id


def _route(fp: Fingerprint, roots: SortedLookup, with_shingles: bool):
    root = roots.get(fp.story_id)
    return [] if root is None else [(root, clusters.pack_fingerprint(fp, with_shingles))]


class _ResolveComponent(_Timed):
    """(root, {new: [fp...], earlier: [fp...]}) -> (story_id, assignment) + index entries."""

    def __init__(self, keep_entries: bool):
        self._keep_entries = keep_entries

    def work(self, component):
        _, grouped = component
        resolution = clusters.resolve_cluster(
            [clusters.unpack_fingerprint(packed) for packed in grouped["new"]],
            [clusters.unpack_fingerprint(packed) for packed in grouped.get("earlier", ())])
        for story_id, assignment in resolution.assignments.items():
            yield story_id, assignment.encode()
        if self._keep_entries:
            for entry in resolution.entries:
                yield TaggedOutput(_ENTRIES, clusters.pack_fingerprint(entry))


class _Finish(beam.DoFn):
    """Fills each story's cluster fields from the plan; an item read twice in this run
    goes to a small grouping that writes it once."""

    def __init__(self, keep_entries: bool):
        self._keep_entries = keep_entries

    def process(self, signed, plan: SortedLookup):
        story, fp = signed
        planned = plan.get(story.story_id)
        assignment = clusters.Assignment.decode(planned) if planned is not None else None
        finished = clusters.apply_assignment(story, fp.content_hash, assignment)
        if assignment is None:
            yield finished
            if self._keep_entries:
                yield TaggedOutput(_ENTRIES, clusters.pack_fingerprint(
                    clusters.index_entry(fp, clusters.Assignment(finished.cluster_id), fp.time)))
        elif assignment.copies > 1:
            yield TaggedOutput(_REPEATED, (story.story_id, finished))
        else:
            yield finished


def _write_once(repeats):
    """The copies of one item read several times: the first is written, the rest are not."""
    _, copies = repeats
    first, *others = sorted(copies, key=lambda story: (story.source_ref, story.source_name))
    yield first
    for other in others:
        yield TaggedOutput(_ALREADY, other)


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
        self._index_entries = None

    def commit_state(self, done):
        """Writes this run's index entries once ``done`` is complete: pass the written table
        files, so that a run that dies before its tables are written leaves the index as it
        was (its stories are not taken for already ingested by the next attempt). Without
        ``state`` writes nothing. Call once, after applying this transform."""
        if self._index_entries is None:
            return None
        state, run_started, window_days = self._state, self._run_started, self._window_days
        after = AsSingleton(done | "DedupStateAfter" >> beam.combiners.Count.Globally())
        return (self._index_entries
                | "CollectIndex" >> beam.combiners.ToList()
                | "WriteIndex" >> beam.Map(lambda packed, _: index.write_index(
                    state, run_started, window_days, map(clusters.unpack_fingerprint, packed)), after))

    def expand(self, stories) -> DedupOutputs:
        keep_entries = self._state is not None
        paths = (index.index_files(self._state, self._run_started, self._window_days)
                 if keep_entries else [])
        # Without an index (no --state, or its first run) the graph has no earlier branch.
        earlier = (stories.pipeline
                   | "EarlierIndexFiles" >> beam.Create(paths).with_output_types(str)
                   | "ReadEarlierIndex" >> beam.FlatMap(index.read_index_file).with_output_types(
                       Fingerprint)) if paths else None
        if earlier is None:
            signed = stories | "Fingerprint" >> beam.ParDo(
                _FingerprintFresh(), SortedLookup.of_ints(())).with_outputs(_ALREADY, main="fresh")
        else:
            ingested = (earlier
                        | "IngestKeys" >> beam.FlatMap(lambda entry: entry.ingest_keys)
                        | "IngestKeySet" >> beam.combiners.ToList()
                        | "IngestLookup" >> beam.Map(SortedLookup.of_ints))
            signed = stories | "Fingerprint" >> beam.ParDo(
                _FingerprintFresh(), AsSingleton(ingested)).with_outputs(_ALREADY, main="fresh")
        fresh = signed.fresh
        fps = fresh | "Fingerprints" >> beam.Map(lambda pair: pair[1]).with_output_types(Fingerprint)
        sources = [("", fps)] + ([("Earlier", earlier)] if earlier is not None else [])

        # Each input is keyed on its own and flattened after: fingerprints cross stage
        # boundaries only as packed bytes, never re-encoded by a Flatten in between.
        # (Lists of tuples of ints and strings: Beam's default coder encodes them natively,
        # faster than typed coders that call back into Python for every string.)
        pairs = ([source | f"LshKeys{name}" >> beam.ParDo(_ShardLshKeys()) for name, source in sources]
                 | "AllLshKeys" >> beam.Flatten()
                 | "LshShards" >> beam.GroupByKey()
                 | "CandidatePairs" >> beam.ParDo(_CandidatePairs()))
        by_id = ([source | f"Pack{name}" >> beam.Map(_keyed_packed) for name, source in sources]
                 | "ById" >> beam.Flatten())
        with_first = ({"fp": by_id, "partners": pairs}
                      | "JoinFirst" >> beam.CoGroupByKey()
                      | "AttachFirst" >> beam.FlatMap(_attach_first))
        edges = ({"fp": by_id, "first": with_first}
                 | "JoinSecond" >> beam.CoGroupByKey()
                 | "Screen" >> beam.ParDo(_ScreenPairs()))
        roots = AsSingleton(edges
                            | "Components" >> beam.CombineGlobally(clusters.UnionFindFn())
                            | "ComponentLookup" >> beam.Map(SortedLookup.of_dict))

        components = {"new": fps | "RouteFresh" >> beam.FlatMap(_route, roots, True)}
        if earlier is not None:
            components["earlier"] = earlier | "RouteEarlier" >> beam.FlatMap(_route, roots, False)
        resolved = (components
                    | "GroupComponents" >> beam.CoGroupByKey()
                    | "Resolve" >> beam.ParDo(_ResolveComponent(keep_entries)).with_outputs(
                        _ENTRIES, main="plan"))
        plan = AsSingleton(resolved.plan
                           | "CollectPlan" >> beam.combiners.ToDict()
                           | "PlanLookup" >> beam.Map(SortedLookup.of_dict))
        finished = fresh | "Finish" >> beam.ParDo(_Finish(keep_entries), plan).with_outputs(
            _REPEATED, _ENTRIES, main="stories")
        once = (finished[_REPEATED]
                | "RepeatedItems" >> beam.GroupByKey()
                | "WriteOnce" >> beam.FlatMap(_write_once).with_outputs(_ALREADY, main="stories"))

        self._index_entries = ((resolved[_ENTRIES], finished[_ENTRIES]) | "IndexEntries" >> beam.Flatten()
                               if keep_entries else None)
        return DedupOutputs(
            stories=(finished.stories, once.stories) | "DedupStories" >> beam.Flatten(),
            already_ingested=((signed[_ALREADY], once[_ALREADY])
                              | "AlreadyIngested" >> beam.Flatten()))
