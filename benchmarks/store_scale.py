"""Building a --store, side by side with its floor, and `kg validate --engine fast`, at scale.

    .venv/bin/python benchmarks/store_scale.py                     # 10^6 (STORE_SCALES)
    STORE_SCALES=10000000 SCALE_DIR=/tmp/big7 .venv/bin/python benchmarks/store_scale.py

Whole processes, each with its own wall time and peak RSS (``os.wait4``), in one run:

- floor: ``python -c`` that bulk-loads the same file into a fresh on-disk
  ``pyoxigraph.Store`` (nothing else: no label index, no checks), and the same followed by
  ``optimize()`` (the compaction pyoxigraph advises after a bulk load, which a --store
  build does too: the ratio is ours against this one);
- ours: ``kg query class-counts --graph FILE --store S`` with no store yet (the store
  and its label index built, then the query run); S (``SCALE_DIR/synth-N.oxigraph``) is
  kept for ``SCALE_KEEP_STORE=1 benchmarks/query_scale.py``;
- ``kg validate FILE --engine fast``.

Targets (issue 16 point 4, at 10^7): the store ≤ 90 s and ≤ 4 GB, validate ≤ 180 s.
The graph is ``SCALE_DIR/synth-N.nq`` (as benchmarks/query_scale.py names it; written
with `kg synth` when missing). Not part of `make test`; one run, STORE_REPEAT to repeat.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

SCALES = [int(s) for s in os.environ.get("STORE_SCALES", "1000000").split(",")]
sys.path.insert(0, str(Path(__file__).parent))
from query_scale import kg_command, synth_graph  # noqa: E402  (one place for both benchmarks)

REPEAT = int(os.environ.get("STORE_REPEAT", "1"))
TARGETS = {10_000_000: {"store": (90.0, 4096), "validate": (180.0, None)}}
FLOOR = (
    "import sys, pyoxigraph as ox; s = ox.Store(sys.argv[1]); "
    "s.bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_QUADS)"
)
FLOORS = {  # what the floor runs: bulk_load alone, and bulk_load then compaction
    "floor: pyoxigraph bulk_load (python -c)": FLOOR,
    "floor: pyoxigraph bulk_load + optimize": FLOOR + "; s.optimize()",
}


def timed(cmd: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (MB) and exit status of one process (its own, not the bench's)."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    err = child.stderr.read()  # a child that writes much would block on a full pipe
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if child.returncode != 0:
        print(f"    {cmd[:3]} exited {child.returncode}: {err.decode()[-200:]}", flush=True)
    return seconds, usage.ru_maxrss // 1024, child.returncode


def line(n: int, what: str, seconds: float, mb: int, target, floor: float | None = None) -> str:
    ratio = f"{seconds / floor:5.2f}× floor" if floor else " " * 11
    goal = ""
    if target:
        limit_s, limit_mb = target
        ok = seconds <= limit_s and (limit_mb is None or mb <= limit_mb)
        goal = f"{'ok' if ok else 'MISS'} (≤ {limit_s:g} s" + (
            f", ≤ {limit_mb} MB)" if limit_mb else ")"
        )
    return f"{n:>9}  {what:<44} {seconds:8.1f} s {mb:6d} MB  {ratio}  {goal}"


def bench_scale(n: int) -> None:
    nquads = synth_graph(n)
    folder = nquads.parent
    # ours is kept where benchmarks/query_scale.py looks (SCALE_KEEP_STORE=1 queries it)
    floor_dir, ours_dir = folder / f"floor-{n}.oxigraph", nquads.with_suffix(".oxigraph")
    targets = TARGETS.get(n, {})
    for _ in range(REPEAT):  # alternately: the floor, then ours
        for what, code in FLOORS.items():
            shutil.rmtree(floor_dir, ignore_errors=True)
            floor, mb, _ = timed([sys.executable, "-c", code, str(floor_dir), str(nquads)])
            print(line(n, what, floor, mb, None), flush=True)
            shutil.rmtree(floor_dir, ignore_errors=True)
        shutil.rmtree(ours_dir, ignore_errors=True)
        cmd = [kg_command(), "query", "class-counts", "--graph", str(nquads)]
        seconds, mb, _ = timed([*cmd, "--store", str(ours_dir)])
        what = "kg query class-counts --store (new store)"
        print(line(n, what, seconds, mb, targets.get("store"), floor), flush=True)
    seconds, mb, code = timed([kg_command(), "validate", str(nquads), "--engine", "fast"])
    what = f"kg validate --engine fast (exit {code})"
    print(line(n, what, seconds, mb, targets.get("validate")), flush=True)


def main() -> None:
    print(f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores", flush=True)
    for n in SCALES:
        bench_scale(n)


if __name__ == "__main__":
    main()
