"""SHACL at scale: our shapes compiled to whole-graph SPARQL queries run on Oxigraph.

pyshacl (``kg.validate.pyshacl_engine``) is the reference; this gives the same results — the same
(focus node, path, constraint component) triples, proved on valid and broken graphs in
``tests/test_fastshacl.py`` — in one query per constraint instead of one per focus node.

Only the features ``ontology/shapes.ttl`` uses are compiled (class / subjects-of targets,
min/maxCount, datatype, class, hasValue, uniqueLang, minLength, pattern, inversePath,
qualifiedValueShape with sh:class, sh:or of datatypes or of classes, SPARQL SELECT
constraints); a shape using anything else is refused, never silently skipped.
SPARQL is rewritten token by token (:func:`kg.sparql.guard.tokens`), never by text search.
Targets follow ``rdf:type/rdfs:subClassOf*`` as SHACL defines them. A SPARQL
constraint's ``$this`` is pre-bound, as pyshacl does it per node, by putting the
shape's target pattern at the start of the query's WHERE block: one query for all.

Oxigraph's store normalizes numeric literals (``"5"^^xsd:nonNegativeInteger`` is kept
as ``"5"^^xsd:integer``), so datatype constraints are checked in Python on the
lossless parser's output, one pass over the triples with a datatype-constrained predicate.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.core.config import BASE, CANONICAL_BASE, PREFIXES
from kg.core.errors import ParseError
from kg.core.paths import SHAPES_FILE
from kg.rdf.oxigraph import select
from kg.sparql.guard import tokens
from kg.sparql.params import where_group
from kg.validate.lexical import shacl_datatype_ok

SH, RDF = PREFIXES["sh"], PREFIXES["rdf"]
IS_A = f"<{RDF}type>/<{PREFIXES['rdfs']}subClassOf>*"
NAMES = """path targetClass targetSubjectsOf property sparql message declare prefixes select
minCount maxCount datatype class hasValue uniqueLang minLength pattern flags or
qualifiedValueShape qualifiedMinCount qualifiedMaxCount name description"""
SUPPORTED = {f"{SH}{name}" for name in NAMES.split()}  # noqa: SIM905


@dataclass(frozen=True, order=True)
class Result:
    """One validation result; terms in N-Triples form, the path as ``<p>`` or ``^<p>``.

    The messages tell apart two constraints of one shape (a shape's two SPARQL
    constraints), which pyshacl reports as two results.
    """

    focus: str
    path: str
    component: str
    value: str = ""
    messages: tuple[tuple[str, str], ...] = ()


@dataclass
class Check:
    """A compiled constraint: a query giving (?this[, ?v]) rows, or a datatype test."""

    component: str
    path: str
    messages: tuple[tuple[str, str], ...]
    query: str = ""
    datatypes: frozenset[str] = frozenset()
    shape: int = 0
    value: str = "v"  # the variable holding the value node: SHACL's ?value in sh:select


class Shapes:
    """Our shapes graph, read with Oxigraph, compiled to :class:`Check` s."""

    def __init__(self, path: Path = SHAPES_FILE) -> None:
        self.store = ox.Store()
        text = path.read_text(encoding="utf-8").replace(CANONICAL_BASE, BASE)
        try:
            self.store.load(input=text.encode("utf-8"), format=ox.RdfFormat.TURTLE)
        except SyntaxError as e:
            raise ParseError(f"{path}: {e}") from e
        self.targets: list[str] = []
        self.checks: list[Check] = []
        for shape in self.subjects(f"{RDF}type", ox.NamedNode(f"{SH}NodeShape")):
            self.compile_shape(shape)

    # --- reading the shapes graph ------------------------------------------
    def subjects(self, p: str, o: ox.NamedNode) -> list:
        return sorted({q.subject for q in self.store.quads_for_pattern(None, ox.NamedNode(p), o)},
                      key=str)  # fmt: skip

    def objects(self, s, p: str) -> list:
        return sorted(
            (q.object for q in self.store.quads_for_pattern(s, ox.NamedNode(f"{SH}{p}"), None)),
            key=str,
        )

    def value(self, s, p: str):
        found = self.objects(s, p)
        return found[0] if found else None

    def items(self, node) -> list:
        """The members of an RDF list."""
        out = []
        while node != ox.NamedNode(f"{RDF}nil"):
            out.append(
                next(self.store.quads_for_pattern(node, ox.NamedNode(f"{RDF}first"), None)).object
            )
            node = next(self.store.quads_for_pattern(node, ox.NamedNode(f"{RDF}rest"), None)).object
        return out

    def messages(self, node) -> tuple[tuple[str, str], ...]:
        return tuple(sorted((m.language or "", m.value) for m in self.objects(node, "message")))

    def check_supported(self, node) -> None:
        for quad in self.store.quads_for_pattern(node, None, None):
            p = quad.predicate.value
            if p.startswith(SH) and p not in SUPPORTED:
                raise ParseError(f"the fast SHACL engine does not support {p} (use pyshacl)")

    # --- compiling -----------------------------------------------------------
    def compile_shape(self, shape) -> None:
        self.check_supported(shape)
        parts = [f"{{ ?this {IS_A} {c} }}" for c in self.objects(shape, "targetClass")]
        parts += [f"{{ ?this {p} ?any }}" for p in self.objects(shape, "targetSubjectsOf")]
        if not parts:
            return
        self.targets.append(f"{{ SELECT DISTINCT ?this WHERE {{ {' UNION '.join(parts)} }} }}")
        index = len(self.targets) - 1
        for prop in self.objects(shape, "property"):
            self.check_supported(prop)
            self.compile_property(index, prop)
        for sparql in self.objects(shape, "sparql"):
            self.check_supported(sparql)
            self.checks.append(self.sparql_check(index, sparql))

    def compile_property(self, shape: int, prop) -> None:
        path, key = self.path(prop)
        msgs = self.messages(prop)
        target = self.targets[shape]
        for name, query in property_queries(self, prop, target, path):
            self.checks.append(Check(f"{name}ConstraintComponent", key, msgs, query, shape=shape))
        datatype = self.value(prop, "datatype")
        alternatives = [self.value(alt, "datatype") for alt in self.or_members(prop)]
        if datatype is not None:
            self.add_datatypes(shape, "Datatype", key, msgs, [datatype])
        if alternatives and None not in alternatives:
            self.add_datatypes(shape, "Or", key, msgs, alternatives)

    def add_datatypes(self, shape: int, name: str, key: str, msgs, types: list) -> None:
        if key.startswith("^"):
            raise ParseError("the fast SHACL engine checks datatypes on predicate paths only")
        found = frozenset(t.value for t in types)
        self.checks.append(Check(f"{name}ConstraintComponent", key, msgs, "", found, shape))

    def datatype_predicates(self) -> set[str]:
        """The IRIs of the predicates a datatype constraint tests."""
        return {check.path[1:-1] for check in self.checks if check.datatypes}

    def or_members(self, prop) -> list:
        return [m for node in self.objects(prop, "or") for m in self.items(node)]

    def path(self, prop) -> tuple[str, str]:
        node = self.value(prop, "path")
        if isinstance(node, ox.NamedNode):
            return str(node), str(node)
        inverse = self.value(node, "inversePath")
        if not isinstance(inverse, ox.NamedNode):
            raise ParseError("the fast SHACL engine supports IRI and inverse paths only")
        return f"^{inverse}", f"^{inverse}"

    def sparql_check(self, shape: int, node) -> Check:
        prefixes = "".join(
            f"PREFIX {self.value(d, 'prefix').value}: <{self.value(d, 'namespace').value}>\n"
            for ontology in self.objects(node, "prefixes")
            for d in self.objects(ontology, "declare")
        )
        select = prebound(self.value(node, "select").value)
        at = where_group(select, "an sh:select of the shapes")
        query = f"{prefixes}{select[:at]} {self.targets[shape]} {select[at:]}"
        return Check("SPARQLConstraintComponent", "", self.messages(node), query, shape=shape,
                     value="value")  # fmt: skip


PREBOUND = {"this", "currentShape", "shapesGraph", "PATH"}


def prebound(select: str) -> str:
    """``select`` with its variable ``$this`` spelled ``?this``, as the targets bind it.

    Only variable tokens are rewritten (:func:`kg.sparql.guard.tokens` skips strings,
    IRIs and comments); SHACL's other pre-bound variables are refused, never left unbound.

    Example::

        >>> prebound('SELECT $this WHERE { $this ?p "$this" } # $this')
        'SELECT ?this WHERE { ?this ?p "$this" } # $this'
    """
    parts, last = [], 0
    for match in tokens(select):
        token = match.group()
        if match.lastgroup != "skip" or token[:1] not in "?$" or token[1:] not in PREBOUND:
            continue
        if token[1:] != "this":
            raise ParseError(f"the fast SHACL engine does not pre-bind {token} (use pyshacl)")
        parts += [select[last : match.start()], "?this"]
        last = match.end()
    return "".join(parts) + select[last:]


def property_queries(shapes: Shapes, prop, target: str, path: str) -> Iterator[tuple[str, str]]:
    """(component name, query) for every query-compiled constraint of a property shape."""
    rows = f"SELECT ?this ?v WHERE {{ {target} ?this {path} ?v "
    grouped = f"SELECT ?this WHERE {{ {target} OPTIONAL {{ ?this {path} ?v }} }} GROUP BY ?this"
    if (n := shapes.value(prop, "minCount")) is not None:
        yield "MinCount", f"{grouped} HAVING (COUNT(DISTINCT ?v) < {n.value})"
    if (n := shapes.value(prop, "maxCount")) is not None:
        yield "MaxCount", f"{grouped} HAVING (COUNT(DISTINCT ?v) > {n.value})"
    if (c := shapes.value(prop, "class")) is not None:
        yield "Class", f"{rows} FILTER NOT EXISTS {{ ?v {IS_A} {c} }} }}"
    if (v := shapes.value(prop, "hasValue")) is not None:
        yield (
            "HasValue",
            f"SELECT ?this WHERE {{ {target} FILTER NOT EXISTS {{ ?this {path} {v} }} }}",
        )
    if shapes.value(prop, "uniqueLang") == ox.Literal(True):
        yield (
            "UniqueLang",
            (
                f"SELECT DISTINCT ?this (LCASE(LANG(?v)) AS ?lang) WHERE {{ {target} "
                f"?this {path} ?v, ?w FILTER (!sameTerm(?v, ?w) && LANG(?v) != '' "
                "&& LCASE(LANG(?v)) = LCASE(LANG(?w))) }"
            ),
        )
    if (n := shapes.value(prop, "minLength")) is not None:
        yield "MinLength", f"{rows} FILTER (isBlank(?v) || STRLEN(STR(?v)) < {n.value}) }}"
    if (p := shapes.value(prop, "pattern")) is not None:
        flags = shapes.value(prop, "flags")
        regex = f"{p}, {flags}" if flags is not None else str(p)
        yield "Pattern", f"{rows} FILTER (isBlank(?v) || !REGEX(STR(?v), {regex})) }}"
    classes = [shapes.value(m, "class") for m in shapes.or_members(prop)]
    if classes and None not in classes:
        tests = " && ".join(f"NOT EXISTS {{ ?v {IS_A} {c} }}" for c in classes)
        yield "Or", f"{rows} FILTER ({tests}) }}"
    yield from qualified_queries(shapes, prop, target, path)


def qualified_queries(shapes: Shapes, prop, target: str, path: str) -> Iterator[tuple[str, str]]:
    for qualified in shapes.objects(prop, "qualifiedValueShape"):
        shapes.check_supported(qualified)
        cls = shapes.value(qualified, "class")
        if cls is None:
            raise ParseError("the fast SHACL engine supports qualifiedValueShape [ sh:class C ]")
        match = f"?this {path} ?v . ?v {IS_A} {cls}"
        if (n := shapes.value(prop, "qualifiedMinCount")) is not None:
            yield (
                "QualifiedMinCount",
                (
                    f"SELECT ?this WHERE {{ {target} OPTIONAL {{ {match} }} }} "
                    f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {n.value})"
                ),
            )
        if (n := shapes.value(prop, "qualifiedMaxCount")) is not None:
            yield (
                "QualifiedMaxCount",
                (
                    f"SELECT ?this WHERE {{ {target} {match} }} "
                    f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {n.value})"
                ),
            )


def run_checks(store: ox.Store, quads: Iterable[ox.Quad], shapes: Shapes) -> list[Result]:
    """Every result: query checks on ``store``, datatype checks on the lossless ``quads``.

    The queries run in threads, one a core (Oxigraph releases the GIL while it evaluates),
    the datatype checks here meanwhile; the results are sorted, so the order is fixed.
    """
    from concurrent.futures import ThreadPoolExecutor

    queries = [check for check in shapes.checks if check.query]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        found = pool.map(lambda check: _query_results(store, check), queries)
        results = datatype_results(store, quads, shapes)
        for part in found:
            results.update(part)
    return sorted(results)


def _query_results(store: ox.Store, check: Check) -> list[Result]:
    # row[check.value] is None when the query selects no value node
    return [_result(row["this"], check, row[check.value]) for row in select(store, check.query)]


def _result(focus, check: Check, value) -> Result:
    if value is None and check.value == "value":  # SHACL: sh:value is $this without ?value
        value = focus
    shown = str(value) if value is not None else ""
    return Result(str(focus), check.path, f"{SH}{check.component}", shown, check.messages)


def datatype_results(store: ox.Store, quads: Iterable[ox.Quad], shapes: Shapes) -> set[Result]:
    """One pass over the triples: values whose datatype or lexical form fails a constraint."""
    by_predicate: dict[str, list[Check]] = {}
    for check in shapes.checks:
        if check.datatypes:
            by_predicate.setdefault(check.path, []).append(check)
    bad: dict[int, set[tuple[str, str]]] = {}
    for quad in quads:
        for check in by_predicate.get(str(quad.predicate), ()):
            if not shacl_datatype_ok(quad.object, check.datatypes):
                bad.setdefault(id(check), set()).add((str(quad.subject), str(quad.object)))
    results = set()
    for check in shapes.checks:
        if id(check) in bad:
            focus = _targets(store, shapes.targets[check.shape])
            for subject, value in bad[id(check)]:
                if subject in focus:
                    results.add(Result(subject, check.path, f"{SH}{check.component}", value,
                                       check.messages))  # fmt: skip
    return results


def _targets(store: ox.Store, target: str) -> set[str]:
    query = f"SELECT ?this WHERE {target}"
    return {str(row["this"]) for row in select(store, query)}
