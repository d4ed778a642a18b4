"""Driver side: command-line locations and ``--config sources.yaml`` -> ``InputSpec``s.

sources.yaml lists named sources for scheduled runs::

    sources:
      - name: kyiv_independent          # required, unique: the source_name of its stories
        kind: rss                       # rss | telegram | text | html; optional when the
                                        # url or path says it (see resolve_inputs)
        url: https://kyivindependent.com/feed/
        timeout: 20                     # rss over http: read timeout, seconds (default 30)
        max_mb: 15                      # rss: largest feed body, MiB after decompression
      - name: kursk_governor
        kind: telegram
        path: exports/kursk/result.json # relative paths start at this file's folder;
                                        # folders and gs:// paths work too
        username: gubernator_46         # the channel's public @username: t.me post links
        timezone: Europe/Moscow         # zone of the exporting machine (HTML exports and
                                        # JSON exports without date_unixtime)
        channel_id: "1234567890"        # HTML exports carry no channel id: used in tg: refs
      - name: saved_articles
        kind: text
        path: gs://bucket/articles/

Each source gives exactly one of ``url`` (http/https), ``path``, or ``location`` (either
of the two). Unknown keys are errors (a typo would otherwise silently drop a setting).
Every error names the file, the source and what to change.
"""
from __future__ import annotations

import os
import re
import zoneinfo
from typing import Any

import yaml
from apache_beam.io.filesystems import FileSystems

from transforms.sources.files import file_name, is_directory, is_remote, is_url, local_path
from transforms.sources.specs import (KINDS, KNOWN_INPUTS, RSS, TELEGRAM, InputSpec,
                                      kind_of_file, list_files, telegram_page_number)

_LOCATION_KEYS = ("url", "path", "location")
_KIND_OPTIONS = {
    RSS: ("timeout", "max_mb"),
    TELEGRAM: ("username", "timezone", "channel_id"),
}
_USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{4,31}")
_ACCOUNT_EXPORT_INDEX = "export_results.html"


def resolve_inputs(locations: list[str], config_path: str | None = None) -> list[InputSpec]:
    """Command-line locations plus the config file's sources, each with its kind.

    URL -> rss; *.json or a folder holding result.json / messages*.html -> telegram;
    *.xml/*.rss/*.atom -> rss; *.txt -> text; *.html/*.htm/*.html.gz -> html; any other
    folder -> one spec per kind of file it holds (each sub-folder resolved the same way).
    Raises ValueError with a message a user can act on.
    """
    specs: list[InputSpec] = []
    for location in locations:
        specs.extend(resolve_location(location))
    if config_path:
        specs.extend(load_config(config_path))
    if not specs:
        raise ValueError(f"no inputs given: pass {KNOWN_INPUTS}, or --config sources.yaml")
    return list(dict.fromkeys(specs))  # the same input named twice is read once


def resolve_location(location: str, kind: str | None = None, name: str = "",
                     options: tuple[tuple[str, str], ...] = ()) -> list[InputSpec]:
    location = location.strip()
    if not location:
        raise ValueError(f"an empty input location was given: pass {KNOWN_INPUTS}")
    if is_url(location):
        if kind not in (None, RSS):
            raise ValueError(f"{location}: URLs are read as RSS/Atom feeds, not as {kind!r}")
        return [InputSpec(RSS, location, name, options)]
    try:
        FileSystems.get_filesystem(local_path(location))
    except ValueError as error:
        raise ValueError(f"{location}: unsupported location ({error}); give an http(s) feed URL, "
                         "a local path or a gs:// path") from error
    if not FileSystems.exists(local_path(location)) and not (is_remote(location) and _has_files(location)):
        raise ValueError(f"input {location!r} does not exist: check the path "
                         f"(relative paths start at {os.getcwd()})")
    if is_directory(location):
        return _resolve_folder(location, kind, name, options)
    detected = kind_of_file(location)
    if kind is None and detected is None:
        raise ValueError(f"cannot tell what kind of input {location!r} is from its name; "
                         f"expected {KNOWN_INPUTS}")
    return [InputSpec(kind or detected, location, name, options)]


def _has_files(folder: str) -> bool:
    try:
        return bool(list_files(folder, recursive=True))
    except (OSError, ValueError):
        return False


