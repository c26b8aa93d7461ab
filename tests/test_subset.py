"""``--subset``: a class, or a bundled CONSTRUCT / SELECT query."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF

from kg.build.assemble import BuiltGraph
from kg.core.errors import InputError, QueryError
from kg.core.namespaces import ID, OA, ORG
from kg.network.view import to_networkx
from kg.pipeline.subset import class_iri, select

HEADER = "# title: t\n# description: d\n# columns: unit\nPREFIX org: <http://www.w3.org/ns/org#>\n"


@pytest.fixture
def queries(tmp_path: Path) -> Path:
    (tmp_path / "unit-list.rq").write_text(
        HEADER + "SELECT ?unit WHERE { ?unit a org:OrganizationalUnit } ORDER BY ?unit\n",
        encoding="utf-8",
    )
    (tmp_path / "unit-links.rq").write_text(
        HEADER + "CONSTRUCT { ?o org:hasUnit ?u } WHERE { ?o org:hasUnit ?u }\n", encoding="utf-8"
    )
    (tmp_path / "bad-update.rq").write_text(HEADER + "DROP ALL\n", encoding="utf-8")
    return tmp_path


def test_a_class_selects_its_instances_with_their_evidence(parts: BuiltGraph) -> None:
    subset = select(parts, "org:OrganizationalUnit")
    facts = subset.facts
    units = set(facts.subjects(RDF.type, ORG.OrganizationalUnit))
    assert len(units) == len(set(parts.facts.subjects(RDF.type, ORG.OrganizationalUnit)))
    assert ID["unit/sos-lab"] in units
    grounded = set(subset.provenance.objects(None, OA.hasBody))
    assert grounded == units  # every selected unit keeps its annotations, nothing else
    assert len(subset.facts) + len(subset.provenance) < len(parts.facts) + len(parts.provenance)
    network = to_networkx(subset.union(), "en")
    assert network.has_edge(
        str(ID["unit/sos-lab"]), str(ID["org/jeonju-ict-culture-agency"]), "org:unitOf"
    )


def test_a_select_query_selects_its_first_column(parts: BuiltGraph, queries: Path) -> None:
    by_query = select(parts, "unit-list", queries)
    by_class = select(parts, "org:OrganizationalUnit")
    assert set(by_query.facts) == set(by_class.facts)


def test_a_construct_query_gives_its_triples(parts: BuiltGraph, queries: Path) -> None:
    subset = select(parts, "unit-links", queries)
    assert len(subset.facts) == 15 and not len(subset.provenance)
    assert {p for _, p, _ in subset.facts} == {ORG.hasUnit}


def test_bad_subsets_are_one_line_errors(parts: BuiltGraph, queries: Path) -> None:
    with pytest.raises(InputError, match="unknown prefix 'foo'"):
        select(parts, "foo:Bar")
    with pytest.raises(InputError, match="no resource in the graph has this class"):
        select(parts, "org:Site")
    with pytest.raises(
        QueryError, match="no bundled query named 'unit-lst'; did you mean unit-list"
    ):
        select(parts, "unit-lst", queries)
    with pytest.raises(QueryError, match="SPARQL Update is refused"):
        select(parts, "bad-update", queries)


def test_class_iris() -> None:
    assert class_iri("org:Post") == ORG.Post
    assert class_iri("<https://schema.org/Event>") == URIRef("https://schema.org/Event")
