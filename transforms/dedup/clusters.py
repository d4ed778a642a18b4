"""Pure cluster logic: fingerprints, candidate pairs per LSH bucket, verification,
union-find, canonical choice and the resolution of one connected component.
"""
from __future__ import annotations

import dataclasses
import struct
from typing import Iterable, Sequence

import apache_beam as beam
import numpy as np

from schemas.records import Story, stable_id
from transforms.dedup import params, sketch


@dataclasses.dataclass
class Fingerprint:
    """What dedup knows of one story: its keys, signature and, in this run, its shingles.

    Entries of the index of earlier runs are Fingerprints without shingles and with the
    cluster they joined (``cluster_id``, ``canonical_id``, ``canonical_time``).
    """

    story_id: str
    time: int  # epoch seconds: published, else fetched
    content_hash: str
    short: bool
    size: int  # number of distinct shingles
    signature: np.ndarray
    keys: tuple[int, ...]
    shingles: np.ndarray | None = None
    ingest_keys: tuple[int, ...] = ()
    cluster_id: str = ""
    canonical_id: str = ""
    canonical_time: int = 0

    @property
    def from_earlier_run(self) -> bool:
        return bool(self.cluster_id)


class FingerprintCoder(beam.coders.Coder):
    """Packs a fingerprint into flat bytes: the arrays travel as raw buffers, which is
    several times cheaper than pickling them inside a dataclass on every shuffle."""

    _HEAD = struct.Struct("<qqq?iiiiiiii")

    def encode(self, fp: Fingerprint) -> bytes:
        texts = [t.encode("utf-8") for t in (fp.story_id, fp.content_hash, fp.cluster_id,
                                               fp.canonical_id)]
        signature = np.ascontiguousarray(fp.signature, dtype=np.uint32).tobytes()
        keys = np.asarray(fp.keys, dtype=np.int64).tobytes()
        ingest = np.asarray(fp.ingest_keys, dtype=np.int64).tobytes()
        shingles = b"" if fp.shingles is None else np.ascontiguousarray(fp.shingles, np.uint32).tobytes()
        head = self._HEAD.pack(fp.time, fp.canonical_time, fp.size, fp.short,
                               *(len(t) for t in texts), len(signature), len(keys), len(ingest),
                               -1 if fp.shingles is None else len(shingles))
        return b"".join([head, *texts, signature, keys, ingest, shingles])

    def decode(self, data: bytes) -> Fingerprint:
        (time, canonical_time, size, short, *lengths) = self._HEAD.unpack_from(data)
        offset, parts = self._HEAD.size, []
        for length in lengths:
            parts.append(data[offset:offset + max(length, 0)])
            offset += max(length, 0)
        story_id, content, cluster_id, canonical_id = (p.decode("utf-8") for p in parts[:4])
        return Fingerprint(
            story_id=story_id, time=time, content_hash=content, short=short, size=size,
            signature=np.frombuffer(parts[4], dtype=np.uint32),
            keys=tuple(np.frombuffer(parts[5], dtype=np.int64).tolist()),
            shingles=None if lengths[-1] < 0 else np.frombuffer(parts[7], dtype=np.uint32),
            ingest_keys=tuple(np.frombuffer(parts[6], dtype=np.int64).tolist()),
            cluster_id=cluster_id, canonical_id=canonical_id, canonical_time=canonical_time)

    def is_deterministic(self) -> bool:
        return True


beam.coders.registry.register_coder(Fingerprint, FingerprintCoder)


def story_time(story: Story) -> int:
    return int((story.published_at or story.fetched_at).timestamp())


def cluster_id_for(canonical_id: str) -> str:
    """Derived from the canonical story, so reruns give the same cluster ids."""
    return stable_id("cluster", canonical_id)


def story_ingest_keys(story: Story, content: str) -> tuple[int, ...]:
    return tuple(sketch.ingest_key(field, value, content)
                 for field, value in (("url", story.url), ("guid", story.guid)) if value)


