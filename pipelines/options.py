"""Command-line options of ``incidentflow run`` and the Beam options they imply."""
from __future__ import annotations

import argparse
import os

from apache_beam.options.pipeline_options import (DirectOptions, PipelineOptions,
                                                  StandardOptions, _BeamArgumentParser)

from transforms.sources.options import add_fetch_arguments

# The DirectRunner may hand a pipeline to the Prism runner, which downloads a binary
# at run time (and fails without internet); the in-process FnApiRunner is what a
# local run should use, on every machine alike.
DEFAULT_LOCAL_RUNNER = "FnApiRunner"


def add_run_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        help="RSS/Atom URLs or files, Telegram exports, folders of .txt or "
                             ".html/.htm/.html.gz articles (any mix)")
    parser.add_argument("--output", required=True, metavar="DIR",
                        help="output folder (local path or any Beam filesystem URL, e.g. gs://)")
    parser.add_argument("--config", metavar="sources.yaml",
                        help="named sources for scheduled runs (see samples/sources.yaml)")
    parser.add_argument("--state", metavar="DIR",
                        help="state kept between scheduled runs (dedup index, feed validators, "
                             "seen items, WARC archive); local path or gs://")
    parser.add_argument("--local_processes", type=_positive_int, metavar="N",
                        help="processes for cleaning and extraction on a local runner "
                             "(default: one per core, once a run has enough items to pay for "
                             "them; 1 keeps everything in one process)")
    add_fetch_arguments(parser)


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def split_beam_arguments(argv: list[str]) -> tuple[list[str], list[str]]:
    """(incidentflow's own arguments, Beam's) from one command line.

    Beam's own parser says which options are Beam's, so ``--runner DataflowRunner`` keeps
    its value instead of the value being taken for an INPUT.
    """
    parser = _BeamArgumentParser(allow_abbrev=False, add_help=False)
    for options_class in {str(c): c for c in PipelineOptions.__subclasses__()}.values():
        options_class._add_argparse_args(parser)  # pylint: disable=protected-access
    _, own = parser.parse_known_args(argv)
    beam, pending = [], list(own)
    for token in argv:  # ``own`` keeps argv's order: what is not in it is Beam's
        if pending and token == pending[0]:
            pending.pop(0)
        else:
            beam.append(token)
    return own, beam


def check_output_locations(options: PipelineOptions, output: str, state: str | None) -> None:
    """Refuses locations a run would lose or fail on, before anything runs."""
    runner = (options.view_as(StandardOptions).runner or "").rsplit(".", 1)[-1]
    for flag, location in (("--output", output), ("--state", state)):
        if not location:
            continue
        remote = "://" in location
        if runner not in StandardOptions.LOCAL_RUNNERS and runner != "PortableRunner" and not remote:
            raise ValueError(f"{flag} {location} is a local path, but {runner} runs on other "
                             "machines, which would write it to their own disks: give a gs:// "
                             "(or other shared filesystem) URL")
        if not remote and os.path.exists(location) and not os.path.isdir(location):
            raise ValueError(f"{flag} {location} is a file: give a folder (it is created if missing)")


def beam_options(beam_args: list[str]) -> PipelineOptions:
    """Beam options from the arguments ``run`` did not recognise, with a pinned local runner."""
    options = PipelineOptions(beam_args)
    standard = options.view_as(StandardOptions)
    if not standard.runner:
        standard.runner = DEFAULT_LOCAL_RUNNER
    return options


def local_processes(options: PipelineOptions, requested: int | None) -> int:
    """Processes for the heavy stages: what was asked for, else every core on an
    in-process local runner. A runner with workers of its own (Dataflow, the portable
    runner, the FnApiRunner's multi-processing mode) spreads the work itself: 1."""
    runner = (options.view_as(StandardOptions).runner or "").rsplit(".", 1)[-1]
    direct = options.view_as(DirectOptions)
    in_process = (runner in StandardOptions.LOCAL_RUNNERS
                  and direct.direct_running_mode in (None, "in_memory")
                  and (direct.direct_num_workers or 1) == 1)
    if not in_process:
        return 1
    return requested or os.cpu_count() or 1
