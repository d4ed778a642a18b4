"""The Beam side of incidents: extract per story, then fuse the same event across stories.

Two stories (of different dedup clusters) describe the same event when they give the same
event date, region and compatible event type (see ``family_of``), and the same place where
both name one. Fusion keeps every story's evidence and sources, counts the independent
clusters, and reconciles the figures: an official source wins over media, and among equals
the latest report wins (a death toll rises as bodies are found). Where the stories' figures
disagree the row says so (``conflicting_figures``).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools

import apache_beam as beam

from schemas.records import Incident
from transforms.incidents.extract import event_id, event_scope, extract_story, family_of
from transforms.incidents.gazetteer import Gazetteer
from transforms.stage import ApplyStage

OFFICIAL = ("ministry_of_defense", "air_force", "governor", "mayor", "military",
            "emergency_services", "local_authorities")
FIGURES = ("launched", "intercepted", "killed", "injured")
_PRECISION_RANK = ("day", "month", "published", "ingested")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def _make_extractor():
    return functools.partial(extract_story, gazetteer=Gazetteer.load())


class ExtractIncidents(beam.PTransform):
    """Canonical stories -> (incidents, rejects); the gazetteer is loaded once per worker.
    ``processes``: local processes for extraction (see ``ApplyStage``)."""

    def __init__(self, processes: int = 1):
        super().__init__()
        self._processes = processes

    def expand(self, stories):
        return stories | ApplyStage("extract", _make_extractor, self._processes)


def fusion_key(incident: Incident) -> tuple:
    return (incident.event_date.isoformat(), incident.region_code, family_of(incident.event_type),
            incident.country or "", event_scope(incident.date_precision, _cluster(incident)))


def _cluster(incident: Incident) -> str:
    return incident.cluster_ids[0] if incident.cluster_ids else ""


def fusion_groups(incidents: list[Incident]) -> list[list[Incident]]:
    """Incidents of one fusion key split by place: rows naming no place join the one place the
    others name; with several places they stay apart (which place they mean is unknown)."""
    by_place: dict[str | None, list[Incident]] = {}
    for incident in sorted(incidents, key=_report_order):
        by_place.setdefault(incident.place, []).append(incident)
    named = [place for place in by_place if place is not None]
    if len(named) == 1 and None in by_place:
        by_place[named[0]] = sorted(by_place[named[0]] + by_place.pop(None), key=_report_order)
    return [by_place[place] for place in sorted(by_place, key=lambda p: (p is not None, p or ""))]


def _report_order(incident: Incident) -> tuple:
    return (incident.published_at or _EPOCH, incident.story_ids, incident.incident_id)


def _authority(incident: Incident) -> tuple:
    """Sort key: the most trusted, latest report first."""
    official = incident.reported_by in OFFICIAL
    return (not official, -(incident.published_at or _EPOCH).timestamp())


def fuse(incidents: list[Incident]) -> Incident:
    """One row from reports of the same event. Pure."""
    if len(incidents) == 1:
        return incidents[0]
    ordered = sorted(incidents, key=_report_order)
    ranked = sorted(ordered, key=_authority)
    primary = ranked[0]
    placed = next((i for i in ordered if i.place), primary)
    figures, conflicting = {}, False
    for field in FIGURES:
        values = [getattr(i, field) for i in ranked if getattr(i, field) is not None]
        figures[field] = values[0] if values else None
        conflicting = conflicting or len(set(values)) > 1
    weapons = [i.weapon for i in ranked if i.weapon != "unknown"]
    targets = [i for i in ranked if i.target_type]
    cluster_ids = _union(i.cluster_ids for i in ordered)
    published = [i.published_at for i in ordered if i.published_at]
    return dataclasses.replace(
        primary,
        incident_id=event_id(primary.event_date, primary.region_code, placed.place, primary.event_type,
                             primary.date_precision, _cluster(primary)),
        date_precision=min((i.date_precision for i in ordered), key=_PRECISION_RANK.index),
        place=placed.place, latitude=placed.latitude, longitude=placed.longitude,
        weapon=weapons[0] if weapons else primary.weapon,
        target=targets[0].target if targets else None,
        target_type=targets[0].target_type if targets else None,
        actor=next((i.actor for i in ranked if i.actor), None),
        evidence=_union(i.evidence for i in ordered),
        story_ids=_union(i.story_ids for i in ordered),
        source_urls=_union(i.source_urls for i in ordered),
        cluster_ids=cluster_ids,
        num_sources=len(cluster_ids),
        published_at=min(published) if published else None,
        conflicting_figures=conflicting or any(i.conflicting_figures for i in ordered),
        **figures)


def _union(lists) -> list[str]:
    return list(dict.fromkeys(item for items in lists for item in items))


def _fuse_group(keyed) -> list[Incident]:
    _, incidents = keyed
    return [fuse(group) for group in fusion_groups(list(incidents))]


class FuseIncidents(beam.PTransform):
    """Incidents -> one row per event (same key and place across stories)."""

    def expand(self, incidents):
        return (incidents
                | "KeyByEvent" >> beam.Map(lambda incident: (fusion_key(incident), incident))
                | "GroupByEvent" >> beam.GroupByKey()
                | "Reconcile" >> beam.FlatMap(_fuse_group))
