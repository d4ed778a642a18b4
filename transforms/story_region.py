"""A story's region: the region most of its incidents are in.

Duplicates carry their canonical story's region, so a story and its copies land in
the same partition. Stories without incidents (and copies of stories from earlier
runs) stay in region XX.
"""
from __future__ import annotations

import collections
import dataclasses

import apache_beam as beam

from schemas.records import UNKNOWN_REGION, Story


def main_region(region_codes: list[str]) -> str:
    """The most frequent known region; a tie goes to the smallest code, so reruns agree."""
    counts = collections.Counter(code for code in region_codes if code and code != UNKNOWN_REGION)
    if not counts:
        return UNKNOWN_REGION
    return min(counts, key=lambda code: (-counts[code], code))


def _with_region(joined) -> list[Story]:
    _, grouped = joined
    region = main_region(list(grouped["regions"]))
    return [dataclasses.replace(story, region=region) for story in grouped["stories"]]


class LocateStories(beam.PTransform):
    """stories -> stories with ``region`` set, from the (unfused) incidents of each story."""

    def __init__(self, incidents):
        super().__init__()
        self._incidents = incidents

    def expand(self, stories):
        regions = (self._incidents
                   | "RegionPerStory" >> beam.FlatMap(
                       lambda incident: [(sid, incident.region_code) for sid in incident.story_ids]))
        keyed_stories = stories | "KeyByCanonical" >> beam.Map(
            lambda story: (story.duplicate_of if story.is_duplicate else story.story_id, story))
        return ({"stories": keyed_stories, "regions": regions}
                | "JoinRegions" >> beam.CoGroupByKey()
                | "SetRegion" >> beam.FlatMap(_with_region))
