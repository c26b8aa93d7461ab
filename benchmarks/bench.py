"""Benchmark: the rdflib reference and the fast path (Oxigraph) side by side, at several sizes.

    make bench                                   # 10^4, 10^5, 10^6 triples
    BENCH_SCALES=10000 make bench                # quick
    BENCH_PYSHACL_ALL=1 make bench               # pyshacl at 10^6 too (very slow)

Each engine runs in its own subprocess per group of steps, so the peak RSS reported
(``ru_maxrss``, the peak of the process so far) is that engine's own; a step longer
than BENCH_STEP_TIMEOUT seconds (default 600) is stopped and reported as a timeout.
Prints one table and writes dist/bench.json (atomically).
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

SCALES = [int(s) for s in os.environ.get("BENCH_SCALES", "10000,100000,1000000").split(",")]
PYSHACL_MAX = 10**18 if os.environ.get("BENCH_PYSHACL_ALL") else 100_000
STEP_TIMEOUT = int(os.environ.get("BENCH_STEP_TIMEOUT", "600"))


# --- the child: one engine, one group of steps, one JSON line per step -------------
def child(engine: str, group: str, path: Path) -> None:
    steps = STEPS[engine]
    state: dict = {"path": path}
    if group == "shacl":
        names = ["load", "shacl"]
    else:
        names = ["load", *(f"query:{q}" for q in _queries()), *GROUP_STEPS]
    for name in names:
        kind, _, arg = name.partition(":")
        func = steps[name] if name in steps else steps[kind]
        _run_step(name, func, arg, state)


def _run_step(name: str, func, arg: str, state: dict) -> None:
    def alarm(*_):
        raise TimeoutError

    signal.signal(signal.SIGALRM, alarm)
    signal.alarm(STEP_TIMEOUT)
    start = time.perf_counter()
    detail = ""
    try:
        if name == "load":
            state["g"] = func(state["path"])
        else:
            detail = func(state, arg)
        seconds: float | str = round(time.perf_counter() - start, 4)
    except TimeoutError:
        seconds = f"timeout>{STEP_TIMEOUT}s"
    finally:
        signal.alarm(0)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    line = {"step": name, "seconds": seconds, "rss_mb": rss, "detail": detail}
    print(json.dumps(line), flush=True)


def _queries() -> dict:
    from kg.sparql.catalogue import load_catalogue

    return load_catalogue()


def _rdflib_load(path: Path):
    from kg.rdf.reading import load_graph

    return load_graph(path)


# Parameters for the bundled queries that take them (an agency every synth graph has):
# unbound, `neighbours` would pair every organization with every other.
SAMPLE_PARAMS = {"org": "org/a00001", "entity": "org/a00001", "year": "2007", "text": "센터"}


def _bindings(name: str) -> dict:
    """The query's parameters as pyoxigraph terms (kg.sparql.params, as `kg query` binds them)."""
    from kg.sparql.params import bind

    query = _queries()[name]
    given = {p.name: SAMPLE_PARAMS[p.name] for p in query.params if p.name in SAMPLE_PARAMS}
    return bind(query.params, given, name)


def _rdflib_query(state: dict, name: str) -> str:
    from rdflib import Literal, URIRef

    def term(t):
        if not hasattr(t, "datatype"):
            return URIRef(t.value)
        return Literal(t.value, lang=t.language, datatype=None if t.language else t.datatype.value)

    bindings = {v.value: term(t) for v, t in _bindings(name).items()}
    return f"{len(list(state['g'].query(_queries()[name].text, initBindings=bindings)))} rows"


def _rdflib_export(state: dict, fmt: str) -> str:
    data = state["g"].serialize(format={"turtle": "turtle", "ntriples": "nt"}[fmt])
    return f"{len(data) // 1024} KiB"


def _rdflib_nx(state: dict, _: str) -> str:
    from rdflib.extras.external_graph_libs import rdflib_to_networkx_digraph

    return f"{rdflib_to_networkx_digraph(state['g']).number_of_nodes()} nodes"


def _pyshacl(state: dict, _: str) -> str:
    from kg.build.ontology import load_shapes
    from kg.validate.pyshacl_engine import shacl_violations

    return f"{len(shacl_violations(state['g'], load_shapes()))} results"


def _ox_load(path: Path):
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return store


def _ox_query(state: dict, name: str) -> str:
    from kg.sparql.params import with_values  # the binding `kg query` uses (a VALUES block)

    text = with_values(_queries()[name].text, _bindings(name), name)
    rows = state["g"].query(text, use_default_graph_as_union=True)
    return f"{len(list(rows))} rows"


def _ox_export(state: dict, fmt: str) -> str:
    """Each named graph dumped by Oxigraph (facts, then provenance), concatenated."""
    import pyoxigraph as ox

    from kg.core.config import PREFIXES

    store = state["g"]
    rdf_format = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES
    prefixes = PREFIXES if fmt == "turtle" else None
    size = 0
    for graph in sorted(store.named_graphs(), key=str):
        size += len(store.dump(format=rdf_format, from_graph=graph, prefixes=prefixes))
    return f"{size // 1024} KiB"


