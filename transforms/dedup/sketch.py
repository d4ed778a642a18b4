"""Pure functions from one text to its dedup fingerprints.

normalise (words and their hashes) -> shingle hashes -> MinHash signature -> LSH keys.
Nothing here knows Beam; every function is deterministic across runs and machines
(fixed seeds, xxhash, numpy fixed-width arithmetic).
"""
from __future__ import annotations

import dataclasses
import re
import sys
import unicodedata

import numpy as np
import xxhash

from transforms.dedup import params

_MASK63 = (1 << 63) - 1
_U32 = np.uint32
_U64 = np.uint64
_SPACE = _U32(ord(" "))


def _code_point_tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(is a word character, by code point; non-ASCII decimal digits; their ASCII digits).

    Word characters are exactly those of the regex class [^\\W_] (letters and numbers of
    every script). Digits are folded to one script, not erased: "3 killed" and "5 killed"
    are different reports and must not hash alike."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    is_word = np.zeros(len(every), dtype=bool)
    for run in re.finditer(r"[^\W_]+", every):
        is_word[run.start():run.end()] = True
    digits = [(ord(c), ord("0") + unicodedata.digit(c)) for c in re.findall(r"[^\D0-9]", every)]
    return (is_word, np.array([code for code, _ in digits], dtype=_U32),
            np.array([ascii_digit for _, ascii_digit in digits], dtype=_U32))


# Immutable after import (~0.1 s to build, 1 MB).
_IS_WORD_CHAR, _DIGIT_CODES, _ASCII_DIGIT_CODES = _code_point_tables()
# A fixed odd multiplier: words hash as polynomials of their code points modulo 2**64.
_WORD_HASH_BASE = _U64(0xD6E8FEB86659FD93)
_WORD_HASH_POWERS = np.cumprod(np.full(64, _WORD_HASH_BASE, dtype=_U64))  # BASE**1 .. BASE**64


def _fmix64(x: np.ndarray) -> np.ndarray:
    # MurmurHash3's finaliser: spreads the combined hashes over all 64 bits.
    x = x ^ (x >> _U64(33))
    x = x * _U64(0xFF51AFD7ED558CCD)
    x = x ^ (x >> _U64(33))
    x = x * _U64(0xC4CEB93FE1A85EC3)
    return x ^ (x >> _U64(33))


@dataclasses.dataclass(frozen=True)
class Normalised:
    """A text normalised: its words joined by single spaces, and a 64-bit hash per word."""

    text: str
    word_hashes: np.ndarray  # uint64, one per word, in order

    @property
    def num_words(self) -> int:
        return int(self.word_hashes.size)

    def prefix(self, count: int) -> str:
        """The first ``count`` words."""
        return " ".join(self.text.split(" ", count)[:count])


def normalised(text: str) -> Normalised:
    """NFKC, case folded, punctuation and symbols removed, digits folded to ASCII.

    One vectorised pass over the code points (a Python regex over the text, and a str
    object per word, cost ~3x more on articles)."""
    text = text or ""
    if not unicodedata.is_normalized("NFKC", text):  # the check is ~15x faster than normalising
        text = unicodedata.normalize("NFKC", text)
    codes = np.frombuffer(text.casefold().encode("utf-32-le", "surrogatepass"), dtype=_U32)
    padded = np.zeros(codes.size + 2, dtype=bool)
    is_word = padded[1:-1]
    is_word[:] = _IS_WORD_CHAR[codes]
    bounds = np.flatnonzero(padded[1:] != padded[:-1])  # start, end, start, end...
    if bounds.size == 0:
        return Normalised("", np.empty(0, dtype=_U64))
    starts, ends = bounds[::2], bounds[1::2]
    # Each word, and one space in place of each gap between two words.
    text_codes = codes.copy()
    text_codes[ends[:-1]] = _SPACE
    is_word[ends[:-1]] = True
    text_codes = text_codes[is_word]
    # No decimal digit outside ASCII comes before U+0660 (Arabic-Indic zero): Latin,
    # Cyrillic and Greek texts skip the lookup.
    if text_codes.max() >= _DIGIT_CODES[0]:
        at = np.minimum(np.searchsorted(_DIGIT_CODES, text_codes), _DIGIT_CODES.size - 1)
        text_codes = np.where(_DIGIT_CODES[at] == text_codes, _ASCII_DIGIT_CODES[at], text_codes)
    lengths = ends - starts
    word_hashes = _word_hashes(text_codes[text_codes != _SPACE], np.cumsum(lengths) - lengths, lengths)
    return Normalised(text_codes.tobytes().decode("utf-32-le"), word_hashes)


