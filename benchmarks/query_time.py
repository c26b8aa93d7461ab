"""Whole-process time of `kg query NAME` for every bundled query (not part of `make test`).

Prints the median wall time and the median CPU time (user + system) of N runs of
each query as a separate process. On a busy machine the wall time grows with the
load; the CPU time is what the command itself costs. Issue 7's target: ≤ 0.15 s.

    .venv/bin/python benchmarks/query_time.py [RUNS]
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import time

from kg.sparql.catalogue import load_catalogue
from kg.sparql.store import BUILT_NQUADS

SAMPLE_PARAMS = {
    "units-opened-in": ["--param", "year=2017"],
    "evidence": ["--param", "entity=정보통신부"],
    "describe": ["--param", "entity=unit/sos-lab"],
    "search": ["--param", "text=센터"],
}


def measure(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``runs`` runs of ``command``."""
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    if not BUILT_NQUADS.exists():
        sys.exit("no dist/kg.nq: run `kg build` first")
    kg = shutil.which("kg") or "kg"
    print(f"{'command':<40} {'wall s':>7} {'cpu s':>7}   (median of {runs})")
    for command in (["--help"], ["query", "--list"]):
        wall, cpu = measure([kg, *command], runs)
        print(f"{'kg ' + ' '.join(command):<40} {wall:7.3f} {cpu:7.3f}")
    for name in load_catalogue():
        wall, cpu = measure([kg, "query", name, *SAMPLE_PARAMS.get(name, [])], runs)
        print(f"{'kg query ' + name:<40} {wall:7.3f} {cpu:7.3f}")
    store = BUILT_NQUADS.with_suffix(".oxigraph")  # a persistent store, built by the first run
    subprocess.run([kg, "query", "history", "--store", str(store)], stdout=subprocess.DEVNULL)
    wall, cpu = measure([kg, "query", "history", "--store", str(store)], runs)
    print(f"{'kg query history --store dist/kg.oxigraph':<40} {wall:7.3f} {cpu:7.3f}")


if __name__ == "__main__":
    main()
