"""Extraction quality and speed.

    python bench/bench_extract.py [--repeat N] [--verbose]

Prints the shared scorer's results (../shared/tools/score_incidents.py) on the labelled
stories in tests/incidents/data, on the longer articles of tests/incidents/data/longform,
heldout, heldout2, heldout3, heldout4 and heldout5 (each scored before the fixes made with it,
then a development set) and heldout6 (never tuned on), and on the shared seeds
(when ../shared is there), then stories per second of ``extract_story`` on one core (CPU time)
over each set and over the text of the 181 general news pages of
../shared/benchmarks/article-extraction, which are not about strikes: the incidents found there
are false positives.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.conftest import SHARED  # noqa: E402
from tests.incidents.scoring import DATA, SCORER, load_scorer, predictions, read_gold  # noqa: E402
from tests.incidents.textfiles import story_from_file, story_from_text  # noqa: E402
from transforms.incidents import extract_story  # noqa: E402
from transforms.incidents.gazetteer import Gazetteer  # noqa: E402


def report(name: str, result: dict) -> None:
    fields = ", ".join(f"{k}={v}" for k, v in result["field_accuracy"].items())
    print(f"{name}: detection P={result['precision']} R={result['recall']} F1={result['f1']}  "
          f"strict P={result['strict_precision']} R={result['strict_recall']} F1={result['strict_f1']}  "
          f"(tp={result['tp']} fp={result['fp']} fn={result['fn']}, {result['gold_stories']} stories)")
    print(f"  fields: {fields}")
    for line in result.get("details", []):
        print(f"  {line}")


NEWS = SHARED / "benchmarks" / "article-extraction" / "ground-truth.json"


def measure_speed(name: str, stories: list, gazetteer, repeat: int) -> None:
    """CPU time of one core, the best of three rounds (other processes on a shared machine
    only ever slow a round down)."""
    characters = sum(len(story.text) for story in stories)
    for story in stories[:20]:  # warm up
        extract_story(story, gazetteer)
    best = None
    for _ in range(3):
        started = time.process_time()
        for _ in range(repeat):
            for story in stories:
                extract_story(story, gazetteer)
        elapsed = time.process_time() - started
        best = elapsed if best is None else min(best, elapsed)
    count = len(stories) * repeat
    print(f"speed on {name}: {count / best:.0f} stories/s on one core, {characters * repeat / best / 1000:.0f} "
          f"kB/s ({len(stories)} stories of {characters / len(stories):.0f} characters on average, best of 3)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=10, help="passes over the stories per speed round")
    parser.add_argument("--verbose", action="store_true", help="list misses, extras and wrong fields")
    args = parser.parse_args()
    started = time.process_time()
    gazetteer = Gazetteer.load()
    print(f"gazetteer loaded in {time.process_time() - started:.2f}s")
    sets = [("labelled set", DATA / "stories", DATA / "gold.jsonl"),
            ("longform (dev)", DATA / "longform" / "stories", DATA / "longform" / "gold.jsonl"),
            ("held-out", DATA / "heldout" / "stories", DATA / "heldout" / "gold.jsonl"),
            ("held-out 2", DATA / "heldout2" / "stories", DATA / "heldout2" / "gold.jsonl"),
            ("held-out 3", DATA / "heldout3" / "stories", DATA / "heldout3" / "gold.jsonl"),
            ("held-out 4", DATA / "heldout4" / "stories", DATA / "heldout4" / "gold.jsonl"),
            ("held-out 5", DATA / "heldout5" / "stories", DATA / "heldout5" / "gold.jsonl"),
            ("held-out 6", DATA / "heldout6" / "stories", DATA / "heldout6" / "gold.jsonl")]
    if SHARED.exists():
        sets.append(("seeds", SHARED / "seeds", SHARED / "dev" / "seeds.gold.jsonl"))
    if SCORER.exists():
        scorer = load_scorer()
        for name, folder, gold in sets:
            report(name, scorer.score(read_gold(gold), predictions(folder, gazetteer), verbose=args.verbose))
    else:
        print(f"{SCORER} is absent: quality not scored")
    for name, folder, _ in sets:
        measure_speed(name, [story_from_file(path) for path in sorted(folder.glob("*.txt"))], gazetteer,
                      args.repeat)
    if NEWS.exists():
        bodies = json.loads(NEWS.read_text(encoding="utf-8"))
        news = [story_from_text(page["articleBody"], f"file:///news/{name}") for name, page in sorted(bodies.items())
                if page.get("articleBody")]
        found = sum(len(extract_story(story, gazetteer)) for story in news)
        print(f"general news pages: {found} incidents in {len(news)} pages that report no strike")
        measure_speed("general news pages", news, gazetteer, max(1, args.repeat // 5))
    return 0


if __name__ == "__main__":
    sys.exit(main())
