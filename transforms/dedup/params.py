"""Every parameter of near-duplicate detection, in one place.

The state index written across runs records ``PARAMS_VERSION``; an index built with
other parameters is discarded (with a warning) and rebuilt, never mixed with new
signatures. Change the version whenever any value here or the normalisation changes.

Why these values (measured with ``bench/bench_dedup.py`` on real article bodies):
word 3-grams keep light rewrites above Jaccard ~0.55 where 5-grams fall below 0.4;
32 bands x 4 rows make a pair with Jaccard 0.6 a candidate with probability 0.988 and
one with 0.7 with 0.9998, while unrelated texts (Jaccard < 0.1) almost never collide.
Truncated copies and feed summaries, whose Jaccard with the full story is low, are
found through the lead keys (the opening words and a small MinHash of the opening).
"""
from __future__ import annotations

import datetime as dt

PARAMS_VERSION = "dedup-3gram-128p-32x4-lead48x8-v4"

SHINGLE_WORDS = 3
NUM_PERM = 128
NUM_BANDS = 32
ROWS_PER_BAND = 4
assert NUM_BANDS * ROWS_PER_BAND == NUM_PERM

# The opening of a story: a small MinHash over its first shingles, banded, finds a
# truncated copy or a summary whose Jaccard with the whole story is far below the bands'.
LEAD_SHINGLES = 48
LEAD_PERM = 32
LEAD_BANDS = 8
LEAD_ROWS = LEAD_PERM // LEAD_BANDS
# The first words, exactly: a summary or a cut copy starting like the story.
PREFIX_WORDS = 12

# Below this many words a text has too few shingles for a meaningful Jaccard:
# such texts match only by the exact hash of their normalised text.
SHORT_TEXT_WORDS = 30

# Verification of a candidate pair (exact on shingle sets, or estimated from signatures
# against the index of earlier runs): a duplicate when either holds.
MIN_JACCARD = 0.5
# Share of the smaller text's shingles found in the larger one (truncation, summary,
# update with a paragraph added). Stories quoting the same long statement stay below it
# as long as the quote is under ~3/4 of the shorter story.
MIN_CONTAINMENT = 0.75

# Candidate pairs are first screened on signatures alone (no shingles cross the shuffle):
# generous thresholds, several standard deviations of the estimate below the ones above.
PLAUSIBLE_JACCARD = 0.35
PLAUSIBLE_CONTAINMENT = 0.55
PLAUSIBLE_LEAD_JACCARD = 0.5

# Chaining guards: a cluster never spans more than this from its canonical story, and
# every member is checked against the canonical story itself, or (one hop, when the
# canonical story is a summary or cut copy) is nearly the same text as the cluster's
# widest member, by Jaccard: a digest holding two whole stories stays below it.
MIN_JACCARD_VIA_WIDEST = 0.6
MAX_CLUSTER_SPAN = dt.timedelta(days=14)
# Identical short posts (air alerts) recur as separate events; only close reposts merge.
SHORT_TEXT_MAX_SPAN = dt.timedelta(hours=12)

# Candidate pairs per LSH bucket: all pairs up to this size, otherwise each member
# against its NEIGHBOURS predecessors in time order (linear, never quadratic).
SMALL_BUCKET = 12
NEIGHBOURS = 3

# Fixed seeds: signatures must be identical across runs and machines.
PERMUTATION_SEED = 20240601
KEY_SEEDS = {"exact": 1, "prefix": 2, "band": 1000, "lead": 2000, "ingest": 3, "story": 4}

STATE_WINDOW_DAYS = 14
