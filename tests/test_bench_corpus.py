"""The benchmark corpus generator (bench/corpus.py): deterministic, and its html pages
give the cleaning stage the generated story, not the host page's own text."""
import filecmp
import os
import random
import sys

import pytest

from tests.conftest import SHARED
from transforms.clean.html import extract_page

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "bench"))
import corpus  # noqa: E402  (bench/ is a folder of scripts, not a package)


def _same_tree(left: str, right: str) -> bool:
    comparison = filecmp.dircmp(left, right)
    stack = [comparison]
    while stack:
        current = stack.pop()
        if current.left_only or current.right_only or current.diff_files:
            return False
        stack.extend(current.subdirs.values())
    return True


def test_the_same_seed_writes_the_same_corpus(tmp_path):
    corpus.generate(str(tmp_path / "a"), 120, "light", seed=3)
    corpus.generate(str(tmp_path / "b"), 120, "light", seed=3)
    corpus.generate(str(tmp_path / "c"), 120, "light", seed=4)
    assert _same_tree(str(tmp_path / "a"), str(tmp_path / "b"))
    assert not _same_tree(str(tmp_path / "a"), str(tmp_path / "c"))


def test_near_copies_are_about_a_fifth():
    stories = corpus.stories(1000, seed=7)
    copies = sum(1 for story in stories if story.title.startswith("Updated: "))
    assert 0.15 <= copies / len(stories) <= 0.25


@pytest.mark.skipif(not os.path.isdir(SHARED / "benchmarks" / "article-extraction"),
                    reason="the html mix reuses ../shared/benchmarks/article-extraction pages, absent here")
def test_a_hosted_page_cleans_to_the_story_and_its_date():
    hosts = corpus.host_pages()
    assert len(hosts) >= 30  # enough distinct page layouts for cleaning to cost what real pages cost
    rng = random.Random(5)
    for number in range(5):
        story = corpus.original_story(rng, number)
        page = extract_page(corpus.page_with_story(rng.choice(hosts), story))
        assert all(paragraph in page.text for paragraph in story.paragraphs)
        assert page.date == story.published.date()
