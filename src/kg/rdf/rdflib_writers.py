"""rdflib's JSON-LD writer, made exact and free of deep recursion.

rdflib parses a literal's lexical form into a Python value and writes the value
back: ``"01"^^xsd:integer`` would come out of JSON-LD as ``1``, ``"yes"^^xsd:boolean``
as ``false``. Its JSON-LD writer also recurses once per blank node of a chain, so a
3000-long chain ends in a RecursionError. :func:`jsonld_from_rdf` is rdflib's
``from_rdf`` whose converter uses a JSON number or boolean only when it keeps the
lexical form, and visits blank nodes from a queue instead of recursing. For graphs
without blank nodes or odd lexical forms (the built graph) the output is the same
as rdflib's. (Turtle and TriG are written by Oxigraph, which keeps lexical forms:
:mod:`kg.rdf.oxigraph_writers`.)

Example::

    >>> from rdflib import URIRef
    >>> big = Literal("12345678901234567890", datatype=XSD.integer)   # a JSON number would round it
    >>> graph = Graph().add((URIRef("http://x/a"), URIRef("http://x/p"), big))
    >>> jsonld_from_rdf(graph, {})["@graph"][0]["http://x/p"][0]["@value"]
    '12345678901234567890'
"""

from __future__ import annotations

import re

from rdflib import BNode, Graph, Literal
from rdflib.namespace import XSD
from rdflib.plugins.serializers.jsonld import Converter
from rdflib.plugins.shared.jsonld.context import Context

# The lexical forms a JSON number or boolean gives back unchanged (doubles: none).
NATIVE = {
    XSD.integer: re.compile(r"-?(?:0|[1-9][0-9]{0,14})"),  # exact in every JSON reader
    XSD.boolean: re.compile(r"true|false"),
    XSD.double: re.compile(r"(?!)"),
}


class _ExactConverter(Converter):
    """rdflib's JSON-LD converter: exact lexical forms, blank nodes from a queue."""

    def from_graph(self, graph: Graph):
        self._pending: list[BNode] = []
        nodes = super().from_graph(graph)
        nodemap = {node[self.context.id_key]: node for node in nodes}
        while self._pending:
            self.process_subject(graph, self._pending.pop(), nodemap)
        return list(nodemap.values())

    def to_raw_value(self, graph, s, o, nodemap):
        context = self.context
        if isinstance(o, BNode) and self.to_collection(graph, o) is None:
            if o.n3() not in nodemap:
                self._pending.append(o)
            return {context.id_key: o.n3()}
        if isinstance(o, Literal) and o.datatype is not None:
            native = NATIVE.get(o.datatype)
            if native is not None and not native.fullmatch(str(o)):
                return {context.type_key: context.to_symbol(o.datatype), context.value_key: str(o)}
        return super().to_raw_value(graph, s, o, nodemap)


def jsonld_from_rdf(graph: Graph, context_data: dict) -> dict:
    """``graph`` as compact JSON-LD data with ``context_data`` (rdflib's ``from_rdf``)."""
    context = Context(context_data)
    result = _ExactConverter(context, False, False).convert(graph)
    if isinstance(result, list):
        result = {context.get_key("@graph"): result}
    result["@context"] = context_data
    return result