def _word_hashes(word_codes: np.ndarray, word_starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Sum of code * BASE**(position in the word + 1) mod 2**64 per word (a polynomial
    hash), xor the word's length; the shingles' hashes mix them further."""
    within = np.arange(word_codes.size) - np.repeat(word_starts, lengths)
    longest = int(lengths.max())
    powers = (_WORD_HASH_POWERS if longest <= _WORD_HASH_POWERS.size
              else np.cumprod(np.full(longest, _WORD_HASH_BASE, dtype=_U64)))
    return np.add.reduceat(word_codes * powers[within], word_starts) ^ lengths.astype(_U64)


def normalise(text: str) -> str:
    """The normalised text: its words joined by single spaces."""
    return normalised(text).text


def words(text: str) -> list[str]:
    """The normalised words of a text."""
    return normalise(text).split()


def content_hash(text: str) -> str:
    """Hash of the normalised text (what exact dedup and the ``content_hash`` column use)."""
    return hash_normalised(normalise(text))


def hash_normalised(normalised_text: str) -> str:
    return xxhash.xxh3_128_hexdigest(normalised_text.encode("utf-8"))


def _key(kind: str, data: bytes, index: int = 0) -> int:
    # 63 bits: keys stay machine-size ints, which Beam's coders encode natively.
    return xxhash.xxh3_64_intdigest(data, seed=params.KEY_SEEDS[kind] + index) & _MASK63


def exact_key(normalised: str) -> int:
    return _key("exact", normalised.encode("utf-8"))


def prefix_key(text: Normalised) -> int:
    """The opening words, exactly: a feed summary or a cut copy starts like its story."""
    return _key("prefix", text.prefix(params.PREFIX_WORDS).encode("utf-8"))


def story_key(story_id: str) -> int:
    """A story's number in LSH entries (8 bytes where its id takes 17 in each of its ~40
    entries). Two ids of one run colliding in 63 bits (odds ~1e-9 at 100k stories) would
    only lose the second story's candidate pairs."""
    return _key("story", story_id.encode("utf-8"))


def ingest_key(field: str, value: str, content: str) -> int:
    """Identity of an item already ingested: same URL (or GUID) with the same content."""
    return _key("ingest", f"{field}\x1f{value}\x1f{content}".encode("utf-8"))


def shingle_sequence(text: Normalised) -> np.ndarray:
    """32-bit hashes of the word n-grams (n = SHINGLE_WORDS) of a normalised text, in order.

    An n-gram's hash is an order-sensitive mix of its words' hashes, computed for all
    n-grams at once."""
    n = params.SHINGLE_WORDS
    word_hashes = text.word_hashes
    if word_hashes.size == 0:
        return np.empty(0, dtype=_U32)
    count = max(1, word_hashes.size - n + 1)
    combined = word_hashes[:count].copy()
    for offset in range(1, min(n, word_hashes.size)):
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


def shingle_hashes(text: Normalised) -> np.ndarray:
    """The set of a normalised text's shingle hashes, sorted."""
    return sorted_set(shingle_sequence(text))


def _permutations(count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    multipliers = rng.integers(1, 2**32, size=count, dtype=np.uint64).astype(_U32) | _U32(1)
    offsets = rng.integers(0, 2**32, size=count, dtype=np.uint64).astype(_U32)
    return multipliers, offsets


# Immutable after import: the same permutations on every worker. As columns: the minimum
# along each contiguous row is ~20 % faster than down the columns.
_PERM_A, _PERM_B = (perm[:, None] for perm in _permutations(params.NUM_PERM, params.PERMUTATION_SEED))
_EMPTY_SIGNATURE = np.full(params.NUM_PERM, np.iinfo(_U32).max, dtype=_U32)


def minhash(hashes: np.ndarray, num_perm: int = params.NUM_PERM) -> np.ndarray:
    """MinHash of a set of 32-bit hashes: one numpy pass over 32-bit affine permutations.

    x -> a*x + b (mod 2**32) with odd a is a bijection of the 32-bit space; the inputs
    are already well spread by xxhash, so these cheap permutations estimate Jaccard
    without bias (checked in tests/dedup).
    """
    if hashes.size == 0:
        return _EMPTY_SIGNATURE[:num_perm].copy()
    permuted = np.multiply(_PERM_A[:num_perm], hashes[None, :])
    permuted += _PERM_B[:num_perm]
    return permuted.min(axis=1)


def signature(text: str) -> np.ndarray:
    """MinHash signature (uint32, NUM_PERM values) of a text's word shingles."""
    return minhash(shingle_hashes(normalised(text)))


def lead_signature(sequence: np.ndarray) -> np.ndarray:
    """A small MinHash of the opening shingles (first LEAD_PERM permutations)."""
    return minhash(sorted_set(sequence[:params.LEAD_SHINGLES]), params.LEAD_PERM)


def _banded_keys(kind: str, sig: np.ndarray, rows: int) -> list[int]:
    data, width = np.ascontiguousarray(sig, dtype=_U32).tobytes(), rows * _U32().itemsize
    return [_key(kind, data[start:start + width], i)
            for i, start in enumerate(range(0, len(data), width))]


def band_keys(sig: np.ndarray) -> list[int]:
    """One LSH key per band of ROWS_PER_BAND rows; equal keys make a candidate pair."""
    return _banded_keys("band", sig, params.ROWS_PER_BAND)


def lead_keys(lead_sig: np.ndarray) -> list[int]:
    return _banded_keys("lead", lead_sig, params.LEAD_ROWS)


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
