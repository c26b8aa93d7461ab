"""Names in queries: entity parameters bound as IRIs, the search query answered by the index."""

from __future__ import annotations

import json

import pytest

from kg.core.errors import QueryError
from kg.sparql.catalogue import find_query
from kg.sparql.query import execute, prepare

MIC = "https://w3id.org/kr-ict-kg/id/org/mic"


def rows(store, name: str, **given: str) -> list[dict]:
    return json.loads(execute(store, find_query(name), given, "json-rows"))


@pytest.mark.parametrize("text", ["정보문화", "센터", "랩", "Center"])
def test_the_index_answers_search_as_its_sparql_does(store, text: str) -> None:
    query = find_query("search")
    plain = query._replace(index=None)  # what an endpoint runs
    assert execute(store, query, {"text": text}, "csv") == execute(
        store, plain, {"text": text}, "csv"
    )


def test_search_by_romanization_and_initials(store) -> None:
    agency = "https://w3id.org/kr-ict-kg/id/org/jeonju-ict-culture-agency"
    for text in ["jeonju", "ㅈㅈㅈㅂ"]:
        assert agency in {row["node"] for row in rows(store, "search", text=text)}


def test_an_entity_name_is_bound_as_the_iris_that_bear_it(store) -> None:
    text = prepare(find_query("evidence"), {"entity": "정보통신부"}, store)
    assert f"(<{MIC}>)" in text and '"정보통신부"' not in text
    assert rows(store, "evidence", entity="정보통신부") == rows(store, "evidence", entity="org/mic")
    assert prepare(find_query("evidence"), {"entity": "정보통신부"})  # no store: the query matches


def test_a_name_nothing_bears_is_an_error_with_close_names(store) -> None:
    with pytest.raises(QueryError, match="no entity is named '없는기관'$"):
        prepare(find_query("evidence"), {"entity": "없는기관"}, store)
    with pytest.raises(QueryError, match="did you mean .*정보통신부"):
        prepare(find_query("describe"), {"entity": "정보"}, store)
