"""``/search``: each entity once, by its best match, with its labels and its page."""

from __future__ import annotations

from kg.serve.search import found
from kg.sparql.labels import index_for

AGENCY = "https://w3id.org/kr-ict-kg/id/org/jeonju-ict-culture-agency"


def test_the_whole_name_comes_first_and_each_entity_once(store) -> None:
    answer = found(index_for(store), "전주정보문화산업진흥원")
    first = answer["results"][0]
    assert first["iri"] == AGENCY and first["href"] == "/id/org/jeonju-ict-culture-agency"
    assert first["type"] == "org" and first["label_en"].startswith("Jeonju")
    iris = [r["iri"] for r in answer["results"]]
    assert len(iris) == len(set(iris)) > 1


def test_a_short_query_is_capped_and_says_there_is_more(store) -> None:
    answer = found(index_for(store), "센", limit=3)
    assert len(answer["results"]) == 3 and answer["more"]
