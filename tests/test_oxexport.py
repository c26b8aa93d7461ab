"""The Oxigraph writers: the same graph back, facts and provenance apart, stable bytes."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.build.assemble import BuiltGraph
from kg.rdf import oxigraph_writers as oxexport
from kg.rdf import writing as rdf
from kg.rdf.writing import GENERATED


@pytest.mark.parametrize(("writer", "fmt"), [(oxexport.to_turtle, "turtle"),
                                             (oxexport.to_ntriples, "nt")])  # fmt: skip
def test_graph_formats_round_trip(graph: Graph, writer, fmt: str) -> None:
    text = writer(graph)
    assert text.startswith(GENERATED)
    assert isomorphic(Graph().parse(data=text, format=fmt), graph)


@pytest.mark.parametrize(("writer", "fmt"), [(oxexport.to_trig, "trig"),
                                             (oxexport.to_nquads, "nquads")])  # fmt: skip
def test_quad_formats_keep_facts_and_provenance_apart(parts: BuiltGraph, writer, fmt) -> None:
    back = Dataset()
    back.parse(data=writer(parts.dataset()), format=fmt)
    for name, original in (("facts", parts.facts), ("provenance", parts.provenance)):
        (graph,) = [g for g in back.graphs() if str(g.identifier).endswith(f"/graph/{name}")]
        assert len(graph) == len(original) > 100 and isomorphic(graph, original), name


def test_line_formats_are_byte_identical_to_rdflibs(parts: BuiltGraph, graph: Graph) -> None:
    assert oxexport.to_ntriples(graph) == rdf.to_ntriples(graph)
    assert oxexport.to_nquads(parts.dataset()) == rdf.to_nquads(parts.dataset())


def test_turtle_groups_subjects_in_sorted_order_with_sorted_prefixes(graph: Graph) -> None:
    lines = oxexport.to_turtle(graph).splitlines()[1:]
    prefixes = [line for line in lines if line.startswith("@prefix")]
    assert prefixes == sorted(prefixes) and len(prefixes) == len(oxexport.PREFIX_MAP)
    subjects = [line.split(" ", 1)[0] for line in lines[len(prefixes) :] if line[:1] == "<"]
    assert subjects == sorted(subjects) and len(set(subjects)) == len(subjects) > 100
