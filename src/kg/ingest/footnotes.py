"""Footnotes of a report or white paper: a sentence marked ¹⁾ (or [1]) and the note "1) …"
below that gives the day of what the sentence tells only by month ("(2023. 1. 9.)")."""

from __future__ import annotations

import re

from kg.ingest.relative import BadDate, to_date

SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
MARK = re.compile(r"(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾?|\[(?P<num>\d{1,2})\]")
NOTE = re.compile(
    r"^\s*(?:\[(?P<a>\d{1,2})\]|(?P<b>\d{1,2})\)|(?P<c>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾?)\s+(?P<text>.+)$", re.M
)
BRACKETED = re.compile(
    r"\(\s*(?P<y>(?:19|20)\d{2})\s*(?:\.|년)\s*(?P<m>\d{1,2})\s*(?:\.|월)\s*(?P<d>\d{1,2})\s*(?:\.|일)?\s*\)"
)


def marked_date(text: str, clause: str) -> tuple[str, str] | None:
    """The day the footnote that ``clause``'s mark points to gives in brackets, if any."""
    mark = MARK.search(clause)
    if mark is None:
        return None
    number = (mark["sup"] or "").translate(SUPERSCRIPT) or mark["num"]
    for note in NOTE.finditer(text):
        own = note["a"] or note["b"] or (note["c"] or "").translate(SUPERSCRIPT)
        day = BRACKETED.search(note["text"]) if own == number else None
        if day is not None and note.start() > text.find(clause):
            try:
                return to_date(day["y"], day["m"], day["d"])
            except BadDate:
                return None
    return None
