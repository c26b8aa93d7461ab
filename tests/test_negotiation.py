"""Choosing a result format from ``format=`` and Accept, and serializing to it."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from kg.sparql.negotiation import prefers_html, serialize_result, serialize_triples, wanted


@pytest.mark.parametrize(
    ("format_param", "accept", "expected"),
    [
        (None, "application/sparql-results+xml", ["sparql-xml"]),
        (None, "text/csv;q=0.5, text/tab-separated-values", ["tsv", "csv"]),
        (None, "application/json", ["jsonld", "sparql-json"]),
        ("json", None, ["sparql-json", "jsonld"]),
        ("xml", None, ["rdfxml", "sparql-xml"]),
        ("nt", "text/csv", ["ntriples"]),
        (None, "text/turtle;q=0, application/ld+json", ["jsonld"]),
        (None, "*/*", []),
        (None, None, []),
        ("ttl", "application/json", ["turtle"]),
        ("text/csv", None, ["csv"]),
        ("nonsense", "text/csv", []),
    ],
)
def test_wanted(format_param, accept, expected) -> None:
    assert wanted(format_param, accept) == expected


def test_prefers_html_only_when_html_ranks_first() -> None:
    assert prefers_html("text/html,application/xhtml+xml,*/*;q=0.8")
    assert not prefers_html("application/sparql-results+json, text/html;q=0.5")
    assert not prefers_html("*/*") and not prefers_html(None)


@pytest.fixture
def one_quad_store() -> ox.Store:
    store = ox.Store()
    store.add(
        ox.Quad(
            ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("가", language="ko")
        )
    )
    return store


def test_select_falls_back_to_json_and_honours_csv(one_quad_store) -> None:
    kind, media_type, body = serialize_result(
        one_quad_store.query("SELECT ?o { ?s ?p ?o }"), ["turtle"]
    )
    assert kind == "solutions" and media_type.startswith("application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"][0]["o"]["xml:lang"] == "ko"
    _, media_type, body = serialize_result(one_quad_store.query("SELECT ?o { ?s ?p ?o }"), ["csv"])
    assert media_type.startswith("text/csv") and body.decode("utf-8").splitlines() == ["o", "가"]


def test_ask_and_construct(one_quad_store) -> None:
    kind, _, body = serialize_result(one_quad_store.query("ASK { ?s ?p ?o }"), ["sparql-xml"])
    assert kind == "boolean" and b"<boolean>true</boolean>" in body
    _, media_type, _ = serialize_result(one_quad_store.query("ASK { ?s ?p ?o }"), ["rdfxml"])
    assert media_type.startswith("application/sparql-results+json")  # the default
    _, media_type, _ = serialize_result(
        one_quad_store.query("ASK { ?s ?p ?o }"), wanted("xml", None)
    )
    assert media_type.startswith("application/sparql-results+xml")  # by media type
    result = one_quad_store.query("CONSTRUCT WHERE { ?s ?p ?o }")
    kind, media_type, body = serialize_result(result, ["sparql-json", "jsonld"])
    assert kind == "graph" and media_type.startswith("application/ld+json")
    assert json.loads(body)[0]["@id"] == "http://x/a"


def test_turtle_uses_the_project_prefixes() -> None:
    triple = ox.Triple(
        ox.NamedNode("http://x/a"),
        ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
        ox.Literal("a"),
    )
    media_type, body = serialize_triples([triple], [])
    assert media_type.startswith("text/turtle") and b"rdfs:label" in body
