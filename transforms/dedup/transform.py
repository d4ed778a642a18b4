"""The dedup stage in Beam: Story -> Story with content_hash and cluster fields filled.

    fingerprint (and set aside items ingested by an earlier run)
      -> LSH keys by shard -> grouped by shard -> bounded candidate pairs per bucket
         -> screened per shard in one numpy pass against the signature table (a side
            input: estimated Jaccard / containment / lead)
      -> union-find (CombineGlobally) -> each component's fingerprints and edges grouped
         -> members verified against their canonical story, walking the edges (exact on
            shingles; estimated against the earlier runs' index)
      -> a plan {story_id: cluster} -> stories filled from it (+ this run's index under --state)

Two groupings by key (LSH shards, components) and three global combines read as side
inputs (signature table, union-find, plan); no per-pair join. Only fingerprints (packed
bytes) of stories in some plausible pair go through the component grouping; stories
themselves are shuffled by nothing but the runner's materialisation, and carry nothing
but their content hash alongside.
"""
from __future__ import annotations

import datetime as dt
import time
from typing import NamedTuple

import apache_beam as beam
import numpy as np
from apache_beam.metrics import Metrics
from apache_beam.pvalue import AsSingleton, PCollection, TaggedOutput
from apache_beam.transforms.window import GlobalWindows

from schemas.records import Story, utc_now
from transforms.dedup import clusters, params, sketch, state as index
from transforms.dedup.clusters import Fingerprint, SortedLookup
from transforms.stage import NS_PER_COUNT, STAGE_NAMESPACE, count

STAGE = "dedup"
_ALREADY = "already_ingested"
_REPEATED = "repeated"
_ENTRIES = "entries"
_PACKED = "packed"
_LSH = "lsh_keys"
_ROWS = "signature_rows"
# LSH entries are grouped by key shard, each shard bucketing its exact keys in memory: the
# runner then shuffles a few compact buffers (built per bundle before the shuffle) instead
# of ~40 tiny elements per story. More shards spread larger runs over more workers; the
# result does not depend on the number.
LSH_SHARDS = 512


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


class _Sketches:
    """Buffers per bundle the LSH entries (bucket key, story key) of each fingerprint and
    emits them by key shard as two int64 buffers: the runner then shuffles one compact
    element per shard and bundle instead of ~40 tuples per story. Flushes early so that
    memory stays bounded on large bundles."""

    FLUSH_AT = 250_000

    def start_bundle(self):
        super().start_bundle()
        self._keys: list[np.ndarray] = []
        self._stories: list[int] = []
        self._buffered = 0

    def _sketch(self, fp: Fingerprint):
        """The fingerprint's row of the signature table; its LSH entries are buffered."""
        self._keys.append(np.array(fp.keys, dtype=np.int64))
        self._stories.append(sketch.story_key(fp.story_id))
        self._buffered += len(fp.keys)
        if self._buffered >= self.FLUSH_AT:
            yield from self._flush()
        yield TaggedOutput(_ROWS, clusters.signature_row(fp))

    def _flush(self):
        if not self._keys:
            return
        counts = [keys.size for keys in self._keys]
        keys = np.concatenate(self._keys)
        stories = np.repeat(np.array(self._stories, dtype=np.int64), counts)
        self._keys, self._stories, self._buffered = [], [], 0
        shards = keys % LSH_SHARDS
        order = np.argsort(shards, kind="stable")
        keys, stories, shards = keys[order], stories[order], shards[order]
        bounds = np.flatnonzero(shards[1:] != shards[:-1]) + 1
        for shard_keys, shard_stories in zip(np.split(keys, bounds), np.split(stories, bounds)):
            yield TaggedOutput(_LSH, (int(shard_keys[0] % LSH_SHARDS),
                                      (shard_keys.tobytes(), shard_stories.tobytes())))

    def finish_bundle(self):
        super().finish_bundle()
        for tagged in self._flush():
            yield TaggedOutput(tagged.tag, GlobalWindows.windowed_value(tagged.value))