def _resolve_folder(folder: str, kind: str | None, name: str,
                    options: tuple[tuple[str, str], ...]) -> list[InputSpec]:
    paths = list_files(folder, recursive=True)
    by_folder: dict[str, list[str]] = {}
    for path in paths:
        by_folder.setdefault(path.rsplit("/", 1)[0], []).append(path)
    # A Telegram export folder holds its own css/js/photos (and maybe an HTML twin of
    # its JSON): nothing under it is another input. A full-account HTML export
    # (export_results.html) holds one export folder per chat and index pages.
    export_roots = [folder_path for folder_path, files in by_folder.items()
                    if _is_telegram_export(files)]
    account_roots = [folder_path for folder_path, files in by_folder.items()
                     if any(file_name(f).lower() == _ACCOUNT_EXPORT_INDEX for f in files)]
    specs = []
    for folder_path, files in sorted(by_folder.items()):
        if any(_is_under(folder_path, root) for root in export_roots):
            continue
        if folder_path in export_roots:
            if kind in (None, TELEGRAM):
                specs.append(InputSpec(TELEGRAM, folder_path, name, options))
            continue
        if any(folder_path == root or _is_under(folder_path, root) for root in account_roots):
            continue
        kinds = sorted({kind_of_file(f) for f in files} - {None})
        for folder_kind in kinds:
            if kind in (None, folder_kind):
                specs.append(InputSpec(folder_kind, folder_path, name, options))
    if not specs:
        wanted = f"{kind} inputs" if kind else KNOWN_INPUTS
        raise ValueError(f"folder {folder!r} holds no readable inputs: expected {wanted}")
    return specs


def _is_telegram_export(files: list[str]) -> bool:
    names = [file_name(f).lower() for f in files]
    return "result.json" in names or any(telegram_page_number(n) is not None for n in names)


def _is_under(path: str, root: str) -> bool:
    return path.startswith(root.rstrip("/") + "/")


def load_config(config_path: str) -> list[InputSpec]:
    """The sources of a sources.yaml (format in this module's docstring)."""
    try:
        with FileSystems.open(local_path(config_path)) as stream:
            document = yaml.safe_load(stream.read().decode("utf-8"))
    except OSError as error:
        raise ValueError(f"cannot read config {config_path!r}: {error}") from error
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ValueError(f"config {config_path!r} is not valid YAML: {error}") from error
    if not isinstance(document, dict) or not isinstance(document.get("sources"), list):
        raise ValueError(f"config {config_path!r} must be a mapping with a 'sources:' list "
                         "(see transforms/sources/resolve.py for the format)")
    base = "" if is_remote(config_path) else os.path.dirname(os.path.abspath(local_path(config_path)))
    specs: list[InputSpec] = []
    seen: set[str] = set()
    for index, entry in enumerate(document["sources"]):
        where = f"config {config_path!r}, sources[{index}]"
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: each source must be a mapping like "
                             "'{name: ..., kind: rss, url: ...}'")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{where}: give every source a non-empty 'name'")
        where = f"{where} ({name})"
        if name in seen:
            raise ValueError(f"{where}: the name {name!r} is used twice; source names must be unique")
        seen.add(name)
        specs.extend(_source_specs(entry, name.strip(), base, where))
    return specs


def _source_specs(entry: dict[str, Any], name: str, base: str, where: str) -> list[InputSpec]:
    kind = entry.get("kind")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"{where}: unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    allowed = {"name", "kind", *_LOCATION_KEYS, *_KIND_OPTIONS.get(kind, ())}
    if kind is None:
        allowed.update(*_KIND_OPTIONS.values())
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(unknown)}; "
                         f"a {kind or 'source'} accepts {', '.join(sorted(allowed))}")
    given = [key for key in _LOCATION_KEYS if key in entry]
    if len(given) != 1:
        raise ValueError(f"{where}: give exactly one of 'url' (an http(s) feed), 'path' "
                         "(a file or folder) or 'location' (either)")
    location = str(entry[given[0]] or "").strip()
    if given[0] == "url" and not is_url(location):
        raise ValueError(f"{where}: url {location!r} must start with http:// or https://")
    if not is_url(location) and base and not is_remote(location) and not os.path.isabs(location):
        location = os.path.join(base, location)
    options = tuple(sorted((key, _option(key, entry[key], where)) for key in entry
                           if key not in ("name", "kind", *_LOCATION_KEYS)))
    try:
        return resolve_location(location, kind, name, options)
    except ValueError as error:
        raise ValueError(f"{where}: {error}") from error


def _option(key: str, value: Any, where: str) -> str:
    text = str(value).strip()
    if key == "username":
        text = re.sub(r"^(https?://)?(t\.me/|telegram\.me/)|^@", "", text).strip("/")
        if not _USERNAME.fullmatch(text):
            raise ValueError(f"{where}: username {value!r} is not a Telegram public username "
                             "(5-32 letters, digits or _, e.g. 'kyivindependent')")
    elif key == "timezone":
        try:
            zoneinfo.ZoneInfo(text)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"{where}: unknown timezone {value!r}; use an IANA name like "
                             "'Europe/Kyiv' or 'Europe/Moscow'") from error
    elif key == "channel_id":
        if not text.lstrip("-").isdigit():
            raise ValueError(f"{where}: channel_id {value!r} must be the channel's numeric id")
    elif key in ("timeout", "max_mb"):
        try:
            number = float(text)
        except ValueError:
            number = -1.0
        if number <= 0:
            raise ValueError(f"{where}: {key} must be a positive number, not {value!r}")
    return text
