"""What one input is (``InputSpec``), how its kind is told from its name, and how a
folder expands into one spec per file (``expand_input``, run on the workers)."""
from __future__ import annotations

import dataclasses
import re
from typing import Iterator
from urllib.parse import urlsplit

from apache_beam.io.filesystems import FileSystems

from transforms.sources.files import file_name, is_directory, is_url, local_path

RSS, TELEGRAM, TEXT, HTML = "rss", "telegram", "text", "html"
KINDS = (RSS, TELEGRAM, TEXT, HTML)

_TELEGRAM_PAGE = re.compile(r"messages(\d*)\.html", re.I)
_EXTENSIONS = {
    RSS: (".xml", ".rss", ".atom", ".xml.gz", ".rss.gz", ".atom.gz"),
    TEXT: (".txt", ".txt.gz"),
    HTML: (".html", ".htm", ".html.gz", ".htm.gz"),
}
KNOWN_INPUTS = ("an http(s) feed URL; a feed file (.xml, .rss, .atom); a Telegram Desktop export "
                "(result.json or any .json export, messages*.html, or their folder); plain-text "
                "articles (.txt); saved web pages (.html, .htm, .html.gz); or a folder of these")


@dataclasses.dataclass(frozen=True)
class InputSpec:
    kind: str  # "rss" | "telegram" | "text" | "html"
    location: str  # path, folder, gs:// URL or http(s) URL
    name: str = ""  # source name ("" -> derived from the location)
    options: tuple[tuple[str, str], ...] = ()  # hashable, e.g. (("username", "kyivpost"),)

    def option(self, key: str, default: str | None = None) -> str | None:
        return dict(self.options).get(key, default)

    @property
    def derived_name(self) -> str:
        """The configured name, else the URL's host or the file's folder name."""
        if self.name:
            return self.name
        if is_url(self.location):
            return urlsplit(self.location).hostname or self.location
        parts = [part for part in local_path(self.location).rstrip("/").split("/") if part]
        return parts[-2] if len(parts) >= 2 else (parts[-1] if parts else self.location)


def telegram_page_number(name: str) -> int | None:
    """1 for messages.html, N for messagesN.html, None for any other name."""
    match = _TELEGRAM_PAGE.fullmatch(name)
    if not match:
        return None
    return int(match.group(1) or 1)


def kind_of_file(name: str) -> str | None:
    """The input kind a file name says, or None for a file the pipeline does not read."""
    lower = file_name(name).lower()
    if lower.endswith(".json") or telegram_page_number(lower) is not None:
        return TELEGRAM
    for kind, extensions in _EXTENSIONS.items():
        if lower.endswith(extensions):
            return kind
    return None


def list_files(folder: str, recursive: bool) -> list[str]:
    pattern = FileSystems.join(local_path(folder).rstrip("/"), "**" if recursive else "*")
    return sorted(metadata.path for metadata in FileSystems.match([pattern])[0].metadata_list)


def files_of_kind(kind: str, paths: list[str]) -> list[str]:
    """The files of a folder that a ``kind`` spec reads, in reading order.

    A Telegram folder is read from its JSON export when it has one (the HTML pages
    beside it are the same messages again), else from its messages*.html pages in
    page order.
    """
    if kind != TELEGRAM:
        return [path for path in paths if kind_of_file(path) == kind]
    exports = [path for path in paths if file_name(path).lower().endswith(".json")]
    if exports:
        return exports
    pages = [(telegram_page_number(file_name(path)), path) for path in paths]
    return [path for number, path in sorted((n, p) for n, p in pages if n is not None)]


def expand_input(spec: InputSpec) -> Iterator[InputSpec]:
    """A folder spec -> one spec per matching file; a file or URL -> itself.

    A folder that cannot be listed, or a file that vanished (a missing gs:// object
    looks like an empty folder), is passed on as it is, so reading it gives a reject
    instead of losing it silently.
    """
    if is_url(spec.location) or not is_directory(spec.location):
        yield spec
        return
    try:
        paths = files_of_kind(spec.kind, list_files(spec.location, recursive=False))
    except (OSError, ValueError):
        yield spec
        return
    if not paths and kind_of_file(spec.location) is not None:
        yield spec
        return
    for path in paths:
        yield dataclasses.replace(spec, location=path)
