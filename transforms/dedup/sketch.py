"""Pure functions from one text to its dedup fingerprints.

normalise -> words -> shingle hashes -> MinHash signature -> LSH keys. Nothing here
knows Beam; every function is deterministic across runs and machines (fixed seeds,
xxhash, numpy fixed-width arithmetic).
"""
from __future__ import annotations

import re
import sys
import unicodedata

import numpy as np
import xxhash

from transforms.dedup import params

_WORD = re.compile(r"[^\W_]+")
_NON_ASCII_DIGITS = re.compile(r"[^\D0-9]+")
# Every Unicode decimal digit to its ASCII digit (Arabic-Indic, Devanagari, full-width
# ...). Digits are folded to one script, not erased: "3 killed" and "5 killed" are
# different reports and must not hash alike.
_DIGITS = {ord(c): str(unicodedata.digit(c)) for run in _NON_ASCII_DIGITS.findall(
    "".join(map(chr, range(sys.maxunicode + 1)))) for c in run}

_MASK63 = (1 << 63) - 1
_U32 = np.uint32
_U64 = np.uint64


def _fold_digits(run: re.Match) -> str:
    return run.group().translate(_DIGITS)


# No decimal digit outside ASCII comes before U+0660 (Arabic-Indic zero): words of Latin,
# Cyrillic and Greek texts skip the per-character digit folding.
_MAY_HOLD_FOLDED_DIGITS = re.compile(f"[{min(map(chr, _DIGITS))}-\U0010ffff]")


def words(text: str) -> list[str]:
    """The normalised words of a text: NFKC, case folded, no punctuation, ASCII digits."""
    text = text or ""
    if not unicodedata.is_normalized("NFKC", text):  # the check is ~15x faster than normalising
        text = unicodedata.normalize("NFKC", text)
    found = _WORD.findall(text.casefold())
    joined = " ".join(found)
    if _MAY_HOLD_FOLDED_DIGITS.search(joined):
        found = _WORD.findall(_NON_ASCII_DIGITS.sub(_fold_digits, joined))
    return found


def normalise(text: str) -> str:
    """NFKC, case folded, punctuation and symbols removed, digits folded to ASCII."""
    return " ".join(words(text))


def content_hash(text: str) -> str:
    """Hash of the normalised text (what exact dedup and the ``content_hash`` column use)."""
    return hash_normalised(normalise(text))


def hash_normalised(normalised: str) -> str:
    return xxhash.xxh3_128_hexdigest(normalised.encode("utf-8"))


def _key(kind: str, data: bytes, index: int = 0) -> int:
    # 63 bits: keys stay machine-size ints, which Beam's coders encode natively.
    return xxhash.xxh3_64_intdigest(data, seed=params.KEY_SEEDS[kind] + index) & _MASK63


def exact_key(normalised: str) -> int:
    return _key("exact", normalised.encode("utf-8"))


def prefix_key(words: list[str]) -> int:
    """The opening words, exactly: a feed summary or a cut copy starts like its story."""
    return _key("prefix", " ".join(words[:params.PREFIX_WORDS]).encode("utf-8"))


def ingest_key(field: str, value: str, content: str) -> int:
    """Identity of an item already ingested: same URL (or GUID) with the same content."""
    return _key("ingest", f"{field}\x1f{value}\x1f{content}".encode("utf-8"))


def _fmix64(x: np.ndarray) -> np.ndarray:
    # MurmurHash3's finaliser: spreads the combined word hashes over all 64 bits.
    x = x ^ (x >> _U64(33))
    x = x * _U64(0xFF51AFD7ED558CCD)
    x = x ^ (x >> _U64(33))
    x = x * _U64(0xC4CEB93FE1A85EC3)
    return x ^ (x >> _U64(33))


def shingle_sequence(normalised: str) -> np.ndarray:
    """32-bit hashes of the word n-grams (n = SHINGLE_WORDS) of a normalised text, in order.

    Each word is hashed once with xxh3; an n-gram's hash is an order-sensitive mix of
    its words' hashes, computed for all n-grams at once (measured: 3x faster than
    hashing each n-gram string, with the same spread).
    """
    n = params.SHINGLE_WORDS
    tokens = normalised.encode("utf-8").split()
    if not tokens:
        return np.empty(0, dtype=_U32)
    word_hashes = np.fromiter(map(xxhash.xxh3_64_intdigest, tokens), dtype=_U64, count=len(tokens))
    count = max(1, len(tokens) - n + 1)
    combined = word_hashes[:count].copy()
    for offset in range(1, min(n, len(tokens))):
        combined = combined * _U64(0x9E3779B97F4A7C15) + word_hashes[offset:offset + count]
    return (_fmix64(combined) >> _U64(32)).astype(_U32)


