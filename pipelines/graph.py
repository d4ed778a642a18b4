"""The whole flow on one screen.

sources -> clean -> dedup -> extract -> fuse -> sinks; every stage's rejects go to the
rejects table, and a closing step checks the counts and writes the run manifest.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import apache_beam as beam

from schemas.records import Story
from schemas.tables import incident_row, reject_row, story_row
from transforms.clean import CleanStories
from transforms.dedup import Deduplicate
from transforms.incidents import ExtractIncidents, FuseIncidents
from transforms.run_id import RunIdFn, read_fingerprint, state_fingerprint
from transforms.sinks.manifest import CloseRun
from transforms.sinks.parquet import WriteTable
from transforms.sources import InputSpec, ReadSources
from transforms.sources.http import FetchSettings
from transforms.story_region import LocateStories


@dataclasses.dataclass(frozen=True)
class RunSettings:
    inputs: tuple[InputSpec, ...]
    output: str
    started_at: dt.datetime
    state: str | None = None
    fetch: FetchSettings = FetchSettings()
    processes: int = 1  # local processes for the heavy stages (cleaning, extraction)


def build_pipeline(pipeline: beam.Pipeline, settings: RunSettings) -> None:
    read = ReadSources(list(settings.inputs), settings.fetch, state=settings.state,
                       output=settings.output, run_started=settings.started_at)
    items, read_rejects = pipeline | "Read" >> read
    # Fingerprinted before the flatten: a flatten of the items themselves would store every
    # page body again only to hash it.
    run_id = ((items | "ItemFingerprints" >> beam.Map(read_fingerprint),
               read_rejects | "SourceFingerprints" >> beam.Map(read_fingerprint))
              | "AllRead" >> beam.Flatten()
              | "RunId" >> beam.CombineGlobally(RunIdFn(state_fingerprint(settings.state))))
    run_id_side = beam.pvalue.AsSingleton(run_id)

    stories, clean_rejects = items | "Clean" >> CleanStories(settings.processes)
    dedup = Deduplicate(settings.state, settings.started_at)
    deduplicated = stories | "Dedup" >> dedup
    canonical = deduplicated.stories | "Canonical" >> beam.Filter(lambda story: not story.is_duplicate)
    incidents, extract_rejects = canonical | "Extract" >> ExtractIncidents(settings.processes)
    located = deduplicated.stories | "Locate" >> LocateStories(incidents)
    fused = incidents | "Fuse" >> FuseIncidents()
    rejects = (read_rejects, clean_rejects, extract_rejects) | "AllRejects" >> beam.Flatten()

    written = (
        located | WriteTable(settings.output, "stories", story_row, _story_partition, run_id_side),
        fused | WriteTable(settings.output, "incidents", incident_row, _incident_partition, run_id_side),
        rejects | WriteTable(settings.output, "rejects", reject_row, _reject_partition, run_id_side),
    ) | "AllWritten" >> beam.Flatten()
    # State is saved only once the tables are written: a run that dies before leaves it as it was.
    read.commit_state(written)
    dedup.commit_state(written)

    # One count per kind of event, in one combine: a combine per kind would add runner
    # stages, each with a fixed setup cost that small scheduled runs pay in full.
    events = (
        _named(items, "items_read"),
        _named(read_rejects, "sources_rejected"),
        _named(clean_rejects, "items_rejected"),
        _named(deduplicated.already_ingested, "already_ingested"),
        _named(extract_rejects, "extraction_errors"),
    ) | "AllEvents" >> beam.Flatten() | "CountEvents" >> beam.combiners.Count.PerElement()
    pipeline | CloseRun(settings.output, [spec.location for spec in settings.inputs],
                        settings.started_at, run_id, written, events)


def _named(records, name: str):
    """Each record as the name of what it counts (a kind absent from the run counts 0)."""
    return records | f"Name[{name}]" >> beam.Map(lambda _: name)


def _story_partition(story: Story):
    return story.partition_date, story.region


def _incident_partition(incident):
    return incident.event_date, incident.region_code


def _reject_partition(reject):
    return reject.date, None
