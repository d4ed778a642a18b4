"""The seed articles: every furniture line listed in dev/seeds.boilerplate.json goes,
every other line of every seed stays."""
from __future__ import annotations

import json

import pytest

from tests.conftest import shared_path
from transforms.clean import clean_item
from transforms.sources import read_path

def _seed_names():
    try:
        return sorted(path.name for path in shared_path("seeds").glob("*.txt"))
    except pytest.skip.Exception:
        return ["(shared data absent)"]


@pytest.mark.parametrize("name", _seed_names())
def test_seed_furniture_removed_and_content_kept(name):
    seed = shared_path("seeds", name)
    furniture = json.loads(shared_path("dev", "seeds.boilerplate.json").read_text("utf-8"))["remove"][name]
    body = seed.read_text("utf-8")
    [item] = read_path(str(seed))  # the real reader takes the date marker off the first line
    story = clean_item(item)
    kept = story.text.split("\n")
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if lines[0].startswith("date "):
        lines[0] = lines[0].split(" ", 2)[2]  # the date token is metadata, the rest is text
    assert [line for line in furniture if line in kept] == []
    assert [line for line in lines if line not in furniture and line not in kept] == []
    assert story.lang == "en"
