"""A user's RDF file as something the exporters take, so ``kg export --graph`` converts it.

The exporters of :mod:`kg.pipeline.export` take a graph with ``union()`` (every triple)
and ``dataset()`` (the named graphs); :class:`InputGraph` gives both from the
quads of a file read by :mod:`kg.rdf.parsing` (checked, positions in errors, blank nodes
named in file order). Triples in the file's default graph stay in the default
graph of N-Quads and TriG; named graphs keep their names.

Example::

    >>> from kg.pipeline.export import export
    >>> _ = Path("mine.jsonld").write_text('{"@id": "http://x/a", "http://x/p": "b"}')
    >>> [p.name for p in export(read_input(Path("mine.jsonld")), "turtle", Path("mine.ttl"))]
    ['mine.ttl']
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.core.namespaces import bind_prefixes
from kg.rdf.parsing import read_quads
from kg.rdf.reading import to_graph, to_rdflib


@dataclass
class InputGraph:
    """The quads of a user's file, as the exporters want them."""

    quads: list[ox.Quad]
    warnings: list[str] = field(default_factory=list)
    _made: dict = field(default_factory=dict, repr=False, compare=False)

    def union(self) -> Graph:
        """Every triple, graph names dropped (made once: rdflib takes ~40 µs a triple)."""
        if "union" not in self._made:
            self._made["union"] = to_graph(self.quads)
        return self._made["union"]

    def dataset(self) -> Dataset:
        """The quads in their graphs (the default graph for triples), made once."""
        if "dataset" not in self._made:
            self._made["dataset"] = self._dataset()
        return self._made["dataset"]

    def _dataset(self) -> Dataset:
        dataset = bind_prefixes(Dataset())
        with warnings.catch_warnings():  # ill-typed literals: validation reports them
            warnings.simplefilter("ignore")
            for quad in self.quads:
                triple = (
                    to_rdflib(quad.subject),
                    to_rdflib(quad.predicate),
                    to_rdflib(quad.object),
                )
                if isinstance(quad.graph_name, ox.DefaultGraph):
                    dataset.default_graph.add(triple)
                else:
                    dataset.graph(to_rdflib(quad.graph_name)).add(triple)
        return dataset


def read_input(path: Path, warn: Callable[[str], None] | None = None) -> InputGraph:
    """The RDF file ``path`` (any RDF format of :mod:`kg.rdf.formats`), ready to export."""
    loaded = read_quads(path)
    if warn is not None:
        for message in loaded.warnings:
            warn(message)
    return InputGraph(loaded.quads, loaded.warnings)
