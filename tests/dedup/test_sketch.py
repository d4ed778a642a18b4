import re
import unicodedata

import numpy as np
import pytest

from transforms.dedup import params, sketch
from tests.dedup.conftest import edit_words, news_text

ARABIC_DIGITS = {ord("١"): "1", ord("٢"): "2"}


def test_normalise_folds_case_width_punctuation_and_digit_scripts():
    assert sketch.normalise("  «Дроны» атаковали — КУРСК!\n") == "дроны атаковали курск"
    assert sketch.normalise("ＡＢＣ，２０２４") == "abc 2024"  # NFKC: full-width forms
    assert sketch.normalise("٣ killed; ۵ injured") == "3 killed 5 injured"  # Arabic-Indic digits
    assert sketch.normalise("Straße") == sketch.normalise("STRASSE")  # case folding, not lower()


def test_words_are_the_runs_of_letters_and_digits_of_any_script():
    text = ("Дрони/drones_hit  «Харків», 3\u00a0ＫＭ away; e\u0301té — ﬁre ١٢ ok!\n"
            "Straße 😀 x\u200by  ok\ud800lone")
    folded = unicodedata.normalize("NFKC", text).casefold()
    expected = [word.translate(ARABIC_DIGITS) for word in re.findall(r"[^\W_]+", folded)]
    assert sketch.words(text) == expected
    normalised = sketch.normalised(text)
    assert normalised.text == " ".join(expected) and normalised.num_words == len(expected)
    assert normalised.prefix(3) == " ".join(expected[:3])


def test_word_hashes_depend_on_the_word_only():
    first, second = sketch.normalised("Drones hit Kursk"), sketch.normalised("kursk, DRONES")
    assert first.word_hashes[2] == second.word_hashes[0] and first.word_hashes[0] == second.word_hashes[1]
    assert len(set(sketch.normalised("ab ba abc a b aa").word_hashes.tolist())) == 6


def test_normalise_keeps_numbers_distinct():
    # Two reports differing only in a count are different facts.
    assert sketch.content_hash("3 drones shot down") != sketch.content_hash("5 drones shot down")


def test_content_hash_ignores_layout_and_punctuation():
    assert sketch.content_hash("Drones hit a depot.\n\nTwo injured!") == \
        sketch.content_hash("drones hit a depot two injured")


def test_signature_is_deterministic_and_sized():
    text = news_text(1)
    first, second = sketch.signature(text), sketch.signature(text)
    assert first.dtype == np.uint32 and first.shape == (params.NUM_PERM,)
    np.testing.assert_array_equal(first, second)
    assert len(sketch.band_keys(first)) == params.NUM_BANDS


def test_signature_depends_on_word_order():
    assert not np.array_equal(sketch.signature("a b c d e f"), sketch.signature("f e d c b a"))


def test_jaccard_estimate_tracks_exact_jaccard():
    base = news_text(7, words=400)
    for fraction in (0.02, 0.05, 0.10):
        edited = edit_words(base, fraction, seed=3)
        a = sketch.shingle_hashes(sketch.normalised(base))
        b = sketch.shingle_hashes(sketch.normalised(edited))
        overlap = sketch.exact_overlap(a, b)
        exact = overlap / (a.size + b.size - overlap)
        estimate = sketch.jaccard_estimate(sketch.minhash(a), sketch.minhash(b))
        assert estimate == pytest.approx(exact, abs=0.15)


def test_unrelated_texts_share_no_band():
    a, b = sketch.signature(news_text(1)), sketch.signature(news_text(2))
    assert not set(sketch.band_keys(a)) & set(sketch.band_keys(b))


def test_empty_text_has_a_signature():
    assert sketch.signature("").shape == (params.NUM_PERM,)
    assert sketch.shingle_hashes(sketch.normalised("")).size == 0
    assert sketch.normalised(" — !").num_words == 0


def test_near_duplicate_rule():
    assert sketch.is_near_duplicate(80, 100, 100)  # Jaccard 0.67
    assert sketch.is_near_duplicate(60, 60, 100)  # contained
    assert not sketch.is_near_duplicate(40, 100, 100)  # shared quote
    assert not sketch.is_near_duplicate(0, 0, 100)


def test_sorted_set_matches_numpy_unique():
    values = np.array([5, 1, 5, 3, 1, 9], dtype=np.uint32)
    np.testing.assert_array_equal(sketch.sorted_set(values), np.unique(values))
    assert sketch.sorted_set(np.empty(0, dtype=np.uint32)).size == 0
