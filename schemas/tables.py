"""Arrow schemas of the three output tables, defined once.

The partition keys (``date`` and, for stories and incidents, ``region``) live in the
folder names only, so they are not fields here.
"""
from __future__ import annotations

import pyarrow as pa

from schemas.records import Incident, Reject, Story

TIMESTAMP = pa.timestamp("us", tz="UTC")

STORIES = pa.schema([
    ("story_id", pa.string()),
    ("source_type", pa.string()),
    ("source_name", pa.string()),
    ("url", pa.string()),
    ("guid", pa.string()),
    ("title", pa.string()),
    ("text", pa.string()),
    ("lang", pa.string()),
    ("published_at", TIMESTAMP),
    ("fetched_at", TIMESTAMP),
    ("content_hash", pa.string()),
    ("cluster_id", pa.string()),
    ("is_duplicate", pa.bool_()),
    ("duplicate_of", pa.string()),
    ("num_duplicates", pa.int32()),
    ("flags", pa.list_(pa.string())),
    ("run_id", pa.string()),
])

INCIDENTS = pa.schema([
    ("incident_id", pa.string()),
    ("event_date", pa.date32()),
    ("date_precision", pa.string()),
    ("country", pa.string()),
    ("region_code", pa.string()),
    ("region_name", pa.string()),
    ("place", pa.string()),
    ("latitude", pa.float64()),
    ("longitude", pa.float64()),
    ("event_type", pa.string()),
    ("weapon", pa.string()),
    ("launched", pa.int32()),
    ("intercepted", pa.int32()),
    ("killed", pa.int32()),
    ("injured", pa.int32()),
    ("target", pa.string()),
    ("target_type", pa.string()),
    ("reported_by", pa.string()),
    ("actor", pa.string()),
    ("evidence", pa.list_(pa.string())),
    ("story_ids", pa.list_(pa.string())),
    ("source_urls", pa.list_(pa.string())),
    ("num_sources", pa.int32()),
    ("published_at", TIMESTAMP),
    ("acled_event_type", pa.string()),
    ("acled_sub_event_type", pa.string()),
    ("conflicting_figures", pa.bool_()),
    ("run_id", pa.string()),
    ("extractor_version", pa.string()),
])

REJECTS = pa.schema([
    ("stage", pa.string()),
    ("reason", pa.string()),
    ("source_type", pa.string()),
    ("source_ref", pa.string()),
    ("detail", pa.string()),
    ("run_id", pa.string()),
])

SCHEMAS = {"stories": STORIES, "incidents": INCIDENTS, "rejects": REJECTS}


def _row(record, schema: pa.Schema) -> dict:
    """The record's values for the table's columns; ``run_id`` is set by the writer."""
    return {name: getattr(record, name, None) for name in schema.names}


def story_row(story: Story) -> dict:
    row = _row(story, STORIES)
    row["flags"] = list(story.flags)
    return row


def incident_row(incident: Incident) -> dict:
    return _row(incident, INCIDENTS)


def reject_row(reject: Reject) -> dict:
    return _row(reject, REJECTS)
