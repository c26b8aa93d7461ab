"""Parse RDF files given by the user: safely, with the file, line and column of any error.

Parsing is done by Oxigraph (pyoxigraph), whose errors carry a position and which
never fetches anything; rdflib is not imported here, so the query path (``kg query
--graph``, ``kg serve --graph``) reads files with the same checks as ``kg validate``
(:mod:`kg.rdf.reading` hands the quads to rdflib where its ecosystem is needed).
The format comes from the file's suffix, by :mod:`kg.rdf.formats`.

Before parsing, each text is checked for what the parsers would accept but we
refuse: a file over the size cap (:func:`max_input_bytes`, ``KG_MAX_INPUT_MB``), a
text that is not UTF-8, what :mod:`kg.rdf.jsonld_checks` refuses in JSON-LD (remote
contexts, IRIs a processor would drop silently), XML DTDs and entities, and nesting
deeper than :data:`MAX_DEPTH`. Nothing is resolved against a base: a relative IRI
is an error, so ``file:///<cwd>`` never appears in what we write.

Blank nodes are renamed ``b0``, ``b1`` … in the order they appear in the file
(Oxigraph gives random names), so whatever is made from a file is deterministic.
Literals keep their lexical form exactly (``"01"^^xsd:integer`` stays ``01``).

Example::

    >>> _ = Path("g.ttl").write_text('<http://x/a> <http://x/p> "v" .', encoding="utf-8")
    >>> len(read_quads(Path("g.ttl")).quads)
    1
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox

from kg.core.errors import InputError, ParseError
from kg.core.files import cannot_read
from kg.core.positions import line_col, near, token_at
from kg.rdf import formats

STREAMED = (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES)
MAX_INPUT_MB = 64  # default cap on an input file (~1M triples); KG_MAX_INPUT_MB changes it
MAX_DEPTH = 64  # nested [ ] ( ) { } in Turtle/TriG, objects and arrays in JSON-LD
BOM = b"\xef\xbb\xbf"
# Patterns, compiled (and cached by re) when first used: most commands never need them.
OXIGRAPH_POSITION = (
    r"^Parser error at line (\d+) (?:between columns (\d+) and (\d+)|column (\d+)): (.*?)"
    r"(?: \(line \d+\))?$"
)
QUOTED = r"'([^']+)'"
# Strings are matched as runs ("unrolled" loops), so a long literal costs no regex stack.
TURTLE_TOKEN = (
    r'"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""'
    r"|'''[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
    r"|'[^'\\\n]*(?:\\.[^'\\\n]*)*'"
    r'|<[^<>"\s]*>|#[^\n]*'
    r"|(?P<open>[\[({])|(?P<close>[\])}])"
)


def rdf_format(path: Path) -> ox.RdfFormat:
    """The format of a file, from its suffix (:mod:`kg.rdf.formats`); else an error."""
    try:
        return formats.by_suffix(path, "read").oxigraph()
    except InputError as e:
        raise ParseError(str(e).replace("unknown file suffix", "unknown RDF file suffix")) from e


def max_input_bytes() -> int:
    """The size cap on an input file: ``KG_MAX_INPUT_MB`` MiB, else 64 MiB.

    rdflib needs about 2.5 KB of memory a triple, so 64 MiB of N-Triples (about a
    million triples) already needs some GB; a 12 MB literal costs far less.
    """
    value = os.environ.get("KG_MAX_INPUT_MB", str(MAX_INPUT_MB))
    try:
        megabytes = float(value)
    except ValueError as e:
        raise ParseError(f"KG_MAX_INPUT_MB={value!r} is not a number of MiB") from e
    return int(megabytes * 2**20)


def read_rdf_text(path: Path) -> bytes:
    """The bytes of an RDF file: size-capped, UTF-8 checked, a leading BOM removed."""
    cap = max_input_bytes()
    try:
        size = path.stat().st_size
        if size > cap:
            raise ParseError(
                f"{path}: {size} bytes is over the input cap of {cap} bytes "
                "(set KG_MAX_INPUT_MB to raise it)"
            )
        data = path.read_bytes()
    except OSError as e:
        raise ParseError(cannot_read(path, e)) from e
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ParseError(f"{path}: not UTF-8 at byte {e.start}") from e
    return data.removeprefix(BOM)


def check_rdf_text(path: Path, data: bytes, fmt: ox.RdfFormat) -> list[str]:
    """Refuse what the parsers would accept but we must not; return warnings."""
    if fmt == ox.RdfFormat.JSON_LD:
        from kg.rdf.jsonld_checks import check_jsonld  # JSON-LD only: off the N-Quads path

        return check_jsonld(path, data)
    if fmt == ox.RdfFormat.RDF_XML:
        head = data.decode("utf-8")
        for marker in ("<!DOCTYPE", "<!ENTITY"):
            at = head.find(marker)
            if at != -1:
                raise ParseError(f"{path}:{line_col(head, at)}: XML {marker[2:]} refused")
    elif fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        _check_depth(path, data.decode("utf-8"))
    return []


def _check_depth(path: Path, text: str) -> None:
    depth = 0
    for match in re.finditer(TURTLE_TOKEN, text, re.DOTALL):
        if match.group("open"):
            depth += 1
            if depth > MAX_DEPTH:
                where = line_col(text, match.start())
                raise ParseError(f"{path}:{where}: nested too deep (limit {MAX_DEPTH})")
        elif match.group("close"):
            depth = max(0, depth - 1)


class Loaded(NamedTuple):
    """A file's quads (blank nodes renamed in order) and the warnings found reading it."""

    quads: list[ox.Quad]
    warnings: list[str]


