"""A large Telegram Desktop JSON export, generated (never copied), and the peak memory
of reading it in a fresh process. Used by the memory test and bench/bench_fetch.py."""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]
_TEXT = ("Air defence intercepted {n} drones over the district overnight, the governor said; "
         "debris damaged a roof and two cars, no one was hurt. Details follow in the next post. ")


def write_export(path: pathlib.Path, megabytes: float) -> int:
    """Writes a single-channel export of about ``megabytes`` MB; returns its message count."""
    target = int(megabytes * 1_000_000)
    with path.open("w", encoding="utf-8") as stream:
        stream.write('{"name": "Load Test Channel", "type": "public_channel", "id": 4242, "messages": [\n')
        written, count = 0, 0
        while written < target:
            count += 1
            message = {"id": count, "type": "message", "date": "2024-06-01T10:00:00",
                       "date_unixtime": str(1717236000 + count), "from": "Load Test Channel",
                       "from_id": "channel4242", "text": _TEXT.format(n=count % 40) * 2,
                       "text_entities": [{"type": "plain", "text": _TEXT.format(n=count % 40) * 2}]}
            line = ("," if count > 1 else "") + json.dumps(message, ensure_ascii=False) + "\n"
            stream.write(line)
            written += len(line)
        stream.write("]}\n")
    return count


_MEASURE = """
import resource, sys
from transforms.sources import InputSpec, read_input
from schemas.records import RawItem
items = sum(1 for output in read_input(InputSpec("telegram", sys.argv[1])) if isinstance(output, RawItem))
print(items, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def read_in_subprocess(path: pathlib.Path) -> tuple[int, int]:
    """(items read, peak RSS in MiB) of reading the export in a fresh interpreter."""
    result = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], cwd=REPO, check=True,
                            capture_output=True, text=True)
    items, peak = result.stdout.split()
    return int(items), int(peak)
