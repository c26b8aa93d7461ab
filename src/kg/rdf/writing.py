"""Serialise the graph with rdflib: N-Triples, N-Quads, JSON-LD and RDF/XML.

(Turtle and TriG are written by Oxigraph: :mod:`kg.rdf.oxigraph_writers`.) Every
writer is deterministic (byte-identical across runs and ``PYTHONHASHSEED`` values):
N-Triples and N-Quads are sorted line by line; RDF/XML and JSON-LD are written from
sorted input. The built graph has no blank nodes; a file converted by ``kg export
--graph`` has its blank nodes named in file order by :mod:`kg.rdf.parsing`. JSON-LD
goes through :mod:`kg.rdf.rdflib_writers`: lexical forms kept exactly, no deep recursion.

Every generated file says in its first line that it is generated where the format
has comments (RDF/XML: right after the XML declaration; JSON has none). JSON-LD is
compacted with the context shipped in ``ontology/context.jsonld``, given inline:
nothing is ever fetched.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from rdflib import Dataset, Graph

from kg.core.config import BASE, CANONICAL_BASE
from kg.core.errors import ExportError
from kg.core.files import read_text, write_atomic
from kg.core.generated import GENERATED, GENERATED_XML
from kg.core.namespaces import bind_prefixes
from kg.core.paths import CONTEXT_FILE
from kg.rdf import oxigraph_writers
from kg.rdf.rdflib_writers import jsonld_from_rdf

# The characters XML 1.0 cannot carry, not even as &#N; (C0 controls but tab, newline
# and return; lone surrogates; U+FFFE, U+FFFF). Shared with kg.network.writers.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def to_ntriples(graph: Graph) -> str:
    """N-Triples, one statement a line, lines sorted."""
    return GENERATED + _sorted_lines(graph.serialize(format="nt"))


def to_nquads(dataset: Dataset) -> str:
    """N-Quads, one statement a line, lines sorted."""
    return GENERATED + _sorted_lines(dataset.serialize(format="nquads"))


def _sorted_lines(text: str) -> str:
    return "\n".join(sorted(line for line in text.splitlines() if line.strip())) + "\n"


class _SortedGraph(Graph):
    """A graph that lists subjects, predicates and their objects in sorted order.

    rdflib's RDF/XML writer walks ``subjects()`` and ``predicate_objects()``, whose
    order depends on hashing; sorting them makes the output deterministic.
    """

    def subjects(self, predicate=None, object=None, unique=False):  # noqa: A002
        # rdflib types subjects as Node, which declares no order; every Node class has one
        return iter(sorted(set(super().subjects(predicate, object))))  # type: ignore[type-var]

    def predicates(self, subject=None, object=None, unique=False):  # noqa: A002
        return iter(sorted(set(super().predicates(subject, object))))  # type: ignore[type-var]

    def predicate_objects(self, subject=None, unique=False):
        return iter(sorted(super().predicate_objects(subject)))


def to_rdfxml(graph: Graph) -> str:
    """RDF/XML (flat: one rdf:Description a subject), subjects and properties sorted.

    A literal or IRI holding a character XML 1.0 forbids (``\\x00``, ``\\x07`` …)
    is refused, naming its subject and property: RDF/XML has no way to write it,
    and rdflib would write an unparseable file. Turtle, N-Triples and JSON-LD
    carry it.
    """
    ordered = bind_prefixes(_SortedGraph())
    for triple in graph:
        _check_xml(triple)
        ordered.add(triple)
    declaration, _, rest = ordered.serialize(format="xml").partition("\n")
    return declaration + "\n" + GENERATED_XML + rest


def xml_safe(text: str) -> str:
    """``text`` with each character XML 1.0 forbids written as ``\\uXXXX`` (for display)."""
    return NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _check_xml(triple: tuple) -> None:
    subject, prop, obj = triple
    for term in (subject, prop, obj, getattr(obj, "datatype", None) or ""):
        found = NOT_XML.search(str(term))
        if found:
            raise ExportError(
                f"RDF/XML cannot carry U+{ord(found.group()):04X} (XML 1.0 forbids it), found in "
                f"<{xml_safe(subject)}> <{xml_safe(prop)}>: export as Turtle, N-Triples or JSON-LD"
            )


@cache
def load_context(path: Path = CONTEXT_FILE) -> dict:
    """The JSON-LD context shipped in ``ontology/context.jsonld`` (our base substituted)."""
    try:
        document = json.loads(read_text(path).replace(CANONICAL_BASE, BASE))
        return document["@context"]
    except (ValueError, KeyError, TypeError) as e:
        raise ExportError(f"{path}: not a JSON-LD context document ({e})") from e


def to_jsonld(graph: Graph) -> str:
    """Compact JSON-LD with the shipped context inline; nodes sorted by @id, values sorted."""
    context = load_context()
    data = jsonld_from_rdf(graph, context)
    nodes = data.get("@graph", [data] if "@id" in data else [])
    nodes = sorted((_sorted_values(n) for n in nodes), key=lambda n: n.get("@id", ""))
    document = {"@context": context, "@graph": nodes}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _sorted_values(value: object) -> object:
    """Sort every list inside ``value``, so the output does not depend on hash order."""
    if isinstance(value, dict):
        return {key: _sorted_values(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted_values(item) for item in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def save_graph(graph: Graph, path: Path, format: str) -> Path:
    """Write ``graph`` to ``path`` in ``format`` ("turtle" or "jsonld"), atomically."""
    text = oxigraph_writers.to_turtle(graph) if format == "turtle" else to_jsonld(graph)
    return write_atomic(path, text)
