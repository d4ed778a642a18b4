"""Benchmark of the clean stage.

    python bench/bench_clean.py [--shared ../shared] [--min-seconds 2]

1. Cleans every page of ../shared/benchmarks/article-extraction/html/*.html.gz with
   ``clean_item`` (trafilatura, title and date, furniture filter, language) and scores
   the texts with ../shared/tools/score_extraction.py; prints F1, precision, recall and
   pages per second on one core. trafilatura alone (``extract(html,
   include_comments=False)``) is scored the same way for reference.
2. Times the line filter alone on the furniture test set (tests/clean/data), repeated
   until the measurement is stable, in posts per second.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import pathlib
import subprocess
import sys
import tempfile
import time

import trafilatura
from trafilatura.utils import decode_file

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from schemas.records import RawItem  # noqa: E402
from transforms.clean import clean_item  # noqa: E402
from transforms.clean.furniture import clean_text  # noqa: E402

FURNITURE_SET = REPO / "tests" / "clean" / "data" / "furniture_cases.json"
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def load_pages(shared: pathlib.Path) -> list[tuple[str, str]]:
    folder = shared / "benchmarks" / "article-extraction" / "html"
    return [(str(path), decode_file(gzip.decompress(path.read_bytes())))
            for path in sorted(folder.glob("*.html.gz"))]


def score(shared: pathlib.Path, texts: list[tuple[str, str]]) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for path, text in texts:
            out.write(json.dumps({"path": path, "text": text}, ensure_ascii=False) + "\n")
    result = subprocess.run(
        [sys.executable, str(shared / "tools" / "score_extraction.py"),
         str(shared / "benchmarks" / "article-extraction" / "ground-truth.json"), out.name],
        capture_output=True, text=True, check=True)
    pathlib.Path(out.name).unlink()
    return result.stdout.strip()


def as_item(path: str, html: str) -> RawItem:
    return RawItem(source_type="html", source_name="bench", url=pathlib.Path(path).as_uri(),
                   guid=path, title="", published_at=None, body=html, body_format="html",
                   fetched_at=NOW)


def timed(function, inputs) -> tuple[list, float, float]:
    """Outputs, CPU seconds and wall seconds. The process runs on one core; its CPU time
    is the one-core figure even when other jobs share the machine."""
    cpu, wall = time.process_time(), time.perf_counter()
    outputs = [function(value) for value in inputs]
    return outputs, time.process_time() - cpu, time.perf_counter() - wall


def rate(count: int, cpu: float, wall: float, unit: str) -> str:
    return f"{count / cpu:,.1f} {unit}/s on one core ({count / wall:,.1f} wall)"


def bench_pages(shared: pathlib.Path) -> None:
    pages = load_pages(shared)
    clean_item(as_item(*pages[0]))  # loads the language model outside the timing
    items = [as_item(path, html) for path, html in pages]
    results, cpu, wall = timed(clean_item, items)
    texts = [(path, getattr(result, "text", "")) for (path, _), result in zip(pages, results)]
    print(f"incidentflow clean:  {score(shared, texts)}  {rate(len(pages), cpu, wall, 'pages')}")

    htmls = [html for _, html in pages]
    baseline, cpu, wall = timed(lambda html: trafilatura.extract(html, include_comments=False) or "", htmls)
    print(f"trafilatura alone:   {score(shared, list(zip([p for p, _ in pages], baseline)))}  "
          f"{rate(len(pages), cpu, wall, 'pages')}")


def bench_line_filter(min_seconds: float) -> None:
    cases = json.loads(FURNITURE_SET.read_text(encoding="utf-8"))
    posts = [case["body"] for case in cases if case["body_format"] == "text"]
    cleaned, rounds = 0, 0
    cpu, wall = time.process_time(), time.perf_counter()
    while time.process_time() - cpu < min_seconds or rounds < 3:
        for post in posts:
            clean_text(post)
        cleaned += len(posts)
        rounds += 1
    print(f"line filter:         {rate(cleaned, time.process_time() - cpu, time.perf_counter() - wall, 'posts')} "
          f"({len(posts)} text posts of the furniture set x {rounds} rounds)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=pathlib.Path, default=REPO.parent / "shared")
    parser.add_argument("--min-seconds", type=float, default=2.0,
                        help="how long to repeat the line-filter timing")
    args = parser.parse_args()
    bench_pages(args.shared)
    bench_line_filter(args.min_seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
