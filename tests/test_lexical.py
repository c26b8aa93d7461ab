"""XSD lexical forms: well-formed or not, and the violation that names the value."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.validate.lexical import check_typed_literals, well_formed
from kg.validate.report import Report


@pytest.mark.parametrize(
    ("lexical", "datatype"),
    [
        ("1" * 5000, XSD.integer),
        ("-0042", XSD.integer),
        ("true", XSD.boolean),
        ("0", XSD.boolean),
        ("2020-02-29", XSD.date),
        ("2019-12-31+09:00", XSD.date),
        ("2019-12-31T23:59:60", XSD.string),  # not an XSD type we check
        ("2019-12-31T24:00:00", XSD.dateTime),
        ("2019", XSD.gYear),
        ("2019-07", XSD.gYearMonth),
        ("--02-29", XSD.gMonthDay),
        ("1.5E3", XSD.double),
        ("INF", XSD.double),
        (".5", XSD.decimal),
        ("P1Y2M3DT4H", XSD.duration),
        ("255", XSD.unsignedByte),
        ("9" * 40, XSD.nonNegativeInteger),
        ("anything", URIRef("http://x/myType")),
    ],
)
def test_well_formed(lexical: str, datatype: URIRef) -> None:
    assert well_formed(lexical, datatype)


@pytest.mark.parametrize(
    ("lexical", "datatype"),
    [
        ("2019-13-40", XSD.date),
        ("2019-02-29", XSD.date),
        ("12abc", XSD.integer),
        ("yes", XSD.boolean),
        ("True", XSD.boolean),
        ("2019-7", XSD.gYearMonth),
        ("1.5.3", XSD.decimal),
        ("256", XSD.unsignedByte),
        ("-" + "9" * 40, XSD.nonNegativeInteger),
        ("P", XSD.duration),
        (" 1", XSD.integer),
    ],
)
def test_ill_formed(lexical: str, datatype: URIRef) -> None:
    assert not well_formed(lexical, datatype)


def test_each_ill_formed_literal_is_a_violation_naming_its_value() -> None:
    graph = Graph()
    a = URIRef("http://x/a")
    for name, lexical, datatype in [
        ("date", "2019-13-40", XSD.date),
        ("int", "12abc", XSD.integer),
        ("bool", "yes", XSD.boolean),
        ("big", "7" * 5000, XSD.integer),
    ]:
        graph.add(
            (a, URIRef(f"http://x/{name}"), Literal(lexical, datatype=datatype, normalize=False))
        )
    found = check_typed_literals(graph)
    assert [(v.path, v.value) for v in found] == [
        ("<http://x/bool>", '"yes"^^xsd:boolean'),
        ("<http://x/date>", '"2019-13-40"^^xsd:date'),
        ("<http://x/int>", '"12abc"^^xsd:integer'),
    ]
    assert found[0].message == "'yes' is not a valid xsd:boolean."
    assert not Report(found).conforms


def test_the_built_graph_has_only_well_formed_literals(graph: Graph) -> None:
    assert check_typed_literals(graph) == []
