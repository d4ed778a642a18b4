"""A source's template: the lines that recur across many of its items in one run.

A channel footer, a site's standing disclaimer or a feed's boilerplate sentence is
the same line in hundreds of items; left in, it makes unrelated items look like
duplicates. It is learned from the run's data, never listed by hand: a normalised
line is template when it appears in at least ``MIN_SHARE`` of a source's items and in
at least ``MIN_ITEMS`` of them (so a handful of items never defines a template).
"""
from __future__ import annotations

import collections
from typing import Iterable, Iterator

import apache_beam as beam

from transforms.clean.furniture import normalise_line

MIN_SHARE = 0.3
MIN_ITEMS = 5
# Template lines are short; long paragraphs are not counted, which keeps the
# per-source counts small.
MAX_TEMPLATE_LINE_CHARS = 400


def template_candidates(lines: Iterable[str]) -> Iterator[str]:
    """The distinct normalised lines of one item that could be template lines."""
    seen = set()
    for line in lines:
        key = normalise_line(line)
        if key and len(key) <= MAX_TEMPLATE_LINE_CHARS and key not in seen:
            seen.add(key)
            yield key


def is_template_line(items_with_line: int, items_of_source: int) -> bool:
    return items_with_line >= MIN_ITEMS and items_with_line >= MIN_SHARE * items_of_source


class LearnTemplate(beam.CombineFn):
    """The items' lines of one source -> its template.

    One input per item (not per line), so the runner moves a handful of per-source
    counters between steps instead of every line of every item.
    """

    def create_accumulator(self) -> tuple[int, collections.Counter]:
        return 0, collections.Counter()

    def add_input(self, accumulator, lines: Iterable[str]):
        items, counts = accumulator
        counts.update(template_candidates(lines))
        return items + 1, counts

    def merge_accumulators(self, accumulators):
        items, counts = 0, collections.Counter()
        for other_items, other_counts in accumulators:
            items += other_items
            counts.update(other_counts)
        return items, counts

    def extract_output(self, accumulator) -> frozenset[str]:
        items, counts = accumulator
        return frozenset(key for key, n in counts.items() if is_template_line(n, items))


def learn_template(items_lines: Iterable[Iterable[str]]) -> frozenset[str]:
    """The template of one source from its items' lines."""
    return LearnTemplate().apply(items_lines)
