"""The fast validation engine: SHACL, offsets and violation queries, all on Oxigraph.

``kg validate --engine fast`` gives the same report as the pyshacl engine
(:mod:`kg.validate.pyshacl_engine`) without building an rdflib graph: the file is bulk-loaded into
an Oxigraph store, the shapes run as whole-graph queries (:mod:`kg.validate.shacl_compiler`), and
the offsets, ``*-violation`` queries and NFC label warnings run on the same store
(offsets and labels with the code :mod:`kg.validate.checks` uses: :mod:`kg.validate.textchecks`),
and every typed literal's lexical form is checked as the pyshacl engine checks it
(:func:`kg.validate.lexical.typed_literal_violations`), on the file as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.core.config import compact_iri
from kg.core.paths import QUERIES_DIR, ROOT
from kg.rdf.linescan import statements_with
from kg.rdf.oxigraph import select
from kg.rdf.parsing import STREAMED, bulk_load, checked_format, rdf_format
from kg.sparql.catalogue import load_catalogue
from kg.validate import lexical, textchecks
from kg.validate.report import Report, Violation
from kg.validate.shacl_compiler import Result, Shapes, run_checks
from kg.validate.textchecks import LABEL_PROPERTIES, SPAN_KEYS, SPANS, TEXT_KEYS, TEXTS

QUOTES = """PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?exact WHERE { ?ann oa:hasBody %s ; oa:hasTarget/oa:hasSelector/oa:exact ?exact }"""


def load(path: Path) -> ox.Store:
    """Bulk-load ``path`` (any RDF format of :mod:`kg.rdf.formats`), checked as
    :func:`kg.rdf.parsing.checked_format` checks; a syntax error names the file."""
    return bulk_load(ox.Store(), path, checked_format(path))


def quads(path: Path, needles: list[bytes] | None = None) -> Iterator[ox.Quad]:
    """The file's statements exactly as written (the store normalizes numeric literals).

    Given ``needles``, an N-Quads or N-Triples file gives only (at least) the statements
    whose line holds one of them (:func:`kg.rdf.linescan.statements_with`).
    """
    fmt = rdf_format(path)
    if needles is not None and fmt in STREAMED:
        return statements_with(path, fmt, needles)
    return ox.parse(path=str(path), format=fmt)


Row = tuple[str, str, str, str]


def scan(path: Path, shapes: Shapes) -> tuple[list[ox.Quad], list[Row]]:
    """One pass over the file as written (the store would normalize both answers away).

    Gives the quads whose predicate has a datatype constraint, and every typed literal
    of a datatype :mod:`kg.validate.lexical` knows, as (subject, predicate, lexical form,
    datatype) rows: the store keeps ``"-1"^^xsd:nonNegativeInteger`` as ``"-1"^^xsd:integer``
    and ``"300"^^xsd:byte`` as ``"300"^^xsd:integer``, so a query could not find them.
    """
    predicates, known = shapes.datatype_predicates(), lexical.COMPILED
    shaped: list[ox.Quad] = []
    typed: list[Row] = []
    # a typed literal is written "…"^^<datatype>: other lines need parsing only for predicates
    needles = [b"^^", *(f"<{iri}>".encode() for iri in sorted(predicates))]
    for quad in quads(path, needles):
        if quad.predicate.value in predicates:
            shaped.append(quad)
        value = quad.object
        if isinstance(value, ox.Literal) and value.datatype.value in known:
            subject = quad.subject  # an RDF 1.2 triple term has no .value: its N-Triples form
            focus = str(subject) if isinstance(subject, ox.Triple) else subject.value
            typed.append((focus, quad.predicate.value, value.value,
                          value.datatype.value))  # fmt: skip
    return shaped, typed


def validate_file(path: Path, root: Path | None = None) -> Report:
    """The whole validation, like :func:`kg.validate.pyshacl_engine.validate`, on Oxigraph."""
    store, shapes = load(path), Shapes()
    shaped, typed = scan(path, shapes)
    results = run_checks(store, shaped, shapes)
    report = Report(sorted(_violations(store, results),
                           key=lambda v: (v.focus, v.path, v.message)))  # fmt: skip
    report.violations += offset_violations(store, root or ROOT)
    report.violations += query_violations(store)
    report.violations += label_warnings(store)
    report.violations += lexical.unreported(
        lexical.typed_literal_violations(typed), report.violations
    )
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
            component=compact_iri(r.component),
        )


def _quote(store: ox.Store, focus: str) -> str:
    if not focus.startswith("<"):
        return ""
    rows = select(store, QUOTES % focus)
    return min((row["exact"].value for row in rows), default="")


def _show(term: str) -> str:
    if term.startswith("^<"):
        return "^" + compact_iri(term[2:-1])
    return compact_iri(term[1:-1]) if term.startswith("<") else term


def offset_violations(store: ox.Store, root: Path) -> list[Violation]:
    """Every position selector must select its quote in the stored text (kg.validate.textchecks)."""
    texts = _rows(store, TEXTS, TEXT_KEYS)
    return textchecks.offset_violations(texts, _rows(store, SPANS, SPAN_KEYS), root)


def _rows(store: ox.Store, query: str, keys: tuple[str, ...]) -> list[dict[str, str | None]]:
    solutions = select(store, query)
    assert [v.value for v in solutions.variables] == list(keys), "keys in the query's order"
    return [
        dict(zip(keys, [None if term is None else term.value for term in row], strict=True))
        for row in solutions
    ]


_LABEL_IRIS = " ".join(f"<{iri}>" for iri in LABEL_PROPERTIES)
LABELS = f"""SELECT DISTINCT ?node ?prop ?label WHERE {{
    VALUES ?prop {{ {_LABEL_IRIS} }}
    ?node ?prop ?label . FILTER (isLiteral(?label))
}}"""


def label_warnings(store: ox.Store) -> list[Violation]:
    """A warning for each label not in NFC, as :func:`kg.validate.checks.check_labels_nfc`."""
    rows = select(store, LABELS)
    return textchecks.nfc_violations(
        (row["node"].value, row["prop"].value, row["label"].value, str(row["label"]))
        for row in rows
    )


def query_violations(store: ox.Store, directory: Path = QUERIES_DIR) -> list[Violation]:
    """Every ``*-violation`` query on the store; each row is a violation (as kg.validate.checks)."""
    found = []
    for query in load_catalogue(directory).values():
        if not query.is_violation:
            continue
        for row in select(store, query.text):
            values = [v.value for v in row if v is not None]
            focus = compact_iri(values[0]) if values else ""
            detail = ", ".join(values[1:])
            message = f"{query.title}" + (f": {detail}" if detail else "")
            found.append(Violation(f"query:{query.name}", focus, "", message))
    return found
