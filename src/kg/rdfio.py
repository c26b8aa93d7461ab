"""Read RDF files given by the user: safely, with the file, line and column of any error.

Parsing is done by Oxigraph (pyoxigraph), whose errors carry a position and which
never fetches anything; the triples are then handed to rdflib where its ecosystem
is needed. Before parsing, each text is checked for what the parsers would accept
but we refuse: a text that is not UTF-8, remote or file JSON-LD contexts, an
``@id`` with white space (JSON-LD would drop it silently), XML DTDs and entities,
and nesting deeper than :data:`MAX_DEPTH`.

Example::

    >>> graph = load_graph(Path("dist/kg.ttl"))      # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from kg.errors import ParseError
from kg.namespaces import bind_prefixes

FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}
MAX_BYTES = 256 * 1024 * 1024  # refuse larger inputs: load them into a real store instead
MAX_DEPTH = 64  # nested [ ] ( ) { } in Turtle/TriG, objects and arrays in JSON-LD
BOM = b"\xef\xbb\xbf"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
TURTLE_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"\s]*>|#[^\n]*'
    r"|(?P<open>[\[({])|(?P<close>[\])}])",
    re.DOTALL,
)


def rdf_format(path: Path) -> ox.RdfFormat:
    """The format of a file, from its suffix; an unknown suffix is an error."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError as e:
        known = ", ".join(sorted(FORMATS))
        raise ParseError(f"{path}: unknown RDF file suffix (known: {known})") from e


def read_rdf_text(path: Path) -> bytes:
    """The bytes of an RDF file: size-capped, UTF-8 checked, a leading BOM removed."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ParseError(f"{path}: larger than {MAX_BYTES // 2**20} MiB; load it into a store")
        data = path.read_bytes()
    except OSError as e:
        raise ParseError(f"{path}: cannot read: {e.strerror}") from e
    data = data.removeprefix(BOM)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ParseError(f"{path}: not UTF-8 at byte {e.start}") from e
    return data


def check_rdf_text(path: Path, data: bytes, fmt: ox.RdfFormat) -> None:
    """Refuse what the parsers would accept but we must not (see the module docstring)."""
    if fmt == ox.RdfFormat.JSON_LD:
        _check_jsonld(path, data)
    elif fmt == ox.RdfFormat.RDF_XML:
        head = data.decode("utf-8")
        for marker in ("<!DOCTYPE", "<!ENTITY"):
            at = head.find(marker)
            if at != -1:
                raise ParseError(f"{path}:{_line_col(head, at)}: XML {marker[2:]} refused")
    elif fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        _check_depth(path, data.decode("utf-8"))


def _check_depth(path: Path, text: str) -> None:
    depth = 0
    for match in TURTLE_TOKEN.finditer(text):
        if match.group("open"):
            depth += 1
            if depth > MAX_DEPTH:
                where = _line_col(text, match.start())
                raise ParseError(f"{path}:{where}: nested too deep (limit {MAX_DEPTH})")
        elif match.group("close"):
            depth = max(0, depth - 1)


def _check_jsonld(path: Path, data: bytes) -> None:
    try:
        document = json.loads(data)
    except json.JSONDecodeError as e:
        raise ParseError(f"{path}:{e.lineno}:{e.colno}: invalid JSON: {e.msg}") from e
    except RecursionError as e:
        raise ParseError(f"{path}: JSON nested too deep") from e
    stack = [(document, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ParseError(f"{path}: JSON-LD nested too deep (limit {MAX_DEPTH})")
        if isinstance(node, dict):
            for key, value in node.items():
                _check_jsonld_key(path, key, value)
                stack.append((value, depth + 1))
        elif isinstance(node, list):
            stack.extend((item, depth + 1) for item in node)


def _check_jsonld_key(path: Path, key: str, value: object) -> None:
    if key in ("@context", "@import"):
        contexts = value if isinstance(value, list) else [value]
        for context in contexts:
            if isinstance(context, str):
                raise ParseError(f"{path}: remote context refused: {context!r}")
            if isinstance(context, dict) and isinstance(context.get("@import"), str):
                raise ParseError(f"{path}: remote context refused: {context['@import']!r}")
    if key == "@id" and isinstance(value, str) and any(c.isspace() for c in value):
        raise ParseError(f"{path}: @id with white space: {value!r}")


def _line_col(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def parse_quads(path: Path) -> list[ox.Quad]:
    """Every quad of an RDF file, parsed by Oxigraph after our checks."""
    fmt = rdf_format(path)
    data = read_rdf_text(path)
    check_rdf_text(path, data, fmt)
    try:
        return list(ox.parse(data, format=fmt))
    except SyntaxError as e:
        message = " ".join(str(e.msg if hasattr(e, "msg") else e).split())
        if "LoadDocumentCallback" in message:
            message = "remote context refused"
        raise ParseError(f"{path}: {message}") from e
    except (ValueError, RecursionError) as e:
        raise ParseError(f"{path}: {' '.join(str(e).split()) or 'nested too deep'}") from e


def load_graph(path: Path) -> Graph:
    """An RDF file as one rdflib graph (the named graphs of a dataset are merged)."""
    graph = bind_prefixes(Graph())
    for quad in parse_quads(path):
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> URIRef | BNode | Literal:
    """An Oxigraph term as the equal rdflib term (the lexical form kept exactly)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:  # rdflib writes simple literals without a datatype
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))
