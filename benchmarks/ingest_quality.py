"""Print the precision and recall of `kg ingest` on the seed article (against the curated
graph) and on the test profiles and tuning texts (against their hand-written expected
answers), and the seconds each article takes.

Run: .venv/bin/python benchmarks/ingest_quality.py
"""

from __future__ import annotations

import time
from pathlib import Path

from kg.build.assemble import build_graph
from kg.core.paths import ROOT, SOURCES_DIR
from kg.ingest import ingest
from kg.ingest.evaluate import expected_gold, score, to_text
from kg.ingest.gold_graph import graph_gold

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


def main() -> None:
    seed = ingest(SOURCES_DIR / "c0befe44ac966333.txt")
    print(to_text(score(seed.extraction, graph_gold(build_graph())), "seed vs curated graph"))
    times = []
    for expected in sorted(
        [*FIXTURES.glob("*.expected.toml"), *FIXTURES.glob("*/*.expected.toml")]
    ):
        name = expected.name.removesuffix(".expected.toml")
        if name.startswith(("heldout-", "blind")):  # benchmarks/ingest_heldout.py does
            continue
        start = time.perf_counter()
        result = ingest(Path(expected.parent / f"{name}.txt"))
        times.append(time.perf_counter() - start)
        print(to_text(score(result.extraction, expected_gold(expected)), name))
    print(f"seconds per article after the first: max {max(times[1:]):.2f}, first {times[0]:.2f}")


if __name__ == "__main__":
    main()
