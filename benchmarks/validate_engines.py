"""Benchmark: ``kg validate FILE`` with the fast engine and with pyshacl, side by side.

    python benchmarks/validate_engines.py                   # built graph, 10^5 (both), 10^6 (fast)
    VALIDATE_SCALES=100000 python benchmarks/validate_engines.py

Each run is the whole process (``kg validate FILE --engine E``: start-up, parsing,
SHACL, the typed-literal check, offsets, violation queries, labels), timed from
outside, with the child's peak RSS from ``wait4``. The graphs are the built graph
(``kg build``) and ``kg synth`` graphs; pyshacl runs up to VALIDATE_PYSHACL_MAX triples
(default 150,000: at 10^6 it takes far too long). Prints one table; writes nothing else
but the graphs, in a temporary folder that is removed at the end.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SCALES = [int(s) for s in os.environ.get("VALIDATE_SCALES", "100000,1000000").split(",") if s]
PYSHACL_MAX = int(os.environ.get("VALIDATE_PYSHACL_MAX", "150000"))
TIMEOUT = int(os.environ.get("VALIDATE_TIMEOUT", "1800"))
KG = [str(Path(sys.executable).parent / "kg")]


def run(args: list[str]) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit code) of one child process; killed after TIMEOUT s."""
    start = time.perf_counter()
    process = subprocess.Popen([*KG, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    timer = threading.Timer(TIMEOUT, process.kill)
    timer.start()
    _, status, usage = os.wait4(process.pid, 0)
    timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, for its rusage
    return time.perf_counter() - start, usage.ru_maxrss / 1024, process.returncode


def graphs(folder: Path) -> list[tuple[str, Path, int]]:
    """(name, file, triples) of the graphs to validate, written into ``folder``."""
    found = []
    subprocess.run([*KG, "build", "--out", str(folder / "dist")], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    built = folder / "dist" / "kg.nq"
    found.append(("built graph", built, _lines(built)))
    for scale in SCALES:
        path = folder / f"synth-{scale}" / "synth.nq"
        subprocess.run([*KG, "synth", "--scale", str(scale), "-o", str(path)], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        found.append((f"synth 10^{len(str(scale)) - 1}", path, _lines(path)))
    return found


def _lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if not line.startswith(b"#"))


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kg-validate-bench-") as tmp:
        rows = []
        for name, path, triples in graphs(Path(tmp)):
            for engine in ("fast", "pyshacl"):
                if engine == "pyshacl" and triples > PYSHACL_MAX:
                    rows.append((name, triples, engine, "skipped (too slow)", "", ""))
                    continue
                seconds, rss, code = run(["validate", str(path), "--engine", engine])
                rows.append((name, triples, engine, f"{seconds:.1f}", f"{rss:.0f}", str(code)))
                print(f"{name} ({triples} triples) {engine}: {seconds:.1f} s", file=sys.stderr)
    print(f"{'graph':<12} {'triples':>9} {'engine':<8} {'seconds':>18} {'peak MB':>8} {'exit':>4}")
    for name, triples, engine, seconds, rss, code in rows:
        print(f"{name:<12} {triples:>9} {engine:<8} {seconds:>18} {rss:>8} {code:>4}")


if __name__ == "__main__":
    main()
