# ruff: noqa: E501  (the table of variants reads best one per line)
"""The fast SHACL engine gives exactly pyshacl's results, on the valid graph and broken ones.

Each variant is the built graph broken one way (those of test_validation.py, and more);
both engines run on it and the multisets of (focus, path, constraint component, value)
must be equal — and, for the broken ones, not empty.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS, XSD

from kg.build.ontology import load_shapes
from kg.core.config import entity_iri
from kg.core.namespaces import OA, ORG, SCHEMA
from kg.pipeline.validate import validate_graph
from kg.validate.checks import check_labels_nfc, check_offsets, run_violation_queries
from kg.validate.fast_engine import load, scan, validate_file
from kg.validate.shacl_compiler import Result, Shapes, run_checks

AGENCY = URIRef(entity_iri("org", "jeonju-ict-culture-agency"))
UNIT = URIRef(entity_iri("unit", "it-venture-center"))
EVENT = URIRef(entity_iri("event", "it-venture-center-opening"))
OBS = URIRef(entity_iri("observation", "agro-bio-sw-rbd-new-jobs"))
POST = URIRef(entity_iri("post", "jeonju-ict-culture-agency-director"))
UNCHECKED = "bad month 2019-13 (pyshacl checks no gYearMonth)"
NFD = "a label in NFD (a warning of kg.validate.checks, not SHACL)"
NO_SHACL = {"valid", "a year is fine", UNCHECKED, NFD}
PROJECT = URIRef(entity_iri("project", "agro-bio-sw-rbd-support"))


def _annotation(g: Graph) -> URIRef:
    return sorted(g.subjects(OA.hasBody, UNIT))[0]


def _set(g: Graph, s, p, o) -> None:
    g.remove((s, p, None))
    g.add((s, p, o))


def _second_quote(g: Graph) -> None:
    ann = _annotation(g)
    g.add((URIRef(f"{ann}#target"), OA.hasSelector, URIRef(f"{ann}#quote2")))
    g.add((URIRef(f"{ann}#quote2"), RDF.type, OA.TextQuoteSelector))


D, Y, YM = XSD.date, XSD.gYear, XSD.gYearMonth


def _ungrounded(g: Graph) -> None:
    for ann in list(g.subjects(OA.hasBody, UNIT)):
        g.remove((ann, None, None))


def _no_agency(g: Graph) -> None:
    g.remove((UNIT, ORG.unitOf, None))
    g.remove((None, ORG.hasUnit, UNIT))


def _media(g: Graph) -> URIRef:
    return next(g.subjects(RDF.type, SCHEMA.MediaObject))


def _iri(kind: str, slug: str) -> URIRef:
    return URIRef(entity_iri(kind, slug))


VARIANTS: dict[str, Callable[[Graph], None]] = {
    "valid": lambda g: None,
    NFD: lambda g: _set(g, UNIT, SKOS.altLabel, Literal(unicodedata.normalize("NFD", "아이티벤처센터"), lang="ko")),
    "missing @en label": lambda g: g.remove((UNIT, RDFS.label, Literal("IT Venture Center", lang="en"))),
    "missing @ko label": lambda g: g.remove((UNIT, RDFS.label, Literal("IT벤처센터", lang="ko"))),
    "two @ko labels": lambda g: g.add((UNIT, RDFS.label, Literal("IT 벤처 센터", lang="ko"))),
    "duplicate @en label": lambda g: g.add((UNIT, RDFS.label, Literal("IT Centre", lang="en"))),
    "empty label": lambda g: g.add((AGENCY, RDFS.label, Literal("", lang="de"))),
    "bad date 2019-13-40": lambda g: _set(g, EVENT, SCHEMA.startDate, Literal("2019-13-40", datatype=D)),
    UNCHECKED: lambda g: _set(g, EVENT, SCHEMA.startDate, Literal("2019-13", datatype=YM)),
    "a year is fine": lambda g: _set(g, EVENT, SCHEMA.startDate, Literal("2010", datatype=Y)),
    "wrong datatype": lambda g: _set(g, UNIT, SCHEMA.foundingDate, Literal("2010-06-29")),
    "two founding dates": lambda g: g.add((UNIT, SCHEMA.foundingDate, Literal("2010-06-30", datatype=D))),
    "unit without agency": _no_agency,
    "missing inverse": lambda g: g.remove((AGENCY, ORG.hasUnit, UNIT)),
    "ungrounded entity": _ungrounded,
    "annotation untyped": lambda g: g.remove((_annotation(g), RDF.type, OA.Annotation)),
    "value not a number": lambda g: _set(g, OBS, SCHEMA.value, Literal("12abc", datatype=XSD.integer)),
    "value a string": lambda g: _set(g, OBS, SCHEMA.value, Literal("40")),
    "negative offset": lambda g: _set(g, URIRef(f"{_annotation(g)}#position"), OA.start,
                                      Literal("-1", datatype=XSD.nonNegativeInteger)),
    "offset not a number": lambda g: _set(g, URIRef(f"{_annotation(g)}#position"), OA.start,
                                          Literal("1e5", datatype=XSD.double)),
    "empty quote": lambda g: _set(g, URIRef(f"{_annotation(g)}#quote"), OA.exact, Literal("")),
    "second quote selector": _second_quote,
    "bad sha256": lambda g: _set(g, _media(g), SCHEMA.sha256, Literal("ABC")),
    "post in two orgs": lambda g: g.add((POST, ORG.postIn, _iri("org", "mic"))),
    "funder is a person": lambda g: g.add((PROJECT, SCHEMA.funder, _iri("person", "kim-jin-man"))),
    "not a government org": lambda g: g.remove((AGENCY, RDF.type, SCHEMA.GovernmentOrganization)),
    "observation about a place": lambda g: _set(g, OBS, SCHEMA.observationAbout, _iri("place", "jeonju")),
}  # fmt: skip


def shacl_results(path: Path) -> list[Result]:
    """The fast engine's SHACL results for ``path``, as :func:`validate_file` computes them."""
    shapes = Shapes()
    return run_checks(load(path), scan(path, shapes)[0], shapes)


