"""The statements of a line-based file (N-Quads, N-Triples) that a byte search can pick out.

A big graph file need not be parsed whole to find a few kinds of statement: in these
formats each line is one statement, so the lines where ``bytes.find`` sees one of some
byte strings (a predicate's ``<IRI>``, ``^^`` of a typed literal) are cut out and only
those are parsed by Oxigraph, the caller filtering what it gets. An IRI may spell any
character as a ``\\u`` or ``\\U`` escape, so a line with one is always parsed too. The
file is read in 16 MiB blocks, each cut after its last newline. The label index of a
``--store`` (:mod:`kg.sparql.labels`) and the fast validator's lossless scan
(:mod:`kg.validate.fast_engine`) read their files so.

Example::

    >>> label = "http://www.w3.org/2000/01/rdf-schema#label"
    >>> _ = Path("g.nt").write_text(
    ...     f'<http://e.org/a> <{label}> "가"@ko .\\n'
    ...     '<http://e.org/a> <http://e.org/p> "<http://e.org/q>" .\\n'
    ...     '<http://e.org/a> <http://e.org/q> "1" .\\n', "utf-8")
    >>> [str(t.object) for t in statements_with(Path("g.nt"), ox.RdfFormat.N_TRIPLES,
    ...                                         [b"<http://e.org/q>"])]
    ['"<http://e.org/q>"', '"1"']
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

BLOCK = 1 << 24
ESCAPE = b"\\"  # then u or U: an IRI may spell any character so


def statements_with(path: Path, fmt: ox.RdfFormat, needles: list[bytes]) -> Iterator[ox.Quad]:
    """Every statement of ``path`` whose line holds one of ``needles`` or an escape
    (and maybe a few more: filter them), in file order."""
    for block in _blocks(path):
        lines = candidate_lines(block, [*needles, ESCAPE])
        if lines:
            yield from ox.parse(input=b"\n".join(lines), format=fmt)


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
