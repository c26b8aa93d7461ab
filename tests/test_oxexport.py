"""The Oxigraph writers: the same graph back, facts and provenance apart, stable bytes."""

from __future__ import annotations

from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.build.assemble import BuiltGraph
from kg.core.generated import GENERATED
from kg.rdf import oxigraph_writers as oxexport
from kg.rdf import writing as rdf


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


def test_turtle_groups_subjects_in_sorted_order_with_sorted_prefixes(graph: Graph) -> None:
    lines = oxexport.to_turtle(graph).splitlines()[1:]
    prefixes = [line for line in lines if line.startswith("@prefix")]
    assert prefixes == sorted(prefixes) and len(prefixes) == len(oxexport.PREFIX_MAP)
    subjects = [line.split(" ", 1)[0] for line in lines[len(prefixes) :] if line[:1] == "<"]
    assert subjects == sorted(subjects) and len(set(subjects)) == len(subjects) > 100
