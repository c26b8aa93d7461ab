"""Every bundled query on a persistent store, as the user runs it, at 10^6 (and 10^7) triples.

    .venv/bin/python benchmarks/query_scale.py                 # 10^6 (SCALE_SCALES=1000000)
    SCALE_SCALES=1000000,10000000 .venv/bin/python benchmarks/query_scale.py
    SCALE_DIR=dist/big SCALE_KEEP_STORE=1 QUERY_TIMEOUT=20 ...  # graphs elsewhere, store kept

For each scale: `kg synth --scale N` (kept in dist/bench/), the persistent store built
from it (`--store`, timed, with the peak RSS of the process that builds it), then each
bundled query twice: in-process on the opened store (the query and its CSV only), and
as a whole `kg query NAME --store S` process (start, open, query, output), parameters
bound as `kg query` binds them, and beside it the floor: a `python -c` process that opens
the same store with pyoxigraph and writes the CSV of the same prepared text (parameters
already bound; nothing else). Then `kg validate --engine fast` on the file. Each
figure is printed next to its target; a query past QUERY_TIMEOUT (default 60 s) is
reported as a timeout. Not part of `make test`; one run per scale.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCALES = [int(s) for s in os.environ.get("SCALE_SCALES", "1000000").split(",")]
# where the synthetic graphs are kept (synth-N.nq, its texts in synth-N.texts/): dist/bench
SCALE_DIR = os.environ.get("SCALE_DIR", "")
KEEP_STORE = os.environ.get("SCALE_KEEP_STORE") == "1"
QUERY_TIMEOUT = float(os.environ.get("QUERY_TIMEOUT", "60"))
# Parameters for the queries that take them: an agency every synthetic graph has.
SAMPLE_PARAMS = {
    "org": "org/a00001",
    "agency": "org/a00001",
    "entity": "org/a00001",
    "year": "2007",
    "text": "센터",
}
TARGETS = {  # scale -> (in-process s, whole process s, store load s, peak MB, validate s)
    1_000_000: (0.5, 1.0, None, None, None),
    10_000_000: (None, 1.0, 90.0, 4096, 180.0),
}


def kg_command() -> str:
    return shutil.which("kg") or str(Path(sys.executable).with_name("kg"))


def synth_graph(n: int) -> Path:
    """SCALE_DIR/synth-N.nq (default dist/bench/), written with `kg synth` when missing."""
    from kg.core.paths import DIST_DIR
    from kg.scale.synth import write_synth

    nquads = (Path(SCALE_DIR) if SCALE_DIR else DIST_DIR / "bench") / f"synth-{n}.nq"
    if not nquads.exists():
        write_synth(n, nquads)
    return nquads


def runs(name: str) -> list[tuple[str, list[str]]]:
    """How a user runs query ``name``: ``(label, --param arguments)``, its default run first.

    The default binds only the required parameters: a query with an optional ``agency``
    (or ``region``, ``org``) answers for every agency, as ``kg query NAME`` does. Such a
    query is run a second time with it bound to one sample agency.
    """
    from kg.sparql.catalogue import load_catalogue

    sample = [p for p in load_catalogue()[name].params if p.name in SAMPLE_PARAMS]
    required = [arg for p in sample if not p.optional for arg in _param(p.name)]
    optional = [arg for p in sample if p.optional for arg in _param(p.name)]
    if not optional:
        return [(name, required)]
    bound = " ".join(a.split("=")[0] for a in optional[1::2])
    return [(name, required), (f"{name} ({bound}=one)", required + optional)]


def _param(name: str) -> list[str]:
    return ["--param", f"{name}={SAMPLE_PARAMS[name]}"]


# --- children: one process builds the store; one runs every query in process -------------
def build_child(nquads: str, store: str) -> None:
    from kg.sparql.store import open_store

    start = time.perf_counter()
    open_store(Path(nquads), Path(store))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps({"seconds": time.perf_counter() - start, "rss_mb": rss}))


def _timed(store, query, given: dict) -> float:
    from kg.sparql.query import execute

    start = time.perf_counter()
    execute(store, query, given, None)  # CSV, or Turtle for describe
    return time.perf_counter() - start


def inprocess_child(nquads: str, store: str) -> None:
    """Each query in a forked child holding the opened store; only the query is timed."""
    from kg.core.errors import QueryTimeout
    from kg.sparql.catalogue import load_catalogue
    from kg.sparql.oneshot import run_once
    from kg.sparql.params import parse_assignments

    for name, query in load_catalogue().items():
        for label, args in runs(name):
            given = parse_assignments(tuple(args[1::2]))
            try:
                seconds: float | str = run_once(
                    Path(nquads), _timed, (query, given), QUERY_TIMEOUT, Path(store)
                )
            except QueryTimeout:
                seconds = f">{QUERY_TIMEOUT:g}"
            print(json.dumps({"query": label, "seconds": seconds}), flush=True)


FLOOR = (  # the same prepared text on the same store, with nothing of ours around it
    "import sys, pyoxigraph as ox; s = ox.Store.read_only(sys.argv[1]); "
    "r = s.query(open(sys.argv[2], encoding='utf-8').read(), use_default_graph_as_union=True); "
    "r.serialize(sys.stdout.buffer, ox.RdfFormat.N_TRIPLES if isinstance(r, ox.QueryTriples) "
    "else ox.QueryResultsFormat.CSV)"
)


def prepare_child(nquads: str, store: str, folder: str) -> None:
    """Each run's text as `kg query` prepares it, in ``folder`` (the floor's input)."""
    from kg.sparql.catalogue import load_catalogue
    from kg.sparql.params import parse_assignments
    from kg.sparql.query import prepare
    from kg.sparql.store import open_store

    opened = open_store(Path(nquads), Path(store))
    for i, (name, query) in enumerate(load_catalogue().items()):
        for j, (label, args) in enumerate(runs(name)):
            if query.index:  # a name search: the label index answers it, not SPARQL
                continue
            path = Path(folder) / f"{i}-{j}.rq"
            path.write_text(prepare(query, parse_assignments(tuple(args[1::2])), opened), "utf-8")
            print(json.dumps({"query": label, "file": str(path)}), flush=True)


def floor_process(text_file: str | None, store: Path) -> float | str:
    if text_file is None:
        return "—"
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", FLOOR, str(store), text_file],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              timeout=QUERY_TIMEOUT)  # fmt: skip
    except subprocess.TimeoutExpired:
        return f">{QUERY_TIMEOUT:g}"
    seconds = time.perf_counter() - start
    return seconds if done.returncode == 0 else f"error: {done.stderr.decode()[-60:]}"


# --- the parent -------------------------------------------------------------------------
def whole_process(name: str, args: list[str], nquads: Path, store: Path) -> float | str:
    cmd = [kg_command(), "query", name, *args, "--graph", str(nquads)]
    cmd += ["--store", str(store), "--timeout", f"{QUERY_TIMEOUT:g}"]
    cmd += ["--format", "turtle" if name == "describe" else "csv"]
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode == 2 and "time limit" in done.stderr:
        return f">{QUERY_TIMEOUT:g}"
    if done.returncode != 0:
        return f"error: {done.stderr.strip()[:60]}"
    return seconds


def child_lines(*args: str) -> list[dict]:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(out.stderr)
    return [json.loads(line) for line in out.stdout.splitlines()]


def validate_child(nquads: str) -> None:
    """`kg validate FILE --engine fast` as a process: its wall time and peak RSS."""
    start = time.perf_counter()
    done = subprocess.run([kg_command(), "validate", nquads, "--engine", "fast"],
                          capture_output=True, text=True)  # fmt: skip
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    tail = (done.stdout + done.stderr).strip().splitlines()[-1:]
    print(json.dumps({"seconds": seconds, "rss_mb": rss, "exit": done.returncode, "said": tail}))


def _f(value, target=None) -> str:
    text = f"{value:.3f}" if isinstance(value, float) else str(value)
    if target is None:
        return f"{text:>9}"
    ok = isinstance(value, float | int) and value <= target
    return f"{text:>9} {'ok' if ok else 'MISS':>4} (≤ {target:g})"


def bench_scale(n: int) -> None:
    """Print each figure of scale ``n`` as soon as it is measured (a long run shows progress)."""
    from kg.sparql.catalogue import load_catalogue

    nquads = synth_graph(n)
    store = nquads.with_suffix(".oxigraph")
    if not KEEP_STORE:  # else a store built before is opened (its load time is not measured)
        shutil.rmtree(store, ignore_errors=True)
    t_in, t_whole, t_load, t_rss, t_validate = TARGETS.get(n, (None,) * 5)
    built = child_lines("--build", str(nquads), str(store))[0]
    if KEEP_STORE:  # opened, not loaded: the load targets do not apply
        t_load = t_rss = None
    what = "store opened (kept)" if KEEP_STORE else "store load (--store, first run)"
    _say(f"{n:>9}  {what:<41} {_f(built['seconds'], t_load)}")
    _say(f"{n:>9}  {'peak RSS MB of that process':<41} {_f(built['rss_mb'], t_rss)}")
    if t_in is not None:  # at 10^7 only the whole process has a target: saves a run
        found = child_lines("--inprocess", str(nquads), str(store))
        inproc = {r["query"]: r["seconds"] for r in found}
    else:
        inproc = {label: "—" for name in load_catalogue() for label, _ in runs(name)}
    with tempfile.TemporaryDirectory() as folder:
        prepared = child_lines("--prepare", str(nquads), str(store), folder)
        texts = {r["query"]: r["file"] for r in prepared}
        for name in load_catalogue():
            for label, args in runs(name):
                whole = whole_process(name, args, nquads, store)
                floor = floor_process(texts.get(label), store)
                _say(
                    f"{n:>9}  query {label:<40}  in-process {_f(inproc[label], t_in)}"
                    f"   whole --store {_f(whole, t_whole)}   floor {_f(floor)}"
                )
    checked = child_lines("--validate", str(nquads))[0]
    _say(
        f"{n:>9}  kg validate --engine fast                  {_f(checked['seconds'], t_validate)}"
        f"   peak {checked['rss_mb']} MB, exit {checked['exit']}: {' '.join(checked['said'])[:50]}"
    )


def _say(line: str) -> None:
    print(line, flush=True)


def main() -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from oneshot import report

    print("\n".join(report()), flush=True)
    for n in SCALES:
        print(flush=True)
        bench_scale(n)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--build"]:
        build_child(*sys.argv[2:4])
    elif sys.argv[1:2] == ["--inprocess"]:
        inprocess_child(*sys.argv[2:4])
    elif sys.argv[1:2] == ["--prepare"]:
        prepare_child(*sys.argv[2:5])
    elif sys.argv[1:2] == ["--validate"]:
        validate_child(sys.argv[2])
    else:
        main()
