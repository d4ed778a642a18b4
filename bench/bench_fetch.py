"""Sources benchmarks: feeds fetched through ReadSources from a loopback server, and
the peak memory of reading a large generated Telegram export.

    .venv/bin/python bench/bench_fetch.py                    # 200 feeds x 20 items over loopback
    .venv/bin/python bench/bench_fetch.py --feeds 50 --articles
    .venv/bin/python bench/bench_fetch.py --export-mb 1000   # memory of a 1 GB export

Prints numbers; asserts nothing. Only 127.0.0.1 is contacted.
"""
from __future__ import annotations

import argparse
import http.server
import pathlib
import sys
import tempfile
import threading
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import apache_beam as beam  # noqa: E402
from apache_beam.options.pipeline_options import PipelineOptions  # noqa: E402

from tests.sources.large_export import read_in_subprocess, write_export  # noqa: E402
from transforms.sources import FetchSettings, InputSpec, ReadSources  # noqa: E402

_PAGE = (b"<html><head><title>Report</title></head><body><article>"
         + b"<p>Drones struck a depot overnight, the governor said.</p>" * 30 + b"</article></body></html>")


def _feed(number: int, items: int, port: int) -> bytes:
    entries = "".join(
        f"<item><title>Report {number}-{i}</title><guid isPermaLink=\"false\">f{number}-{i}</guid>"
        f"<link>http://127.0.0.1:{port}/page/{number}/{i}</link>"
        f"<description>Teaser {number}-{i}.</description></item>" for i in range(items))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {number}</title>'
            f"{entries}</channel></rss>").encode("utf-8")


def _server(items: int) -> http.server.ThreadingHTTPServer:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the stdlib's name
            if self.path.startswith("/feed/"):
                body, kind = _feed(int(self.path.rsplit("/", 1)[-1]), items, self.server.server_port), "application/rss+xml"
            elif self.path.startswith("/page/"):
                body, kind = _PAGE, "text/html; charset=utf-8"
            else:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def bench_feeds(feeds: int, items: int, articles: bool) -> None:
    server = _server(items)
    port = server.server_port
    specs = [InputSpec("rss", f"http://127.0.0.1:{port}/feed/{n}") for n in range(feeds)]
    settings = FetchSettings(allow_private_addresses=True, min_host_delay_s=0.0, fetch_articles=articles)
    with tempfile.TemporaryDirectory() as state:
        started = time.perf_counter()
        with beam.Pipeline(runner="FnApiRunner", options=PipelineOptions([])) as pipeline:
            read, rejects = pipeline | ReadSources(specs, settings, state=state)
            _ = read | beam.combiners.Count.Globally() | beam.Map(lambda n: print(f"items: {n}"))
        elapsed = time.perf_counter() - started
    server.shutdown()
    requests = feeds + (feeds * items + 1 if articles else 0)  # + robots.txt once
    print(f"feeds: {feeds} x {items} items, articles={articles}: {elapsed:.2f} s "
          f"({requests} requests, {requests / elapsed:.0f} requests/s, one host, no delay)")


def bench_export(megabytes: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "result.json"
        started = time.perf_counter()
        messages = write_export(path, megabytes)
        print(f"export: {path.stat().st_size / 1e6:.0f} MB, {messages} messages, "
              f"generated in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        items, peak = read_in_subprocess(path)
        elapsed = time.perf_counter() - started
        print(f"read: {items} posts in {elapsed:.1f} s ({path.stat().st_size / 1e6 / elapsed:.0f} MB/s), "
              f"peak RSS {peak} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--articles", action="store_true", help="also fetch every item's page")
    parser.add_argument("--export-mb", type=float, help="measure reading a generated export of this size")
    args = parser.parse_args()
    if args.export_mb:
        bench_export(args.export_mb)
    else:
        bench_feeds(args.feeds, args.items, args.articles)


if __name__ == "__main__":
    main()
