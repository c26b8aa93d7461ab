"""The Oxigraph writers: the same graph back, facts and provenance apart, stable bytes."""

from __future__ import annotations

from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.build.assemble import BuiltGraph
from kg.core.config import ID_BASE as ID
from kg.core.generated import GENERATED
from kg.rdf import oxigraph_writers as oxexport
from kg.rdf import writing as rdf
from kg.rdf.reading_order import SECTIONS


def test_turtle_round_trips(graph: Graph) -> None:
    text = oxexport.to_turtle(graph)
    assert text.startswith(GENERATED)
    assert isomorphic(Graph().parse(data=text, format="turtle"), graph)


def test_trig_keeps_facts_and_provenance_apart(parts: BuiltGraph) -> None:
    back = Dataset()
    back.parse(data=oxexport.to_trig(parts.dataset()), format="trig")
    for name, original in (("facts", parts.facts), ("provenance", parts.provenance)):
        (graph,) = [g for g in back.graphs() if str(g.identifier).endswith(f"/graph/{name}")]
        assert len(graph) == len(original) > 100 and isomorphic(graph, original), name


def test_line_formats_are_sorted_and_stable(parts: BuiltGraph, graph: Graph) -> None:
    """N-Triples and N-Quads (rdflib's writers, lines sorted): one order, whatever the input."""
    for text in (rdf.to_ntriples(graph), rdf.to_nquads(parts.dataset())):
        lines = text.splitlines()[1:]
        assert lines == sorted(lines) and len(lines) >= len(graph)
    shuffled = Graph()
    for triple in sorted(graph, key=str, reverse=True):
        shuffled.add(triple)
    assert rdf.to_ntriples(shuffled) == rdf.to_ntriples(graph)


def test_turtle_reads_as_a_document_agency_first_provenance_last(graph: Graph) -> None:
    """Sections in reading order, each under its ``# title``, subjects sorted within it."""
    lines = oxexport.to_turtle(graph).splitlines()[1:]
    prefixes = [line for line in lines if line.startswith("@prefix")]
    assert prefixes == sorted(prefixes) and len(prefixes) == len(oxexport.PREFIX_MAP)
    sections: dict[str, list[str]] = {}
    for line in lines[len(prefixes) :]:
        if line.startswith("# "):
            title = line[2:]
            sections[title] = []
        elif line[:1] == "<":
            sections[title].append(line.split(" ", 1)[0])
    titles = [title for title, _ in SECTIONS]
    assert list(sections) == sorted(sections, key=titles.index)
    assert list(sections)[0] == "Agencies" and list(sections)[-1].startswith("Annotations")
    assert sections["Agencies"] == [f"<{ID}org/jeonju-ict-culture-agency>"]
    assert all(subjects == sorted(subjects) for subjects in sections.values())
    every = [subject for subjects in sections.values() for subject in subjects]
    assert len(set(every)) == len(every) > 100


def test_turtle_is_the_same_bytes_whatever_the_input_order(graph: Graph) -> None:
    shuffled = Graph()
    for triple in sorted(graph, key=str, reverse=True):
        shuffled.add(triple)
    assert oxexport.to_turtle(shuffled) == oxexport.to_turtle(graph)
