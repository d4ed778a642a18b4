"""The run id: derived from what the run read, so the same inputs give the same id.

File names carry the run id, so a rerun over the same inputs replaces its own files,
while a scheduled run that read new items writes new files beside the earlier runs'.
The id must not depend on the order in which workers saw the items, hence a sum of
per-item hashes (a sum, not XOR, so an item read twice does not cancel out).
"""
from __future__ import annotations

import xxhash
import apache_beam as beam

from schemas.records import RawItem, Reject

_MASK = (1 << 64) - 1


def read_fingerprint(record: RawItem | Reject) -> str:
    """What identifies one thing the run read: an item with its content, or a failed source."""
    if isinstance(record, RawItem):
        return "\x1f".join((record.item_id, xxhash.xxh64_hexdigest(record.body.encode("utf-8"))))
    return "\x1f".join((record.source_ref, record.reason))


class RunIdFn(beam.CombineFn):
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
        return xxhash.xxh64_hexdigest(f"{total}:{count}".encode("ascii"))[:16]
