"""Precision and recall of ingestion: the seed against the curated graph, and the test
profiles against their expected answers. The tables are printed (pytest -s shows them;
`kg ingest ARTICLE --evaluate` and benchmarks/ingest_quality.py print the same)."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.core.paths import SOURCES_DIR
from kg.ingest import ingest
from kg.ingest.evaluate import expected_gold, score, to_text
from kg.ingest.gold_graph import graph_gold
from tests.ingest_helpers import FIXTURES, PROFILES


def by_category(scores):
    return {s.category: s for s in scores}


def test_seed_against_the_curated_graph(graph: Graph) -> None:
    result = ingest(SOURCES_DIR / "c0befe44ac966333.txt")
    gold = graph_gold(graph)
    assert len(gold.sets["events"]) == 22  # the 21 timeline events and the 2019 fair
    scores = score(result.extraction, gold)
    print("\n" + to_text(scores, "seed article against the curated graph"))
    s = by_category(scores)
    for category in ("events", "units", "posts", "figures", "people"):
        assert s[category].recall == 1.0, s[category].missed
        assert s[category].precision == 1.0, s[category].wrong
    assert s["organizations"].precision == 1.0 and s["organizations"].recall >= 0.6
    total_correct = sum(x.correct for x in scores)
    assert total_correct / sum(x.expected for x in scores) >= 0.9
    assert total_correct / sum(x.found for x in scores) >= 0.9


def test_gold_events_carry_kinds_and_acting_bodies(graph: Graph) -> None:
    events = graph_gold(graph).sets["events"]
    assert ("2019-10-29", "AccreditationEvent", "전주정보문화산업진흥원", "한국인정기구") in events
    assert ("2000-07-26", "DesignationEvent", "소프트웨어진흥구역", "정보통신부") in events


@pytest.mark.parametrize("name", PROFILES)
def test_profiles_against_their_expected_answers(name: str) -> None:
    result = ingest(FIXTURES / f"{name}.txt")
    scores = score(result.extraction, expected_gold(FIXTURES / f"{name}.expected.toml"))
    print("\n" + to_text(scores, f"{name} against its expected answers"))
    s = by_category(scores)
    assert s["events"].recall >= 0.85 and s["events"].precision >= 0.85, s["events"]
    assert s["units"].recall >= 0.8 and s["figures"].recall == 1.0
    total_correct = sum(x.correct for x in scores)
    assert total_correct / sum(x.expected for x in scores) >= 0.85
    assert total_correct / sum(x.found for x in scores) >= 0.85


def test_a_wrong_answer_lowers_precision() -> None:
    result = ingest(FIXTURES / "suwon-digital-agency.txt")
    gold = expected_gold(FIXTURES / "suwon-digital-agency.expected.toml")
    gold.sets["units"] = {("수원SW지원센터", "2005-06-16")}  # a date the text does not give
    s = by_category(score(result.extraction, gold))["units"]
    assert (s.correct, s.precision, s.recall) == (0, 0.0, 0.0)
    assert ("수원SW지원센터", "2005-06-15") in s.wrong
