from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.guard import check_query


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { ?s ?p ?o }",
        'SELECT * WHERE { ?s ?p "SERVICE FROM LOAD" }',
        "SELECT * WHERE { ?s <http://x/DROP> ?o } # INSERT in a comment",
        "PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:copy ?o ; ex:from ?f }",
        "SELECT ?from WHERE { ?from ?p ?o }",
        'SELECT * WHERE { ?s ?p """multi\nline SERVICE""" }',
    ],
)
def test_safe_queries_pass(query: str) -> None:
    check_query(query)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE is refused"),
        ("SELECT * WHERE { OPTIONAL { SERVICE SILENT <file:///etc/passwd> {} } }", "SERVICE"),
        ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM / FROM NAMED"),
        ("SELECT * FROM NAMED <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM / FROM NAMED"),
        ("DROP ALL", "SPARQL Update is refused"),
        ("INSERT DATA { <http://x/a> <http://x/b> 1 }", "SPARQL Update is refused"),
        ("LOAD <http://x/>", "SPARQL Update is refused"),
        ("SELECT * WHERE {" + "(" * 50 + "1" + ")" * 50 + "}", "nested too deep"),
    ],
)
def test_refused_queries_name_the_place(query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message) as info:
        check_query(query)
    assert "line 1, column" in str(info.value)