class _FingerprintFresh(_Sketches, _Timed):
    """Story -> (story, content hash) + (story_id, packed fingerprint), its LSH keys and
    its table row; an item ingested by an earlier run goes aside."""

    def work(self, story: Story, ingested: SortedLookup):
        fp = clusters.fingerprint(story)
        if any(key in ingested for key in fp.ingest_keys):
            count("dedup_already_ingested")
            yield TaggedOutput(_ALREADY, clusters.apply_assignment(story, fp.content_hash, None))
            return
        yield story, fp.content_hash
        yield TaggedOutput(_PACKED, (fp.story_id, clusters.pack_fingerprint(fp)))
        yield from self._sketch(fp)


class _SketchEarlier(_Sketches, _Timed):
    """Entries of the earlier runs' index -> their LSH keys and table rows."""

    def work(self, entry: Fingerprint):
        yield from self._sketch(entry)


class _ScreenedPairs(_Timed):
    """(shard, [(bucket keys, story keys)...]) -> distinct plausible edges (a, b).

    Candidate pairs are made per LSH bucket and screened against the signature table
    (side input), each in one vectorised pass per shard."""

    def start_bundle(self):
        super().start_bundle()
        # A near-duplicate pair shares keys in many shards: emitted once per bundle.
        self._emitted: set[tuple[int, int]] = set()

    def work(self, shard, table: clusters.SignatureTable):
        _, buffers = shard
        buffers = list(buffers)
        bucket_keys = np.frombuffer(b"".join(keys for keys, _ in buffers), dtype=np.int64)
        stories = np.frombuffer(b"".join(stories for _, stories in buffers), dtype=np.int64)
        a, b = clusters.candidate_pairs(bucket_keys, table.rows(stories), table)
        kept = table.plausible(a, b)
        a, b = a[kept], b[kept]
        for pair, first, second in zip(zip(a.tolist(), b.tolist()), table.story_ids[a].tolist(),
                                       table.story_ids[b].tolist()):
            if pair not in self._emitted:
                self._emitted.add(pair)
                yield first, second


class _RouteFresh(_Timed):
    """(story_id, packed fingerprint) -> (component root, packed fingerprint); a story in
    no component is alone in its cluster, and its index entry is written here."""

    def __init__(self, keep_entries: bool):
        self._keep_entries = keep_entries

    def work(self, keyed, roots: SortedLookup):
        story_id, packed = keyed
        root = roots.get(story_id)
        if root is not None:
            yield root, packed
        elif self._keep_entries:
            fp = clusters.unpack_fingerprint(packed)
            entry = clusters.index_entry(fp, clusters.Assignment(clusters.cluster_id_for(story_id)), fp.time)
            yield TaggedOutput(_ENTRIES, clusters.pack_fingerprint(entry))


def _route_earlier(entry: Fingerprint, roots: SortedLookup):
    root = roots.get(entry.story_id)
    return [] if root is None else [(root, clusters.pack_fingerprint(entry, with_shingles=False))]


def _route_edge(edge: tuple[str, str], roots: SortedLookup):
    return [(roots.get(edge[0]), edge)]


class _ResolveComponent(_Timed):
    """(root, {new: [fp...], earlier: [fp...], edges: [(a, b)...]})
    -> (story_id, assignment) + index entries."""

    def __init__(self, keep_entries: bool):
        self._keep_entries = keep_entries

    def work(self, component):
        _, grouped = component
        resolution = clusters.resolve_cluster(
            [clusters.unpack_fingerprint(packed) for packed in grouped["new"]],
            [clusters.unpack_fingerprint(packed) for packed in grouped.get("earlier", ())],
            grouped["edges"])
        for story_id, assignment in resolution.assignments.items():
            yield story_id, assignment.encode()
        if self._keep_entries:
            for entry in resolution.entries:
                yield TaggedOutput(_ENTRIES, clusters.pack_fingerprint(entry))


