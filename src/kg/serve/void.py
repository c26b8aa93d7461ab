"""Describe the dataset (VoID and DCAT: license, source, counts) and the SPARQL service.

Counts come from the loaded store, so the description always matches what is
served. The SPARQL endpoint's address depends on where the server runs, so it is
passed in.

Example::

    >>> from kg.build.assemble import build_parts
    >>> from kg.rdf.writing import to_nquads
    >>> store = ox.Store()  # what kg serve loads from dist/kg.nq
    >>> store.load(to_nquads(build_parts().dataset()), format=ox.RdfFormat.N_QUADS)
    >>> stats = dataset_stats(store)
    >>> stats.triples == len(store), stats.sources
    (True, ['https://w3id.org/kr-ict-kg/id/document/c0befe44ac966333'])
    >>> triples = void_triples(stats, "http://127.0.0.1:8000/")
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg.core.config import BASE, ID_BASE
from kg.rdf.oxigraph import select

DATASET_IRI = BASE + "dataset"
LICENSE_IRI = "https://www.apache.org/licenses/LICENSE-2.0"
TITLE = {
    "ko": "한국 지역 ICT 기관 지식 그래프",
    "en": "Knowledge graph of Korea's regional ICT organizations",
}
DESCRIPTION = {
    "ko": "(재)전주정보문화산업진흥원의 연혁·조직·사업·인물을 "
    "기사 원문의 문장에 근거해 기술한 RDF 그래프.",
    "en": "The history, units, programs and people of the Jeonju Information and Culture "
    "Industry Promotion Agency, in RDF; every fact is grounded in a quote of its source article.",
}
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcterms": "http://purl.org/dc/terms/",
    "sd": "http://www.w3.org/ns/sparql-service-description#",
    "formats": "http://www.w3.org/ns/formats/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
RESULT_FORMATS: tuple[str, ...] = ("SPARQL_Results_JSON", "SPARQL_Results_XML")
RESULT_FORMATS += ("SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle", "JSON-LD", "N-Triples")
RESULT_FORMATS += ("RDF_XML",)


@dataclass(frozen=True)
class DatasetStats:
    """What the served graph holds: counts, classes, sources and an example resource."""

    triples: int
    entities: int
    subjects: int
    properties: int
    classes: dict[str, int]
    sources: list[str]
    example: str | None


def dataset_stats(store: ox.Store) -> DatasetStats:
    """Count the served graph (facts and provenance together, as queries see it)."""

    def one(query: str) -> int:
        rows = list(select(store, query))
        return int(rows[0][0].value)

    classes = {
        row[0].value: int(row[1].value)
        for row in select(
            store, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c"
        )
    }
    sources = [
        row[0].value
        for row in select(
            store,
            "SELECT DISTINCT ?d WHERE { ?t <http://www.w3.org/ns/oa#hasSource> ?d } ORDER BY ?d",
        )
    ]
    example = [
        row[0].value
        for row in select(
            store,
            "SELECT ?s WHERE { ?s a <http://www.w3.org/ns/org#FormalOrganization> ; "
            "<http://www.w3.org/ns/org#hasUnit> ?u } GROUP BY ?s ORDER BY DESC(COUNT(?u)) LIMIT 1",
        )
    ]
    return DatasetStats(
        triples=one("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
        entities=one(
            "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE "
            f'{{ ?s a ?c FILTER STRSTARTS(STR(?s), "{ID_BASE}") }}'
        ),
        subjects=one("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"),
        properties=one("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }"),
        classes=classes,
        sources=sources,
        example=example[0] if example else None,
    )


def void_triples(stats: DatasetStats, site: str) -> list[ox.Triple]:
    """The VoID + DCAT description of the dataset; ``site`` is the server's root URL."""
    dataset = ox.NamedNode(DATASET_IRI)
    out = _Triples(dataset)
    out.add("rdf:type", _iri("void:Dataset"), _iri("dcat:Dataset"))
    for lang, text in TITLE.items():
        out.add("dcterms:title", ox.Literal(text, language=lang))
    for lang, text in DESCRIPTION.items():
        out.add("dcterms:description", ox.Literal(text, language=lang))
    out.add("dcterms:license", ox.NamedNode(LICENSE_IRI))
    out.add("dcterms:source", *[ox.NamedNode(s) for s in stats.sources])
    out.add("void:uriSpace", ox.Literal(ID_BASE))
    out.add("void:sparqlEndpoint", ox.NamedNode(site + "sparql"))
    if stats.example:
        out.add("void:exampleResource", ox.NamedNode(stats.example))
    for key, value in (
        ("void:triples", stats.triples),
        ("void:entities", stats.entities),
        ("void:distinctSubjects", stats.subjects),
        ("void:properties", stats.properties),
        ("void:classes", len(stats.classes)),
    ):
        out.add(key, _integer(value))
    _distribution(out, site)
    parts = [ox.NamedNode(f"{DATASET_IRI}#class-{i}") for i in range(len(stats.classes))]
    out.add("void:classPartition", *parts)
    for part, (cls, count) in zip(parts, stats.classes.items(), strict=True):
        out.triples.append(ox.Triple(part, _iri("void:class"), ox.NamedNode(cls)))
        out.triples.append(ox.Triple(part, _iri("void:entities"), _integer(count)))
    return out.triples


def _distribution(out: _Triples, site: str) -> None:
    dist = ox.NamedNode(DATASET_IRI + "#sparql")
    out.add("dcat:distribution", dist)
    for predicate, value in (
        ("rdf:type", _iri("dcat:Distribution")),
        ("dcat:accessURL", ox.NamedNode(site + "sparql")),
        ("dcat:mediaType", ox.Literal("application/sparql-results+json")),
        ("dcterms:license", ox.NamedNode(LICENSE_IRI)),
    ):
        out.triples.append(ox.Triple(dist, _iri(predicate), value))


def service_triples(site: str) -> list[ox.Triple]:
    """A SPARQL 1.1 Service Description of the endpoint at ``site``/sparql."""
    service = ox.NamedNode(site + "sparql#service")
    out = _Triples(service)
    out.add("rdf:type", _iri("sd:Service"))
    out.add("sd:endpoint", ox.NamedNode(site + "sparql"))
    out.add("sd:supportedLanguage", _iri("sd:SPARQL11Query"))
    out.add("sd:feature", _iri("sd:UnionDefaultGraph"))
    out.add("sd:resultFormat", *[_iri(f"formats:{name}") for name in RESULT_FORMATS])
    description = ox.NamedNode(site + "sparql#dataset")
    out.add("sd:defaultDataset", description)
    out.triples.append(ox.Triple(description, _iri("rdf:type"), _iri("sd:Dataset")))
    out.triples.append(ox.Triple(description, _iri("void:inDataset"), ox.NamedNode(DATASET_IRI)))
    return out.triples


class _Triples:
    """Triples about one subject, written as ``add(predicate, *objects)``."""

    def __init__(self, subject: ox.NamedNode) -> None:
        self.subject = subject
        self.triples: list[ox.Triple] = []

    def add(self, predicate: str, *objects) -> None:
        for obj in objects:
            self.triples.append(ox.Triple(self.subject, _iri(predicate), obj))


def _iri(curie: str) -> ox.NamedNode:
    prefix, local = curie.split(":", 1)
    return ox.NamedNode(NS[prefix] + local)


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(NS["xsd"] + "integer"))
