"""Read RDF files given by the user: the format from the suffix, errors with a position."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import ParseError
from kg.namespaces import bind_prefixes
from kg.sources import read_text

FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
}
QUAD_FORMATS = {"nquads", "trig"}


def rdf_format(path: Path) -> str:
    """The rdflib format name for a file suffix; an unknown suffix is an error."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError as e:
        known = ", ".join(sorted(FORMATS))
        raise ParseError(f"{path}: unknown RDF file suffix (known: {known})") from e


def load_graph(path: Path) -> Graph:
    """Parse an RDF file into one graph (named graphs of a dataset are merged)."""
    fmt = rdf_format(path)
    text = read_text(path)
    try:
        if fmt in QUAD_FORMATS:
            dataset = Dataset()
            dataset.parse(data=text, format=fmt)
            graph = bind_prefixes(Graph())
            for s, p, o, _ in dataset.quads():
                graph.add((s, p, o))
            return graph
        graph = bind_prefixes(Graph())
        graph.parse(data=text, format=fmt)
        return graph
    except Exception as e:  # rdflib raises many types; all mean the file is bad
        raise ParseError(f"{path}: {' '.join(str(e).split())}") from e
