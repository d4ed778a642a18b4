"""The clean stage: RawItem -> Story.

HTML bodies (saved pages, fetched articles, HTML in feed items) go through trafilatura
for their main text, title and date; every text then goes through the furniture
filter (furniture.py) and a source's learned template (template.py); the language of
what remains is detected (language.py).

``clean_item`` is the pure function the CLI and tests call; ``CleanStories`` is the
Beam transform the pipeline wires, which first learns each source's template across
the run and then removes it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools

import apache_beam as beam

from schemas.records import RawItem, Reject, Story
from transforms.clean.furniture import clean_lines
from transforms.clean.html import extract_page
from transforms.clean.language import LanguageDetector
from transforms.clean.template import LearnTemplate
from transforms.stage import ApplyStage

STAGE = "clean"
DATE_FROM_PAGE = "date_from_page"


@dataclasses.dataclass(frozen=True)
class ExtractedItem:
    """An item's text lines before furniture removal, with what its page said of itself.

    ``item`` keeps every field but the body, which the lines replace: the raw HTML is
    not carried through the rest of the stage.
    """

    item: RawItem
    lines: tuple[str, ...]
    page_title: str | None = None
    page_date: dt.date | None = None
    captions: tuple[str, ...] = ()

    # What a reject row needs, so a failure in the second half of the stage is a reject too.
    published_at = property(lambda self: self.item.published_at)
    fetched_at = property(lambda self: self.item.fetched_at)
    source_type = property(lambda self: self.item.source_type)
    source_ref = property(lambda self: self.item.source_ref)

    @classmethod
    def of(cls, item: RawItem, text: str, **page) -> "ExtractedItem":
        return cls(dataclasses.replace(item, body=""), tuple(text.splitlines()), **page)


def extract_item(item: RawItem) -> ExtractedItem | Reject:
    """The raw text lines of an item: trafilatura's main text for HTML, the body for text."""
    if not item.body or not item.body.strip():
        return Reject.of(item, STAGE, "empty_body", "the item has no body text")
    if item.body_format != "html":
        return ExtractedItem.of(item, item.body)
    page = extract_page(item.body, url=item.url or None)
    if page is None:
        if "<" not in item.body:
            # Labelled HTML but plain text (some feeds do this): clean it as text.
            return ExtractedItem.of(item, item.body)
        return Reject.of(item, STAGE, "extraction_failed", "the HTML could not be parsed")
    return ExtractedItem.of(item, page.text, page_title=page.title, page_date=page.date,
                            captions=page.captions)


def finish_item(extracted: ExtractedItem, detector: LanguageDetector,
                source_template: frozenset[str] = frozenset()) -> Story | Reject:
    """Removes furniture and the source's template, detects the language, makes the Story."""
    item = extracted.item
    title = item.title or extracted.page_title or ""
    # Only a page's own title is repeated at the head of its extracted text; a
    # Telegram post's title, or a text's, is made from its own first line, which must
    # stay in the text.
    title_in_text = title if item.body_format == "html" and item.source_type != "telegram" else None
    lines = clean_lines(extracted.lines, source_template, title_in_text, extracted.captions)
    if not lines:
        reason = "empty_after_cleaning" if extracted.lines else "extraction_failed"
        return Reject.of(item, STAGE, reason,
                         f"{len(extracted.lines)} lines extracted, none is article text")
    text = "\n".join(lines)
    published_at, flags = item.published_at, item.flags
    if published_at is None and extracted.page_date is not None:
        published_at = dt.datetime.combine(extracted.page_date, dt.time(), dt.timezone.utc)
        flags = flags + (DATE_FROM_PAGE,)
    return Story(
        story_id=item.item_id,
        source_type=item.source_type,
        source_name=item.source_name,
        url=item.url,
        guid=item.guid,
        title=title,
        text=text,
        lang=detector.detect(text),
        published_at=published_at,
        fetched_at=item.fetched_at,
        flags=flags,
        position=item.position,
    )


@functools.cache
def _shared_detector() -> LanguageDetector:
    # Loaded once per process for callers of clean_item (the CLI, tests); the Beam
    # transform loads its own in DoFn.setup. The detector is never mutated after load.
    return LanguageDetector()


def clean_item(item: RawItem, source_template: frozenset[str] = frozenset()) -> Story | Reject:
    """Pure. HTML bodies through trafilatura then the line filter; text bodies through
    the line filter. ``source_template``: normalised lines learned as this source's
    template in this run (removed). A Reject when nothing usable remains."""
    extracted = extract_item(item)
    if isinstance(extracted, Reject):
        return extracted
    return finish_item(extracted, _shared_detector(), source_template)


def _extract_stage():
    return lambda item: [extract_item(item)]


def _finish_stage():
    detector = LanguageDetector()

    def finish(extracted: ExtractedItem, templates: dict[str, frozenset[str]]):
        return [finish_item(extracted, detector, templates.get(extracted.item.source_name, frozenset()))]
    return finish


class CleanStories(beam.PTransform):
    """RawItem PCollection -> (Story PCollection, Reject PCollection).

    Each source's template (lines in many of its items this run) is learned by a
    CombinePerKey that counts each source's short lines, so no source's items are
    ever held in memory together; the templates reach the cleaning ParDo as a side
    input. ``processes``: local processes for both halves (see ``ApplyStage``).
    """

    def __init__(self, processes: int = 1):
        super().__init__()
        self._processes = processes

    def expand(self, items):
        extracted, extract_rejects = items | ApplyStage(STAGE, _extract_stage, self._processes)
        templates = (
            extracted
            | "LinesOfSource" >> beam.Map(lambda e: (e.item.source_name, e.lines))
            | "LearnTemplates" >> beam.CombinePerKey(LearnTemplate()))
        finished, finish_rejects = extracted | "RemoveFurniture" >> ApplyStage(
            STAGE, _finish_stage, self._processes, templates=beam.pvalue.AsDict(templates))
        rejects = (extract_rejects, finish_rejects) | "AllRejects" >> beam.Flatten()
        return finished, rejects