class _Finish(_Timed):
    """Fills each story's cluster fields from the plan; an item read twice in this run
    goes to a small grouping that writes it once."""

    def work(self, signed, plan: SortedLookup):
        story, content = signed
        planned = plan.get(story.story_id)
        assignment = clusters.Assignment.decode(planned) if planned is not None else None
        finished = clusters.apply_assignment(story, content, assignment)
        if assignment is not None and assignment.copies > 1:
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
        ingested = SortedLookup.of_ints(()) if earlier is None else AsSingleton(
            earlier
            | "IngestKeys" >> beam.FlatMap(lambda entry: entry.ingest_keys)
            | "IngestKeySet" >> beam.combiners.ToList()
            | "IngestLookup" >> beam.Map(SortedLookup.of_ints))
        signed = stories | "Fingerprint" >> beam.ParDo(_FingerprintFresh(), ingested).with_outputs(
            _ALREADY, _PACKED, _LSH, _ROWS, main="fresh")
        fresh = signed.fresh
        sketches = [signed] + ([earlier | "SketchEarlier" >> beam.ParDo(_SketchEarlier()).with_outputs(
            _LSH, _ROWS)] if earlier is not None else [])

        table = AsSingleton([sketched[_ROWS] for sketched in sketches]
                            | "AllSignatureRows" >> beam.Flatten()
                            | "SignatureTable" >> beam.CombineGlobally(clusters.SignatureTableFn()))
        edges = ([sketched[_LSH] for sketched in sketches]
                 | "AllLshKeys" >> beam.Flatten()
                 | "LshShards" >> beam.GroupByKey()
                 | "ScreenedPairs" >> beam.ParDo(_ScreenedPairs(), table))
        roots = AsSingleton(edges
                            | "Components" >> beam.CombineGlobally(clusters.UnionFindFn())
                            | "ComponentLookup" >> beam.Map(SortedLookup.of_dict))

        # Stories and fingerprints leave "Fingerprint" separately: one output read by two
        # steps that both wait for a side input stalls the FnApiRunner ("watermark-pending
        # bundles did not execute").
        routed = signed[_PACKED] | "RouteFresh" >> beam.ParDo(
            _RouteFresh(keep_entries), roots).with_outputs(_ENTRIES, main="routed")
        components = {"new": routed.routed,
                      "edges": edges | "RouteEdges" >> beam.FlatMap(_route_edge, roots)}
        if earlier is not None:
            components["earlier"] = earlier | "RouteEarlier" >> beam.FlatMap(_route_earlier, roots)
        resolved = (components
                    | "GroupComponents" >> beam.CoGroupByKey()
                    | "Resolve" >> beam.ParDo(_ResolveComponent(keep_entries)).with_outputs(
                        _ENTRIES, main="plan"))
        plan = AsSingleton(resolved.plan
                           | "CollectPlan" >> beam.combiners.ToDict()
                           | "PlanLookup" >> beam.Map(SortedLookup.of_dict))
        finished = fresh | "Finish" >> beam.ParDo(_Finish(), plan).with_outputs(
            _REPEATED, main="stories")
        once = (finished[_REPEATED]
                | "RepeatedItems" >> beam.GroupByKey()
                | "WriteOnce" >> beam.FlatMap(_write_once).with_outputs(_ALREADY, main="stories"))

        self._index_entries = ((resolved[_ENTRIES], routed[_ENTRIES]) | "IndexEntries" >> beam.Flatten()
                               if keep_entries else None)
        return DedupOutputs(
            stories=(finished.stories, once.stories) | "DedupStories" >> beam.Flatten(),
            already_ingested=((signed[_ALREADY], once[_ALREADY])
                              | "AlreadyIngested" >> beam.Flatten()))
