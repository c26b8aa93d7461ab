"""A draft as RDF in the interop-contract terms, made by the same builder as the graph.

The draft's records go through :class:`kg.build.graph.FactsBuilder` and
:func:`kg.build.events.resolve_events` exactly as curated records do, so any RDF tool reads a
draft as it will read the graph: events with ``schema:startDate``, organizations and
units, people holding posts, labels, and one Web Annotation per quoted occurrence.
Labels the reviewer has not written yet (``en = ""``) are left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Graph, Literal

from kg.build.regions import with_regions
from kg.build.sources import Record, Records, Source

DRAFT_ONLY = ("source", "document")


def draft_records(draft: dict[str, Any], file: Path) -> Records:
    """A draft's records (its document table left out) and the 17 시·도, as a build sees them."""
    records = Records()
    for kind, tables in draft.items():
        if kind in DRAFT_ONLY:
            continue
        for table in tables:
            record = Record(kind, table["slug"], dict(table), draft["source"], file)
            records.by_kind.setdefault(kind, []).append(record)
    return with_regions(records)


def draft_source(draft: dict[str, Any], text: str) -> Source:
    """The article as a :class:`Source`, described by the draft's document table."""
    meta: dict[str, Any] = dict(draft["document"][0])
    return Source(meta["slug"], Path(meta.get("article", meta["text"])), text, meta["sha256"], meta)


def draft_graph(draft: dict[str, Any], text: str, file: Path = Path("draft.toml")) -> Graph:
    """Facts and provenance of a draft in one graph (empty labels dropped)."""
    from kg.build.events import resolve_events
    from kg.build.graph import FactsBuilder
    from kg.build.ontology import load_ontology
    from kg.build.provenance import provenance_graph
    from kg.build.records import Index

    source = draft_source(draft, text)
    sources = {source.slug: source}
    index = Index(draft_records(draft, file))
    ontology = load_ontology()
    builder = FactsBuilder(index, sources, ontology)
    for kind in ("place", "legislation", "organization", "unit", "person", "post", "project",
                 "observation"):  # fmt: skip
        for record in index.records.of(kind):
            getattr(builder, kind)(record)
    for event in resolve_events(index, sources, ontology):
        builder.event(event)
    graph = builder.graph  # the provenance added to it, not both copied into a third graph
    for triple in provenance_graph(sources, builder.evidence):
        graph.add(triple)
    for empty in {o for o in graph.objects() if isinstance(o, Literal) and str(o) == ""}:
        graph.remove((None, None, empty))
    return graph
