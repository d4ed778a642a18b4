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
    normalised = sketch.normalised(story.text)
    content = sketch.hash_normalised(normalised.text)
    sequence = sketch.shingle_sequence(normalised)
    shingles = sketch.sorted_set(sequence)
    short = normalised.num_words < params.SHORT_TEXT_WORDS
    signature = sketch.minhash(shingles)
    lead = sketch.lead_signature(sequence)
    if short:  # identical normalised text only
        keys = [sketch.exact_key(normalised.text)] if normalised.num_words else []
    else:  # identical long texts share every band: no exact key needed
        keys = sketch.band_keys(signature) + sketch.lead_keys(lead) + [sketch.prefix_key(normalised)]
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


@dataclasses.dataclass(frozen=True)
class SignatureTable:
    """What candidate pairs and their screen need of every story (this run's and the
    earlier index's), as columns in story-key order: one object for the runner to ship
    as a side input, and pairs made and screened in vectorised passes, not one call each."""

    story_keys: np.ndarray  # int64, sorted, unique
    story_ids: np.ndarray  # str
    times: np.ndarray  # int64
    sizes: np.ndarray  # int64
    short: np.ndarray  # bool
    earlier: np.ndarray  # bool: an entry of the earlier runs' index
    content: np.ndarray  # the content hashes, bytes
    signatures: np.ndarray  # uint32, (stories, NUM_PERM)
    leads: np.ndarray  # uint32, (stories, LEAD_PERM)

    @classmethod
    def of_rows(cls, rows: Sequence["SignatureRow"]) -> "SignatureTable":
        keys = np.fromiter((sketch.story_key(row[0]) for row in rows), dtype=np.int64, count=len(rows))
        keys, first = np.unique(keys, return_index=True)  # an item read twice: one row
        rows = [rows[i] for i in first.tolist()]
        sketches = np.frombuffer(b"".join(row[6] for row in rows), dtype=np.uint32).reshape(
            len(rows), params.NUM_PERM + params.LEAD_PERM)
        return cls(story_keys=keys,
                   story_ids=np.array([row[0] for row in rows], dtype=str),
                   times=np.array([row[1] for row in rows], dtype=np.int64),
                   sizes=np.array([row[2] for row in rows], dtype=np.int64),
                   short=np.array([row[3] for row in rows], dtype=bool),
                   earlier=np.array([row[4] for row in rows], dtype=bool),
                   content=np.array([row[5] for row in rows], dtype=bytes),
                   signatures=sketches[:, :params.NUM_PERM], leads=sketches[:, params.NUM_PERM:])

    def rows(self, story_keys: np.ndarray) -> np.ndarray:
        """The rows of these story keys (all in the table)."""
        return np.searchsorted(self.story_keys, story_keys)

    def plausible(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Could the stories of rows a[i] and b[i] be the same text? A loose test on
        signatures alone, to keep chance LSH collisions out of the components; every
        member is then verified exactly against its canonical story (``resolve_cluster``)."""
        short = self.short[a] | self.short[b]
        max_span = np.where(short, int(params.SHORT_TEXT_MAX_SPAN.total_seconds()), _MAX_SPAN_SECONDS)
        in_span = np.abs(self.times[a] - self.times[b]) <= max_span
        size_a, size_b = self.sizes[a], self.sizes[b]
        smaller = np.minimum(size_a, size_b)
        jaccard = np.count_nonzero(self.signatures[a] == self.signatures[b], axis=1) / params.NUM_PERM
        overlap = jaccard * (size_a + size_b) / (1.0 + jaccard)  # sketch.estimated_overlap
        with np.errstate(divide="ignore", invalid="ignore"):
            similar = ((overlap / (size_a + size_b - overlap) >= params.PLAUSIBLE_JACCARD)
                       | (overlap / smaller >= params.PLAUSIBLE_CONTAINMENT))
        same_lead = (np.count_nonzero(self.leads[a] == self.leads[b], axis=1) / params.LEAD_PERM
                     >= params.PLAUSIBLE_LEAD_JACCARD)
        by_text = (smaller > 0) & (similar | same_lead)
        by_content = self.content[a] == self.content[b]
        return (a == b) | (in_span & np.where(short, by_content, by_text))


# story_id, time, size, short, from an earlier run, content hash, signature + lead as bytes
SignatureRow = tuple[str, int, int, bool, bool, bytes, bytes]


def signature_row(fp: Fingerprint) -> SignatureRow:
    return (fp.story_id, fp.time, fp.size, fp.short, fp.from_earlier_run,
            fp.content_hash.encode("ascii"),
            np.concatenate([fp.signature, fp.lead]).astype(np.uint32).tobytes())


class SignatureTableFn(beam.CombineFn):
    """Rows -> one SignatureTable (rows are combined per bundle before they are shuffled)."""

    def create_accumulator(self) -> list:
        return []

    def add_input(self, rows, row):
        rows.append(row)
        return rows

    def merge_accumulators(self, accumulators):
        accumulators = iter(accumulators)
        merged = next(accumulators)
        for rows in accumulators:
            merged.extend(rows)
        return merged

    def extract_output(self, rows) -> SignatureTable:
        return SignatureTable.of_rows(rows)


_MAX_SPAN_SECONDS = int(params.MAX_CLUSTER_SPAN.total_seconds())


def candidate_pairs(bucket_keys: np.ndarray, rows: np.ndarray,
                    table: SignatureTable) -> tuple[np.ndarray, np.ndarray]:
    """Distinct candidate pairs (rows a <= b) of LSH entries (bucket key, table row),
    bounded per bucket: all pairs in a small bucket, else each member against its
    NEIGHBOURS predecessors in time (linear in the bucket size).

    Pairs of two earlier-run entries are skipped (settled by the run that saw them);
    the same story twice in a bucket (one item read twice) pairs with itself so that
    it is resolved.
    """
    times = table.times[rows]
    order = np.lexsort((rows, times, bucket_keys))  # by bucket, then time
    bucket_keys, rows, times = bucket_keys[order], rows[order], times[order]
    earlier = table.earlier[rows]
    starts = np.flatnonzero(np.concatenate(([True], bucket_keys[1:] != bucket_keys[:-1])))
    sizes = np.diff(np.append(starts, bucket_keys.size))
    small = np.repeat(sizes <= params.SMALL_BUCKET, sizes)
    firsts, seconds = [np.empty(0, dtype=rows.dtype)], [np.empty(0, dtype=rows.dtype)]
    for gap in range(1, min(params.SMALL_BUCKET, bucket_keys.size)):
        pair = bucket_keys[gap:] == bucket_keys[:-gap]
        if gap > params.NEIGHBOURS:
            pair &= small[gap:]
        pair &= ~(earlier[gap:] & earlier[:-gap]) & (times[gap:] - times[:-gap] <= _MAX_SPAN_SECONDS)
        firsts.append(rows[:-gap][pair])
        seconds.append(rows[gap:][pair])
    a, b = np.concatenate(firsts), np.concatenate(seconds)
    codes = np.unique(np.minimum(a, b) * table.story_keys.size + np.maximum(a, b))
    return codes // table.story_keys.size, codes % table.story_keys.size


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


def _neighbours(edges: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    adjacent: dict[str, set[str]] = {}
    for a, b in edges:
        if a != b:
            adjacent.setdefault(a, set()).add(b)
            adjacent.setdefault(b, set()).add(a)
    return adjacent


def _reachable(start: Iterable[str], neighbours: dict[str, set[str]], admit) -> list[str]:
    """Stories reached from ``start`` through stories that ``admit`` accepts (each asked
    once). The set does not depend on the order of the walk: results are deterministic."""
    seen, frontier, reached = set(start), [], []
    for story_id in seen:
        frontier.extend(neighbours.get(story_id, ()))
    while frontier:
        story_id = frontier.pop()
        if story_id in seen:
            continue
        seen.add(story_id)
        if admit(story_id):
            reached.append(story_id)
            frontier.extend(neighbours.get(story_id, ()))
    return reached


def resolve_cluster(component: Sequence[Fingerprint], earlier: Sequence[Fingerprint],
                    edges: Iterable[tuple[str, str]]) -> Resolution:
    """Clusters of one connected component, each checked against its canonical story.

    ``edges`` are the component's screened candidate pairs. A story matching an entry of
    an earlier run (a neighbour, or a neighbour's neighbour) is a duplicate of that
    entry's canonical story. The rest are peeled greedily in canonical order: the
    canonical story of what remains takes every story it reaches through the edges and
    its own members that verifies against it (exactly, within the time span), then those
    reached the same way that are nearly the same text as its widest member. Checking
    against the canonical story (one hop at most), not along the chain of neighbours, is
    what stops a chain A~B~C~D from merging distinct stories; walking the edges, not the
    whole component, keeps the work linear in the edges when a component is large
    (template-like posts chain into components of thousands of distinct stories).
    """
    copies: dict[str, int] = {}
    fps: dict[str, Fingerprint] = {}
    for fp in component:
        copies[fp.story_id] = copies.get(fp.story_id, 0) + 1
        fps.setdefault(fp.story_id, fp)
    neighbours = _neighbours(edges)
    entries = {entry.story_id: entry for entry in earlier if entry.story_id not in fps}
    assignments: dict[str, Assignment] = {}
    index_entries: list[Fingerprint] = []

    def assign(fp: Fingerprint, cluster_id: str, duplicate_of: str | None, canonical_time: int,
               num_duplicates: int = 0) -> None:
        assignment = Assignment(cluster_id, duplicate_of, num_duplicates, copies[fp.story_id])
        assignments[fp.story_id] = assignment
        index_entries.append(index_entry(fp, assignment, canonical_time))

    ordered = sorted(fps.values(), key=_fingerprint_order)
    if entries:
        for fp in ordered:
            near = set(neighbours.get(fp.story_id, ()))
            near.update(*(neighbours.get(story_id, ()) for story_id in list(near)))
            matches = [entries[story_id] for story_id in near & entries.keys()
                       if verify(entries[story_id], fp)
                       and abs(fp.time - entries[story_id].canonical_time) <= _max_span(entries[story_id], fp)]
            if matches:
                anchor = min(matches, key=lambda entry: (entry.canonical_time, entry.canonical_id))
                assign(fp, anchor.cluster_id, anchor.canonical_id, anchor.canonical_time)

    def unassigned(story_id: str) -> bool:
        return story_id in fps and story_id not in assignments

    for canonical in ordered:
        if canonical.story_id in assignments:
            continue
        members = _reachable([canonical.story_id], neighbours,
                             lambda story_id: unassigned(story_id) and verify(canonical, fps[story_id]))
        if members:
            # A summary as canonical story does not contain a copy with a trimmed lead; the
            # full text does. One hop through the widest verified member, never more, and
            # only for near-equal texts (a digest holding two stories stays apart).
            widest = max((fps[story_id] for story_id in members),
                         key=lambda fp: (fp.size, fp.story_id))
            members += _reachable([canonical.story_id, *members], neighbours, lambda story_id: (
                unassigned(story_id) and _same_as_widest(widest, fps[story_id], canonical)))
        cluster_id = cluster_id_for(canonical.story_id)
        assign(canonical, cluster_id, None, canonical.time, len(members))
        for story_id in members:
            assign(fps[story_id], cluster_id, canonical.story_id, canonical.time)
    return Resolution(assignments=assignments, entries=index_entries)