def pyshacl_results(graph: Graph) -> Counter:
    """pyshacl's results as (focus, path, component, value), terms in N-Triples form."""
    _, results, _ = pyshacl_validate(
        graph, shacl_graph=load_shapes(), inference="none", inplace=False, allow_warnings=True
    )
    found: Counter = Counter()
    for r in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(r, SH.resultPath)
        if isinstance(path, BNode):
            shown = "^" + results.value(path, SH.inversePath).n3()
        else:
            shown = path.n3() if path is not None else ""
        component = str(results.value(r, SH.sourceConstraintComponent))
        value = results.value(r, SH.value)
        found[(results.value(r, SH.focusNode).n3(), shown, component, _nt(value))] += 1
    return found


def _nt(term) -> str:
    """An rdflib term in N-Triples, as Oxigraph writes it (one line, the same escapes)."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        kind = {"language": term.language} if term.language else {
            "datatype": ox.NamedNode(str(term.datatype or XSD.string))}  # fmt: skip
        return str(ox.Literal(str(term), **kind))
    return term.n3()


@pytest.mark.slow  # pyshacl on the whole graph, once a variant
@pytest.mark.parametrize("name", list(VARIANTS))
def test_same_results_as_pyshacl(name: str, graph: Graph, tmp_path: Path) -> None:
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    VARIANTS[name](broken)
    path = tmp_path / "graph.nt"
    broken.serialize(path, format="nt", encoding="utf-8")
    fast = Counter((r.focus, r.path, r.component, r.value) for r in shacl_results(path))
    assert fast == pyshacl_results(broken)
    assert bool(fast) is (name not in NO_SHACL)


def _others(violations) -> list[tuple]:
    return sorted((v.check, v.focus, v.path, v.message, v.value, v.severity)
                  for v in violations if v.check != "shacl")  # fmt: skip


@pytest.mark.parametrize(
    "name", [NFD, "valid", "negative offset", "offset not a number", "empty quote", "bad sha256"]
)
def test_the_other_checks_report_what_the_reference_reports(
    name: str, graph: Graph, tmp_path: Path
) -> None:
    """Offsets, violation queries and NFC labels: the fast report equals kg.validate.pyshacl_engine's."""
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    VARIANTS[name](broken)
    path = tmp_path / "graph.nt"
    broken.serialize(path, format="nt", encoding="utf-8")
    reference = _others(
        check_offsets(broken) + run_violation_queries(broken) + check_labels_nfc(broken)
    )
    assert _others(validate_file(path).violations) == reference
    assert bool(reference) is (name != "valid")
    if name == NFD:
        assert [(c, f, s) for c, f, _, _, _, s in reference] == [
            ("labels", "kg:unit/it-venture-center", "Warning")
        ]


