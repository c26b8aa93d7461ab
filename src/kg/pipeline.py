"""Sources → graph: load the records and sources, write facts and provenance.

Example::

    >>> from kg import build_graph
    >>> graph = build_graph()          # facts and provenance, one rdflib Graph
    >>> len(graph) > 1000
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.atomic import write_atomic
from kg.errors import NotConformingError
from kg.events import resolve_events
from kg.export import save_graph, to_nquads
from kg.graph import FactsBuilder
from kg.namespaces import FACTS_GRAPH, PROVENANCE_GRAPH, bind_prefixes
from kg.ontology import load_ontology
from kg.paths import DIST_DIR, RECORDS_DIR, SOURCES_DIR
from kg.provenance import provenance_graph
from kg.records import Index
from kg.report import Report
from kg.sources import Source, load_records, load_sources
from kg.summary import Summary, summarize
from kg.validation import validate

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
    index = Index(load_records(records_dir))
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


@dataclass
class BuildResult:
    """What ``kg build`` made: the graph, its validation report and the files written."""

    graph: Graph
    report: Report
    files: list[Path]
    summary: Summary


def build(
    out_dir: Path = DIST_DIR,
    records_dir: Path = RECORDS_DIR,
    sources_dir: Path = SOURCES_DIR,
) -> BuildResult:
    """Sources → graph → SHACL → artefacts. Writes nothing if the graph does not conform."""
    parts = build_parts(records_dir, sources_dir)
    graph = parts.union()
    report = validate(graph)
    if not report.conforms:
        raise NotConformingError(report.to_text(), report)
    out_dir = Path(out_dir)
    files = [
        save_graph(graph, out_dir / "kg.ttl", "turtle"),
        save_graph(graph, out_dir / "kg.jsonld", "jsonld"),
        write_atomic(out_dir / "kg.nq", to_nquads(parts.dataset())),
    ]
    return BuildResult(graph, report, files, summarize(graph, report.conforms))
