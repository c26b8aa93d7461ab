"""The VoID / DCAT description and the service description."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.core.config import ID_BASE
from kg.core.files import write_atomic
from kg.rdf.writing import to_nquads
from kg.serve.void import DATASET_IRI, LICENSE_IRI, dataset_stats, service_triples, void_triples
from kg.sparql.store import load_store

VOID = "http://rdfs.org/ns/void#"


@pytest.fixture(scope="module")
def store(parts, tmp_path_factory) -> ox.Store:
    path = tmp_path_factory.mktemp("void") / "kg.nq"
    return load_store(write_atomic(path, to_nquads(parts.dataset())))


def test_stats_count_the_served_graph(store) -> None:
    stats = dataset_stats(store)
    assert stats.triples == len(store)
    assert stats.sources == [ID_BASE + "document/c0befe44ac966333"]
    assert stats.example == ID_BASE + "org/jeonju-ict-culture-agency"
    assert stats.classes["http://www.w3.org/ns/org#OrganizationalUnit"] == 15


def test_void_says_license_counts_and_endpoint(store) -> None:
    triples = void_triples(dataset_stats(store), "http://127.0.0.1:9/")
    about = {(t.predicate.value, t.object.value) for t in triples if t.subject.value == DATASET_IRI}
    assert ("http://purl.org/dc/terms/license", LICENSE_IRI) in about
    assert (VOID + "triples", str(len(store))) in about
    assert (VOID + "sparqlEndpoint", "http://127.0.0.1:9/sparql") in about
    partitions = [t for t in triples if t.predicate.value == VOID + "classPartition"]
    assert len(partitions) == len(dataset_stats(store).classes)


def test_service_description_names_the_endpoint() -> None:
    triples = service_triples("http://127.0.0.1:9/")
    endpoints = [t.object.value for t in triples if t.predicate.value.endswith("#endpoint")]
    assert endpoints == ["http://127.0.0.1:9/sparql"]
