"""Fixtures of the sources tests: the bundled data folder and a capture of counters."""
from __future__ import annotations

import collections
import pathlib

import pytest

DATA = pathlib.Path(__file__).parent / "data"


@pytest.fixture
def counted(monkeypatch) -> collections.Counter:
    """What the readers report through ``transforms.stage.count`` outside a pipeline."""
    seen: collections.Counter = collections.Counter()

    def count(name: str, amount: int = 1) -> None:
        seen[name] += amount

    for module in ("transforms.sources.rss", "transforms.sources.telegram_common"):
        monkeypatch.setattr(f"{module}.count", count)
    return seen
