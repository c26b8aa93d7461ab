from __future__ import annotations

import pytest

from kg.core.errors import QueryError
from kg.sparql.guard import check_query


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
    with pytest.raises(QueryError, match=message):  # a refused text is refused again
        check_query(query)


def test_a_text_that_passed_is_remembered_but_still_checked_at_its_depth() -> None:
    nested = "SELECT * WHERE {" + "(" * 5 + "1" + ")" * 5 + "}"
    check_query(nested)
    check_query(nested)  # remembered as passed
    with pytest.raises(QueryError, match="nested too deep"):
        check_query(nested, max_depth=3)  # remembered for its limit only


@pytest.mark.parametrize(
    "query",
    [
        "PREFIX ex: <http://x/> SELECT * WHERE { ?s ?p ex: SERVICE <http://x/> { } }",
        "PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:a\\#b ?o .\nSERVICE <http://x/> { } }",
        "SELECT * WHERE { ?s ?p ?o.SERVICE <http://x/> { } }",
        "SELECT * WHERE { ?s ?p true.SERVICE <http://x/> { } }",
        "SELECT * WHERE { ?s ?p 1e5SERVICE <http://x/> { } }",
        "SELECT * WHERE { \\u0053ERVICE <http://x/> { } }",
    ],
)
def test_service_is_found_where_the_engine_finds_it(query: str) -> None:
    with pytest.raises(QueryError, match="SERVICE is refused"):
        check_query(query)


@pytest.mark.parametrize(
    "query",
    [
        "PREFIX service: <http://x/> SELECT * WHERE { ?s service:from ?o ; service:a.b ?c }",
        'SELECT * WHERE { _:service ?p 1.5e3 . ?s ?p "x"@en-GB } LIMIT 10',
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/>",
    ],
)
def test_names_that_look_like_keywords_pass(query: str) -> None:
    check_query(query)


def test_the_name_classes_hold_exactly_their_code_points() -> None:
    """The classes are written as negations (cheap to compile): same members at every edge;
    their ASCII forms hold the same ASCII members."""
    import re

    from kg.sparql import guard

    cases = [
        (guard._LETTER, guard._UNDERSCORE),
        (guard._LETTER, guard._MORE, guard._DASH_DOT),
        (guard._LETTER, guard._MORE),
        (guard._LETTER, guard._MORE, guard._DASH_DOT, guard._COLON),
    ]
    for groups in cases:
        ranges = [r for group in groups for r in group]
        compiled, ascii_only = re.compile(guard._chars(*groups)), re.compile(guard._ascii(*groups))
        edges = {c for low, high in ranges for c in (low - 1, low, high, high + 1)}
        for code in sorted(c for c in edges | {0, 0x10FFFF} if 0 <= c <= 0x10FFFF):
            inside = any(low <= code <= high for low, high in ranges)
            assert bool(compiled.fullmatch(chr(code))) == inside, (groups, hex(code))
        for code in range(0x80):
            inside = any(low <= code <= high for low, high in ranges)
            assert bool(ascii_only.fullmatch(chr(code))) == inside, (groups, hex(code))


@pytest.mark.parametrize(
    "text",
    [
        "SELECT ?이름 WHERE { ?s ex:지명 ?이름 }",
        'SELECT ?s WHERE { ?s rdfs:label "전주" } # 한국어',
        "SELECT ?a WHERE { ?a ex:b한 <http://예.kr/x> . 진흥원:a ?b ?c }",
        "SELECT ?s WHERE { ?s ?p ?o · }",
        "ASK { ?x ex:café ?y . ?y ex:na\u00efve ?z }",
    ],
)
def test_the_ascii_reading_is_used_only_where_it_is_the_full_one(text: str) -> None:
    """tokens() reads with ASCII classes first; where a name holds another character it
    reads again with the full ones: the tokens are those of the full classes either way."""
    from kg.sparql import guard
    from kg.sparql.catalogue import load_catalogue

    def spans(matches):
        return [(m.lastgroup, m.span()) for m in matches]

    for source in [text, *(q.text for q in load_catalogue().values())]:
        assert spans(guard.tokens(source)) == spans(guard._token(True).finditer(source))
