"""The command-line flags of fetching, for the ``run`` command to add and read.

    add_fetch_arguments(parser)          # next to --output/--state
    settings = fetch_settings(args)      # -> ReadSources(specs, settings, state, output)
"""
from __future__ import annotations

import argparse

from transforms.sources.files import MiB
from transforms.sources.http import FetchSettings

_DEFAULTS = FetchSettings()


def add_fetch_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("fetching feeds and article pages")
    group.add_argument("--fetch-articles", action="store_true",
                       help="fetch the page of feed items that carry only a summary (robots.txt respected)")
    group.add_argument("--replay", metavar="DIR",
                       help="read feeds and pages from the WARC files of a past run (STATE/sources/warc "
                            "or OUTPUT/_warc) instead of the network")
    group.add_argument("--allow-private-addresses", action="store_true",
                       help="allow URLs that resolve to private, loopback or link-local addresses "
                            "(local mirrors, tests); refused by default")
    group.add_argument("--contact", metavar="EMAIL_OR_URL",
                       help="how site operators reach you; sent in the User-Agent")
    group.add_argument("--min-host-delay", type=float, default=_DEFAULTS.min_host_delay_s, metavar="SECONDS",
                       help="pause between two requests to one host (default %(default)s)")
    group.add_argument("--connect-timeout", type=float, default=_DEFAULTS.connect_timeout_s, metavar="SECONDS",
                       help="default %(default)s")
    group.add_argument("--fetch-timeout", type=float, default=_DEFAULTS.read_timeout_s, metavar="SECONDS",
                       help="read timeout of a response (default %(default)s); a source's own "
                            "'timeout' in sources.yaml wins")
    group.add_argument("--max-fetch-mb", type=float, default=_DEFAULTS.max_bytes / MiB, metavar="MiB",
                       help="largest response body after decompression (default %(default)s); a "
                            "source's own 'max_mb' wins")
    group.add_argument("--fetch-retries", type=int, default=_DEFAULTS.retries, metavar="N",
                       help="retries after connection errors, 5xx and 429 (default %(default)s)")
    group.add_argument("--seen-window-days", type=int, default=_DEFAULTS.seen_window_days, metavar="DAYS",
                       help="how long --state remembers feed items (default %(default)s)")


def fetch_settings(args: argparse.Namespace) -> FetchSettings:
    return FetchSettings(
        allow_private_addresses=args.allow_private_addresses, fetch_articles=args.fetch_articles,
        replay=args.replay, contact=args.contact, min_host_delay_s=args.min_host_delay,
        connect_timeout_s=args.connect_timeout, read_timeout_s=args.fetch_timeout,
        max_bytes=int(args.max_fetch_mb * MiB), retries=args.fetch_retries,
        seen_window_days=args.seen_window_days)
