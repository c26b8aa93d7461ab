"""The SHACL compiler builds its SPARQL from tokens: IRIs, strings and comments are left alone."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import Graph
from rdflib.namespace import RDF, SH

from kg.core.errors import ParseError
from kg.validate.shacl_compiler import Shapes, prebound, run_checks

SHAPES = '''
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .

ex: sh:declare [ sh:prefix "ex" ; sh:namespace "http://example.org/"^^xsd:anyURI ] .

ex:Notes a sh:NodeShape ;
    sh:targetClass ex:Thing ;
    sh:sparql [
        sh:prefixes ex: ;
        sh:message "A note other than the two allowed ones."@en ;
        sh:select """
            # a comment first: WHERE { $this ex:never ?x }
            SELECT $this ?value (<http://example.org/WHERE/$this> AS ?w) WHERE {
                $this ex:note ?value .
                FILTER (!sameTerm(?value, "WHERE { $this }")
                        && !sameTerm(?value, <http://example.org/WHERE/$this>))
            }""" ;
    ] .
'''
DATA = """
@prefix ex: <http://example.org/> .
ex:a a ex:Thing ; ex:note "WHERE { $this }", <http://example.org/WHERE/$this>, "other" .
ex:b a ex:Thing ; ex:note "WHERE { $this }" .
ex:c ex:note "not a Thing, not a target" .
"""


def test_this_is_rewritten_only_where_it_is_a_variable() -> None:
    text = 'SELECT $this WHERE { $this <http://x/$this> "$this" . $thisToo ?p ?o } # $this'
    assert prebound(text) == (
        'SELECT ?this WHERE { ?this <http://x/$this> "$this" . $thisToo ?p ?o } # $this'
    )


def test_other_prebound_variables_are_refused() -> None:
    with pytest.raises(ParseError, match=r"\$currentShape"):
        prebound("SELECT $this WHERE { $this ?p $currentShape }")


def test_where_and_this_in_iris_strings_and_comments_give_pyshacls_results(
    tmp_path: Path,
) -> None:
    shapes_file = tmp_path / "shapes.ttl"
    shapes_file.write_text(SHAPES, encoding="utf-8")
    store = ox.Store()
    store.load(DATA.encode(), format=ox.RdfFormat.TURTLE)
    fast = run_checks(store, list(store), Shapes(shapes_file))
    ours = {(r.focus, r.component.rsplit("#")[-1], r.value) for r in fast}

    data = Graph().parse(data=DATA, format="turtle")
    _, report, _ = pyshacl_validate(data, shacl_graph=Graph().parse(data=SHAPES, format="turtle"))
    theirs = {
        (report.value(r, SH.focusNode).n3(), str(report.value(r, SH.sourceConstraintComponent))
         .rsplit("#")[-1], report.value(r, SH.value).n3())
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }  # fmt: skip
    assert ours == theirs == {("<http://example.org/a>", "SPARQLConstraintComponent", '"other"')}
