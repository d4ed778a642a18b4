"""ApplyStage: outputs, rejects from exceptions, and the local process pool."""
from __future__ import annotations

import datetime as dt
import os

import apache_beam as beam
import pytest
from apache_beam.testing.util import assert_that, equal_to

import transforms.stage as stage_module
from schemas.records import Reject
from transforms.stage import ApplyStage, count, local_processes_available, run_function

pytestmark = pytest.mark.skipif(not local_processes_available(), reason="needs fork (Linux)")


class Record:
    """The least a Reject needs of a record."""

    def __init__(self, number: int):
        self.number = number
        self.published_at = self.fetched_at = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
        self.source_type = "test"
        self.source_ref = f"record-{number}"

    def __reduce__(self):
        return Record, (self.number,)


def _double_or_fail():
    def function(record, offset=0):
        if record.number % 10 == 7:
            raise ValueError(f"seven in {record.number}")
        yield record.number * 2 + offset
    return function


def _pid_of_maker():
    return lambda record: [(record.number, os.getpid())]


def _dies_in_pool():
    parent = os.getpid()

    def function(record):
        if os.getpid() != parent and record.number == 250:
            os._exit(1)  # a crash in a C library kills the process, not just the call
        return [record.number]
    return function


def _counts():
    def function(record):
        count("made")
        return [record.number]
    return function


@pytest.fixture(autouse=True)
def pool_for_any_record(monkeypatch):
    """The test functions are cheap; the pool must take them anyway."""
    monkeypatch.setattr(stage_module, "MIN_POOLED_RECORD_NS", 0)


def _outputs_and_rejects(test_pipeline, records, make_function, processes, **side_inputs):
    made, rejects = (test_pipeline | beam.Create([Record(n) for n in records])
                     | ApplyStage("test", make_function, processes, **side_inputs))
    return made, rejects | beam.Map(lambda reject: (reject.source_ref, reject.reason, reject.detail))


def test_run_function_turns_an_exception_into_a_reject_after_earlier_outputs():
    def two_then_fail(record):
        yield 1
        yield 2
        raise RuntimeError("broken")
    outputs = [output for output, _ in run_function(two_then_fail, "test", Record(1), {})]
    assert outputs[:2] == [1, 2]
    assert isinstance(outputs[2], Reject) and outputs[2].detail == "RuntimeError: broken"


@pytest.mark.parametrize("processes", [1, 2])
def test_outputs_and_rejects_are_the_same_in_one_process_or_a_pool(test_pipeline, monkeypatch, processes):
    monkeypatch.setattr(stage_module, "POOL_AFTER_RECORDS", 20)
    numbers = range(300)
    offset = test_pipeline | "Offset" >> beam.Create([1000])
    made, rejects = _outputs_and_rejects(test_pipeline, numbers, _double_or_fail, processes,
                                         offset=beam.pvalue.AsSingleton(offset))
    assert_that(made, equal_to([n * 2 + 1000 for n in numbers if n % 10 != 7]), label="made")
    assert_that(rejects, equal_to([(f"record-{n}", "error", f"ValueError: seven in {n}")
                                   for n in numbers if n % 10 == 7]), label="rejects")
    test_pipeline.run()


def test_a_large_bundle_is_spread_over_the_pool_and_a_small_one_is_not(test_pipeline, monkeypatch):
    monkeypatch.setattr(stage_module, "POOL_AFTER_RECORDS", 50)
    made, _ = _outputs_and_rejects(test_pipeline, range(400), _pid_of_maker, 2)
    assert_that(made | beam.Map(lambda pair: (pair[0] < 50, pair[1] == os.getpid()))
                | beam.Distinct(), equal_to([(True, True), (False, False)]))
    test_pipeline.run()


def test_a_bundle_of_costly_records_uses_the_pool_before_the_record_count(test_pipeline, monkeypatch):
    monkeypatch.setattr(stage_module, "POOL_AFTER_NS", 1)  # the first record already costs that
    made, _ = _outputs_and_rejects(test_pipeline, range(100), _pid_of_maker, 2)
    assert_that(made | beam.Map(lambda pair: (pair[0] < 1, pair[1] == os.getpid()))
                | beam.Distinct(), equal_to([(True, True), (False, False)]))
    test_pipeline.run()


def test_a_pool_process_that_dies_loses_no_record(test_pipeline, monkeypatch):
    monkeypatch.setattr(stage_module, "POOL_AFTER_RECORDS", 20)
    made, rejects = _outputs_and_rejects(test_pipeline, range(400), _dies_in_pool, 2)
    assert_that(made, equal_to(list(range(400))), label="made")
    assert_that(rejects, equal_to([]), label="rejects")
    test_pipeline.run()


def test_counting_in_a_pool_process_is_a_reject_not_a_lost_count(test_pipeline, monkeypatch):
    monkeypatch.setattr(stage_module, "POOL_AFTER_RECORDS", 20)
    made, rejects = _outputs_and_rejects(test_pipeline, range(100), _counts, 2)
    assert_that(made, equal_to(list(range(20))), label="made")
    assert_that(rejects | beam.Map(lambda reject: reject[1]), equal_to(["error"] * 80), label="rejects")
    test_pipeline.run()


def test_records_too_cheap_to_ship_stay_in_the_parent(test_pipeline, monkeypatch):
    monkeypatch.setattr(stage_module, "POOL_AFTER_RECORDS", 50)
    monkeypatch.setattr(stage_module, "MIN_POOLED_RECORD_NS", 10**9)
    made, _ = _outputs_and_rejects(test_pipeline, range(400), _pid_of_maker, 2)
    assert_that(made | beam.Map(lambda pair: pair[1] == os.getpid()) | beam.Distinct(), equal_to([True]))
    test_pipeline.run()
