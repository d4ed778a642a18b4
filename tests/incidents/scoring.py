"""Runs extraction over a folder of text stories and scores it with the shared scorer."""
from __future__ import annotations

import dataclasses
import importlib.util
import json
import pathlib

from tests.conftest import SHARED
from tests.incidents.textfiles import story_from_file
from transforms.incidents import extract_story

DATA = pathlib.Path(__file__).parent / "data"
SCORER = SHARED / "tools" / "score_incidents.py"


def load_scorer(path: pathlib.Path = SCORER):
    spec = importlib.util.spec_from_file_location("score_incidents", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predictions(folder: pathlib.Path, gazetteer) -> list[dict]:
    rows = []
    for path in sorted(folder.glob("*.txt")):
        rows.extend(dataclasses.asdict(incident) for incident in extract_story(story_from_file(path), gazetteer))
    return rows


def read_gold(path: pathlib.Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
