"""Sources: RSS/Atom feeds, Telegram Desktop exports, text and HTML files -> RawItem.

The driver resolves command-line locations and sources.yaml into ``InputSpec``s
(``resolve_inputs``); ``ReadSources`` expands folders into one spec per file on the
workers, spreads the files and reads each with ``read_input``, a pure generator that
gives every item of one file or URL, or a reject: a bad source never stops the run.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable, Iterator

import apache_beam as beam

from schemas.records import RawItem, Reject
from transforms.sources.files import is_directory, is_url, source_reject
from transforms.sources.html_pages import read_html_page
from transforms.sources.resolve import load_config, resolve_inputs, resolve_location
from transforms.sources.rss import read_feed
from transforms.sources.specs import HTML, KINDS, RSS, TELEGRAM, TEXT, InputSpec, expand_input
from transforms.sources.telegram_html import read_telegram_html
from transforms.sources.telegram_json import read_telegram_json
from transforms.sources.text import read_text_file
from transforms.stage import ApplyStage

__all__ = ["InputSpec", "KINDS", "ReadSources", "expand_input", "load_config", "read_input",
           "read_path", "resolve_inputs"]

Reader = Callable[[InputSpec], Iterator[RawItem | Reject]]


def _reader(spec: InputSpec) -> Reader:
    if spec.kind == TELEGRAM:
        return read_telegram_json if spec.location.lower().endswith(".json") else read_telegram_html
    return {RSS: read_feed, TEXT: read_text_file, HTML: read_html_page}[spec.kind]


def read_input(spec: InputSpec) -> Iterator[RawItem | Reject]:
    """Every item of one input file or URL (not a folder), or one reject per failure.

    Never raises: an unexpected error becomes a reject after the items read before it.
    """
    today = dt.datetime.now(dt.timezone.utc)
    if spec.kind not in KINDS:
        yield source_reject(spec.kind, spec.location, "unknown_kind",
                            f"kind {spec.kind!r} is not one of {', '.join(KINDS)}", today)
        return
    try:
        if not is_url(spec.location) and is_directory(spec.location):
            yield source_reject(spec.kind, spec.location, "input_unreadable",
                                "a folder that could not be listed into files", today)
            return
        yield from _reader(spec)(spec)
    except FileNotFoundError as error:
        yield source_reject(spec.kind, spec.location, "input_missing", f"no such file: {error}", today)
    except IOError as error:
        yield source_reject(spec.kind, spec.location, "input_unreadable",
                            f"{type(error).__name__}: {error}", today)
    except Exception as error:  # noqa: BLE001 - a bad source is a reject, the run goes on
        yield source_reject(spec.kind, spec.location, "read_error",
                            f"{type(error).__name__}: {error}", today)


def read_path(path: str) -> Iterator[RawItem | Reject]:
    """Reads one file, URL or folder, detecting its kind (for ``clean``/``extract``).

    Raises ValueError (with what to do) for a missing path or a kind it cannot tell.
    """
    for spec in resolve_location(path):
        for file_spec in expand_input(spec):
            yield from read_input(file_spec)


def _make_reader() -> Reader:
    return read_input


class ReadSources(beam.PTransform):
    """``pipeline | ReadSources(specs)`` -> (PCollection[RawItem], PCollection[Reject])."""

    def __init__(self, specs: list[InputSpec]):
        super().__init__()
        self._specs = list(specs)

    def expand(self, pbegin):
        files = (pbegin
                 | "Inputs" >> beam.Create(self._specs)
                 | "ExpandFolders" >> beam.FlatMap(expand_input)
                 | "SpreadFiles" >> beam.Reshuffle())
        return files | ApplyStage("read", _make_reader)
