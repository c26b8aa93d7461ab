"""One-shot `kg query` against its floor, whole processes, alternately (not part of `make test`).

The floor is `python -c` that imports pyoxigraph, bulk-loads dist/kg.nq and runs the
same query (CSV out). Both commands run alternately RUNS times in one run, so a busy
machine slows both alike; prints the medians and their ratio (target: ≤ 2×).

    .venv/bin/python benchmarks/oneshot.py [RUNS]        # default 10
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET = 2.0
QUERY = "class-counts"
FLOOR = """
import pyoxigraph as ox
store = ox.Store()
store.bulk_load(path={nquads!r}, format=ox.RdfFormat.N_QUADS)
result = store.query(open({query!r}, encoding="utf-8").read(), use_default_graph_as_union=True)
import sys
sys.stdout.buffer.write(result.serialize(format=ox.QueryResultsFormat.CSV))
"""


def commands(nquads: Path, query: Path) -> dict[str, list[str]]:
    kg = shutil.which("kg") or str(Path(sys.executable).with_name("kg"))
    floor = FLOOR.format(nquads=str(nquads), query=str(query))
    return {
        f"kg query {QUERY}": [kg, "query", QUERY, "--format", "csv"],
        f"kg query {QUERY} --timeout 0": [kg, "query", QUERY, "--format", "csv", "--timeout", "0"],
        "floor (python -c, pyoxigraph)": [sys.executable, "-c", floor],
    }


def medians(cmds: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall seconds of each command; the commands take turns, ``runs`` rounds."""
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def report(runs: int = 10) -> list[str]:
    """The table's lines: each command's median, and its ratio to the floor."""
    from kg.core.paths import QUERIES_DIR
    from kg.sparql.store import BUILT_NQUADS

    if not BUILT_NQUADS.exists():
        sys.exit("no dist/kg.nq: run `kg build` first")
    found = medians(commands(BUILT_NQUADS, QUERIES_DIR / f"{QUERY}.rq"), runs)
    floor = found["floor (python -c, pyoxigraph)"]
    lines = [f"{'one-shot, whole process (median of ' + str(runs) + ')':<44} {'s':>7} {'ratio':>6}"]
    for name, seconds in found.items():
        ratio = seconds / floor
        mark = "" if name.startswith("floor") else f"  target ≤ {TARGET:g}× floor"
        lines.append(f"{name:<44} {seconds:7.3f} {ratio:5.2f}×{mark}")
    return lines


if __name__ == "__main__":
    print("\n".join(report(int(sys.argv[1]) if len(sys.argv) > 1 else 10)))