def read_quads(path: Path) -> Loaded:
    """Every quad of an RDF file, parsed by Oxigraph after our checks, with warnings."""
    fmt = rdf_format(path)
    data = read_rdf_text(path)
    warnings = check_rdf_text(path, data, fmt)
    try:
        quads = list(ox.parse(data, format=fmt))
    except (SyntaxError, ValueError, RecursionError) as e:
        raise parse_error(path, data, fmt, e) from e
    return Loaded(_renamed_blank_nodes(quads), warnings)


def checked_format(path: Path) -> ox.RdfFormat:
    """The file's format, after the checks that need its whole text (size cap included).

    N-Quads and N-Triples skip them: a line format holds no DTD, context or nesting,
    so those stream into a store at any size (the built graph at 10^6 triples).
    """
    fmt = rdf_format(path)
    if fmt not in STREAMED:
        check_rdf_text(path, read_rdf_text(path), fmt)
    return fmt


def bulk_load(store: ox.Store, path: Path, fmt: ox.RdfFormat) -> ox.Store:
    """``path`` (checked by :func:`checked_format`, which gave ``fmt``) loaded into ``store``
    by Oxigraph's streaming loader; returns ``store``. An error names ``FILE:LINE:COLUMN``."""
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as e:
        raise load_error(path, fmt, e) from e
    except (ValueError, OSError) as e:
        raise ParseError(f"{path}: {' '.join(str(e).split())}") from e
    return store


def load_error(path: Path, fmt: ox.RdfFormat, error: Exception) -> ParseError:
    """:func:`parse_error` for a file a store loaded itself (read again only now)."""
    try:
        data = path.read_bytes()
    except OSError:
        data = b""
    return parse_error(path, data, fmt, error)


def parse_error(path: Path, data: bytes, fmt: ox.RdfFormat, error: Exception) -> ParseError:
    """A parser's error as one line naming ``FILE:LINE:COLUMN`` where it can."""
    if not isinstance(error, SyntaxError):
        return ParseError(f"{path}: {' '.join(str(error).split()) or 'nested too deep'}")
    message = " ".join(str(error.msg if hasattr(error, "msg") else error).split())
    if "LoadDocumentCallback" in message:
        message = "remote context refused"
    return ParseError(_with_position(path, data, fmt, message))


def _with_position(path: Path, data: bytes, fmt: ox.RdfFormat, message: str) -> str:
    """``FILE:LINE:COLUMN: message (near 'token')`` from Oxigraph's message or our own look."""
    text = data.decode("utf-8", "replace")
    match = re.match(OXIGRAPH_POSITION, message)
    if match:
        line, start, end, column, what = match.groups()
        if start and end:
            lines = text.split("\n")
            source_line = lines[int(line) - 1] if int(line) <= len(lines) else ""
            token = source_line[int(start) - 1 : int(end) - 1]
        else:
            token = token_at(text, int(line), int(column))
        return f"{path}:{line}:{start or column}: {what}{near(token)}"
    if fmt == ox.RdfFormat.RDF_XML:
        where = _xml_error(text)
        if where:
            return f"{path}:{where[0]}: {message} ({where[1]})"
    quoted = re.search(QUOTED, message)
    value = quoted.group(1) if quoted else ""
    for needle in (f'"{value}"', f"'{value}'", value) if value else ():
        if needle in text:  # the first place the offending value is written
            return f"{path}:{line_col(text, text.index(needle))}: {message}"
    return f"{path}: {message}"


def _xml_error(text: str) -> tuple[str, str] | None:
    """Where the XML is not well-formed, by expat (which reads no DTD and fetches nothing)."""
    import xml.parsers.expat  # RDF/XML only: off the N-Quads path

    parser = xml.parsers.expat.ParserCreate()
    try:
        parser.Parse(text, True)
    except xml.parsers.expat.ExpatError as e:
        return f"{e.lineno}:{e.offset + 1}", xml.parsers.expat.ErrorString(e.code)
    return None


def _renamed_blank_nodes(quads: list[ox.Quad]) -> list[ox.Quad]:
    """Blank nodes renamed b0, b1 … in order of appearance (Oxigraph's names are random)."""
    names: dict[str, ox.BlankNode] = {}

    def rename(term):
        if isinstance(term, ox.BlankNode):
            return names.setdefault(term.value, ox.BlankNode(f"b{len(names)}"))
        return term

    return [
        ox.Quad(rename(q.subject), q.predicate, rename(q.object), rename(q.graph_name))
        for q in quads
    ]
