"""Saved web pages (.html, .htm, .html.gz) -> one RawItem each, the page as it is.

Title and date are left to the clean stage, which reads them with trafilatura's
metadata; here the page is only decoded (its own charset when not UTF-8).
"""
from __future__ import annotations

from typing import Iterator

from schemas.records import RawItem, Reject
from transforms.sources.files import (MiB, InputTooLarge, decode_document, file_uri, looks_binary,
                                      modified_at, read_bytes, source_reject)
from transforms.sources.specs import HTML, InputSpec
from transforms.sources.text import BINARY_DETAIL

MAX_PAGE_BYTES = 50 * MiB


def read_html_page(spec: InputSpec) -> Iterator[RawItem | Reject]:
    fetched_at = modified_at(spec.location)
    try:
        data = read_bytes(spec.location, MAX_PAGE_BYTES)
    except InputTooLarge as error:
        yield source_reject(HTML, spec.location, "file_too_large", str(error), fetched_at)
        return
    if looks_binary(data):
        yield source_reject(HTML, spec.location, "binary_file", BINARY_DETAIL, fetched_at)
        return
    page, flags = decode_document(data, html=True)
    if not page.strip():
        yield source_reject(HTML, spec.location, "empty_file", "the page is empty", fetched_at)
        return
    url = file_uri(spec.location)
    yield RawItem(source_type=HTML, source_name=spec.derived_name, url=url, guid=url, title="",
                  published_at=None, body=page, body_format="html", fetched_at=fetched_at,
                  flags=flags)
