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

import functools
import re

from kg.core.errors import QueryError

MAX_DEPTH = 40  # nested (), {} and [] in one query
MAX_LENGTH = 100_000  # characters of query text
MAX_OPERATORS = 1_000  # operator characters and UNION/OPTIONAL/MINUS, all told
PASSED = 1024  # texts remembered as passed (a query asked again is not read again)
PASSED_LENGTH = 8192  # characters: longer texts are read each time (the memory stays small)

UPDATE = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY")
REFUSED = {
    **{word: "SPARQL Update is refused: the graph is read-only" for word in UPDATE},
    "SERVICE": "SERVICE is refused: the graph makes no outbound requests",
    "FROM": "FROM / FROM NAMED is refused: queries run on the loaded graph only",
}
OPERATOR_WORDS = {"UNION", "OPTIONAL", "MINUS"}
OPERATORS = set("!&|+-*/^=<>.;,")
# SPARQL's PN_CHARS_BASE, then what PN_CHARS and VARNAME add to it (code point ranges)
_LETTER = (
    (0x41, 0x5A), (0x61, 0x7A), (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x2FF), (0x370, 0x37D),
    (0x37F, 0x1FFF), (0x200C, 0x200D), (0x2070, 0x218F), (0x2C00, 0x2FEF), (0x3001, 0xD7FF),
    (0xF900, 0xFDCF), (0xFDF0, 0xFFFD), (0x10000, 0xEFFFF),
)  # fmt: skip
_UNDERSCORE = ((0x5F, 0x5F),)
_MORE = ((0x30, 0x39), (0x5F, 0x5F), (0xB7, 0xB7), (0x300, 0x36F), (0x203F, 0x2040))
_DASH_DOT = ((0x2D, 0x2E),)
_COLON = ((0x3A, 0x3A),)


def _chars(*groups: tuple[tuple[int, int], ...]) -> str:
    """A regex class of the code points in ``groups``, written as the negation of the rest.

    Python's re compiles a class in time proportional to the span of its ranges: the
    letters span ~64,000 code points, what they leave out ~12,000, so the whole
    pattern compiles in ~2 ms instead of ~12 (only for a text whose names hold non-ASCII
    characters: :func:`tokens`). The bounds are the characters themselves: re parses
    ``\\U0000xxxx`` escapes more slowly (~4 ms more).
    """
    gaps, start = [], 0
    for low, high in sorted(r for group in groups for r in group):
        if low > start:
            gaps.append((start, low - 1))
        start = max(start, high + 1)
    gaps.append((start, 0x10FFFF))
    return "[^" + "".join(f"{_char(low)}-{_char(high)}" for low, high in gaps) + "]"


def _char(code: int) -> str:
    """A code point as it stands in a regex class: itself, escaped if re would read it."""
    text = chr(code)
    return f"\\x{code:02x}" if code < 0x20 else "\\" + text if text in "\\[]^-" else text


def _ascii(*groups: tuple[tuple[int, int], ...]) -> str:
    """The class of :func:`_chars` for ASCII text: its ASCII members (fast to compile)."""
    spans = sorted((low, min(high, 0x7F)) for group in groups for low, high in group if low < 0x80)
    return "[" + "".join(f"{_char(low)}-{_char(high)}" for low, high in spans) + "]"


# Strings may be unterminated here (the match then lacks its closing quote and is refused):
# requiring the quote would rescan the rest of the text from every later quote.
def _token_pattern(chars) -> re.Pattern:
    """SPARQL's tokens, with name characters from ``chars`` (:func:`_chars` or :func:`_ascii`)."""
    start, name = chars(_LETTER, _UNDERSCORE), chars(_LETTER, _MORE, _DASH_DOT)
    var, local = chars(_LETTER, _MORE), chars(_LETTER, _MORE, _DASH_DOT, _COLON)
    return re.compile(
        r'(?P<string>"""(?:[^"\\]|\\.|"(?!""))*(?P<e1>""")?'
        r"|'''(?:[^'\\]|\\.|'(?!''))*(?P<e2>''')?"
        r'|"(?:[^"\\\n\r]|\\.)*(?P<e3>")?'
        r"|'(?:[^'\\\n\r]|\\.)*(?P<e4>')?)"
        r"|(?P<skip><[^<>\"{}|^`\\\x00-\x20]*>"
        r"|\#[^\n\r]*"
        rf"|[?$]{var}+"
        r"|@[A-Za-z]+(?:-[A-Za-z0-9]+)*"
        # a number: "1e5SERVICE" is 1e5 then SERVICE to the engine, not a name "e5SERVICE"
        r"|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
        # a name, or a prefixed name PN_PREFIX? ':' PN_LOCAL (%HH and \-escapes: \# is no comment)
        rf"|(?P<name>{start}{name}*+)?(?P<local>:(?:{local}|%[0-9A-Fa-f]{{2}}"
        r"|\\[_~.\-!$&'()*+,;=/?#@%])*)"
        rf"|(?P<word>{start}{name}*+)"
        r"|(?P<open>[({\[])|(?P<close>[)}\]])"
        r"|(?P<other>[^\s])",
        re.DOTALL,
    )


@functools.cache
def _token(full: bool) -> re.Pattern:
    return _token_pattern(_chars if full else _ascii)


def tokens(text: str) -> list[re.Match]:
    """The SPARQL tokens of ``text``, as the engine's lexer splits it.

    Read first with ASCII name classes (compiled in well under a millisecond; every
    ``kg query`` pays for this). Where a name, variable or local name holds a non-ASCII
    character, that reading stops before the character, which then matches as a token
    of kind ``other``; only then is the text read again with the full classes (~2 ms
    to compile). Up to the first such character both readings are the same, so the
    fast one is used exactly when it is the full one.
    """
    found = list(_token(False).finditer(text))
    if text.isascii() or all(m.lastgroup != "other" or m.group().isascii() for m in found):
        return found
    return list(_token(True).finditer(text))


WORD_PART = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def check_query(text: str, max_depth: int = MAX_DEPTH) -> None:
    """Raise QueryError (with line and column) if ``text`` is not a safe read-only query.

    A short text that passed is remembered (the last :data:`PASSED`), so a query
    asked again is not read again; a refused one is read each time.
    """
    if len(text) <= PASSED_LENGTH:
        _passed(text, max_depth)
    else:
        _check(text, max_depth)


def _check(text: str, max_depth: int) -> None:
    if len(text) > MAX_LENGTH:
        raise QueryError(f"query too long: {len(text)} characters (limit {MAX_LENGTH})")
    if "\x00" in text:
        raise QueryError("query contains a NUL character")
    _scan(text, max_depth)
    if CODEPOINT.search(text):  # SPARQL allows \u escapes anywhere; an engine may decode them
        _scan(CODEPOINT.sub(_decode, text), max_depth)


_passed = functools.lru_cache(maxsize=PASSED)(_check)


def words(text: str) -> set[str]:
    """The bare words of a query in upper case (keywords, function names), read as the engine
    reads them: not in strings, IRIs, comments, variables or prefixed names; escapes decoded."""
    texts = (text, CODEPOINT.sub(_decode, text)) if CODEPOINT.search(text) else (text,)
    return {
        part.upper()
        for source in texts
        for match in tokens(source)
        if match.lastgroup == "word"
        for part in WORD_PART.findall(match.group())
    }


def _scan(text: str, max_depth: int) -> None:
    depth = operators = 0
    for match in tokens(text):
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
