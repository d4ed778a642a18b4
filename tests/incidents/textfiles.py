"""Stories from plain-text files, for tests and the benchmark (the pipeline uses sources+clean).

A first line starting with `` date YYYY-MM-DD`` carries the publication date, as in the
shared seeds; the URL is the file's URI, which is what scorers match stories by.
"""
from __future__ import annotations

import datetime as dt
import pathlib
import re

from schemas.records import Story, stable_id

FETCHED_AT = dt.datetime(2026, 11, 22, tzinfo=dt.timezone.utc)
_DATE_PREFIX = re.compile(r"^ date (\d{4}-\d{2}-\d{2})\s?")


def story_from_text(text: str, url: str) -> Story:
    published = None
    match = _DATE_PREFIX.match(text)
    if match:
        published = dt.datetime.fromisoformat(match.group(1)).replace(tzinfo=dt.timezone.utc)
        text = text[match.end():]
    story_id = stable_id("text", url)
    return Story(story_id=story_id, source_type="text", source_name="files", url=url, guid=url,
                 title="", text=text, lang=None, published_at=published, fetched_at=FETCHED_AT,
                 cluster_id=story_id)


def story_from_file(path: pathlib.Path) -> Story:
    return story_from_text(path.read_text(encoding="utf-8"), path.resolve().as_uri())
