"""The one document type of each step of the flow.

sources -> RawItem -> clean -> Story -> dedup -> Story (cluster fields set) -> extract -> Incident
Any stage may instead emit a Reject. Records are plain dataclasses: cheap to pickle on
Dataflow, easy to build in tests.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

UNKNOWN_REGION = "XX"
# Dates outside these years are parse errors (an epoch-0 feed date, a typo), not news.
PLAUSIBLE_YEARS = range(1990, 2101)


def plausible(moment: dt.datetime | dt.date | None) -> bool:
    return moment is not None and moment.year in PLAUSIBLE_YEARS


def stable_id(*parts: object) -> str:
    """A short id that depends only on ``parts``, so reruns give the same ids."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


@dataclasses.dataclass(frozen=True)
class RawItem:
    """One item as a source delivered it, before any cleaning."""

    source_type: str  # rss | telegram | text | html
    source_name: str
    url: str  # story URL, file URI, t.me link or tg:<channel>:<id>
    guid: str
    title: str
    published_at: dt.datetime | None  # timezone-aware UTC
    body: str
    body_format: str  # "html" or "text"
    fetched_at: dt.datetime  # timezone-aware UTC
    flags: tuple[str, ...] = ()  # e.g. "feed_bozo", "date_exporter_local"
    position: str = ""  # file and position inside it, for reject rows

    @property
    def item_id(self) -> str:
        return stable_id(self.source_type, self.source_name, self.guid or self.url)

    @property
    def source_ref(self) -> str:
        return self.position or self.url


@dataclasses.dataclass
class Story:
    """A cleaned item. Dedup fills the cluster fields; extraction fills ``region``."""

    story_id: str
    source_type: str
    source_name: str
    url: str
    guid: str
    title: str
    text: str
    lang: str | None
    published_at: dt.datetime | None
    fetched_at: dt.datetime
    content_hash: str = ""
    cluster_id: str = ""
    is_duplicate: bool = False
    duplicate_of: str | None = None
    num_duplicates: int = 0
    region: str = UNKNOWN_REGION
    flags: tuple[str, ...] = ()
    position: str = ""

    @property
    def source_ref(self) -> str:
        return self.position or self.url

    @property
    def partition_date(self) -> dt.date:
        return (self.published_at if plausible(self.published_at) else self.fetched_at).date()


@dataclasses.dataclass
class Incident:
    """One event at one place on one day, as the incidents table holds it."""

    incident_id: str
    event_date: dt.date
    date_precision: str  # day | month | published | ingested
    country: str | None
    region_code: str
    region_name: str | None
    place: str | None
    latitude: float | None
    longitude: float | None
    event_type: str
    weapon: str
    launched: int | None = None
    intercepted: int | None = None
    killed: int | None = None
    injured: int | None = None
    target: str | None = None
    target_type: str | None = None
    reported_by: str | None = None
    actor: str | None = None
    evidence: list[str] = dataclasses.field(default_factory=list)
    story_ids: list[str] = dataclasses.field(default_factory=list)
    source_urls: list[str] = dataclasses.field(default_factory=list)
    cluster_ids: list[str] = dataclasses.field(default_factory=list)
    num_sources: int = 1
    published_at: dt.datetime | None = None
    extractor_version: str = ""
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    conflicting_figures: bool = False


@dataclasses.dataclass(frozen=True)
class Reject:
    """An item or source the run could not turn into a story, and why."""

    stage: str  # read | clean | dedup | extract | write
    reason: str  # short machine-friendly reason, e.g. "feed_no_entries"
    source_type: str
    source_ref: str
    detail: str
    date: dt.date  # partition date: the item's published date, else the run's date

    @classmethod
    def of(cls, record, stage: str, reason: str, detail: str) -> "Reject":
        """A reject for ``record``: anything with source_type, source_ref, published_at and fetched_at."""
        when = record.published_at if plausible(record.published_at) else record.fetched_at
        return cls(stage=stage, reason=reason, source_type=record.source_type,
                   source_ref=record.source_ref, detail=detail[:2000], date=when.date())


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
