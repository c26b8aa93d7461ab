"""Refuse SPARQL that would write, reach outside, or nest too deep — before any engine sees it.

The graph is read-only and the project makes no outbound requests, so a query may
not contain an update operation (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD,
MOVE, COPY), a ``SERVICE`` clause, or ``FROM`` / ``FROM NAMED`` (which would make
some engines load a URL or a file). Oxigraph itself contacts any ``SERVICE`` URL,
so this check is what keeps queries local.

Keywords are looked for outside strings, IRIs, comments, variables and prefixed
names and numbers, as SPARQL's own lexer splits the text: ``"SERVICE"`` in a literal,
``?from`` and ``ex:copy`` are fine, while ``ex: SERVICE`` (an empty local name, then
the keyword) and ``ex:a\\#b`` (an escaped ``#``, not a comment) are read as the
engine reads them. Text with ``\\uXXXX`` escapes is also checked with them decoded.
Nesting deeper than :data:`MAX_DEPTH` and more than :data:`MAX_OPERATORS` operators
are refused too: Oxigraph parses and evaluates them recursively, and a few thousand
would overflow its stack and kill the process.

Example::

    >>> check_query("SELECT * WHERE { ?s ?p ?o }")
    >>> check_query("DROP ALL")
    Traceback (most recent call last):
    ...
    kg.core.errors.QueryError: SPARQL Update is refused: the graph is read-only (line 1, column 1)
"""

from __future__ import annotations

import re

from kg.core.errors import QueryError

MAX_DEPTH = 40  # nested (), {} and [] in one query
MAX_LENGTH = 100_000  # characters of query text
MAX_OPERATORS = 1_000  # operator characters and UNION/OPTIONAL/MINUS, all told

UPDATE = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY")
REFUSED = {
    **{word: "SPARQL Update is refused: the graph is read-only" for word in UPDATE},
    "SERVICE": "SERVICE is refused: the graph makes no outbound requests",
    "FROM": "FROM / FROM NAMED is refused: queries run on the loaded graph only",
}
OPERATOR_WORDS = {"UNION", "OPTIONAL", "MINUS"}
OPERATORS = set("!&|+-*/^=<>.;,")
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
_LETTER += "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
_NAME = _LETTER + r"0-9_\-.\u00b7\u0300-\u036f\u203f-\u2040"
_VAR = _LETTER + r"0-9_\u00b7\u0300-\u036f\u203f-\u2040"
# Strings may be unterminated here (the match then lacks its closing quote and is refused):
# requiring the quote would rescan the rest of the text from every later quote.
TOKEN = re.compile(
    r'(?P<string>"""(?:[^"\\]|\\.|"(?!""))*(?P<e1>""")?'
    r"|'''(?:[^'\\]|\\.|'(?!''))*(?P<e2>''')?"
    r'|"(?:[^"\\\n\r]|\\.)*(?P<e3>")?'
    r"|'(?:[^'\\\n\r]|\\.)*(?P<e4>')?)"
    r"|(?P<skip><[^<>\"{}|^`\\\x00-\x20]*>"
    r"|\#[^\n\r]*"
    rf"|[?$][{_VAR}]+"
    r"|@[A-Za-z]+(?:-[A-Za-z0-9]+)*"
    # a number: "1e5SERVICE" is 1e5 then SERVICE to the engine, not a name "e5SERVICE"
    r"|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
    # a name, or a prefixed name PN_PREFIX? ':' PN_LOCAL (with %HH and \-escapes: \# is no comment)
    rf"|(?P<name>[{_LETTER}_][{_NAME}]*+)?(?P<local>:(?:[{_NAME}:]|%[0-9A-Fa-f]{{2}}"
    r"|\\[_~.\-!$&'()*+,;=/?#@%])*)"
    rf"|(?P<word>[{_LETTER}_][{_NAME}]*+)"
    r"|(?P<open>[({\[])|(?P<close>[)}\]])"
    r"|(?P<other>[^\s])",
    re.DOTALL,
)
WORD_PART = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def check_query(text: str, max_depth: int = MAX_DEPTH) -> None:
    """Raise QueryError (with line and column) if ``text`` is not a safe read-only query."""
    if len(text) > MAX_LENGTH:
        raise QueryError(f"query too long: {len(text)} characters (limit {MAX_LENGTH})")
    if "\x00" in text:
        raise QueryError("query contains a NUL character")
    _scan(text, max_depth)
    if CODEPOINT.search(text):  # SPARQL allows \u escapes anywhere; an engine may decode them
        _scan(CODEPOINT.sub(_decode, text), max_depth)


def _scan(text: str, max_depth: int) -> None:
    depth = operators = 0
    for match in TOKEN.finditer(text):
        kind, token = match.lastgroup, match.group()
        if kind == "open":
            depth += 1
            if depth > max_depth:
                _refuse(f"query nested too deep (limit {max_depth})", text, match)
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "string" and not any(match.group(e) for e in ("e1", "e2", "e3", "e4")):
            _refuse("unterminated string", text, match)
        elif kind == "word":  # "true.SERVICE" is true . SERVICE to the engine
            for part in WORD_PART.findall(token):
                if part.upper() in REFUSED:
                    _refuse(REFUSED[part.upper()], text, match)
                operators += part.upper() in OPERATOR_WORDS
        elif kind == "other":
            operators += token in OPERATORS
        if kind in ("word", "local"):  # "true-true" is an operator to the engine, not a name
            operators += token.count(".") + (token.count("-") if kind == "word" else 0)
        if operators > MAX_OPERATORS:
            _refuse(f"query too complex: more than {MAX_OPERATORS} operators", text, match)


def _refuse(message: str, text: str, match: re.Match) -> None:
    raise QueryError(f"{message} {_where(text, match.start())}")


def _decode(match: re.Match) -> str:
    code = int(match.group(1) or match.group(2), 16)
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


def _where(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"(line {line}, column {column})"
