"""Provenance: source documents and the Web Annotations that ground every entity.

Each occurrence of a quote is one ``oa:Annotation`` whose target selects the span
of the stored text twice: by quote (exact, prefix, suffix) and by position
(start, end in code points, end exclusive). IRIs are derived from the body and the
span, so the graph has no blank nodes and rebuilds identically.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.build.evidence import Evidence
from kg.build.sources import Source
from kg.core.config import entity_iri
from kg.core.namespaces import OA, SCHEMA, bind_prefixes
from kg.core.paths import relative_to_root

SOURCE_TYPES = {"NewsArticle": SCHEMA.NewsArticle, "Profile": SCHEMA.AboutPage}


def document_iri(source: Source) -> URIRef:
    """The IRI of a source document: ``<base>id/document/<slug>``."""
    return URIRef(entity_iri("document", source.slug))


def add_source(graph: Graph, source: Source) -> URIRef:
    """Describe a source document and its stored text (path and SHA-256)."""
    doc = document_iri(source)
    text = URIRef(f"{doc}/text")
    meta = source.meta
    graph.add((doc, RDF.type, SOURCE_TYPES.get(meta["type"], SCHEMA.CreativeWork)))
    graph.add((doc, RDF.type, SCHEMA.CreativeWork))
    graph.add((doc, RDFS.label, Literal(meta["ko"], lang="ko")))
    graph.add((doc, RDFS.label, Literal(meta["en"], lang="en")))
    graph.add((doc, SCHEMA.inLanguage, Literal(meta["language"])))
    if meta.get("author"):  # an ingested article may name no author
        graph.add((doc, SCHEMA.author, URIRef(entity_iri(*meta["author"].split("/", 1)))))
    graph.add((doc, SCHEMA.encoding, text))
    graph.add((text, RDF.type, SCHEMA.MediaObject))
    graph.add((text, SCHEMA.contentUrl, Literal(relative_to_root(source.path))))
    graph.add((text, SCHEMA.sha256, Literal(source.sha256)))
    graph.add((text, SCHEMA.encodingFormat, Literal("text/plain; charset=utf-8")))
    graph.add((text, SCHEMA.contentSize, Literal(len(source.text), datatype=XSD.integer)))
    return doc


def annotation_iri(body: URIRef, source: Source, evidence: Evidence) -> URIRef:
    """``<base>id/annotation/<source>/<start>-<end>/<kind>/<slug>``: one per body and span."""
    kind_slug = str(body).rsplit("/", 2)[-2:]
    path = f"{source.slug}/{evidence.start}-{evidence.end}/{'/'.join(kind_slug)}"
    return URIRef(entity_iri("annotation", path))


def add_annotation(graph: Graph, body: URIRef, source: Source, evidence: Evidence) -> URIRef:
    """One annotation grounding ``body`` in one span of ``source``."""
    ann = annotation_iri(body, source, evidence)
    target, quote, position = (URIRef(f"{ann}#{part}") for part in ("target", "quote", "position"))
    graph.add((ann, RDF.type, OA.Annotation))
    graph.add((ann, OA.motivatedBy, OA.identifying))
    graph.add((ann, OA.hasBody, body))
    graph.add((ann, OA.hasTarget, target))
    graph.add((target, RDF.type, OA.SpecificResource))
    graph.add((target, OA.hasSource, document_iri(source)))
    graph.add((target, OA.hasSelector, quote))
    graph.add((target, OA.hasSelector, position))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(evidence.exact)))
    graph.add((quote, OA.prefix, Literal(evidence.prefix)))
    graph.add((quote, OA.suffix, Literal(evidence.suffix)))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(evidence.start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(evidence.end, datatype=XSD.nonNegativeInteger)))
    return ann


def provenance_graph(
    sources: dict[str, Source], evidence: dict[URIRef, list[tuple[str, Evidence]]]
) -> Graph:
    """The sources and one annotation per occurrence of every entity's evidence."""
    graph = bind_prefixes(Graph())
    for source in sources.values():
        add_source(graph, source)
    for body, found in evidence.items():
        for slug, each in found:
            add_annotation(graph, body, sources[slug], each)
    return graph
