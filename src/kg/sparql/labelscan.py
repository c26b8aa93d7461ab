"""The names of a line-based graph file (N-Quads, N-Triples), read while Oxigraph loads it.

The label index (:mod:`kg.sparql.labels`) of a persistent store is built from the file
itself, in a thread beside the bulk load, rather than read back out of the finished
store. Only the lines that can hold a name are parsed: those where ``bytes.find`` sees
the IRI of a predicate asked for (``rdfs:label``, ``skos:altLabel``), or a ``\\u`` or
``\\U`` escape (an IRI may spell the predicate with one). Oxigraph parses them and the
predicate decides, so a literal that merely contains the IRI is no name. Each line is
one statement in these formats; a 16 MiB block is cut after its last newline.

Example::

    >>> _ = Path("g.nt").write_text(
    ...     '<http://e.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "가"@ko .\\n'
    ...     '<http://e.org/a> <http://e.org/p> "<http://www.w3.org/2000/01/rdf-schema#label>" .\\n',
    ...     "utf-8")
    >>> label = "http://www.w3.org/2000/01/rdf-schema#label"
    >>> [(i, str(o)) for i, s, o in name_terms(Path("g.nt"), ox.RdfFormat.N_TRIPLES, (label,))]
    [(0, '"가"@ko')]
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

BLOCK = 1 << 24
ESCAPE = b"\\"  # then u or U: an IRI may spell any character so

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def name_terms(
    path: Path, fmt: ox.RdfFormat, predicates: tuple[str, ...]
) -> Iterator[tuple[int, Term, Term]]:
    """``(i, subject, object)`` of every statement of ``predicates[i]``: those of the first
    predicate in file order, then those of the second, and so on."""
    number = {iri: i for i, iri in enumerate(predicates)}
    needles = [f"<{iri}>".encode() for iri in predicates] + [ESCAPE]
    later: list[list[tuple[int, Term, Term]]] = [[] for _ in predicates[1:]]
    for block in _blocks(path):
        lines = candidate_lines(block, needles)
        if not lines:
            continue
        for statement in ox.parse(input=b"\n".join(lines), format=fmt):
            i = number.get(statement.predicate.value)
            if i == 0:
                yield 0, statement.subject, statement.object
            elif i is not None:
                later[i - 1].append((i, statement.subject, statement.object))
    for found in later:
        yield from found


def _blocks(path: Path) -> Iterator[bytes]:
    """The file in blocks of whole lines."""
    rest = b""
    with path.open("rb") as f:
        while block := f.read(BLOCK):
            data = rest + block
            cut = data.rfind(b"\n") + 1
            rest = data[cut:]
            yield data[:cut]
    yield rest


def candidate_lines(data: bytes, needles: list[bytes]) -> list[bytes]:
    """The lines of ``data`` that hold one of ``needles`` (:data:`ESCAPE` only before u or U),
    each once, in order."""
    starts: dict[int, int] = {}
    for needle in needles:
        at = data.find(needle)
        while at >= 0:
            if needle != ESCAPE or data[at + 1 : at + 2] in (b"u", b"U"):
                start = data.rfind(b"\n", 0, at) + 1
                end = data.find(b"\n", at)
                end = len(data) if end < 0 else end
                starts[start] = end
                at = end
            at = data.find(needle, at + 1)
    return [data[start : starts[start]] for start in sorted(starts)]
