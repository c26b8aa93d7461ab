"""Checks SHACL cannot express, on rdflib: offsets, violation queries, NFC labels.

The offsets and label checks themselves are :mod:`kg.validate.textchecks`, shared with the
fast engine (:mod:`kg.validate.fast_engine`); this module feeds them rows from rdflib.

A ``queries/*-violation.rq`` query returns one row per problem; any row fails the build.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.query import ResultRow

from kg.core.config import compact_iri
from kg.core.paths import QUERIES_DIR, ROOT
from kg.sparql.catalogue import load_catalogue
from kg.validate.report import Violation
from kg.validate.textchecks import (
    LABEL_PROPERTIES,
    SPAN_KEYS,
    SPANS,
    TEXT_KEYS,
    TEXTS,
    nfc_violations,
    offset_violations,
)


def check_offsets(graph: Graph, root: Path | None = None) -> list[Violation]:
    """Every position selector must select its quote (and prefix/suffix) in the stored text."""
    texts = _rows(graph, TEXTS, TEXT_KEYS)
    return offset_violations(texts, _rows(graph, SPANS, SPAN_KEYS), root or ROOT)


def _rows(graph: Graph, query: str, keys: tuple[str, ...]) -> list[dict[str, str | None]]:
    return [
        {key: None if row[key] is None else str(row[key]) for key in keys}
        for row in _select(graph, query)
    ]


def _select(graph: Graph, query: str) -> list[ResultRow]:
    """The rows of a SELECT ``query`` (an ASK or CONSTRUCT here is a bug in the query)."""
    result = graph.query(query)
    if result.type != "SELECT":
        raise TypeError(f"a SELECT query gave a {result.type} result")
    return [row for row in result if isinstance(row, ResultRow)]


def run_violation_queries(graph: Graph, directory: Path = QUERIES_DIR) -> list[Violation]:
    """Run every ``*-violation`` query; each row is a violation (first column = focus)."""
    found = []
    for query in load_catalogue(directory).values():
        if not query.is_violation:
            continue
        for row in _select(graph, query.text):
            values = [v for v in row if v is not None]
            focus = compact_iri(str(values[0])) if values else ""
            detail = ", ".join(str(v) for v in values[1:])
            message = f"{query.title}" + (f": {detail}" if detail else "")
            found.append(Violation(f"query:{query.name}", focus, "", message))
    return found


def check_labels_nfc(graph: Graph) -> list[Violation]:
    """A warning for each label not in NFC (:func:`kg.validate.textchecks.nfc_violations`)."""
    return nfc_violations(
        (str(node), str(prop), str(label), label.n3())
        for prop in map(URIRef, LABEL_PROPERTIES)
        for node, label in graph.subject_objects(prop)
        if isinstance(label, Literal)
    )
