"""Refuse SPARQL that would write, reach outside, or nest too deep — before any engine sees it.

The graph is read-only and the project makes no outbound requests, so a query may
not contain an update operation (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD,
MOVE, COPY), a ``SERVICE`` clause, or ``FROM`` / ``FROM NAMED`` (which would make
some engines load a URL or a file). Keywords are looked for outside strings, IRIs
and comments, so ``"SERVICE"`` in a literal is fine.

Example::

    >>> check_query("SELECT * WHERE { ?s ?p ?o }")
    >>> check_query("DROP ALL")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: SPARQL Update is refused: the graph is read-only (line 1, column 1)
"""

from __future__ import annotations

import re

from kg.errors import QueryError

MAX_DEPTH = 40  # nested (), {} and [] in one query
MAX_LENGTH = 100_000  # characters of query text

UPDATE = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY")
REFUSED = {
    **{word: "SPARQL Update is refused: the graph is read-only" for word in UPDATE},
    "SERVICE": "SERVICE is refused: the graph makes no outbound requests",
    "FROM": "FROM / FROM NAMED is refused: queries run on the loaded graph only",
}
TOKEN = re.compile(
    r'(?P<skip>"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|\#[^\n]*)"
    r"|(?P<open>[({\[])|(?P<close>[)}\]])"
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<var>[?$][A-Za-z0-9_]+)"
    r"|(?P<other>[^\s])",
    re.DOTALL,
)


def check_query(text: str, max_depth: int = MAX_DEPTH) -> None:
    """Raise QueryError (with line and column) if ``text`` is not a safe read-only query."""
    if len(text) > MAX_LENGTH:
        raise QueryError(f"query too long: {len(text)} characters (limit {MAX_LENGTH})")
    if "\x00" in text:
        raise QueryError("query contains a NUL character")
    depth = 0
    previous = ""
    for match in TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
            if depth > max_depth:
                raise QueryError(
                    f"query nested too deep (limit {max_depth}) {_where(text, match.start())}"
                )
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "word":
            word = match.group().upper()
            # "a" ADD-like words after a prefix colon are local names, not keywords
            if word in REFUSED and previous != ":":
                raise QueryError(f"{REFUSED[word]} {_where(text, match.start())}")
        previous = match.group() if kind == "other" else ""


def _where(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"(line {line}, column {column})"
