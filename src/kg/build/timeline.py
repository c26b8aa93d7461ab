"""Parse the 연혁 / 주요연혁 timeline block of a Korean article into dated entries.

A timeline line is ``DATE : TEXT`` (the colon is optional), where DATE takes the
common Korean forms ``2001. 08. 21``, ``2001.8.21``, ``2001년 8월 21일``,
``2001. 08`` or ``2001년``, and TEXT ends with the verb of the event (개소, 지정 …),
optionally followed by the acting body in parentheses: ``지정(정보통신부)``.

An entry told several times (articles repeat their timeline) is one
:class:`TimelineEntry` with every occurrence kept.

Example::

    >>> entries = parse_timeline("주요연혁\\n2003. 01. 20 : 소프트타운 지정(정보통신부)\\n")
    >>> entries[0].date, entries[0].verb, entries[0].actor_text
    ('2003-01-20', '지정', '정보통신부')
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from kg.core.errors import TimelineError

# "연혁", "주요연혁", "주요 연혁", also decorated: "■ 연혁", "[주요연혁]", "연혁:".
HEADING = re.compile(r"^\s*[■□◆◇●○▶▷※*#\-\[<【〈(]*\s*(?:주요\s*)?연혁\s*[\]>】〉):：]*\s*$")
DATE_FORMS = [
    re.compile(r"(?P<y>\d{4})\s*\.\s*(?P<m>\d{1,2})\s*\.\s*(?P<d>\d{1,2})\s*\.?"),
    re.compile(r"(?P<y>\d{4})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일"),
    re.compile(r"(?P<y>\d{4})\s*-\s*(?P<m>\d{1,2})\s*-\s*(?P<d>\d{1,2})"),
    re.compile(r"(?P<y>\d{4})\s*\.\s*(?P<m>\d{1,2})\s*\.?"),
    re.compile(r"(?P<y>\d{4})\s*년\s*(?P<m>\d{1,2})\s*월"),
    re.compile(r"(?P<y>\d{4})\s*년?"),
]
LINE_REST = re.compile(r"\s*[:：]?\s*(?P<text>\S.*?)\s*$")
TRAILING_ACTOR = re.compile(r"^(?P<head>.*?)\s*\((?P<actor>[^()]+)\)$")

# Verbs the article genre uses, longest first so that 명칭개정 wins over 개정.
DEFAULT_VERBS = (
    "명칭개정",
    "명칭변경",
    "개소",
    "개관",
    "개청",
    "개원",
    "출범",
    "설립",
    "설치",
    "지정",
    "선정",
    "등록",
    "인정",
    "인증",
    "제정",
    "통합",
    "이전",
    "개최",
)


@dataclass(frozen=True)
class Occurrence:
    """Where a timeline line is printed: code-point offsets, end exclusive."""

    start: int
    end: int
    line_number: int


@dataclass
class TimelineEntry:
    """One dated event of a timeline, however many times the source prints it."""

    date: str
    precision: str  # "day" | "month" | "year"
    text: str
    subject: str
    verb: str | None
    actor_text: str | None
    line: str = ""  # the whole printed line, date included: the evidence quote
    occurrences: list[Occurrence] = field(default_factory=list)


def parse_date(text: str, line_number: int = 0) -> tuple[str, str, int] | None:
    """Read a date at the start of ``text``: (ISO value, precision, characters used).

    Returns None when ``text`` does not start with a date; raises TimelineError for a
    date that looks like one but does not exist (``2019. 13. 40``).
    """
    for form in DATE_FORMS:
        match = form.match(text)
        if not match:
            continue
        parts = match.groupdict()
        year = int(parts["y"])
        month = int(parts["m"]) if parts.get("m") else None
        day = int(parts["d"]) if parts.get("d") else None
        if month is not None and not 1 <= month <= 12:
            raise TimelineError(
                f"line {line_number}: no such month in date {match.group(0).strip()!r}"
            )
        if day is not None and not 1 <= day <= calendar.monthrange(year, month or 1)[1]:
            raise TimelineError(
                f"line {line_number}: no such day in date {match.group(0).strip()!r}"
            )
        if day is not None:
            return f"{year:04d}-{month:02d}-{day:02d}", "day", match.end()
        if month is not None:
            return f"{year:04d}-{month:02d}", "month", match.end()
        return f"{year:04d}", "year", match.end()
    return None


def split_event_text(
    text: str, verbs: tuple[str, ...] = DEFAULT_VERBS
) -> tuple[str, str | None, str | None]:
    """Split a line's text into (subject, verb, actor named in trailing parentheses)."""
    actor = None
    head = text
    trailing = TRAILING_ACTOR.match(text)
    if trailing and any(trailing.group("head").endswith(v) for v in verbs):
        head, actor = trailing.group("head"), trailing.group("actor").strip()
    for verb in sorted(verbs, key=len, reverse=True):
        if head.endswith(verb):
            return head[: -len(verb)].strip(), verb, actor
    return head.strip(), None, actor


def timeline_blocks(text: str) -> list[list[tuple[int, int, str]]]:
    """The lines (line number, start offset, text) of each timeline block in ``text``."""
    blocks: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] | None = None
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        body = line.rstrip("\r\n")
        if HEADING.match(body):
            current = []
            blocks.append(current)
        elif current is not None:
            if body.strip() and parse_date(body.strip(), number) is not None:
                current.append((number, offset, body))
            elif body.strip() or current:
                current = None
        offset += len(line)
    return blocks


def parse_timeline(text: str, verbs: tuple[str, ...] = DEFAULT_VERBS) -> list[TimelineEntry]:
    """Every dated entry of every timeline block, in date order, each told once."""
    blocks = timeline_blocks(text)
    if not blocks or not any(blocks):
        raise TimelineError("no 연혁/주요연혁 timeline block with dated lines was found")
    entries: dict[tuple[str, str], TimelineEntry] = {}
    for block in blocks:
        for number, start, body in block:
            entry = _parse_line(body, number, verbs)
            lead = len(body) - len(body.lstrip())
            occurrence = Occurrence(start + lead, start + len(body.rstrip()), number)
            key = (entry.date, entry.text)
            entries.setdefault(key, entry).occurrences.append(occurrence)
    return sorted(entries.values(), key=lambda e: (e.date, e.occurrences[0].start))


def _parse_line(body: str, number: int, verbs: tuple[str, ...]) -> TimelineEntry:
    stripped = body.strip()
    parsed = parse_date(stripped, number)
    if parsed is None:  # timeline_blocks only passes dated lines
        raise TimelineError(f"line {number}: no date at the start of {stripped!r}")
    date, precision, used = parsed
    rest = LINE_REST.match(stripped[used:])
    if rest is None:
        raise TimelineError(f"line {number}: a date with no event: {stripped!r}")
    event_text = rest.group("text")
    subject, verb, actor = split_event_text(event_text, verbs)
    return TimelineEntry(date, precision, event_text, subject, verb, actor, line=stripped)
