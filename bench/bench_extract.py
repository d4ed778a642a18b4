"""Extraction quality and speed.

    python bench/bench_extract.py [--repeat N]

Prints the shared scorer's results (../shared/tools/score_incidents.py) on the labelled
stories in tests/incidents/data and on the shared seeds (when ../shared is there), then
stories per second of ``extract_story`` on one core over both sets.
"""
from __future__ import annotations

import argparse
import pathlib
import sys
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.conftest import SHARED  # noqa: E402
from tests.incidents.scoring import DATA, SCORER, load_scorer, predictions, read_gold  # noqa: E402
from tests.incidents.textfiles import story_from_file  # noqa: E402
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20, help="passes over the stories for the speed figure")
    parser.add_argument("--verbose", action="store_true", help="list misses, extras and wrong fields")
    args = parser.parse_args()
    started = time.perf_counter()
    gazetteer = Gazetteer.load()
    print(f"gazetteer loaded in {time.perf_counter() - started:.2f}s")
    sets = [("labelled set", DATA / "stories", DATA / "gold.jsonl")]
    if SHARED.exists():
        sets.append(("seeds", SHARED / "seeds", SHARED / "dev" / "seeds.gold.jsonl"))
    if SCORER.exists():
        scorer = load_scorer()
        for name, folder, gold in sets:
            report(name, scorer.score(read_gold(gold), predictions(folder, gazetteer), verbose=args.verbose))
    else:
        print(f"{SCORER} is absent: quality not scored")
    stories = [story_from_file(path) for _, folder, _ in sets for path in sorted(folder.glob("*.txt"))]
    characters = sum(len(story.text) for story in stories)
    started = time.perf_counter()
    for _ in range(args.repeat):
        for story in stories:
            extract_story(story, gazetteer)
    elapsed = time.perf_counter() - started
    count = len(stories) * args.repeat
    print(f"speed: {count / elapsed:.0f} stories/s on one core ({count} stories, "
          f"{characters / len(stories):.0f} characters each on average, {elapsed:.2f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
