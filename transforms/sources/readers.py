"""``read_input``: one input file or URL -> its items, or rejects; never raises."""
from __future__ import annotations

import datetime as dt
from typing import Callable, Iterator

from schemas.records import RawItem, Reject
from transforms.sources.client import FeedClient
from transforms.sources.files import is_directory, is_url, source_reject
from transforms.sources.html_pages import read_html_page
from transforms.sources.rss import read_feed
from transforms.sources.specs import HTML, KINDS, RSS, TELEGRAM, TEXT, InputSpec
from transforms.sources.telegram_html import read_telegram_html
from transforms.sources.telegram_json import read_telegram_json
from transforms.sources.text import read_text_file

Reader = Callable[[InputSpec], Iterator[RawItem | Reject]]


def _reader(spec: InputSpec) -> Reader:
    if spec.kind == TELEGRAM:
        return read_telegram_json if spec.location.lower().endswith(".json") else read_telegram_html
    return {RSS: read_feed, TEXT: read_text_file, HTML: read_html_page}[spec.kind]


def read_input(spec: InputSpec, client: FeedClient | None = None) -> Iterator[RawItem | Reject]:
    """Every item of one input file or URL (not a folder), or one reject per failure.

    A feed URL is fetched with ``client`` (else one of default settings). Never
    raises: an unexpected error becomes a reject after the items read before it.
    """
    today = dt.datetime.now(dt.timezone.utc)
    if spec.kind not in KINDS:
        yield source_reject(spec.kind, spec.location, "unknown_kind",
                            f"kind {spec.kind!r} is not one of {', '.join(KINDS)}", today)
        return
    try:
        if is_url(spec.location):
            yield from read_feed(spec, client)
            return
        if is_directory(spec.location):
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
