"""rdflib's Turtle, TriG and JSON-LD writers, made exact and free of deep recursion.

rdflib parses a literal's lexical form into a Python value and writes the value
back: ``"yes"^^xsd:boolean`` would come out of Turtle as ``false``,
``"0.123456789"^^xsd:double`` as ``1.234568e-01``, ``"01"^^xsd:integer`` in
JSON-LD as ``1``. Its Turtle and JSON-LD writers also recurse once per blank node
of a chain, so a 3000-long chain ends in a RecursionError. Here:

- ``kg-turtle`` and ``kg-trig`` write a literal as a bare number or boolean only
  when its lexical form already is that token, and nest blank nodes ``[ ]`` at
  most :data:`MAX_INLINE` deep (deeper ones get ``_:b12`` labels);
- :func:`jsonld_from_rdf` is rdflib's ``from_rdf`` whose converter uses a JSON
  number or boolean only when it keeps the lexical form, and visits blank nodes
  from a queue instead of recursing.

For graphs without blank nodes or odd lexical forms (the built graph) the output
is the same as rdflib's.

Example::

    >>> from rdflib import URIRef
    >>> a, p = URIRef("http://x/a"), URIRef("http://x/p")
    >>> graph = Graph().add((a, p, Literal("01", datatype=XSD.integer)))
    >>> "01" in graph.serialize(format=EXACT_TURTLE)
    True
"""

from __future__ import annotations

import re

from rdflib import BNode, Graph, Literal
from rdflib.namespace import XSD
from rdflib.plugin import register
from rdflib.plugins.serializers.jsonld import Converter
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.plugins.shared.jsonld.context import Context
from rdflib.serializer import Serializer

EXACT_TURTLE = "kg-turtle"
EXACT_TRIG = "kg-trig"
MAX_INLINE = 32  # nested [ ] written inline before labels are used
# The Turtle tokens a literal may be written as without quotes and datatype.
BARE = {
    XSD.integer: re.compile(r"[+-]?[0-9]+"),
    XSD.decimal: re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    XSD.double: re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+"),
    XSD.boolean: re.compile(r"true|false"),
}
# The lexical forms a JSON number or boolean gives back unchanged (doubles: none).
NATIVE = {
    XSD.integer: re.compile(r"-?(?:0|[1-9][0-9]{0,14})"),  # exact in every JSON reader
    XSD.boolean: re.compile(r"true|false"),
    XSD.double: re.compile(r"(?!)"),
}


class _Exact:
    """Turtle writing that keeps lexical forms and bounds the nesting of blank nodes."""

    def reset(self) -> None:
        super().reset()
        self._nesting = 0

    def label(self, node, position):
        bare = BARE.get(getattr(node, "datatype", None))
        if isinstance(node, Literal) and bare is not None:
            if bare.fullmatch(str(node)):
                return str(node)
            return node._literal_n3(use_plain=False, qname_callback=self._datatype_name)
        return super().label(node, position)

    def _datatype_name(self, iri):
        return self.get_pname(iri, False)

    def p_squared(self, node, position, newline=False):
        if self._nesting >= MAX_INLINE:
            return False
        self._nesting += 1
        try:
            return super().p_squared(node, position, newline)
        finally:
            self._nesting -= 1


class ExactTurtleSerializer(_Exact, TurtleSerializer):
    """rdflib's Turtle writer, keeping lexical forms exactly (see the module docstring)."""


class ExactTrigSerializer(_Exact, TrigSerializer):
    """rdflib's TriG writer, keeping lexical forms exactly (see the module docstring).

    rdflib lists the named graphs in hash order (and may list the default graph
    twice); here each graph comes once, the default graph first, then by name.
    """

    def __init__(self, store) -> None:
        super().__init__(store)
        graphs = {graph.identifier: graph for graph in self.contexts}.values()
        default = self.default_context
        self.contexts = sorted(graphs, key=lambda g: (g.identifier != default, str(g.identifier)))


register(EXACT_TURTLE, Serializer, __name__, "ExactTurtleSerializer")
register(EXACT_TRIG, Serializer, __name__, "ExactTrigSerializer")


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
        native = NATIVE.get(getattr(o, "datatype", None))
        if isinstance(o, Literal) and native is not None and not native.fullmatch(str(o)):
            return {context.type_key: context.to_symbol(o.datatype), context.value_key: str(o)}
        return super().to_raw_value(graph, s, o, nodemap)


def jsonld_from_rdf(graph: Graph, context_data: dict) -> dict | list:
    """``graph`` as compact JSON-LD data with ``context_data`` (rdflib's ``from_rdf``)."""
    context = Context(context_data)
    result = _ExactConverter(context, False, False).convert(graph)
    if isinstance(result, list):
        result = {context.get_key("@graph"): result}
    result["@context"] = context_data
    return result
