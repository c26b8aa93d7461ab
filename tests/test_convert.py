"""A user's RDF file as exporter input: named graphs kept, warnings passed on."""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef

from kg.pipeline.export import render
from kg.rdf.convert import read_input


def test_named_graphs_and_the_default_graph_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.trig"
    path.write_text(
        '<http://x/a> <http://x/p> "default" .\n'
        '<http://x/g> { <http://x/a> <http://x/p> "named" }\n',
        encoding="utf-8",
    )
    graph = read_input(path)
    assert len(graph.union()) == 2
    names = {str(g.identifier) for g in graph.dataset().graphs() if len(g)}
    assert "http://x/g" in names
    (nquads,) = render(graph, "nquads")
    assert '<http://x/a> <http://x/p> "named" <http://x/g> .' in nquads
    assert '<http://x/a> <http://x/p> "default"  .' in nquads  # rdflib: no graph, two spaces


def test_warnings_are_passed_on(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonld"
    path.write_text('{"@id": "http://x/a", "http://x/p": 1, "nope": 2}', encoding="utf-8")
    seen: list[str] = []
    graph = read_input(path, seen.append)
    assert graph.warnings == seen and "'nope'" in seen[0]
    assert set(graph.union().subjects()) == {URIRef("http://x/a")}
