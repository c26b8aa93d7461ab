"""The VoID / DCAT description and the service description."""

from __future__ import annotations

from kg.core.config import ID_BASE
from kg.serve.void import DATASET_IRI, LICENSE_IRI, dataset_stats, service_triples, void_triples

VOID = "http://rdfs.org/ns/void#"


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
