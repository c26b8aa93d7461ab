"""SPARQL syntax errors as one readable line, not Oxigraph's parser dump.

Oxigraph says where the parser stopped and every token it would have accepted,
character ranges included (a missing ``PREFIX`` lists a dozen Unicode ranges). This
keeps the place (line and column) and the expected words;
an undeclared prefix is named, with its declaration when it is one of ours.

Example::

    >>> readable("error at 1:31: expected one of Prefix not found, ['%'], ['.']",
    ...          "SELECT * WHERE { ?s rdfs:label ?o }")
    'line 1, column 31: the prefix rdfs: is not declared; add PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>'
    >>> readable("error at 1:25: expected one of LATERAL, SERVICE, [_]", "SELECT * WHERE { ?s ?p }")
    'line 1, column 25: SPARQL syntax error (expected LATERAL, SERVICE, …)'
"""

from __future__ import annotations

import re

from kg.core.config import PREFIXES

# compiled (and cached by re) when first used: only for a query with an error
WHERE = r"^error at (?P<line>\d+):(?P<column>\d+): (?P<message>.*)$"
PREFIXED = r"([A-Za-z][\w.-]*)?:[\w.-]*$"  # a prefixed name, ending at the error
WORDS = 6  # expected words shown at most


def readable(message: str, text: str = "") -> str:
    """One line: where, and what was expected there (or which prefix is missing)."""
    match = re.match(WHERE, message.strip(), re.DOTALL)
    if not match:
        return "SPARQL syntax error: " + shorten(message)
    line, column = int(match.group("line")), int(match.group("column"))
    where = f"line {line}, column {column}"
    lines = text.splitlines() or [""]
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if "Prefix not found" in match.group("message"):
        name = re.search(PREFIXED, source[: column - 1])
        if name is not None:
            prefix = name.group(1) or ""
            known = PREFIXES.get(prefix)
            add = f"; add PREFIX {prefix}: <{known}>" if known else ""
            return f"{where}: the prefix {prefix}: is not declared{add}"
    words = _expected(match.group("message"))
    return f"{where}: SPARQL syntax error" + (f" (expected {words})" if words else "")


def _expected(message: str) -> str:
    """The words of ``expected one of A, B, [chars]``: character classes left out."""
    listed = re.sub(r"^expected (one of )?", "", " ".join(message.split()))
    words = [w.strip() for w in re.split(r",\s*(?![^\[]*\])", listed)]
    kept = [w for w in words if w and not w.startswith("[")]
    shown = ", ".join(kept[:WORDS])
    return shown + (", …" if len(kept) < len(words) or len(kept) > WORDS else "")


def shorten(text: str, limit: int = 160) -> str:
    """``text`` on one line, cut to ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
