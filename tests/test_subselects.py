"""A parameter is bound inside the subqueries that project it, and the answer stays the same."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.sparql import params
from kg.sparql.catalogue import find_query
from kg.sparql.subselects import subquery_groups
from tests.helpers import select

ORG = ox.Variable("org")
IRI = ox.NamedNode("https://w3id.org/kr-ict-kg/id/org/a00001")


def _reached(text: str) -> list[tuple[str, list[str]]]:
    """What precedes each place found (its last 11 characters) and the names reached there."""
    return [(text[:at][-11:], sorted(names)) for at, names in subquery_groups(text)]


def test_a_subquery_that_projects_the_variable_is_reached() -> None:
    text = "SELECT ?n WHERE { { SELECT ?org (COUNT(*) AS ?n) WHERE { ?e ?p ?org } GROUP BY ?org } }"
    assert _reached(text) == [("?n) WHERE {", ["org"])]
    bound = params.with_values(text, {ORG: IRI})
    assert bound.count(f"VALUES (?org) {{ ({IRI}) }}") == 2
    assert bound.index("VALUES") < bound.index("{ SELECT") < bound.rindex("VALUES")


@pytest.mark.parametrize(
    "text",
    [
        # an alias in an expression is a new variable of the same name
        "SELECT * WHERE { { SELECT (STR(?o) AS ?org) WHERE { ?s ?p ?o } } }",
        # which rows a LIMIT or OFFSET keeps depends on every row
        "SELECT * WHERE { { SELECT ?org WHERE { ?org ?p ?o } ORDER BY ?o LIMIT 3 } }",
        "SELECT * WHERE { { SELECT ?org WHERE { ?org ?p ?o } OFFSET 1 } }",
        # SELECT * does not write out what it projects
        "SELECT * WHERE { { SELECT * WHERE { ?org ?p ?o } } }",
        # inside a subquery that does not project ?org, ?org is another variable
        "SELECT * WHERE { { SELECT ?o WHERE { { SELECT ?org ?o WHERE { ?org ?p ?o } } } } }",
        # nor past a LIMIT around it
        "SELECT * WHERE { { SELECT ?org WHERE { { SELECT ?org WHERE { ?org ?p ?o } } } LIMIT 2 } }",
        # words in strings, IRIs and comments are not read
        'SELECT * WHERE { ?s ?p "{ SELECT ?org WHERE {" # { SELECT ?org WHERE {\n }',
    ],
)
def test_the_binding_stays_outside_where_it_would_change_the_answer(text: str) -> None:
    assert "org" not in {name for _, names in subquery_groups(text) for name in names}
    assert params.with_values(text, {ORG: IRI}).count("VALUES") == 1


def test_nested_subqueries_projecting_it_all_the_way_are_reached() -> None:
    text = "SELECT * WHERE { { SELECT ?org WHERE { { SELECT $org ?x WHERE { ?org ?p ?x } } } } }"
    assert [names for _, names in _reached(text)] == [["org"], ["org"]]
    assert params.with_values(text, {ORG: IRI}).count("VALUES") == 3


@pytest.fixture(scope="module")
def synth_store(synth_nquads: Path) -> ox.Store:
    store = ox.Store()
    store.load(path=str(synth_nquads), format=ox.RdfFormat.N_QUADS)
    return store


def test_history_of_one_agency_is_its_rows_of_every_agency_history(
    synth_store: ox.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    query = find_query("history")
    columns, every = select(synth_store, query)
    at = columns.index("agency")
    agencies = sorted({row[at].value for row in every})
    assert len(agencies) == 17
    for agency in agencies[:3]:  # an agency's label, as a user gives it
        expected = sorted(str(row) for row in every if row[at].value == agency)
        assert expected and _rows(synth_store, query, agency) == expected
        monkeypatch.setattr(params, "subquery_groups", lambda text: [])
        assert _rows(synth_store, query, agency) == expected  # bound outside only: the same
        monkeypatch.undo()


def _rows(store: ox.Store, query, agency: str) -> list[str]:
    return sorted(str(row) for row in select(store, query, {"agency": agency})[1])
