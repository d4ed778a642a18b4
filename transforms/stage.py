"""Wraps a stage's pure function in a Beam transform.

Every stage has the same shape: a pure function takes one record and returns the
records it makes. Whatever it returns that is a ``Reject`` goes to the ``rejects``
output; an exception becomes a reject too (with the library's own message), so one
bad item never stops a run and nothing is lost silently. The time spent in the
function is counted per stage for the run manifest.

A heavy stage (cleaning, extraction) may also be given ``processes``: on one machine
it then hands its records, in batches, to that many forked processes, so a local
run uses every core where the work is (see ``LocalPool``). Runners that spread work
over their own workers (Dataflow, the portable runner) get ``processes=1``.
"""
from __future__ import annotations

import collections
import concurrent.futures
import multiprocessing
import time
from typing import Any, Callable, Iterable, Iterator

import apache_beam as beam
from apache_beam.metrics import Metrics
from apache_beam.transforms.window import GlobalWindows

from schemas.records import Reject

REJECTS = "rejects"
# Microseconds: per-bundle sums in whole milliseconds would round small bundles to 0.
STAGE_NAMESPACE = "incidentflow.stage_us"
NS_PER_COUNT = 1_000
COUNT_NAMESPACE = "incidentflow.count"

StageFunction = Callable[[Any], Iterable[Any]]


def _error_reject(record, stage: str, error: Exception) -> Reject:
    return Reject.of(record, stage, "error", f"{type(error).__name__}: {error}")


def run_function(function: StageFunction, stage: str, record, side_inputs: dict) -> Iterator[tuple[Any, int]]:
    """(output, ns spent making it) for each output of ``function(record)``; an exception
    ends the outputs with a Reject. Outputs are passed on as the function makes them (a
    reader may yield millions of items from one file)."""
    started = time.perf_counter_ns()
    try:
        for output in function(record, **side_inputs):
            yield output, time.perf_counter_ns() - started
            started = time.perf_counter_ns()
    except Exception as error:  # noqa: BLE001 - a bad item becomes a reject, the run goes on
        yield _error_reject(record, stage, error), time.perf_counter_ns() - started
        return
    yield None, time.perf_counter_ns() - started  # the time after the last output


# ---------------------------------------------------------------- local processes

# Set in each pool process by its initializer, before any batch arrives; the parent
# never reads or writes it. A forked process inherits the parent's loaded function
# (gazetteer, models), so nothing is rebuilt or pickled per process.
_POOL_FUNCTION: tuple[StageFunction, str] | None = None


def _install_in_pool_process(function: StageFunction, stage: str) -> None:
    global _POOL_FUNCTION  # noqa: PLW0603 - per-process setup of a pool worker
    _POOL_FUNCTION = function, stage


def _run_batch(records: list, side_inputs: dict) -> tuple[list[list], int]:
    """In a pool process: each record's outputs, and the ns spent in the function."""
    function, stage = _POOL_FUNCTION
    outputs, elapsed_ns = [], 0
    for record in records:
        made = []
        for output, ns in run_function(function, stage, record, side_inputs):
            elapsed_ns += ns
            if output is not None:
                made.append(output)
        outputs.append(made)
    return outputs, elapsed_ns


class LocalPool:
    """Runs a stage function over batches of records in forked processes.

    The parent keeps ``2 * processes`` batches in flight, so the pool works while the
    parent passes earlier results down the pipeline. If a pool process dies (a crash in
    a C library, the OOM killer), its batch is run again in the parent, so no record is
    lost, and the pool is not used again.
    """

    def __init__(self, function: StageFunction, stage: str, processes: int):
        self._function = function
        self._stage = stage
        self._executor = concurrent.futures.ProcessPoolExecutor(
            processes, mp_context=multiprocessing.get_context("fork"),
            initializer=_install_in_pool_process, initargs=(function, stage))
        self._in_flight: collections.deque = collections.deque()
        self._max_in_flight = 2 * processes
        self.broken = False

    def submit(self, records: list, side_inputs: dict) -> Iterator[tuple[Any, list, int]]:
        """Queues a batch; yields (record, outputs, ns) of the batches that had to finish."""
        if self.broken:
            yield from self._run_here(records, side_inputs)
            return
        try:
            future = self._executor.submit(_run_batch, records, side_inputs)
        except concurrent.futures.process.BrokenProcessPool:
            self.broken = True
            yield from self._run_here(records, side_inputs)
            return
        self._in_flight.append((records, side_inputs, future))
        while len(self._in_flight) > self._max_in_flight:
            yield from self._collect_oldest()

    def drain(self) -> Iterator[tuple[Any, list, int]]:
        while self._in_flight:
            yield from self._collect_oldest()

    def _collect_oldest(self) -> Iterator[tuple[Any, list, int]]:
        records, side_inputs, future = self._in_flight.popleft()
        try:
            outputs, elapsed_ns = future.result()
        except concurrent.futures.process.BrokenProcessPool:
            self.broken = True
            yield from self._run_here(records, side_inputs)
            return
        for index, (record, made) in enumerate(zip(records, outputs)):
            yield record, made, elapsed_ns if index == 0 else 0

    def _run_here(self, records: list, side_inputs: dict) -> Iterator[tuple[Any, list, int]]:
        for record in records:
            made = list(run_function(self._function, self._stage, record, side_inputs))
            yield record, [output for output, _ in made if output is not None], sum(ns for _, ns in made)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------- the DoFn

