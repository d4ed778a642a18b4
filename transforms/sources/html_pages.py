"""Saved web pages (.html, .htm, .html.gz) -> one RawItem each, the page as it is.

Title and date are left to the clean stage, which reads them with trafilatura's
metadata; here the page is only decoded (its own charset when not UTF-8).
"""
from __future__ import annotations

from typing import Iterator

from schemas.records import RawItem, Reject
from transforms.sources.files import (MiB, decode_document, document_bytes, file_uri,
                                      source_reject)
from transforms.sources.specs import HTML, InputSpec

MAX_PAGE_BYTES = 50 * MiB


def read_html_page(spec: InputSpec) -> Iterator[RawItem | Reject]:
    fetched_at, data = document_bytes(spec.location, HTML, MAX_PAGE_BYTES)
    if isinstance(data, Reject):
        yield data
        return
    page, flags = decode_document(data, html=True)
    if not page.strip():
        yield source_reject(HTML, spec.location, "empty_file", "the page is empty", fetched_at)
        return
    url = file_uri(spec.location)
    yield RawItem(source_type=HTML, source_name=spec.derived_name, url=url, guid=url, title="",
                  published_at=None, body=page, body_format="html", fetched_at=fetched_at,
                  flags=flags)
