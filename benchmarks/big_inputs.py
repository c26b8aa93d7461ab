"""Time and peak memory of `kg validate FILE` and `kg export --graph FILE --all` on big
inputs (issue 9, case 7): a 12 MB literal on one N-Triples line, a Turtle literal of
400k lines, a 3000-long blank-node chain, and 150k ordinary triples (to show the
cost per triple behind the default size cap). Not part of `make test`; ~2 minutes.

Each command runs as its own process; the peak memory is that child's maximum
resident set size. The README's "Security and limits" quotes these numbers.

    .venv/bin/python benchmarks/big_inputs.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KG = [sys.executable, "-m", "kg.cli"]


def inputs(folder: Path) -> dict[str, Path]:
    files = {
        "12 MB literal (.nt)": (
            "big.nt",
            '<http://x/a> <http://x/p> "' + "a" * (12 * 2**20) + '" .\n',
        ),
        "400k-line literal (.ttl)": (
            "long.ttl",
            '<http://x/a> <http://x/p> """' + "line\n" * 400_000 + '""" .\n',
        ),
        "3000-node blank chain (.nt)": (
            "chain.nt",
            "<http://x/r> <http://x/n> _:n0 .\n"
            + "".join(f"_:n{i} <http://x/n> _:n{i + 1} .\n" for i in range(2999)),
        ),
        "150k triples (8 MB .nt)": (
            "many.nt",
            "".join(
                f'<http://x/s{i % 5000}> <http://x/p{i % 7}> "value number {i}"@en .\n'
                for i in range(150_000)
            ),
        ),
    }
    paths = {}
    for label, (name, text) in files.items():
        paths[label] = folder / name
        paths[label].write_text(text, encoding="utf-8")
    return paths


def measure(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        raise SystemExit(f"failed: {' '.join(args)}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="kg-big-"))
    try:
        print(f"{'input':30} {'command':22} {'seconds':>8} {'peak MiB':>9}")
        for label, path in inputs(folder).items():
            out = str(folder / "out")
            for command, args in (
                ("validate", ["validate", str(path)]),
                ("export --graph --all", ["export", "--graph", str(path), "--all", "-o", out]),
            ):
                seconds, peak = measure(KG + args)
                print(f"{label:30} {command:22} {seconds:8.2f} {peak:9.0f}")
        baseline = measure(KG + ["--help"])
        print(f"{'(kg --help, for scale)':30} {'':22} {baseline[0]:8.2f} {baseline[1]:9.0f}")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
