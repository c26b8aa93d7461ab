"""Settings in one place: the base IRI and the prefixes, as plain strings.

This module imports nothing heavy, so that fast paths (``kg query``) can use it
without loading rdflib. Set ``KG_BASE_IRI`` to publish the graph under another base.
"""

from __future__ import annotations

import os

# The base the hand-written files in ontology/ use; rewritten to BASE when they load.
CANONICAL_BASE = "https://w3id.org/kr-ict-kg/"
BASE = os.environ.get("KG_BASE_IRI", CANONICAL_BASE)
if not BASE.endswith("/"):
    BASE += "/"

ID_BASE = BASE + "id/"
DEF_BASE = BASE + "def/"
GRAPH_BASE = BASE + "graph/"
FACTS_GRAPH_IRI = GRAPH_BASE + "facts"
PROVENANCE_GRAPH_IRI = GRAPH_BASE + "provenance"

PREFIXES: dict[str, str] = {
    "kg": ID_BASE,
    "def": DEF_BASE,
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "sh": "http://www.w3.org/ns/shacl#",
    "wd": "http://www.wikidata.org/entity/",
}


def entity_iri(kind: str, slug: str) -> str:
    """The IRI of an entity: ``<base>id/<kind>/<slug>``."""
    return f"{ID_BASE}{kind}/{slug}"


def compact_iri(iri: str) -> str:
    """``kg:unit/sos-lab`` for an IRI under one of our prefixes, else ``<iri>``."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda p: -len(p[1])):
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


# The prefixes Turtle outputs declare (exports and CONSTRUCT results).
TURTLE_PREFIXES = ("def", "org", "schema", "prov", "oa", "skos", "dcterms", "rdfs", "xsd")
