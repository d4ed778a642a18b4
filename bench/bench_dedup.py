"""Dedup benchmark: quality on a labelled corpus, speed, scaling and memory.

    python bench/bench_dedup.py                      # 10k stories, ~2-3 minutes
    python bench/bench_dedup.py --sizes 10000,100000 --skip-datasketch
                                                     # scaling: 100k takes ~2.5 min, ~6 GB
                                                     # (1.5 GB of it reading the 950 MB corpus)

Prints pairwise precision and recall per kind of copy (pairs of a story with the rest
of its gold group), hard-negative merges, signatures per second on one core, the Beam
dedup stage's stories per second and peak memory per corpus size (each size in a fresh
process on the in-process FnApiRunner), a second run over the same inputs with the same
--state, and datasketch's MinHashLSH (threshold 0.5, 128 permutations, word 3-grams on
the same normalised words) on the same corpus as the reference.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "bench")]

import apache_beam as beam  # noqa: E402
from apache_beam.options.pipeline_options import PipelineOptions  # noqa: E402

import dedup_corpus  # noqa: E402
from schemas.records import Story  # noqa: E402
from transforms.dedup import Deduplicate, clusters, params, sketch  # noqa: E402


# ---------------------------------------------------------------- corpus files

def _story_json(story: Story) -> str:
    return json.dumps({"story_id": story.story_id, "source_name": story.source_name,
                       "url": story.url, "guid": story.guid, "title": story.title,
                       "text": story.text, "published_at": story.published_at.isoformat()})


def _story_from_json(line: str) -> Story:
    row = json.loads(line)
    published = dt.datetime.fromisoformat(row["published_at"])
    return Story(story_id=row["story_id"], source_type="rss", source_name=row["source_name"],
                 url=row["url"], guid=row["guid"], title=row["title"], text=row["text"],
                 lang="en", published_at=published, fetched_at=published)


def _cluster_row(story: Story) -> str:
    return f"{story.story_id}\t{story.cluster_id}\t{int(story.is_duplicate)}"


# ---------------------------------------------------------------- one Beam run (child process)

def run_stage(corpus: str, out: str, state: str | None, with_dedup: bool, workers: int = 1) -> dict:
    options = PipelineOptions(["--runner=FnApiRunner"] + (
        [f"--direct_num_workers={workers}", "--direct_running_mode=multi_processing"]
        if workers > 1 else []))
    started = time.perf_counter()
    with beam.Pipeline(options=options) as p:
        stories = p | beam.io.ReadFromText(corpus) | beam.Map(_story_from_json)
        if with_dedup:
            dedup = Deduplicate(state=state, run_started=dedup_corpus.T0 + dt.timedelta(days=12))
            result = stories | dedup
            written, already = result.stories, result.already_ingested
            dedup.commit_state(written)
        else:
            written = stories
            already = p | "NoAlready" >> beam.Create([]).with_output_types(Story)
        _ = written | "Rows" >> beam.Map(_cluster_row) | "Write" >> beam.io.WriteToText(out + "/stories")
        _ = already | "AlreadyRows" >> beam.Map(_cluster_row) | "WriteAlready" >> beam.io.WriteToText(out + "/already")
    return {"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time(),
            "peak_rss_mb": max(resource.getrusage(who).ru_maxrss for who in
                               (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024}


def _child_run(corpus: str, out: str, state: str | None, with_dedup: bool, workers: int = 1) -> dict:
    command = [sys.executable, __file__, "--child", corpus, out, state or "", str(int(with_dedup)),
               str(workers)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _read_rows(folder: str, prefix: str) -> list[tuple[str, str, bool]]:
    rows = []
    for path in pathlib.Path(folder).glob(prefix + "*"):
        for line in path.read_text(encoding="utf-8").splitlines():
            story_id, cluster_id, duplicate = line.split("\t")
            rows.append((story_id, cluster_id, duplicate == "1"))
    return rows


# ---------------------------------------------------------------- scoring

def pairwise_scores(labelled, predicted: dict[str, str]) -> dict[str, dict]:
    """Per kind: pairs of each story of that kind with the rest of its predicted / gold cluster."""
    gold = {item.story.story_id: item.group for item in labelled}
    pred_size = collections.Counter(predicted[i] for i in gold)
    gold_size = collections.Counter(gold.values())
    both = collections.Counter((predicted[i], gold[i]) for i in gold)
    totals: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    for item in labelled:
        sid = item.story.story_id
        tp = both[(predicted[sid], gold[sid])] - 1
        cell = (pred_size[predicted[sid]] - 1, gold_size[gold[sid]] - 1, tp)
        for kind in (item.kind, "all") + (("targets",) if item.kind in dedup_corpus.TARGET_KINDS else ()):
            for k in range(3):
                totals[kind][k] += cell[k]
    scores = {}
    for kind, (pred_pairs, gold_pairs, tp) in totals.items():
        scores[kind] = {"precision": tp / pred_pairs if pred_pairs else 1.0,
                        "recall": tp / gold_pairs if gold_pairs else 1.0,
                        "pred_pairs": pred_pairs, "gold_pairs": gold_pairs}
    return scores


def hard_negative_merges(labelled, predicted: dict[str, str]) -> tuple[int, int]:
    clusters_of_group = collections.defaultdict(set)
    for item in labelled:
        clusters_of_group[item.group].add(predicted[item.story.story_id])
    negatives = [item for item in labelled if item.kind == "quote"]
    merged = sum(predicted[item.story.story_id] in clusters_of_group[item.source_group]
                 for item in negatives)
    return merged, len(negatives)


def print_scores(name: str, labelled, predicted: dict[str, str]) -> None:
    scores = pairwise_scores(labelled, predicted)
    merged, negatives = hard_negative_merges(labelled, predicted)
    print(f"\n{name}: pairwise precision / recall (pairs of each story with its cluster)")
    order = ["targets", "all"] + list(dedup_corpus.COPY_KINDS) + ["original", "single", "quote"]
    for kind in order:
        if kind in scores:
            s = scores[kind]
            print(f"  {kind:<11} P {s['precision']:.4f}  R {s['recall']:.4f}  "
                  f"(pred pairs {s['pred_pairs']}, gold pairs {s['gold_pairs']})")
    print(f"  hard negatives merged with the story they quote: {merged} of {negatives}")


# ---------------------------------------------------------------- datasketch reference

def datasketch_clusters(stories: list[Story]) -> tuple[dict[str, str], float]:
    from datasketch import MinHash, MinHashLSH

    started = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=params.NUM_PERM)
    signatures = {}
    for story in stories:
        words = sketch.words(story.text)
        shingles = {" ".join(words[i:i + 3]).encode("utf-8") for i in range(max(1, len(words) - 2))}
        minhash = MinHash(num_perm=params.NUM_PERM)
        minhash.update_batch(list(shingles))
        signatures[story.story_id] = minhash
        lsh.insert(story.story_id, minhash)
    union = clusters.UnionFindFn()
    parent = union.create_accumulator()
    for story_id, minhash in signatures.items():
        for other in lsh.query(minhash):
            union.add_input(parent, (story_id, other))
    roots = union.extract_output(parent)
    return {s.story_id: roots.get(s.story_id, s.story_id) for s in stories}, time.perf_counter() - started


# ---------------------------------------------------------------- main

def signatures_per_second(stories: list[Story], limit: int = 3000) -> tuple[float, float]:
    """Best of three passes, in CPU time of this process: one core, whatever else runs."""
    texts = [s.text for s in stories[:limit]]
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for text in texts:
            sketch.signature(text)
        best = min(best, time.process_time() - started)
    words = sum(len(t.split()) for t in texts)
    return len(texts) / best, words / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000", help="corpus sizes, comma-separated")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-datasketch", action="store_true")
    parser.add_argument("--workers", type=int, default=1,
                        help="FnApiRunner workers (>1: multi_processing; slower here, gRPC-bound)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    bodies = dedup_corpus.load_bodies()
    print(f"dedup benchmark, parameters {params.PARAMS_VERSION}; {len(bodies)} real article bodies "
          f"of >= {dedup_corpus.MIN_BASE_WORDS} words from {dedup_corpus.GROUND_TRUTH.name}")
    timings = {}
    for index, size in enumerate(sizes):
        labelled = dedup_corpus.generate(size, seed=args.seed, bodies=bodies)
        stories = [item.story for item in labelled]
        kinds = collections.Counter(item.kind for item in labelled)
        print(f"\n=== {size} stories: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
        if index == 0:
            docs, words = signatures_per_second(stories)
            print(f"signatures on one core (CPU time, best of 3): {docs:,.0f} docs/s ({words:,.0f} words/s; "
                  f"mean {sum(len(s.text.split()) for s in stories) / len(stories):.0f} words/doc)")
        with tempfile.TemporaryDirectory() as tmp:
            corpus = os.path.join(tmp, "corpus.jsonl")
            with open(corpus, "w", encoding="utf-8") as handle:
                for story in stories:
                    handle.write(_story_json(story) + "\n")
            baseline = _child_run(corpus, os.path.join(tmp, "base"), None, False, args.workers)
            run = _child_run(corpus, os.path.join(tmp, "run"), os.path.join(tmp, "state"), True,
                             args.workers)
            stage_seconds = max(run["seconds"] - baseline["seconds"], 1e-9)
            timings[size] = (run["seconds"], run["cpu_seconds"])
            print(f"Beam pipeline read+dedup+write: {run['seconds']:.1f} s wall, {run['cpu_seconds']:.1f} s CPU "
                  f"({size / run['seconds']:,.0f} stories/s); read+write alone {baseline['seconds']:.1f} s; "
                  f"dedup stage ~{size / stage_seconds:,.0f} stories/s; peak RSS {run['peak_rss_mb']:.0f} MB "
                  f"(read+write alone {baseline['peak_rss_mb']:.0f} MB)")
            rows = _read_rows(os.path.join(tmp, "run"), "stories")
            predicted = {story_id: cluster_id for story_id, cluster_id, _ in rows}
            assert len(predicted) == size, f"{len(predicted)} stories out of {size}"
            if index == 0:
                print_scores("incidentflow dedup", labelled, predicted)
                again = _child_run(corpus, os.path.join(tmp, "again"), os.path.join(tmp, "state"), True,
                                   args.workers)
                canonical_again = sum(not dup for _, _, dup in _read_rows(os.path.join(tmp, "again"), "stories"))
                already = len(_read_rows(os.path.join(tmp, "again"), "already"))
                print(f"\nsecond run, same inputs, same --state: {canonical_again} new canonical stories, "
                      f"{already} already ingested ({again['seconds']:.1f} s)")
        if index == 0 and not args.skip_datasketch:
            reference, seconds = datasketch_clusters(stories)
            print(f"\ndatasketch MinHashLSH(threshold=0.5) build+query: {seconds:.1f} s "
                  f"({size / seconds:,.0f} docs/s)")
            print_scores("datasketch MinHashLSH 0.5 (LSH candidates, no verification)", labelled, reference)
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        print(f"\nscaling {first} -> {last} stories: time x{timings[last][0] / timings[first][0]:.2f} "
              f"(CPU time x{timings[last][1] / timings[first][1]:.2f}) for x{last / first:.0f} stories")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _, _, corpus_path, out_dir, state_dir, dedup_flag, num_workers = sys.argv
        print(json.dumps(run_stage(corpus_path, out_dir, state_dir or None, dedup_flag == "1",
                                   int(num_workers))))
    else:
        main()
