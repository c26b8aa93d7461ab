"""Linked-data pages: the description of an entity and its HTML."""

from __future__ import annotations

import pyoxigraph as ox

from kg.core.config import ID_BASE
from kg.serve.pages import describe, entity_html, exists, local_path

SOS_LAB = ID_BASE + "unit/sos-lab"
QUOTE = "SOS랩(Solution in Our Society Lab) 구축 및 운영"


def test_local_path_only_for_our_iris() -> None:
    assert local_path(SOS_LAB) == "/id/unit/sos-lab"
    assert local_path("https://schema.org/Event") is None


def test_describe_has_own_incoming_and_evidence_triples(store, seed_text) -> None:
    triples = describe(store, SOS_LAB)
    node = ox.NamedNode(SOS_LAB)
    assert any(t.subject == node and t.predicate.value.endswith("#label") for t in triples)
    assert any(t.object == node and t.predicate.value.endswith("hasUnit") for t in triples)
    quotes = [t.object.value for t in triples if t.predicate.value.endswith("#exact")]
    assert quotes and set(quotes) == {QUOTE} and QUOTE in seed_text
    starts = sorted(int(t.object.value) for t in triples if t.predicate.value.endswith("#start"))
    assert all(seed_text[s : s + len(QUOTE)] == QUOTE for s in starts) and len(starts) == 2


def test_entity_html_links_and_quotes(store) -> None:
    page = entity_html(store, ID_BASE + "org/jeonju-ict-culture-agency")
    assert "<h1>전주정보문화산업진흥원</h1>" in page
    assert "Jeonju Information and Culture Industry Promotion Agency" in page
    assert 'href="/id/unit/sos-lab"' in page and "<h2>Evidence</h2>" in page
    assert "<mark>" in page and 'href="/id/org/jeonju-ict-culture-agency.ttl"' in page


def test_annotation_page_shows_its_fragments(store) -> None:
    annotation = describe(store, SOS_LAB)[0].subject.value.split("#")[0]
    page = entity_html(store, annotation)
    assert 'id="quote"' in page and 'id="target"' in page and QUOTE in page


def test_exists(store) -> None:
    assert exists(store, SOS_LAB) and not exists(store, ID_BASE + "unit/nothing")
