"""The run id: derived from what the run read, so the same inputs give the same id.

File names carry the run id, so a rerun over the same inputs replaces its own files,
while a scheduled run that read new items writes new files beside the earlier runs'.
The id must not depend on the order in which workers saw the items, hence a sum of
per-item hashes (a sum, not XOR, so an item read twice does not cancel out).

With ``--state``, what a run writes also depends on the state it started from (items
already ingested are not written again), so the state's files are part of the id: a
scheduled run over an unchanged feed is a new run and must not replace the files of
the run that first wrote its items.
"""
from __future__ import annotations

import apache_beam as beam
import xxhash
from apache_beam.io.filesystems import FileSystems

from schemas.records import RawItem, Reject

_MASK = (1 << 64) - 1


def read_fingerprint(record: RawItem | Reject) -> str:
    """What identifies one thing the run read: an item with its content, or a failed source."""
    if isinstance(record, RawItem):
        return "\x1f".join((record.item_id, xxhash.xxh64_hexdigest(record.body.encode("utf-8"))))
    return "\x1f".join((record.source_ref, record.reason))


def state_fingerprint(state: str | None) -> str:
    """Names and sizes of the files in the state folder when the run starts ("" without state)."""
    if not state:
        return ""
    found = FileSystems.match([FileSystems.join(state, "**")])[0].metadata_list
    listing = "\n".join(sorted(f"{m.path}\t{m.size_in_bytes}" for m in found))
    return xxhash.xxh64_hexdigest(listing.encode("utf-8"))


class RunIdFn(beam.CombineFn):
    def __init__(self, state_fingerprint: str = ""):
        self._state_fingerprint = state_fingerprint

    def create_accumulator(self):
        return 0, 0

    def add_input(self, accumulator, fingerprint: str):
        total, count = accumulator
        return (total + xxhash.xxh64_intdigest(fingerprint.encode("utf-8"))) & _MASK, count + 1

    def merge_accumulators(self, accumulators):
        totals, counts = zip(*accumulators)
        return sum(totals) & _MASK, sum(counts)

    def extract_output(self, accumulator):
        total, count = accumulator
        return xxhash.xxh64_hexdigest(f"{self._state_fingerprint}:{total}:{count}".encode("ascii"))[:16]
