"""Runs the pipeline and completes its manifest with what only the driver sees."""
from __future__ import annotations

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics.metric import MetricsFilter
from apache_beam.options.pipeline_options import PipelineOptions, TestOptions

from pipelines.graph import RunSettings, build_pipeline
from schemas.records import utc_now
from transforms.sinks.manifest import RUN_ID_NAMESPACE, manifest_path, read_json, write_json
from transforms.stage import COUNT_NAMESPACE, NS_PER_COUNT, STAGE_NAMESPACE


class RunFailed(RuntimeError):
    """The pipeline ran but its result cannot be found."""


def run_pipeline(settings: RunSettings, options: PipelineOptions) -> dict | None:
    """Runs one batch and returns its manifest (also written to ``_runs/<run>.json``).

    With ``--dry_run`` (Dataflow's translation check) nothing runs and None is returned.
    """
    pipeline = beam.Pipeline(options=options)
    build_pipeline(pipeline, settings)
    result = pipeline.run()
    result.wait_until_finish()
    if options.view_as(TestOptions).dry_run:
        return None
    counters = _counters(result)
    path = _manifest_of_this_run(settings, list(counters.get(RUN_ID_NAMESPACE, {})))
    manifest = read_json(path)
    finished_at = utc_now()
    manifest["finished_at"] = finished_at.isoformat()
    manifest["seconds"] = round((finished_at - settings.started_at).total_seconds(), 3)
    # Summed over workers: CPU time spent in each stage's function, not wall-clock time.
    manifest["stages"] = {stage: round(count * NS_PER_COUNT / 1e9, 3) for stage, count in
                          sorted(counters.get(STAGE_NAMESPACE, {}).items())}
    manifest["notes"] = dict(sorted(counters.get(COUNT_NAMESPACE, {}).items()))
    manifest["manifest"] = path
    write_json(path, manifest)
    return manifest


def _manifest_of_this_run(settings: RunSettings, run_ids: list[str]) -> str:
    """The manifest path, from the run id counter, or (on runners that report no
    metrics) from the manifest that carries this run's start time."""
    if len(run_ids) == 1:
        return manifest_path(settings.output, run_ids[0])
    pattern = FileSystems.join(settings.output, "_runs", "*.json")
    for found in FileSystems.match([pattern])[0].metadata_list:
        if read_json(found.path).get("started_at") == settings.started_at.isoformat():
            return found.path
    raise RunFailed("the run finished without writing its manifest; "
                    "see the log above for the step that failed")


def _counters(result) -> dict[str, dict[str, int]]:
    by_namespace: dict[str, dict[str, int]] = {}
    for namespace in (RUN_ID_NAMESPACE, STAGE_NAMESPACE, COUNT_NAMESPACE):
        query = result.metrics().query(MetricsFilter().with_namespace(namespace))
        for counter in query["counters"]:
            value = counter.committed if counter.committed is not None else counter.attempted
            names = by_namespace.setdefault(namespace, {})
            names[counter.key.metric.name] = names.get(counter.key.metric.name, 0) + (value or 0)
    return by_namespace
