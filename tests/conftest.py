"""Shared test fixtures.

Beam's DirectRunner may hand a pipeline to the Prism runner, which downloads a
binary when the machine is online; tests pin the in-process FnApiRunner so every
machine runs the same runner.
"""
from __future__ import annotations

import pathlib

import pytest
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing.test_pipeline import TestPipeline

REPO = pathlib.Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> pathlib.Path:
    """A path under ../shared, or a skip saying why the test cannot run without it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads the shared data set that CI places "
                    "beside the repository (../shared)")
    return path


def beam_test_pipeline() -> TestPipeline:
    return TestPipeline(runner="FnApiRunner", options=PipelineOptions([]))


@pytest.fixture
def test_pipeline() -> TestPipeline:
    return beam_test_pipeline()
