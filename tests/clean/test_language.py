"""Language detection on short English, Russian and Ukrainian posts and headlines."""
from __future__ import annotations

import json
import pathlib

import pytest

from transforms.clean.language import LanguageDetector

SAMPLES = json.loads((pathlib.Path(__file__).parent / "data" / "language_samples.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def detector():
    return LanguageDetector()


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_posts(detector, lang):
    assert [detector.detect(text) for text in SAMPLES["posts"][lang]] == [lang] * len(SAMPLES["posts"][lang])


def test_headlines_are_never_mislabelled_and_mostly_labelled(detector):
    answers = [(lang, detector.detect(text)) for lang, texts in SAMPLES["headlines"].items() for text in texts]
    assert [(lang, got) for lang, got in answers if got not in (lang, None)] == []
    assert sum(lang == got for lang, got in answers) >= 0.6 * len(answers)


def test_too_short_or_no_letters(detector):
    assert detector.detect("ПВО") is None
    assert detector.detect("12:45 — 59 👁") is None


def test_other_languages_are_still_recognised(detector):
    assert detector.detect("Die Flugabwehr hat in der Nacht mehrere Drohnen über Kiew abgeschossen.") == "de"
    assert detector.detect("W nocy obrona powietrzna zestrzeliła kilka dronów nad Kijowem.") == "pl"
