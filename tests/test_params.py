"""Parameters: each `# param:` type accepts good values as typed terms and says why it refuses."""

from __future__ import annotations

import re
import unicodedata

import pyoxigraph as ox
import pytest

from kg.core.errors import QueryError
from kg.sparql.catalogue import Param
from kg.sparql.params import bind, parse_assignments, to_term

XSD = "http://www.w3.org/2001/XMLSchema#"
ID = "https://w3id.org/kr-ict-kg/id/"


@pytest.mark.parametrize(
    ("type_", "value", "expected"),
    [
        ("xsd:gYear", "2017", ox.Literal("2017", datatype=ox.NamedNode(XSD + "gYear"))),
        ("xsd:integer", "-42", ox.Literal("-42", datatype=ox.NamedNode(XSD + "integer"))),
        ("xsd:decimal", "11.5", ox.Literal("11.5", datatype=ox.NamedNode(XSD + "decimal"))),
        ("xsd:date", "2017-05-30", ox.Literal("2017-05-30", datatype=ox.NamedNode(XSD + "date"))),
        ("xsd:boolean", "true", ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean"))),
        ("xsd:string", '센터" } DROP ALL', ox.Literal('센터" } DROP ALL')),
        ("iri", "org/mic", ox.NamedNode(ID + "org/mic")),
        ("iri", "kg:org/mic", ox.NamedNode(ID + "org/mic")),
        ("iri", "<https://example.org/x>", ox.NamedNode("https://example.org/x")),
        ("iri", "정보통신부", ox.Literal("정보통신부")),  # a name, looked up before the query
        ("entity", "unit/sos-lab", ox.NamedNode(ID + "unit/sos-lab")),
        ("entity", "정보통신부", ox.Literal("정보통신부")),
        ("entity", "K-ICT 3D프린팅전주센터", ox.Literal("K-ICT 3D프린팅전주센터")),
    ],
)
def test_values_become_typed_terms(type_: str, value: str, expected: object) -> None:
    assert to_term(Param("p", type_), value) == expected


@pytest.mark.parametrize(
    ("type_", "value", "why"),
    [
        ("xsd:gYear", "2017년", "want a year such as 2017"),
        ("xsd:date", "2017-02-30", "want a date such as 2017-05-30"),
        ("xsd:integer", "4.2", "want an integer"),
        ("xsd:boolean", "yes", "want true or false"),
        ("iri", "", "is not an IRI"),
        ("iri", "<http://x y>", "is not an IRI"),
    ],
)
def test_bad_values_say_which_parameter_and_why(type_: str, value: str, why: str) -> None:
    with pytest.raises(QueryError, match=f"parameter p: .*{re.escape(why)}"):
        to_term(Param("p", type_), value)


def test_bind_uses_defaults_and_refuses_unknown_names_and_types() -> None:
    params = [Param("org", "iri", "the org", default="org/mic"), Param("year", "xsd:gYear")]
    bound = bind(params, {"year": "2001"}, "q.rq")
    assert bound[ox.Variable("org")] == ox.NamedNode(ID + "org/mic")
    with pytest.raises(QueryError, match="q.rq needs --param year"):
        bind(params, {}, "q.rq")
    with pytest.raises(QueryError, match="has no parameter 'yr'"):
        bind(params, {"yr": "2001", "year": "2001"}, "q.rq")
    with pytest.raises(QueryError, match="unknown type 'xsd:gDay'"):
        bind([Param("d", "xsd:gDay")], {"d": "1"}, "q.rq")


def test_assignments_split_at_the_first_equals_sign() -> None:
    assert parse_assignments(["text=a=b", "year=2017"]) == {"text": "a=b", "year": "2017"}
    with pytest.raises(QueryError, match="given twice"):
        parse_assignments(["year=1", "year=2"])


def test_text_is_composed_like_the_labels() -> None:
    decomposed = unicodedata.normalize("NFD", "정보통신부")
    assert decomposed != "정보통신부"
    assert to_term(Param("e", "entity"), decomposed) == ox.Literal("정보통신부")
    assert to_term(Param("t", "xsd:string"), decomposed) == ox.Literal("정보통신부")
