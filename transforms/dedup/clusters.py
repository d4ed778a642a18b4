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
    length: int  # characters of the story's text: the canonical story's tie-break
    signature: np.ndarray
    lead: np.ndarray  # small MinHash of the opening shingles
    keys: tuple[int, ...]
    shingles: np.ndarray | None = None
    ingest_keys: tuple[int, ...] = ()
    cluster_id: str = ""
    canonical_id: str = ""
    canonical_time: int = 0

    @property
    def from_earlier_run(self) -> bool:
        return bool(self.cluster_id)

    def __reduce__(self):
        # Beam pickles values it has no coder for: make that the compact packed form.
        return unpack_fingerprint, (pack_fingerprint(self),)


_HEAD = struct.Struct("<qqqq?iiiiiiiii")


def pack_fingerprint(fp: Fingerprint, with_shingles: bool = True) -> bytes:
    """Flat bytes: the arrays travel as raw buffers, several times cheaper than pickling
    them inside a dataclass each time a fingerprint crosses a shuffle."""
    texts = [t.encode("utf-8") for t in (fp.story_id, fp.content_hash, fp.cluster_id,
                                           fp.canonical_id)]
    arrays = [np.ascontiguousarray(fp.signature, dtype=np.uint32).tobytes(),
              np.ascontiguousarray(fp.lead, dtype=np.uint32).tobytes(),
              np.asarray(fp.keys, dtype=np.int64).tobytes(),
              np.asarray(fp.ingest_keys, dtype=np.int64).tobytes()]
    shingles = (np.ascontiguousarray(fp.shingles, np.uint32).tobytes()
                if with_shingles and fp.shingles is not None else None)
    head = _HEAD.pack(fp.time, fp.canonical_time, fp.size, fp.length, fp.short,
                      *(len(part) for part in texts + arrays),
                      -1 if shingles is None else len(shingles))
    return b"".join([head, *texts, *arrays, shingles or b""])


def unpack_fingerprint(data: bytes) -> Fingerprint:
    time, canonical_time, size, length, short, *lengths = _HEAD.unpack_from(data)
    offset, parts = _HEAD.size, []
    for part_length in lengths:
        parts.append(data[offset:offset + max(part_length, 0)])
        offset += max(part_length, 0)
    story_id, content, cluster_id, canonical_id = (part.decode("utf-8") for part in parts[:4])
    signature, lead, keys, ingest, shingles = parts[4:]
    return Fingerprint(
        story_id=story_id, time=time, content_hash=content, short=short, size=size, length=length,
        signature=np.frombuffer(signature, dtype=np.uint32),
        lead=np.frombuffer(lead, dtype=np.uint32),
        keys=tuple(np.frombuffer(keys, dtype=np.int64).tolist()),
        shingles=None if lengths[-1] < 0 else np.frombuffer(shingles, dtype=np.uint32),
        ingest_keys=tuple(np.frombuffer(ingest, dtype=np.int64).tolist()),
        cluster_id=cluster_id, canonical_id=canonical_id, canonical_time=canonical_time)


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
    sequence = sketch.shingle_sequence(normalised)
    shingles = sketch.sorted_set(sequence)
    short = len(words) < params.SHORT_TEXT_WORDS
    signature = sketch.minhash(shingles)
    lead = sketch.lead_signature(sequence)
    if short:  # identical normalised text only
        keys = [sketch.exact_key(normalised)] if words else []
    else:  # identical long texts share every band: no exact key needed
        keys = sketch.band_keys(signature) + sketch.lead_keys(lead) + [sketch.prefix_key(words)]
    return Fingerprint(story_id=story.story_id, time=story_time(story), content_hash=content,
                       short=short, size=int(shingles.size), length=len(story.text or ""),
                       signature=signature, lead=lead,
                       keys=tuple(keys), shingles=shingles,
                       ingest_keys=story_ingest_keys(story, content))


def _max_span(a: Fingerprint, b: Fingerprint) -> int:
    span = params.SHORT_TEXT_MAX_SPAN if (a.short or b.short) else params.MAX_CLUSTER_SPAN
    return int(span.total_seconds())


