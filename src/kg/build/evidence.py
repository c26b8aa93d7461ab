"""Ground facts in the source text: find quotes and compute their offsets.

Offsets count Unicode code points of the stored text, end exclusive, as Web
Annotation's TextPositionSelector does, so that ``text[start:end] == exact``.

Example::

    >>> [(e.start, e.end) for e in find_quote("가나다 나다", "나다")]
    [(1, 3), (4, 6)]
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.core.errors import EvidenceError

CONTEXT = 24  # code points of prefix and suffix kept with each quote


@dataclass(frozen=True, order=True)
class Evidence:
    """One occurrence of a quote in a source text."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def find_quote(text: str, quote: str) -> list[Evidence]:
    """Every occurrence of ``quote`` in ``text`` (overlaps excluded), in text order."""
    if not quote:
        return []
    found: list[Evidence] = []
    at = text.find(quote)
    while at != -1:
        end = at + len(quote)
        found.append(
            Evidence(at, end, quote, text[max(0, at - CONTEXT) : at], text[end : end + CONTEXT])
        )
        at = text.find(quote, end)
    return found


def ground(text: str, quotes: list[str], where: str) -> list[Evidence]:
    """All occurrences of every quote; raises EvidenceError naming ``where`` if one is absent."""
    evidence: set[Evidence] = set()
    for quote in quotes:
        found = find_quote(text, quote)
        if not found:
            raise EvidenceError(f"{where}: quote not found in the source text: {quote!r}")
        evidence.update(found)
    return sorted(evidence)


def evidence_at(text: str, start: int, end: int) -> Evidence:
    """The evidence for a span already located (e.g. a timeline line)."""
    return Evidence(
        start,
        end,
        text[start:end],
        text[max(0, start - CONTEXT) : start],
        text[end : end + CONTEXT],
    )
