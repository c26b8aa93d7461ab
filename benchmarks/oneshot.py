"""One-shot `kg query` against its floor, whole processes, alternately (not part of `make test`).

The floor is `python -c` that imports pyoxigraph, bulk-loads dist/kg.nq and runs the
same query (CSV out). Both commands run alternately RUNS times in one run, so a busy
machine slows both alike; prints the medians and their ratio (target: ≤ 2×).

It measures what a user runs: an installed package, or a checkout after its first run,
has its modules compiled (.pyc). So the children run with PYTHONDONTWRITEBYTECODE
removed from their environment (some sandboxes set it, and every run would then
compile our modules from source, ~13 ms), after one untimed warm-up run of each.

    .venv/bin/python benchmarks/oneshot.py [RUNS]        # default 10
"""

from __future__ import annotations

import os
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


def kg_script() -> list[str]:
    """``kg`` as pip's console script runs it: the entry point pyproject.toml names.

    (A venv's bin/kg installed before the entry point changed would run the old one.)
    """
    import tomllib

    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    entry = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["scripts"]["kg"]
    module, function = entry.split(":")
    script = f"import sys\nfrom {module} import {function}\nsys.argv[0] = 'kg'\n"
    script += f"sys.exit({function}())"
    return [sys.executable, "-c", script]


def commands(nquads: Path, query: Path) -> dict[str, list[str]]:
    kg = kg_script()
    floor = FLOOR.format(nquads=str(nquads), query=str(query))
    return {
        f"kg query {QUERY}": [*kg, "query", QUERY, "--format", "csv"],
        f"kg query {QUERY} --timeout 0": [*kg, "query", QUERY, "--format", "csv", "--timeout", "0"],
        "floor (python -c, pyoxigraph)": [sys.executable, "-c", floor],
    }


def medians(cmds: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall seconds of each command; the commands take turns, ``runs`` rounds."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for cmd in cmds.values():  # warm-up: writes the .pyc files a user's install has
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, env=env)
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, env=env)
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
    title = f"one-shot, whole process (median of {runs})"
    lines = [f"{title:<44} {'s':>7} {'ratio':>6}"]
    for name, seconds in found.items():
        ratio = seconds / floor
        mark = "" if name.startswith("floor") else f"  target ≤ {TARGET:g}× floor"
        lines.append(f"{name:<44} {seconds:7.3f} {ratio:5.2f}×{mark}")
    lines.append("(modules compiled: .pyc written by one untimed warm-up run of each)")
    return lines


if __name__ == "__main__":
    print("\n".join(report(int(sys.argv[1]) if len(sys.argv) > 1 else 10)))