def _settled_without_text(a: Fingerprint, b: Fingerprint) -> bool | None:
    """The verdict when identity, the time span or shortness decides it; None otherwise."""
    if a.story_id == b.story_id:
        return True
    if abs(a.time - b.time) > _max_span(a, b):
        return False
    if a.short or b.short:
        return a.content_hash == b.content_hash
    return None


def verify(a: Fingerprint, b: Fingerprint) -> bool:
    """Is ``b`` the same text republished as ``a``? Exact when both have shingles,
    estimated from the signatures against entries of earlier runs."""
    settled = _settled_without_text(a, b)
    if settled is not None:
        return settled
    if a.shingles is not None and b.shingles is not None:
        overlap = float(sketch.exact_overlap(a.shingles, b.shingles))
    else:
        overlap = sketch.estimated_overlap(a.signature, a.size, b.signature, b.size)
    return sketch.is_near_duplicate(overlap, a.size, b.size)


def plausible(a: Fingerprint, b: Fingerprint) -> bool:
    """Could ``a`` and ``b`` be the same text? A loose test on signatures alone, to keep
    chance LSH collisions out of the components; every member is then verified exactly
    against its canonical story (``resolve_cluster``)."""
    settled = _settled_without_text(a, b)
    if settled is not None:
        return settled
    if min(a.size, b.size) == 0:
        return False
    overlap = sketch.estimated_overlap(a.signature, a.size, b.signature, b.size)
    return (overlap / (a.size + b.size - overlap) >= params.PLAUSIBLE_JACCARD
            or overlap / min(a.size, b.size) >= params.PLAUSIBLE_CONTAINMENT
            or sketch.jaccard_estimate(a.lead, b.lead) >= params.PLAUSIBLE_LEAD_JACCARD)


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


@dataclasses.dataclass(frozen=True)
class SortedLookup:
    """A read-only map or set as sorted numpy arrays: one object for the runner to size,
    ship and cache as a side input (a dict of 100k strings is 200k objects)."""

    keys: np.ndarray
    values: np.ndarray | None = None

    @classmethod
    def of_dict(cls, mapping: dict[str, str]) -> "SortedLookup":
        keys = sorted(mapping)
        return cls(np.array(keys, dtype=str), np.array([mapping[k] for k in keys], dtype=str))

    @classmethod
    def of_ints(cls, values: Iterable[int]) -> "SortedLookup":
        return cls(np.unique(np.fromiter(values, dtype=np.int64)))

    def _find(self, key) -> int | None:
        if self.keys.size == 0:
            return None
        at = int(np.searchsorted(self.keys, key))
        return at if at < self.keys.size and self.keys[at] == key else None

    def __contains__(self, key) -> bool:
        return self._find(key) is not None

    def get(self, key: str) -> str | None:
        at = self._find(key)
        return None if at is None else str(self.values[at])


def canonical_order(story: Story) -> tuple:
    """Earliest published first; ties broken by the longest text, then by id."""
    return story_time(story), -len(story.text or ""), story.story_id


def choose_canonical(stories: Sequence[Story]) -> Story:
    return min(stories, key=canonical_order)


def _fingerprint_order(fp: Fingerprint) -> tuple:
    return fp.time, -fp.length, fp.story_id  # canonical_order, on fingerprints


@dataclasses.dataclass(frozen=True)
class Assignment:
    """A story's place in its cluster, as the stories table records it."""

    cluster_id: str
    duplicate_of: str | None = None
    num_duplicates: int = 0
    copies: int = 1  # the same item read this many times in this run: written once

    _SEP = "\x1f"

    def encode(self) -> str:
        return self._SEP.join((self.cluster_id, self.duplicate_of or "", str(self.num_duplicates),
                               str(self.copies)))

    @classmethod
    def decode(cls, text: str) -> "Assignment":
        cluster_id, duplicate_of, num_duplicates, copies = text.split(cls._SEP)
        return cls(cluster_id, duplicate_of or None, int(num_duplicates), int(copies))