def fingerprint(story: Story) -> Fingerprint:
    words = sketch.words(story.text)
    normalised = " ".join(words)
    content = sketch.hash_normalised(normalised)
    shingles = sketch.shingle_hashes(words)
    short = len(words) < params.SHORT_TEXT_WORDS
    keys: list[int] = [sketch.exact_key(normalised)] if words else []
    signature = sketch.minhash(shingles)
    if not short:
        keys += sketch.band_keys(signature)
        keys += sketch.lead_keys(sketch.lead_signature(words))
        keys.append(sketch.prefix_key(words))
    return Fingerprint(story_id=story.story_id, time=story_time(story), content_hash=content,
                       short=short, size=int(shingles.size), signature=signature,
                       keys=tuple(keys), shingles=shingles,
                       ingest_keys=story_ingest_keys(story, content))


def _max_span(a: Fingerprint, b: Fingerprint) -> int:
    span = params.SHORT_TEXT_MAX_SPAN if (a.short or b.short) else params.MAX_CLUSTER_SPAN
    return int(span.total_seconds())


def verify(a: Fingerprint, b: Fingerprint) -> bool:
    """Is ``b`` the same text republished as ``a``? Exact when both have shingles."""
    if a.story_id == b.story_id:
        return True
    if abs(a.time - b.time) > _max_span(a, b):
        return False
    if a.short or b.short:
        return a.content_hash == b.content_hash
    if a.shingles is not None and b.shingles is not None:
        overlap = float(sketch.exact_overlap(a.shingles, b.shingles))
    else:
        overlap = sketch.estimated_overlap(a.signature, a.size, b.signature, b.size)
    return sketch.is_near_duplicate(overlap, a.size, b.size)


BucketMember = tuple[str, int, bool]  # story_id, time, from an earlier run


def candidate_pairs(members: Iterable[BucketMember]) -> Iterable[tuple[str, str]]:
    """Candidate pairs of one LSH bucket, bounded: all pairs in a small bucket, else
    each member against its few predecessors in time (linear in the bucket size).

    Pairs of two earlier-run entries are skipped (settled by the run that saw them);
    the same story twice (one item read twice) pairs with itself so that it is resolved.
    """
    ordered = sorted(members, key=lambda m: (m[1], m[0]))
    if len(ordered) < 2:
        return
    max_span = int(params.MAX_CLUSTER_SPAN.total_seconds())
    window = len(ordered) if len(ordered) <= params.SMALL_BUCKET else params.NEIGHBOURS
    for i, (id_b, time_b, prior_b) in enumerate(ordered):
        for id_a, time_a, prior_a in ordered[max(0, i - window):i]:
            if (prior_a and prior_b) or time_b - time_a > max_span:
                continue
            yield (id_a, id_b) if id_a <= id_b else (id_b, id_a)


class UnionFindFn(beam.CombineFn):
    """Connected components of verified pairs: {story_id: component root}.

    Accumulators are parent maps and merge by replaying one map's links into the other,
    so partial results from many workers combine exactly. All links meet in one
    accumulator, which is fine at news volumes (millions of links). Beyond what one
    worker holds in memory this must become iterative rounds in Beam (large-star /
    small-star label propagation over the edge PCollection until no label changes).
    """

    def create_accumulator(self) -> dict[str, str]:
        return {}

    @staticmethod
    def _find(parent: dict[str, str], node: str) -> str:
        root = node
        while parent.get(root, root) != root:
            root = parent[root]
        while node != root:
            parent[node], node = root, parent[node]
        return root

    def _union(self, parent: dict[str, str], a: str, b: str) -> dict[str, str]:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        root_a, root_b = self._find(parent, a), self._find(parent, b)
        if root_a != root_b:  # the smaller id becomes the root: deterministic
            low, high = sorted((root_a, root_b))
            parent[high] = low
        return parent

    def add_input(self, parent, edge):
        return self._union(parent, *edge)

    def merge_accumulators(self, accumulators):
        accumulators = iter(accumulators)
        merged = next(accumulators)
        for other in accumulators:
            for node, node_parent in other.items():
                self._union(merged, node, node_parent)
        return merged

    def extract_output(self, parent):
        return {node: self._find(parent, node) for node in list(parent)}


