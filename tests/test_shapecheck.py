"""User shapes: SPARQL through the guard, no SHACL-AF, no URL; ours pass the same checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build.ontology import load_shapes
from kg.core.errors import InputError, ParseError
from kg.core.paths import SHAPES_FILE
from kg.validate.user_shapes import check_shapes, load_user_shapes

HEAD = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix ex: <http://x/> .\n"


def shapes_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "shapes.ttl"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def sparql_shape(select: str) -> str:
    return (
        f'ex:S a sh:NodeShape ; sh:targetNode ex:a ;\n  sh:sparql [ sh:select """{select}""" ] .\n'
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            sparql_shape(
                "SELECT $this FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g {?s ?p ?o} }"
            ),
            r"shapes.ttl: <http://x/S> sh:select: FROM / FROM NAMED is refused",
        ),
        (
            sparql_shape("SELECT $this WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"),
            r"sh:select: SERVICE is refused",
        ),
        (
            "ex:C a sh:SPARQLConstraintComponent ; sh:validator [ a sh:SPARQLAskValidator ;\n"
            '  sh:ask """ASK { SERVICE SILENT <file:///etc/passwd> { ?s ?p ?o } }""" ] .\n',
            r"sh:ask: SERVICE is refused",
        ),
        (
            "ex:S a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ;\n"
            '  sh:select """SELECT ?this WHERE { SERVICE <http://127.0.0.1:9/> {?this ?p ?o} }"""'
            " ] .\n",
            r"<http://x/S> sh:target: SHACL-AF rules and targets are refused",
        ),
        (
            "ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:rule [ a sh:SPARQLRule ;\n"
            '  sh:construct """CONSTRUCT { $this ex:p 1 } WHERE { }""" ] .\n',
            r"sh:rule: SHACL-AF",
        ),
        ("ex:T a sh:SPARQLTargetType .\n", r"<http://x/T> is a sh:SPARQLTargetType"),
    ],
)
def test_hostile_shapes_are_refused_before_pyshacl(
    tmp_path: Path, body: str, expected: str
) -> None:
    with pytest.raises(ParseError, match=expected):
        load_user_shapes(str(shapes_file(tmp_path, body)))


@pytest.mark.parametrize("name", ["http://127.0.0.1:9/shapes.ttl", "file:///etc/shapes.ttl"])
def test_shapes_given_as_a_url_are_refused(name: str) -> None:
    with pytest.raises(InputError, match="shapes given as a URL are refused"):
        load_user_shapes(name)


def test_plain_shapes_and_ours_pass(tmp_path: Path) -> None:
    body = sparql_shape("SELECT $this WHERE { $this ex:p ?o . FILTER (?o > 3) }")
    assert len(load_user_shapes(str(shapes_file(tmp_path, body)))) == 4
    check_shapes(load_shapes(), SHAPES_FILE)
