"""Validate: SHACL shapes (pyshacl), offsets against the stored texts, violation queries,
NFC labels, and the lexical form of every typed literal (:mod:`kg.validate.lexical`).

Validation never changes the graph it checks (``inplace=False``) and infers nothing
(``inference="none"``): the build already wrote out every type.

Example::

    >>> from rdflib import Graph
    >>> unit = "<https://x.example/u> a <http://www.w3.org/ns/org#OrganizationalUnit> ."
    >>> report = validate(Graph().parse(data=unit, format="turtle"))
    >>> report.conforms, "must be org:unitOf its agency" in report.to_text()
    (False, True)
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from kg.build.ontology import load_shapes
from kg.core.config import compact_iri
from kg.core.errors import ParseError
from kg.core.namespaces import OA
from kg.validate.checks import check_labels_nfc, check_offsets, run_violation_queries
from kg.validate.lexical import check_typed_literals, unreported
from kg.validate.rdflib_sparql import use_parsed_once
from kg.validate.report import Report, Violation

use_parsed_once()  # pyshacl's sh:sparql constraints: parsed once, not once per focus node


def validate(graph: Graph, shapes: Graph | None = None, root: Path | None = None) -> Report:
    """Check ``graph`` against the shapes, its offsets and the violation queries."""
    report = Report(shacl_violations(graph, shapes if shapes is not None else load_shapes()))
    report.violations += check_offsets(graph, root)
    report.violations += run_violation_queries(graph)
    report.violations += check_labels_nfc(graph)
    report.violations += unreported(check_typed_literals(graph), report.violations)
    return report


def shacl_violations(graph: Graph, shapes: Graph) -> list[Violation]:
    """Run pyshacl without inference and without touching ``graph``."""
    _, results, _ = shacl_validate(
        graph, shacl_graph=shapes, inference="none", inplace=False, allow_warnings=True
    )
    if not isinstance(results, Graph):  # pyshacl's ValidationFailure: the shapes are bad
        raise ParseError(f"the shapes cannot be used: {results}")
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        messages = _messages(results, result, shapes)
        focus = results.value(result, SH.focusNode)
        found.append(
            Violation(
                check="shacl",
                focus=_show(graph, focus),
                path=_path(graph, results, results.value(result, SH.resultPath)),
                message=messages.get("en")
                or messages.get(None, "")
                or next(iter(messages.values()), ""),
                message_ko=messages.get("ko", ""),
                value=_show(graph, results.value(result, SH.value)),
                quote=quote_for(graph, focus),
                severity=str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
                component=_show(graph, results.value(result, SH.sourceConstraintComponent)),
            )
        )
    return sorted(found, key=lambda v: (v.focus, v.path, v.message))


def _messages(results: Graph, result: Node, shapes: Graph) -> dict[str | None, str]:
    """The result's messages by language; pyshacl keeps one, so the shape gives the rest."""
    messages = {
        m.language: str(m)
        for m in results.objects(result, SH.resultMessage)
        if isinstance(m, Literal)
    }
    for source in (SH.sourceConstraint, SH.sourceShape):
        node = results.value(result, source)
        for message in shapes.objects(node, SH.message) if node is not None else ():
            if isinstance(message, Literal) and "{" not in message:  # no unfilled template
                messages.setdefault(message.language, str(message))
    return messages


def quote_for(graph: Graph, node: object) -> str:
    """The first evidence quote of ``node`` (by position), or ''."""
    if not isinstance(node, URIRef):
        return ""
    quotes = []
    for ann in graph.subjects(OA.hasBody, node):
        for target in graph.objects(ann, OA.hasTarget):
            for selector in graph.objects(target, OA.hasSelector):
                exact = graph.value(selector, OA.exact)
                if exact is not None:
                    quotes.append(str(exact))
    return sorted(quotes)[0] if quotes else ""


def _path(graph: Graph, results: Graph, path: object) -> str:
    """A predicate path, or ``^p`` for an inverse path (as the fast engine shows it)."""
    if isinstance(path, BNode) and (inverse := results.value(path, SH.inversePath)) is not None:
        return "^" + _show(graph, inverse)
    return _show(graph, path)


def _nt_literal(node: Literal) -> ox.Literal:
    if node.language:
        return ox.Literal(str(node), language=node.language)
    return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype or XSD.string)))


def _show(graph: Graph, node: object) -> str:
    if node is None:
        return ""
    if isinstance(node, Literal):  # in N-Triples, as the fast engine shows it: one line
        return str(_nt_literal(node))
    if isinstance(node, URIRef):
        return compact_iri(str(node))
    return str(node)
