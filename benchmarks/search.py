"""The label index at scale (not part of `make test`): build time, size and lookup times.

Writes the synthetic graph of SCALE triples (`kg synth`), builds the persistent store
with its label index (as `kg query --store` does), then times lookups of each kind,
each the median of RUNS, in one process: a part of a name (3+ characters: trigrams;
1–2 characters: pairs of characters), a romanization, initial consonants (초성), an exact
name (what `entity` parameters resolve), and /search's ranked first page; "all" reads
every name found, "first 50" what a page shows. Beside
them, the same substring test as a SPARQL scan (what the query did before), and whole
`kg query search` / `evidence` processes on the store. Target (issue 16): ≤ 50 ms a
lookup at 10^6 triples.

    .venv/bin/python benchmarks/search.py [SCALE] [RUNS]      # default 1000000 5
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.scale.synth import write_synth
from kg.serve.search import found
from kg.sparql.labels import INDEX_FILE, build_index, open_index
from kg.sparql.store import open_store

SCAN = """SELECT DISTINCT ?node WHERE {{
  ?node <http://www.w3.org/2000/01/rdf-schema#label> ?name .
  FILTER (CONTAINS(LCASE(STR(?name)), "{text}")) }}"""
LOOKUPS = [  # (what, text); "" is an agency's exact name, taken from the index
    ("part, 3+ characters, few names", "진흥원507"),
    ("part, 3+ characters, every agency", "정보산업"),
    ("part, 2 characters", "센터"),
    ("part, 1 character", "랩"),
    ("romanization", "jinheungwon507"),
    ("romanization, a whole region", "gyeongsangbuk"),
    ("초성 (initial consonants)", "ㄱㅅㅂㄷ"),
]


def median_ms(call, runs: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        size = len(call())
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), size


def process_seconds(args: list[str]) -> str:
    start = time.perf_counter()
    done = subprocess.run([shutil.which("kg") or "kg", *args], capture_output=True, text=True)
    seconds = f"{time.perf_counter() - start:.2f} s"
    return seconds if done.returncode == 0 else f"{seconds}, failed: {done.stderr.strip()}"


def main(scale: int, runs: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="kg-search-bench-"))
    try:
        nquads, quads = write_synth(scale, folder / "synth.nq")
        start = time.perf_counter()
        store = open_store(nquads, folder / "store")
        built = time.perf_counter() - start
        start = time.perf_counter()
        build_index(store).db.close()  # the index alone, in memory (its share of the build)
        alone = time.perf_counter() - start
        index = open_index(folder / "store" / INDEX_FILE)
        (names,) = index.db.execute("SELECT COUNT(*) FROM names").fetchone()
        size = (folder / "store" / INDEX_FILE).stat().st_size / 1e6
        print(f"{quads} triples, {names} names; store with its index built in {built:.1f} s")
        print(f"(the index alone, in memory: {alone:.1f} s);", end=" ")
        print(f"index {size:.0f} MB; lookups: median of {runs}, one process")
        print(f"{'lookup':34} {'text':16} {'all, ms':>8} {'names':>7} {'first 50, ms':>13}")
        agency = "SELECT label FROM names WHERE node LIKE '%/org/%' AND lang = 'ko' LIMIT 1"
        (agency_name,) = index.db.execute(agency).fetchone()
        for what, text in LOOKUPS:
            ms, hits = median_ms(lambda t=text: index.search(t), runs)
            first, _ = median_ms(lambda t=text: index.search(t, limit=50), runs)
            print(f"{what:34} {text:16} {ms:8.1f} {hits:7d} {first:13.1f}")
        ms, hits = median_ms(lambda: index.named(agency_name), runs)
        print(f"{'exact name (an entity parameter)':34} {agency_name:16} {ms:8.1f} {hits:7d}")
        ms, hits = median_ms(lambda: found(index, "gyeongsangbuk")["results"], runs)
        print(f"{'/search page (ranked, 50 shown)':34} {'gyeongsangbuk':16} {ms:8.1f} {hits:7d}")
        scan = SCAN.format(text="정보산업")
        ms, hits = median_ms(lambda: list(store.query(scan, use_default_graph_as_union=True)), 1)
        print(f"{'SPARQL scan (before), 1 run':34} {'정보산업':16} {ms:8.1f} {hits:7d}")
        where = ["--store", str(folder / "store"), "--graph", str(nquads), "--format", "csv"]
        for name, param in [
            ("search", "text=진흥원507"),
            ("search", "text=정보산업"),
            ("evidence", f"entity={agency_name}"),
        ]:
            seconds = process_seconds(["query", name, "--param", param, *where])
            print(f"kg query {name} --param {param} --store: {seconds} (whole process)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000,
        int(sys.argv[2]) if len(sys.argv) > 2 else 5,
    )
