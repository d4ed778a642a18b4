"""Wraps a stage's pure function in a Beam transform.

Every stage has the same shape: a pure function takes one record and returns the
records it makes. Whatever it returns that is a ``Reject`` goes to the ``rejects``
output; an exception becomes a reject too (with the library's own message), so one
bad item never stops a run and nothing is lost silently. The time spent in the
function is counted per stage for the run manifest.
"""
from __future__ import annotations

import time
from typing import Any, Callable, Iterable

import apache_beam as beam
from apache_beam.metrics import Metrics

from schemas.records import Reject

REJECTS = "rejects"
_DONE = object()
# Microseconds: per-bundle sums in whole milliseconds would round small bundles to 0.
STAGE_NAMESPACE = "incidentflow.stage_us"
NS_PER_COUNT = 1_000
COUNT_NAMESPACE = "incidentflow.count"

StageFunction = Callable[[Any], Iterable[Any]]


class _StageDoFn(beam.DoFn):
    def __init__(self, stage: str, make_function: Callable[[], StageFunction]):
        self._stage = stage
        self._make_function = make_function
        self._elapsed_ns = 0

    def setup(self):
        # Heavy objects (gazetteer, models) are built once per worker, not per element.
        self._function = self._make_function()
        self._timer = Metrics.counter(STAGE_NAMESPACE, self._stage)

    def start_bundle(self):
        self._elapsed_ns = 0

    def process(self, element, **side_inputs):
        # Outputs are passed on as the function makes them (a reader may yield millions of
        # items from one file); only the time spent inside the function is counted.
        started = time.perf_counter_ns()
        try:
            outputs = iter(self._function(element, **side_inputs))
            while True:
                output = next(outputs, _DONE)
                self._elapsed_ns += time.perf_counter_ns() - started
                if output is _DONE:
                    return
                if isinstance(output, Reject):
                    yield beam.pvalue.TaggedOutput(REJECTS, output)
                else:
                    yield output
                started = time.perf_counter_ns()
        except Exception as error:  # noqa: BLE001 - a bad item becomes a reject, the run goes on
            self._elapsed_ns += time.perf_counter_ns() - started
            yield beam.pvalue.TaggedOutput(REJECTS, Reject.of(
                element, self._stage, "error", f"{type(error).__name__}: {error}"))

    def finish_bundle(self):
        self._timer.inc(self._elapsed_ns // NS_PER_COUNT)


class ApplyStage(beam.PTransform):
    """``records | ApplyStage("clean", make_cleaner)`` -> (outputs, rejects).

    Side inputs given as keywords reach the function as keyword arguments.
    """

    def __init__(self, stage: str, make_function: Callable[[], StageFunction], **side_inputs):
        super().__init__(label=f"Stage[{stage}]")
        self._stage = stage
        self._make_function = make_function
        self._side_inputs = side_inputs

    def expand(self, records):
        stage_fn = _StageDoFn(self._stage, self._make_function)
        results = records | beam.ParDo(stage_fn, **self._side_inputs).with_outputs(REJECTS, main="main")
        return results.main, results[REJECTS]


def count(name: str, amount: int = 1) -> None:
    """Counts an event (e.g. a bozo feed) for the run manifest."""
    Metrics.counter(COUNT_NAMESPACE, name).inc(amount)