def apply_assignment(story: Story, content: str, assignment: Assignment | None) -> Story:
    """The story with its cluster fields; None: alone in its cluster."""
    assignment = assignment or Assignment(cluster_id_for(story.story_id))
    return dataclasses.replace(story, content_hash=content, cluster_id=assignment.cluster_id,
                               is_duplicate=assignment.duplicate_of is not None,
                               duplicate_of=assignment.duplicate_of,
                               num_duplicates=assignment.num_duplicates)


def index_entry(fp: Fingerprint, assignment: Assignment, canonical_time: int) -> Fingerprint:
    """What the next runs keep of a story written by this one."""
    return dataclasses.replace(fp, shingles=None, cluster_id=assignment.cluster_id,
                               canonical_id=assignment.duplicate_of or fp.story_id,
                               canonical_time=canonical_time)


def _same_as_widest(widest: Fingerprint, fp: Fingerprint, canonical: Fingerprint) -> bool:
    if fp.short or widest.short or abs(fp.time - canonical.time) > _max_span(canonical, fp):
        return False
    overlap = sketch.exact_overlap(widest.shingles, fp.shingles)
    return overlap / (widest.size + fp.size - overlap) >= params.MIN_JACCARD_VIA_WIDEST


@dataclasses.dataclass
class Resolution:
    assignments: dict[str, Assignment]  # story_id -> its cluster, for this run's stories
    entries: list[Fingerprint]  # for the index of later runs


def resolve_cluster(component: Sequence[Fingerprint], earlier: Sequence[Fingerprint]) -> Resolution:
    """Clusters of one connected component, each checked against its canonical story.

    A story matching an entry of an earlier run is a duplicate of that entry's canonical
    story. The rest are peeled greedily: the canonical story of what remains takes every
    remaining story that verifies against it (exactly, within the time span), or against
    its widest such member; the others form the next cluster. Checking against the
    canonical story (one hop at most), not along the chain of neighbours, is what stops a
    chain A~B~C~D from merging distinct stories.
    """
    copies: dict[str, int] = {}
    fps: dict[str, Fingerprint] = {}
    for fp in component:
        copies[fp.story_id] = copies.get(fp.story_id, 0) + 1
        fps.setdefault(fp.story_id, fp)
    assignments: dict[str, Assignment] = {}
    entries: list[Fingerprint] = []

    def assign(fp: Fingerprint, cluster_id: str, duplicate_of: str | None, canonical_time: int,
               num_duplicates: int = 0) -> None:
        assignment = Assignment(cluster_id, duplicate_of, num_duplicates, copies[fp.story_id])
        assignments[fp.story_id] = assignment
        entries.append(index_entry(fp, assignment, canonical_time))

    remaining = []
    for fp in sorted(fps.values(), key=_fingerprint_order):
        matches = [entry for entry in earlier if verify(entry, fp)
                   and abs(fp.time - entry.canonical_time) <= _max_span(entry, fp)]
        if not matches:
            remaining.append(fp)
            continue
        anchor = min(matches, key=lambda entry: (entry.canonical_time, entry.canonical_id))
        assign(fp, anchor.cluster_id, anchor.canonical_id, anchor.canonical_time)

    while remaining:
        canonical, rest = remaining[0], remaining[1:]
        members = [fp for fp in rest if verify(canonical, fp)]
        member_ids = {fp.story_id for fp in members}
        if members:
            # A summary as canonical story does not contain a copy with a trimmed lead; the
            # full text does. One hop through the widest verified member, never more, and
            # only for near-equal texts (a digest holding two stories stays apart).
            widest = max(members, key=lambda fp: fp.size)
            reached = [fp for fp in rest if fp.story_id not in member_ids
                       and _same_as_widest(widest, fp, canonical)]
            members += reached
            member_ids.update(fp.story_id for fp in reached)
        remaining = [fp for fp in rest if fp.story_id not in member_ids]
        cluster_id = cluster_id_for(canonical.story_id)
        assign(canonical, cluster_id, None, canonical.time, len(members))
        for fp in members:
            assign(fp, cluster_id, canonical.story_id, canonical.time)
    return Resolution(assignments=assignments, entries=entries)