def _ox_nx(state: dict, _: str) -> str:
    import networkx as nx
    import pyoxigraph as ox

    d = nx.DiGraph()
    for q in state["g"].quads_for_pattern(None, None, None):
        if isinstance(q.object, ox.NamedNode) and isinstance(q.subject, ox.NamedNode):
            d.add_edge(q.subject.value, q.object.value)
    return f"{d.number_of_nodes()} nodes"


def _fast_shacl(state: dict, _: str) -> str:
    from kg.validate.fast_engine import shacl_results

    return f"{len(shacl_results(state['path'], state['g']))} results"


STEPS = {
    "rdflib": {"load": _rdflib_load, "query": _rdflib_query, "export": _rdflib_export,
               "networkx": _rdflib_nx, "shacl": _pyshacl},
    "fast": {"load": _ox_load, "query": _ox_query, "export": _ox_export,
             "networkx": _ox_nx, "shacl": _fast_shacl},
}  # fmt: skip
GROUP_STEPS = ["export:turtle", "export:ntriples", "networkx"]


# --- the parent: synth, run the children, print one table, write dist/bench.json ----
def run_child(engine: str, group: str, path: Path, bar) -> dict[str, dict]:
    cmd = [sys.executable, __file__, "--child", engine, group, str(path)]
    found: dict[str, dict] = {}
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as proc:
        for line in proc.stdout:
            step = json.loads(line)
            found[step["step"]] = step
            bar.set_postfix_str(f"{engine} {step['step']} {step['seconds']}")
            bar.update(1)
    return found


def bench_scale(n: int, bar) -> list[dict]:
    from kg.core.paths import DIST_DIR
    from kg.scale.synth import write_synth

    start = time.perf_counter()
    path, count = write_synth(n, DIST_DIR / "bench" / f"synth-{n}.nq")
    synth = {"step": "synth", "seconds": round(time.perf_counter() - start, 4), "rss_mb": None}
    bar.update(1)
    ref, fast = run_child("rdflib", "main", path, bar), run_child("fast", "main", path, bar)
    if n <= PYSHACL_MAX:
        ref.update(
            {k: v for k, v in run_child("rdflib", "shacl", path, bar).items() if k != "load"}
        )
    else:
        ref["shacl"] = {"step": "shacl", "seconds": f"skipped (> {PYSHACL_MAX} triples)"}
        bar.update(2)
    fast.update({k: v for k, v in run_child("fast", "shacl", path, bar).items() if k != "load"})
    rows = [{"triples": count, "step": "synth", "rdflib": None, "fast": synth}]
    for step in fast:
        rows.append({"triples": count, "step": step, "rdflib": ref.get(step), "fast": fast[step]})
    rows.append(_total(count, rows))
    return rows


def _total(count: int, rows: list[dict]) -> dict:
    """load + SHACL + every query + every export, when both engines have them all."""
    parts = [
        r
        for r in rows
        if r["step"] == "load" or r["step"].startswith(("shacl", "query:", "export:"))
    ]
    sums = {}
    for engine in ("rdflib", "fast"):
        values = [(r[engine] or {}).get("seconds") for r in parts]
        ok = all(isinstance(v, float | int) for v in values)
        sums[engine] = {"seconds": round(sum(values), 3) if ok else "n/a"}
    return {"triples": count, "step": "total (load+SHACL+queries+exports)", **sums}


def table(rows: list[dict]) -> str:
    head = (
        f"{'triples':>9}  {'step':<38} {'rdflib s':>14} {'fast s':>9} {'ratio':>7}"
        f" {'rdflib MB':>9} {'fast MB':>8}"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        ref, fast = r["rdflib"] or {}, r["fast"] or {}
        a, b = ref.get("seconds"), fast.get("seconds")
        ratio = (
            f"{a / b:.0f}×"
            if isinstance(a, float | int) and isinstance(b, float | int) and b
            else ""
        )
        lines.append(f"{r['triples']:>9}  {r['step']:<38} {_s(a):>14} {_s(b):>9} {ratio:>7} "
                     f"{_s(ref.get('rss_mb')):>9} {_s(fast.get('rss_mb')):>8}")  # fmt: skip
    return "\n".join(lines)


def _s(value) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main() -> None:
    from tqdm import tqdm

    from kg.core.files import write_atomic
    from kg.core.paths import DIST_DIR

    steps_per_scale = 1 + 2 * (len(_queries()) + 4) + 4
    rows: list[dict] = []
    with tqdm(total=steps_per_scale * len(SCALES), desc="bench", unit="step") as bar:
        for n in SCALES:
            rows += bench_scale(n, bar)
    print(table(rows))
    note = f"pyshacl runs up to {PYSHACL_MAX} triples (BENCH_PYSHACL_ALL=1 for all)"
    print(note)
    data = {"scales": SCALES, "note": note, "rows": rows}
    write_atomic(DIST_DIR / "bench.json", json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    print("wrote dist/bench.json")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], Path(sys.argv[4]))
    else:
        main()
