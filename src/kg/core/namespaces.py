"""rdflib namespaces for the prefixes of :mod:`kg.core.config`, and ``bind_prefixes``."""

from __future__ import annotations

from typing import TypeVar

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD

from kg.core.config import DEF_BASE, FACTS_GRAPH_IRI, ID_BASE, PREFIXES, PROVENANCE_GRAPH_IRI

ID = Namespace(ID_BASE)
DEF = Namespace(DEF_BASE)
ORG = Namespace(PREFIXES["org"])
# A plain namespace: rdflib's SDO is an older snapshot that lacks observationAbout.
SCHEMA = Namespace(PREFIXES["schema"])
OA = Namespace(PREFIXES["oa"])
WD = Namespace(PREFIXES["wd"])
FACTS_GRAPH = Namespace(FACTS_GRAPH_IRI)[""]
PROVENANCE_GRAPH = Namespace(PROVENANCE_GRAPH_IRI)[""]

__all__ = [
    "DCTERMS",
    "DEF",
    "FACTS_GRAPH",
    "ID",
    "OA",
    "ORG",
    "OWL",
    "PROV",
    "PROVENANCE_GRAPH",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SH",
    "SKOS",
    "WD",
    "XSD",
    "bind_prefixes",
]


G = TypeVar("G", bound=Graph)


def bind_prefixes(graph: G) -> G:
    """Bind the project's prefixes (and only those) on ``graph``; returns it."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph
