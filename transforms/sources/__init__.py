"""Sources: RSS/Atom feeds, Telegram Desktop exports, text and HTML files -> RawItem.

The driver resolves command-line locations and sources.yaml into ``InputSpec``s
(``resolve_inputs``); ``ReadSources`` expands folders into one spec per file on the
workers, reads files spread over the workers and feed URLs grouped by host (polite,
guarded, conditional, archived: see ``transform``), and gives every item, or a
reject: a bad source never stops the run. ``read_input`` is the pure reader of one
file or URL.
"""
from __future__ import annotations

from typing import Iterator

from schemas.records import RawItem, Reject
from transforms.sources.http import FetchSettings
from transforms.sources.readers import read_input
from transforms.sources.resolve import load_config, resolve_inputs, resolve_location
from transforms.sources.specs import KINDS, InputSpec, expand_input
from transforms.sources.transform import ReadSources

__all__ = ["FetchSettings", "InputSpec", "KINDS", "ReadSources", "expand_input", "load_config",
           "read_input", "read_path", "resolve_inputs"]


def read_path(path: str) -> Iterator[RawItem | Reject]:
    """Reads one file, URL or folder, detecting its kind (for ``clean``/``extract``).

    Raises ValueError (with what to do) for a missing path or a kind it cannot tell.
    """
    for spec in resolve_location(path):
        for file_spec in expand_input(spec):
            yield from read_input(file_spec)
