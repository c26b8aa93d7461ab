"""A short summary of a graph: triples, entities per class, events."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from kg.core.namespaces import DEF, OA, ORG, SCHEMA

CLASSES: list[tuple[str, URIRef]] = [
    ("formal organizations", ORG.FormalOrganization),
    ("units", ORG.OrganizationalUnit),
    ("people", SCHEMA.Person),
    ("posts", ORG.Post),
    ("projects", SCHEMA.Project),
    ("events", SCHEMA.Event),
    ("  of which timeline events", DEF.HistoryEvent),
    ("observations", SCHEMA.Observation),
    ("places", SCHEMA.Place),
    ("legislation", SCHEMA.Legislation),
    ("concepts", SKOS.Concept),
    ("source documents", SCHEMA.CreativeWork),
    ("annotations", OA.Annotation),
]


@dataclass
class Summary:
    """Counts that tell at a glance what a graph holds."""

    triples: int
    counts: dict[str, int] = field(default_factory=dict)
    conforms: bool | None = None

    def to_text(self) -> str:
        width = max(len(name) for name in self.counts)
        lines = [f"{'triples':<{width}}  {self.triples:>5}"]
        lines += [f"{name:<{width}}  {count:>5}" for name, count in self.counts.items()]
        if self.conforms is not None:
            lines.append(f"{'conforms':<{width}}  {'yes' if self.conforms else 'no':>5}")
        return "\n".join(lines)


def summarize(graph: Graph, conforms: bool | None = None) -> Summary:
    """Count triples and the instances of each main class."""
    counts = {name: len(set(graph.subjects(RDF.type, cls))) for name, cls in CLASSES}
    return Summary(len(graph), counts, conforms)