def sorted_set(hashes: np.ndarray) -> np.ndarray:
    """Sorted unique values (np.unique's hash-based path is ~6x slower on these sizes)."""
    ordered = np.sort(hashes)
    if ordered.size < 2:
        return ordered
    keep = np.empty(ordered.size, dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def shingle_hashes(normalised: str) -> np.ndarray:
    """The set of a normalised text's shingle hashes, sorted."""
    return sorted_set(shingle_sequence(normalised))


def _permutations(count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    multipliers = rng.integers(1, 2**32, size=count, dtype=np.uint64).astype(_U32) | _U32(1)
    offsets = rng.integers(0, 2**32, size=count, dtype=np.uint64).astype(_U32)
    return multipliers, offsets


# Immutable after import: the same permutations on every worker.
_PERM_A, _PERM_B = _permutations(params.NUM_PERM, params.PERMUTATION_SEED)
_EMPTY_SIGNATURE = np.full(params.NUM_PERM, np.iinfo(_U32).max, dtype=_U32)


def minhash(hashes: np.ndarray, num_perm: int = params.NUM_PERM) -> np.ndarray:
    """MinHash of a set of 32-bit hashes: one numpy pass over 32-bit affine permutations.

    x -> a*x + b (mod 2**32) with odd a is a bijection of the 32-bit space; the inputs
    are already well spread by xxhash, so these cheap permutations estimate Jaccard
    without bias (checked in tests/dedup).
    """
    if hashes.size == 0:
        return _EMPTY_SIGNATURE[:num_perm].copy()
    permuted = np.multiply(hashes[:, None], _PERM_A[:num_perm])
    permuted += _PERM_B[:num_perm]
    return permuted.min(axis=0)


def signature(text: str) -> np.ndarray:
    """MinHash signature (uint32, NUM_PERM values) of a text's word shingles."""
    return minhash(shingle_hashes(normalise(text)))


def lead_signature(sequence: np.ndarray) -> np.ndarray:
    """A small MinHash of the opening shingles (first LEAD_PERM permutations)."""
    return minhash(sorted_set(sequence[:params.LEAD_SHINGLES]), params.LEAD_PERM)


def band_keys(sig: np.ndarray) -> list[int]:
    """One LSH key per band of ROWS_PER_BAND rows; equal keys make a candidate pair."""
    rows = np.ascontiguousarray(sig, dtype=_U32).reshape(params.NUM_BANDS, params.ROWS_PER_BAND)
    return [_key("band", band.tobytes(), i) for i, band in enumerate(rows)]


def lead_keys(lead_sig: np.ndarray) -> list[int]:
    rows = np.ascontiguousarray(lead_sig, dtype=_U32).reshape(params.LEAD_BANDS, params.LEAD_ROWS)
    return [_key("lead", band.tobytes(), i) for i, band in enumerate(rows)]


def jaccard_estimate(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    return float(np.count_nonzero(sig_a == sig_b)) / sig_a.size


def exact_overlap(shingles_a: np.ndarray, shingles_b: np.ndarray) -> int:
    """Shingles the two sorted unique hash arrays share."""
    return int(np.intersect1d(shingles_a, shingles_b, assume_unique=True).size)


def estimated_overlap(sig_a: np.ndarray, size_a: int, sig_b: np.ndarray, size_b: int) -> float:
    """Shared shingles implied by the estimated Jaccard and the two set sizes."""
    j = jaccard_estimate(sig_a, sig_b)
    return j * (size_a + size_b) / (1.0 + j)


def is_near_duplicate(overlap: float, size_a: int, size_b: int) -> bool:
    """Same text republished: high Jaccard, or the smaller text nearly contained in the larger."""
    if size_a == 0 or size_b == 0:
        return False
    jaccard = overlap / (size_a + size_b - overlap)
    containment = overlap / min(size_a, size_b)
    return jaccard >= params.MIN_JACCARD or containment >= params.MIN_CONTAINMENT