def test_the_report_reads_like_pyshacls(graph: Graph, tmp_path: Path) -> None:
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    VARIANTS["bad date 2019-13-40"](broken)
    path = tmp_path / "graph.nt"
    broken.serialize(path, format="nt", encoding="utf-8")
    (v,) = [v for v in validate_file(path).violations if v.path == "schema:startDate"]
    assert v.focus == "kg:event/it-venture-center-opening"
    assert v.value.startswith('"2019-13-40"') and v.quote.endswith("IT벤처센터 개소")
    assert "valid xsd:date" in v.message and v.message_ko.startswith("사건에는")


def test_the_built_file_conforms_with_the_fast_engine(built_dir: Path) -> None:
    assert validate_file(built_dir / "kg.nq").to_text() == "conforms: yes (0 violations)"


def test_every_shape_compiles_to_checks() -> None:
    shapes = Shapes()
    components = {c.component for c in shapes.checks}
    assert len(shapes.targets) >= 20
    assert {"SPARQLConstraintComponent", "QualifiedMinCountConstraintComponent",
            "OrConstraintComponent", "UniqueLangConstraintComponent"} <= components  # fmt: skip


ILL_TYPED = [
    ("12abc", XSD.integer),
    ("-1", XSD.nonNegativeInteger),  # the store keeps it as "-1"^^xsd:integer: valid
    ("300", XSD.byte),  # the store keeps it as "300"^^xsd:integer: valid
    ("20x9", XSD.gYear),
    ("yes", XSD.boolean),
]


@pytest.mark.parametrize(("lexical", "datatype"), ILL_TYPED)
def test_an_ill_typed_literal_no_shape_covers_fails_both_engines(
    lexical: str, datatype: URIRef, graph: Graph, tmp_path: Path
) -> None:
    """The typed-literal check runs in both engines, on the lexical form as written."""
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    broken.add((UNIT, URIRef("http://example.org/unshaped"), Literal(lexical, datatype=datatype,
                                                                    normalize=False)))  # fmt: skip
    path = tmp_path / "graph.nq"
    broken.serialize(path, format="nt", encoding="utf-8")
    reports = [validate_graph(path, engine).violations for engine in ("fast", "pyshacl")]
    expected = (
        "datatype", "kg:unit/it-venture-center", "<http://example.org/unshaped>",
        f'"{lexical}"^^{datatype.n3(broken.namespace_manager)}',
    )  # fmt: skip
    assert [[(v.check, v.focus, v.path, v.value) for v in r] for r in reports] == [[expected]] * 2


def test_the_scan_of_a_line_file_picks_what_a_whole_parse_gives(
    synth_nquads: Path, tmp_path: Path
) -> None:
    """N-Quads are parsed only on the lines a byte search picks (kg.rdf.linescan): the
    same datatype quads and typed literals as the whole file parsed (as TriG) gives."""
    trig = tmp_path / "synth.trig"
    ox.serialize(ox.parse(path=str(synth_nquads), format=ox.RdfFormat.N_QUADS),
                 str(trig), format=ox.RdfFormat.TRIG)  # fmt: skip
    picked, whole = scan(synth_nquads, Shapes()), scan(trig, Shapes())
    assert [str(q) for q in picked[0]] == [str(q) for q in whole[0]] != []
    assert picked[1] == whole[1] != []
