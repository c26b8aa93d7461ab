"""Linked-data pages: an entity's description and its HTML, for our graph and a hostile one."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from kg.core.config import ID_BASE
from kg.serve.pages import describe, entity_html, exists, local_path
from kg.sparql.store import load_store
from tests.helpers import HOSTILE_ORG, hostile_nquads

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


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> ox.Store:
    return load_store(hostile_nquads(tmp_path_factory.mktemp("hostile")))


def test_a_javascript_iri_is_text_never_a_link(hostile) -> None:
    page = entity_html(hostile, HOSTILE_ORG)
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith(("/", "http://", "https://")) for h in hrefs)
    assert "javascript:alert(1)" in page and "data:text/html" in page  # shown, as text
    assert 'href="https://example.org/hostile?a=1&amp;b=2"' in page  # https stays a link


def test_markup_in_labels_is_escaped(hostile) -> None:
    for iri in (HOSTILE_ORG, HOSTILE_ORG + "/unit"):
        page = entity_html(hostile, iri)
        assert page.count("<script") == 0 and "<img" not in page
        assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
