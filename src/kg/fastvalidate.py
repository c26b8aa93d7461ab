"""The fast validation engine: SHACL, offsets and violation queries, all on Oxigraph.

``kg validate --engine fast`` gives the same report as the pyshacl engine
(:mod:`kg.validation`) without building an rdflib graph: the file is bulk-loaded into
an Oxigraph store, the shapes run as whole-graph queries (:mod:`kg.fastshacl`), and
the offsets and ``*-violation`` queries run on the same store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.catalogue import load_catalogue
from kg.checks import _span_problem, _stored_text
from kg.config import compact_iri
from kg.errors import ParseError
from kg.fastshacl import Result, Shapes, run_checks
from kg.paths import QUERIES_DIR, ROOT
from kg.report import Report, Violation

FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".nt": ox.RdfFormat.N_TRIPLES, ".ttl": ox.RdfFormat.TURTLE}
SPANS = """PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?ann ?doc ?exact ?prefix ?suffix ?start ?end WHERE {
    ?ann oa:hasTarget ?target . ?target oa:hasSource ?doc ; oa:hasSelector ?q , ?p .
    ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end .
    OPTIONAL { ?q oa:prefix ?prefix } OPTIONAL { ?q oa:suffix ?suffix }
}"""
TEXTS = """PREFIX schema: <https://schema.org/>
SELECT ?doc ?url ?sha WHERE {
    ?doc schema:encoding ?media . ?media schema:contentUrl ?url .
    OPTIONAL { ?media schema:sha256 ?sha }
}"""
QUOTES = """PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?exact WHERE { ?ann oa:hasBody %s ; oa:hasTarget/oa:hasSelector/oa:exact ?exact }"""


def rdf_format(path: Path) -> ox.RdfFormat:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError as e:
        raise ParseError(f"{path}: the fast engine reads {', '.join(sorted(FORMATS))}") from e


def load(path: Path) -> ox.Store:
    """Bulk-load ``path`` into an in-memory store; a syntax error names the file."""
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=rdf_format(path))
    except (SyntaxError, ValueError, OSError) as e:
        raise ParseError(f"{path}: {' '.join(str(e).split())}") from e
    return store


def quads(path: Path) -> Iterator[ox.Quad]:
    """The file's statements exactly as written (the store normalizes numeric literals)."""
    return ox.parse(path=str(path), format=rdf_format(path))


def shacl_results(path: Path, store: ox.Store | None = None) -> list[Result]:
    """The SHACL results for the graph in ``path``."""
    return run_checks(store or load(path), quads(path), Shapes())


def validate_file(path: Path, root: Path | None = None) -> Report:
    """The whole validation, like :func:`kg.validation.validate`, on Oxigraph."""
    store = load(path)
    report = Report(sorted(_violations(store, shacl_results(path, store)),
                           key=lambda v: (v.focus, v.path, v.message)))  # fmt: skip
    report.violations += offset_violations(store, root or ROOT)
    report.violations += query_violations(store)
    return report


def _violations(store: ox.Store, results: list[Result]) -> Iterator[Violation]:
    for r in results:
        messages = dict(r.messages)
        yield Violation(
            check="shacl",
            focus=_show(r.focus),
            path=_show(r.path),
            message=messages.get("en") or messages.get("", ""),
            message_ko=messages.get("ko", ""),
            value=r.value if r.value and not r.value.startswith("<") else _show(r.value),
            quote=_quote(store, r.focus),
        )


def _quote(store: ox.Store, focus: str) -> str:
    if not focus.startswith("<"):
        return ""
    rows = store.query(QUOTES % focus, use_default_graph_as_union=True)
    return min((row["exact"].value for row in rows), default="")


def _show(term: str) -> str:
    if term.startswith("^<"):
        return "^" + compact_iri(term[2:-1])
    return compact_iri(term[1:-1]) if term.startswith("<") else term


def offset_violations(store: ox.Store, root: Path) -> list[Violation]:
    """Every position selector must select its quote in the stored text (as kg.checks)."""
    stored = {}
    for row in store.query(TEXTS, use_default_graph_as_union=True):
        sha = row["sha"].value if row["sha"] is not None else None
        stored.setdefault(row["doc"].value, (row["url"].value, sha))
    texts: dict[str, str | None] = {}
    found = []
    for row in store.query(SPANS, use_default_graph_as_union=True):
        r = _Row({k: (row[k].value if row[k] is not None else None) for k in _Row.KEYS})
        focus = compact_iri(r.ann)
        if r.doc not in stored:
            found.append(
                Violation("offsets", focus, "oa:hasSource", "The source has no stored text.")
            )
            continue
        url, sha = stored[r.doc]
        if url not in texts:
            texts[url] = _stored_text(root, url, sha)
        text = texts[url]
        problem = _span_problem(text, r)
        if problem:
            found.append(Violation("offsets", focus, "oa:start", problem, value=r.exact))
    return sorted(set(found), key=lambda v: v.focus)


class _Row(dict):
    KEYS = ("ann", "doc", "exact", "prefix", "suffix", "start", "end")
    __getattr__ = dict.get


def query_violations(store: ox.Store, directory: Path = QUERIES_DIR) -> list[Violation]:
    """Every ``*-violation`` query on the store; each row is a violation (as kg.checks)."""
    found = []
    for query in load_catalogue(directory).values():
        if not query.is_violation:
            continue
        for row in store.query(query.text, use_default_graph_as_union=True):
            values = [v.value for v in row if v is not None]
            focus = compact_iri(values[0]) if values else ""
            detail = ", ".join(values[1:])
            message = f"{query.title}" + (f": {detail}" if detail else "")
            found.append(Violation(f"query:{query.name}", focus, "", message))
    return found


AUTO_FAST_LINES = 50_000


def choose_engine(
    file: Path | None,
    engine: str,
    shapes: str | None = None,
    warn: Callable[[str], None] | None = None,
):
    """The report of ``kg validate``: pyshacl, or the fast engine (auto: by file size).

    The fast engine reads files (.nq, .nt, .ttl) with our shapes and resolves stored
    texts against the file's folder when they are not under the repository; without
    FILE the graph is built from the sources and validated with pyshacl, as is any
    graph checked against a user's ``shapes`` file.
    """
    if file is not None and engine == "auto" and shapes is None:
        with open(file, "rb") as handle:
            big = sum(1 for _ in zip(range(AUTO_FAST_LINES + 1), handle, strict=False))
        engine = "fast" if big > AUTO_FAST_LINES else "pyshacl"
    if engine == "fast":
        if file is None:
            raise ParseError("--engine fast validates a FILE (e.g. dist/kg.nq)")
        if shapes is not None:
            raise ParseError("--shapes works with the pyshacl engine only")
        return validate_file(file, _text_root(file))
    from kg.pipeline import build_graph
    from kg.rdfio import load_graph
    from kg.shapecheck import load_user_shapes
    from kg.validation import validate

    shape_graph = load_user_shapes(shapes) if shapes else None
    if file is None:
        return validate(build_graph(), shape_graph)
    return validate(load_graph(file, warn), shape_graph, root=_text_root(file))


def _text_root(file: Path | None) -> Path:
    """Where contentUrl paths start: the file's folder for a `kg synth` graph, else the repo."""
    if file is not None and (file.parent / f"{file.stem}.texts").is_dir():
        return file.parent
    return ROOT
