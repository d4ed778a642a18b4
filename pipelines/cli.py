"""The ``incidentflow`` command: run, clean, extract, query."""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import logging
import os
import sys
from typing import Iterator

from pipelines.options import (add_run_arguments, beam_options, check_output_locations,
                               local_processes,
                               split_beam_arguments)

USAGE_EXAMPLES = """examples:
  incidentflow run samples/feeds samples/telegram samples/articles --output out/
  incidentflow run --config samples/sources.yaml --output out/ --state state/
  incidentflow clean page.html.gz
  incidentflow extract article.txt
  incidentflow query out/ "SELECT region, count(*) FROM incidents GROUP BY ALL"
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="incidentflow", description="News feeds and Telegram exports in, an incident table out.",
        epilog=USAGE_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    add_run_arguments(commands.add_parser(
        "run", help="run the pipeline; unknown options go to Beam (--runner, Dataflow options)"))
    commands.add_parser("clean", help="print the cleaned text of documents").add_argument(
        "files", nargs="+", metavar="FILE")
    commands.add_parser("extract", help="print the incidents of documents as JSON lines").add_argument(
        "files", nargs="+", metavar="FILE")
    query_parser = commands.add_parser("query", help="run SQL over an output folder")
    query_parser.add_argument("output", metavar="DIR")
    query_parser.add_argument("sql", metavar="SQL")
    query_parser.add_argument("--format", choices=("table", "csv", "json"), default="table")

    argv = sys.argv[1:] if argv is None else argv
    beam_args: list[str] = []
    if argv[:1] == ["run"]:
        own, beam_args = split_beam_arguments(argv[1:])
        argv = ["run", *own]
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return COMMANDS[args.command](args, beam_args)
    except (ValueError, FileNotFoundError) as error:
        print(f"incidentflow {args.command}: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 - a failed run ends with one line, not a traceback
        logging.getLogger("incidentflow").debug("run failed", exc_info=True)
        print(f"incidentflow {args.command} failed: {type(error).__name__}: {error}\n"
              "Nothing was lost: a failed run leaves no partial file in the tables and the "
              "same command can be run again (set INCIDENTFLOW_DEBUG=1 for the traceback).",
              file=sys.stderr)
        if os.environ.get("INCIDENTFLOW_DEBUG"):
            raise
        return 1


def _run(args, beam_args: list[str]) -> int:
    from pipelines.graph import RunSettings
    from pipelines.run import run_pipeline
    from schemas.records import utc_now
    from transforms.sources import resolve_inputs
    from transforms.sources.options import fetch_settings

    if not args.inputs and not args.config:
        raise ValueError("nothing to read: give INPUT paths or URLs, or --config sources.yaml")
    options = beam_options(beam_args)
    check_output_locations(options, args.output, args.state)
    settings = RunSettings(inputs=tuple(resolve_inputs(args.inputs, args.config)),
                           output=args.output, started_at=utc_now(), state=args.state,
                           fetch=fetch_settings(args),
                           processes=local_processes(options, args.local_processes))
    manifest = run_pipeline(settings, options)
    if manifest is None:
        print("dry run: the pipeline was built and translated for the runner; nothing ran")
        return 0
    counts = manifest["counts"]
    print(f"run {manifest['run_id']} wrote {args.output} in {manifest['seconds']:.1f} s")
    print("  read {read} = stories {stories} + duplicates {duplicates} + rejects {rejects}; "
          "incidents {incidents}".format(**counts))
    print(f"  manifest: {manifest['manifest']}")
    if os.path.isdir(args.output):
        print(f"  incidents by region: {_incidents_by_region(args.output, manifest['run_id'])}")
    if not manifest["balanced"]:
        print("  WARNING: the counts do not add up; see the manifest", file=sys.stderr)
        return 1
    return 0


def _incidents_by_region(output: str, run_id: str) -> str:
    from pipelines.query import query

    _, rows = query(output, "SELECT region, count(*) AS n FROM incidents "
                            f"WHERE run_id = '{run_id}' GROUP BY ALL ORDER BY n DESC, region")
    return ", ".join(f"{region} {n}" for region, n in rows) or "none"


def _stories(paths: list[str]) -> Iterator[tuple[str, object]]:
    """(path, Story or Reject) for every item of every file, through the real read and clean
    stages; a file of many items (a feed, an export) has its sources' templates learned as a
    run would."""
    from schemas.records import Reject
    from transforms.clean import extract_item, finish_item
    from transforms.clean.language import LanguageDetector
    from transforms.clean.template import learn_template
    from transforms.sources import read_path

    detector = LanguageDetector()
    for path in paths:
        extracted = [item if isinstance(item, Reject) else extract_item(item) for item in read_path(path)]
        usable = [e for e in extracted if not isinstance(e, Reject)]
        templates = {source: learn_template(e.lines for e in usable if e.item.source_name == source)
                     for source in {e.item.source_name for e in usable}}
        for result in extracted:
            yield path, result if isinstance(result, Reject) else finish_item(
                result, detector, templates[result.item.source_name])


def _report_reject(path: str, reject) -> None:
    print(f"{path}: rejected at {reject.stage}: {reject.reason}: {reject.detail}", file=sys.stderr)


def _clean(args, _) -> int:
    from schemas.records import Reject

    results = list(_stories(args.files))
    failed = 0
    for path, story in results:
        if isinstance(story, Reject):
            _report_reject(path, story)
            failed += 1
        elif len(results) == 1:
            print(story.text)
        else:
            print(json.dumps({"path": path, "title": story.title, "text": story.text,
                              "lang": story.lang}, ensure_ascii=False))
    return 1 if results and failed == len(results) else 0


def _extract(args, _) -> int:
    from schemas.records import Reject
    from schemas.tables import incident_row
    from transforms.incidents import extract_story
    from transforms.incidents.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    results = list(_stories(args.files))
    for path, story in results:
        if isinstance(story, Reject):
            _report_reject(path, story)
            continue
        for incident in extract_story(story, gazetteer):
            print(json.dumps(incident_row(incident), ensure_ascii=False, default=_json_value))
    return 1 if results and all(isinstance(story, Reject) for _, story in results) else 0


def _json_value(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _query(args, _) -> int:
    import duckdb

    from pipelines.query import query

    try:
        columns, rows = query(args.output, args.sql)
    except duckdb.Error as error:
        print(f"incidentflow query: DuckDB could not run the SQL: {error}\n"
              "The tables are stories, incidents and rejects; DESCRIBE incidents lists the columns.",
              file=sys.stderr)
        return 2
    if args.format == "json":
        for row in rows:
            print(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=_json_value))
    elif args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        _print_table(columns, rows)
    return 0


def _print_table(columns: list[str], rows: list[tuple]) -> None:
    cells = [columns] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [min(60, max(len(row[i]) for row in cells)) for i in range(len(columns))]
    for n, row in enumerate(cells):
        print("  ".join(value[:60].ljust(width) for value, width in zip(row, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * width for width in widths))
    print(f"({len(rows)} rows)")


COMMANDS = {"run": _run, "clean": _clean, "extract": _extract, "query": _query}


if __name__ == "__main__":
    sys.exit(main())