def canonical_order(story: Story) -> tuple:
    """Earliest published first; ties broken by the longest text, then by id."""
    return story_time(story), -len(story.text or ""), story.story_id


def choose_canonical(stories: Sequence[Story]) -> Story:
    return min(stories, key=canonical_order)


def as_canonical(story: Story, content: str, num_duplicates: int) -> Story:
    return dataclasses.replace(story, content_hash=content, cluster_id=cluster_id_for(story.story_id),
                               is_duplicate=False, duplicate_of=None, num_duplicates=num_duplicates)


def as_duplicate(story: Story, content: str, canonical_id: str, cluster_id: str) -> Story:
    return dataclasses.replace(story, content_hash=content, cluster_id=cluster_id,
                               is_duplicate=True, duplicate_of=canonical_id, num_duplicates=0)


def index_entry(fp: Fingerprint, story: Story, canonical_time: int) -> Fingerprint:
    """What the next runs keep of a story written by this one."""
    return dataclasses.replace(fp, shingles=None, cluster_id=story.cluster_id,
                               canonical_id=story.duplicate_of or story.story_id,
                               canonical_time=canonical_time)


@dataclasses.dataclass
class Resolution:
    written: list[Story]  # canonical stories and duplicates of this run
    repeated: list[Story]  # the same item read twice in this run: written once
    entries: list[Fingerprint]  # for the index of later runs


def resolve_cluster(signed: Sequence[tuple[Story, Fingerprint]],
                    earlier: Sequence[Fingerprint]) -> Resolution:
    """Clusters of one connected component, each checked against its canonical story.

    A story matching an entry of an earlier run is a duplicate of that entry's canonical
    story. The rest are peeled greedily: the canonical story of what remains takes every
    remaining story that verifies against it (exactly, within the time span); the others
    form the next cluster. Checking against the canonical story, not a neighbour, is what
    stops a chain A~B~C from merging distinct stories.
    """
    fps: dict[str, Fingerprint] = {}
    unique, repeated = [], []
    for story, fp in sorted(signed, key=lambda pair: canonical_order(pair[0])):
        (repeated if story.story_id in fps else unique).append(story)
        fps.setdefault(story.story_id, fp)
    written: list[Story] = []
    entries: list[Fingerprint] = []

    remaining = []
    for story in unique:
        fp = fps[story.story_id]
        matches = [entry for entry in earlier if verify(entry, fp)
                   and abs(fp.time - entry.canonical_time) <= _max_span(entry, fp)]
        if not matches:
            remaining.append(story)
            continue
        anchor = min(matches, key=lambda entry: (entry.canonical_time, entry.canonical_id))
        duplicate = as_duplicate(story, fp.content_hash, anchor.canonical_id, anchor.cluster_id)
        written.append(duplicate)
        entries.append(index_entry(fp, duplicate, anchor.canonical_time))

    while remaining:
        canonical, rest = remaining[0], remaining[1:]
        canonical_fp = fps[canonical.story_id]
        members = [story for story in rest if verify(canonical_fp, fps[story.story_id])]
        member_ids = {story.story_id for story in members}
        remaining = [story for story in rest if story.story_id not in member_ids]
        head = as_canonical(canonical, canonical_fp.content_hash, len(members))
        written.append(head)
        entries.append(index_entry(canonical_fp, head, canonical_fp.time))
        for story in members:
            duplicate = as_duplicate(story, fps[story.story_id].content_hash,
                                     head.story_id, head.cluster_id)
            written.append(duplicate)
            entries.append(index_entry(fps[story.story_id], duplicate, canonical_fp.time))
    return Resolution(written=written, repeated=repeated, entries=entries)
