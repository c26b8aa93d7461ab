"""Records and sources → the two parts of the graph: facts and provenance.

Example::

    >>> from kg.build.assemble import build_graph
    >>> graph = build_graph()          # facts and provenance, one rdflib Graph
    >>> len(graph) > 1000
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.build.events import resolve_events
from kg.build.graph import FactsBuilder
from kg.build.ontology import load_ontology
from kg.build.provenance import provenance_graph
from kg.build.records import Index
from kg.build.regions import curated_records
from kg.build.sources import Source, load_sources
from kg.core.namespaces import FACTS_GRAPH, PROVENANCE_GRAPH, bind_prefixes
from kg.core.paths import RECORDS_DIR, SOURCES_DIR

# Record kinds in the order they are written (events last: they set founding dates).
KINDS = (
    "scheme",
    "concept",
    "place",
    "legislation",
    "organization",
    "unit",
    "person",
    "post",
    "project",
    "observation",
)


@dataclass
class BuiltGraph:
    """The two parts of the knowledge graph: the facts, and where they come from."""

    facts: Graph
    provenance: Graph
    sources: dict[str, Source]

    def union(self) -> Graph:
        """Facts and provenance in one graph (what is validated and exported as Turtle)."""
        graph = bind_prefixes(Graph())
        for part in (self.facts, self.provenance):
            for triple in part:
                graph.add(triple)
        return graph

    def dataset(self) -> Dataset:
        """Facts and provenance as two named graphs."""
        dataset = Dataset()
        bind_prefixes(dataset)
        for name, part in ((FACTS_GRAPH, self.facts), (PROVENANCE_GRAPH, self.provenance)):
            named = dataset.graph(URIRef(name))
            for triple in part:
                named.add(triple)
        return dataset


def build_parts(records_dir: Path = RECORDS_DIR, sources_dir: Path = SOURCES_DIR) -> BuiltGraph:
    """Build the facts and provenance graphs from the curated records and sources."""
    sources = load_sources(sources_dir)
    index = Index(curated_records(records_dir))
    ontology = load_ontology()
    builder = FactsBuilder(index, sources, ontology)
    for kind in KINDS:
        for record in index.records.of(kind):
            getattr(builder, kind)(record)
    for event in resolve_events(index, sources, ontology):
        builder.event(event)
    return BuiltGraph(builder.graph, provenance_graph(sources, builder.evidence), sources)


def build_graph(records_dir: Path = RECORDS_DIR, sources_dir: Path = SOURCES_DIR) -> Graph:
    """The whole knowledge graph (facts and provenance) as one rdflib Graph."""
    return build_parts(records_dir, sources_dir).union()