# A bundle decides on a pool after running this many records itself, or as soon as
# it has spent POOL_AFTER_NS on them (20 saved pages already take that: waiting for 200
# would run 2.5 s of trafilatura on one core). Small runs (the samples, tests, a quiet
# 15-minute schedule) never pay for starting processes, and a stage whose records are
# too cheap to be worth shipping to another process (a text item's extraction is a
# split into lines) keeps them. Moving a record to a pool process and its outputs back
# costs some tens of microseconds.
POOL_AFTER_RECORDS = 200
POOL_AFTER_NS = 250_000_000
MIN_POOLED_RECORD_NS = 200_000
POOL_BATCH_RECORDS = 32


def local_processes_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class _StageDoFn(beam.DoFn):
    def __init__(self, stage: str, make_function: Callable[[], StageFunction], processes: int):
        self._stage = stage
        self._make_function = make_function
        self._processes = processes if local_processes_available() else 1

    def setup(self):
        # Heavy objects (gazetteer, models) are built once per worker, not per element.
        self._function = self._make_function()
        self._timer = Metrics.counter(STAGE_NAMESPACE, self._stage)
        # In the run manifest's notes: how much of the stage ran in local processes.
        self._pooled = Metrics.counter(COUNT_NAMESPACE, f"local_pool_records:{self._stage}")
        self._pool: LocalPool | None = None

    def start_bundle(self):
        self._elapsed_ns = 0
        self._records_seen = 0
        self._pool_undecided = True
        self._use_pool = False
        self._batch: list = []
        self._batch_side_inputs: dict = {}

    def process(self, element, **side_inputs):
        if self._pool_undecided and (self._records_seen == POOL_AFTER_RECORDS
                                     or self._elapsed_ns >= POOL_AFTER_NS):
            self._pool_undecided = False
            self._use_pool = (self._processes > 1
                              and self._elapsed_ns >= MIN_POOLED_RECORD_NS * self._records_seen)
        self._records_seen += 1
        if not self._use_pool:
            for output, ns in run_function(self._function, self._stage, element, side_inputs):
                self._elapsed_ns += ns
                if output is not None:
                    yield _tagged(output)
            return
        if self._pool is None:
            self._pool = LocalPool(self._function, self._stage, self._processes)
        self._batch.append(element)
        self._batch_side_inputs = side_inputs
        if len(self._batch) >= POOL_BATCH_RECORDS:
            yield from self._emit(self._submit_batch())

    def finish_bundle(self):
        if self._pool is not None:
            if self._batch:
                yield from self._windowed(self._submit_batch())
            yield from self._windowed(self._pool.drain())
            # Idle pool processes would keep the pages they copied from the parent while
            # later stages fork pools of their own: a pool lives for one bundle.
            self._pool.close()
            self._pool = None
        self._timer.inc(self._elapsed_ns // NS_PER_COUNT)

    def _submit_batch(self):
        batch, self._batch = self._batch, []
        self._pooled.inc(len(batch))
        return self._pool.submit(batch, self._batch_side_inputs)

    def teardown(self):
        if getattr(self, "_pool", None) is not None:
            self._pool.close()
            self._pool = None

    def _emit(self, results) -> Iterator:
        for _, outputs, ns in results:
            self._elapsed_ns += ns
            for output in outputs:
                yield _tagged(output)

    def _windowed(self, results) -> Iterator:
        # Outputs of finish_bundle carry their window explicitly; the pipeline is a
        # batch in the global window.
        for tagged in self._emit(results):
            if isinstance(tagged, beam.pvalue.TaggedOutput):
                yield beam.pvalue.TaggedOutput(tagged.tag, GlobalWindows.windowed_value(tagged.value))
            else:
                yield GlobalWindows.windowed_value(tagged)


def _tagged(output):
    return beam.pvalue.TaggedOutput(REJECTS, output) if isinstance(output, Reject) else output


class ApplyStage(beam.PTransform):
    """``records | ApplyStage("clean", make_cleaner)`` -> (outputs, rejects).

    Side inputs given as keywords reach the function as keyword arguments.
    ``processes`` > 1 runs the function in that many local processes once a bundle is
    large enough; only for one-record-in, few-out functions that report no metrics (a
    pool process returns a record's outputs all at once, and its counters are its own).
    """

    def __init__(self, stage: str, make_function: Callable[[], StageFunction], processes: int = 1,
                 **side_inputs):
        super().__init__(label=f"Stage[{stage}]")
        self._stage = stage
        self._make_function = make_function
        self._processes = processes
        self._side_inputs = side_inputs

    def expand(self, records):
        stage_fn = _StageDoFn(self._stage, self._make_function, self._processes)
        results = records | beam.ParDo(stage_fn, **self._side_inputs).with_outputs(REJECTS, main="main")
        return results.main, results[REJECTS]


def count(name: str, amount: int = 1) -> None:
    """Counts an event (e.g. a bozo feed) for the run manifest."""
    if _POOL_FUNCTION is not None:
        raise RuntimeError(f"count({name!r}) in a local pool process would be lost: run the "
                           "stage that counts with processes=1")
    Metrics.counter(COUNT_NAMESPACE, name).inc(amount)
