"""End-to-end benchmark: the whole pipeline at several corpus sizes.

    python bench/bench_pipeline.py                       # light mix at 1k and 10k, html mix at 1k
    python bench/bench_pipeline.py --mix light --sizes 1000,10000,100000
    python bench/bench_pipeline.py --mix html --sizes 1000,10000 --processes 1,2

For each size it generates a corpus (bench/corpus.py, cached under bench/out/), runs
``incidentflow run`` on it in a child process and prints wall time, stories per second
end to end, seconds of work per stage (summed over processes, from the run manifest) and
the peak memory of the process tree, pool processes included. Memory is the sum of
proportional set sizes (PSS): forked pool processes share most of their pages with the
parent, and summing resident sizes would count those pages once per process. For the
html mix it also times ``trafilatura.extract`` alone on the same pages in one process,
with the options the cleaning stage gives it: the floor cost of the heaviest stage, and
the headline ratio pipeline / trafilatura.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import threading
import time

import psutil

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import corpus  # noqa: E402  (bench/ is a folder of scripts, not a package)

OUT = os.path.join(HERE, "out")


def corpus_dir(mix: str, size: int) -> str:
    folder = os.path.join(OUT, f"corpus-{mix}-{size}")
    if not os.path.exists(os.path.join(folder, ".done")):
        shutil.rmtree(folder, ignore_errors=True)
        corpus.generate(folder, size, mix, seed=7)
        open(os.path.join(folder, ".done"), "w").close()
    return folder


class PeakMemory:
    """Samples the memory (PSS) of a process and all its children."""

    def __init__(self, pid: int, every_s: float = 0.1):
        self._process = psutil.Process(pid)
        self._every_s = every_s
        self.peak_bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                tree = [self._process] + self._process.children(recursive=True)
                total = 0
                for process in tree:
                    try:
                        total += process.memory_full_info().pss
                    except psutil.Error:
                        pass
                self.peak_bytes = max(self.peak_bytes, total)
            except psutil.Error:
                return
            self._stop.wait(self._every_s)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak_bytes


def run_pipeline(source: str, processes: int) -> dict:
    output = os.path.join(OUT, "run-output")
    shutil.rmtree(output, ignore_errors=True)
    command = [sys.executable, "-m", "pipelines.cli", "run", source, "--output", output,
               "--local_processes", str(processes)]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=os.path.dirname(HERE), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(child.pid)
    stdout, stderr = child.communicate()
    seconds = time.perf_counter() - started
    peak = memory.stop()
    if child.returncode != 0:
        raise SystemExit(f"the pipeline failed:\n{stdout}\n{stderr[-3000:]}")
    manifest = json.load(open(glob.glob(os.path.join(output, "_runs", "*.json"))[0]))
    return {"seconds": seconds, "peak_mib": peak / 2**20, "manifest": manifest}


def html_bodies(source: str) -> list[str]:
    paths = sorted(glob.glob(os.path.join(source, "pages", "*.html")))
    return [open(path, encoding="utf-8").read() for path in paths]


def trafilatura_alone(bodies: list[str]) -> float:
    """Seconds that trafilatura.extract alone takes over ``bodies`` in this one process.

    With the options the cleaning stage uses: its defaults also run the readability and
    jusText fallbacks, which on these pages costs half as much again, and would make a
    floor the pipeline never pays.
    """
    import trafilatura

    from transforms.clean.html import EXTRACTION_OPTIONS

    started = time.perf_counter()
    for body in bodies:
        trafilatura.extract(body, **EXTRACTION_OPTIONS)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mix", choices=("html", "light", "mixed"), action="append")
    parser.add_argument("--sizes", default=None, help="comma-separated story counts")
    parser.add_argument("--processes", default=f"1,{os.cpu_count()}",
                        help="comma-separated --local_processes values to compare (default: 1 and "
                             "one per core, which is what a run uses by default)")
    args = parser.parse_args()
    plans = ([(mix, args.sizes or "1000,10000") for mix in args.mix] if args.mix
             else [("light", args.sizes or "1000,10000"), ("html", args.sizes or "1000")])
    os.makedirs(OUT, exist_ok=True)
    print(f"{'mix':6} {'stories':>8} {'procs':>7} {'seconds':>8} {'stories/s':>9} {'peak MiB':>9}  "
          "counts / seconds of work per stage, summed over processes (items read per second of it)")
    for mix, sizes in plans:
        for size in (int(s) for s in sizes.split(",")):
            source = corpus_dir(mix, size)
            floor = None
            if mix == "html":
                bodies = html_bodies(source)
                floor = trafilatura_alone(bodies)
                print(f"{mix:6} {size:>8} {'-':>7} {floor:>8.1f} {len(bodies) / floor:>9.1f} {'':>9}  "
                      "trafilatura.extract alone, one process, the stage's options")
            for processes in (int(p) for p in args.processes.split(",")):
                result = run_pipeline(source, processes)
                counts = result["manifest"]["counts"]
                stages = " ".join(f"{k}={v:.1f}s ({counts['read'] / v:,.0f}/s)" if v else f"{k}=0"
                                  for k, v in result["manifest"]["stages"].items())
                line = (f"{mix:6} {size:>8} {processes:>7} {result['seconds']:>8.1f} "
                        f"{counts['read'] / result['seconds']:>9.1f} {result['peak_mib']:>9.0f}  "
                        f"read={counts['read']} stories={counts['stories']} dup={counts['duplicates']} "
                        f"rej={counts['rejects']} inc={counts['incidents']} | {stages}")
                if floor:
                    line += f" | pipeline/trafilatura-alone throughput = {floor / result['seconds']:.2f}x"
                print(line, flush=True)


if __name__ == "__main__":
    main()
