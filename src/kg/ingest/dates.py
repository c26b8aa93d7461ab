"""Dated happenings anywhere in an article: timeline lines of any shape, and prose.

A *timeline-shaped* line starts with a date, after any bullet or table pipe
(``■ 2012.3.5 …``, ``2010년 | …``, ``| 2015. 7. | …``, ``'15.7 …``); the whole line is
one event, even when its verb is unknown. In *prose*, a date (``2015년 7월 1일``,
``지난 2017년 5월``, ``지난 8일``, ``13일 밝혔다``) followed in its sentence by an event
verb (:data:`kg.ingest.gazetteer.EVENT_PHRASES`) is one event. A relative date is
resolved from the article's date line when there is one; what cannot be read becomes a
review note with its line number, never an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.ingest.datelines import (
    ABSOLUTE,
    BULLET,
    IN_PROSE,
    PARAGRAPH,
    article_date,
    find_verb,
    is_date_line,
)
from kg.ingest.relative import RELATIVE, BadDate, resolve, to_date, told_before

LEADING = tuple(  # a year alone before a cell, a colon or a dash: "2022 — …", "2010 | …"
    re.compile(form) for form in [*ABSOLUTE, r"(?P<y>(?:19|20)\d{2})(?=\s*[|:：—–]|\s+-\s)"]
)
# A heading of a person's career list: its dated lines are no events of the agency.
CAREER = re.compile(
    r"^[\s■□◆◇●○◎▶▷※*#•·\-\[<【]*[^\d\n]{0,24}(?:약력|경력|이력|프로필)[\]>】]?\s*$"
)
# "…했다고 12일 밝혔다": the date of a news story's one event, printed after it.
ANNOUNCED = re.compile(r"\s*(?:밝혔|전했|발표했|알렸)")
# A table's year cell and the month (and day) that starts the next: "2008년 | 2월 14일 설립".
MONTH_CELL = re.compile(r"^(?P<m>\d{1,2})\s*월(?:\s*(?P<d>\d{1,2})\s*일)?\s*")
# One verb told once for two dated clauses: "2018년 A로, 2022년 B로 각각 지정됐다".
RESPECTIVELY = re.compile(r"각각\s*(?P<verb>\S+)")
SENTENCE_END = re.compile(r"(?<=[다요])\.[⁰¹²³⁴⁵⁶⁷⁸⁹⁾]*\s|[?!]\s|[.。]$")  # 열었다.²⁾ 2023년


@dataclass
class Dated:
    """A date and the text that tells what happened then, with where it is printed."""

    date: str
    precision: str  # day | month | year
    text: str  # the line after its date, or the clause after a date in prose
    line: int  # 1-based
    start: int  # offsets of the quote in the article (code points, end exclusive)
    end: int
    timeline: bool  # a line that starts with its date
    verb: str | None = None  # the canonical verb (개소, 지정 …) or None
    verb_at: int = -1  # offset of the verb phrase in the article
    relative: bool = False
    before: str = ""  # the sentence before the date (prose): where its subject may be
    again: bool = False  # "이날", "같은 날": the date of a happening told just before
    # Where the date it is told against is printed: the spans of the date before (같은 해)
    # and of what that one is told against; None stands for the article's date line.
    anchor: tuple[tuple[int, int] | None, ...] = ()


def dated(text: str, notes: list[str]) -> Iterator[Dated]:
    """Every dated happening of ``text``; unreadable ones are added to ``notes``."""
    today = article_date(text)
    career = False  # under a "■ ○○○ 원장 약력" heading: a person's history, not the agency's
    years: list[Printed] = []  # the dates printed so far: "같은 해" is the last one's year
    lines = text.splitlines()
    raws = text.splitlines(keepends=True)
    offset = 0
    skip = 0  # lines read already as part of a date-alone line's block
    for number, raw in enumerate(raws, start=1):
        line = raw.rstrip("\r\n")
        career = CAREER.match(line) is not None or career and bool(line.strip())
        if skip:
            skip -= 1
            offset += len(raw)
            continue
        alone = _alone(line) if not career else ""
        skip = _block(lines, number) if alone else 0
        if not skip and (is_date_line(line) or career):
            if career and _starts_with_date(line):
                notes.append(f"line {number}: a career line (약력), a person's history, not "
                             f"the agency's: {line.strip()!r} (not drafted)")  # fmt: skip
            offset += len(raw)
            continue
        try:
            if skip:  # "2017.3.6" on its line, the fact on the lines below (card news)
                line = "".join(raws[number - 1 : number + skip]).rstrip("\r\n")
                line = line.replace("\r", " ").replace("\n", " ")
            forms = (*LEADING, BARE_YEAR) if skip else LEADING
            item = _timeline_line(line, number, offset, forms) if alone != "relative" else None
            if item and item.verb is None and not _in_a_list(lines, number):
                notes.append(f"line {number}: a dated line with no event verb and no dated "
                             f"line next to it: {line.strip()!r} (not drafted)")  # fmt: skip
                item = None  # "2024년 실적: …", "2025년 제2차 채용 공고": a field or a title
            for found in [item] if item else _prose(line, number, offset, today, notes, years):
                if today and found.date > today[: len(found.date)]:
                    notes.append(f"line {number}: {found.date} is after the article's date "
                                 f"{today}: a plan, not history (not drafted)")  # fmt: skip
                    continue
                years.append((found.date, ((found.start, found.end), *found.anchor)))
                yield found
        except BadDate as e:
            notes.append(f"line {number}: {e}: {line.strip()!r} (not drafted)")
        offset += len(raw)


ALONE_YEAR = re.compile(r"(?:19|20)\d{2}\s*년?\s*")


def _alone(line: str) -> str:
    """ "absolute" or "relative" when ``line`` is a date and nothing else ("2017.3.6",
    "2021", "같은 달", "작년 6월"), else ""."""
    lead = BULLET.match(line)
    bare = line[lead.end() if lead else 0 :].strip()
    if not bare:
        return ""
    if ALONE_YEAR.fullmatch(bare) or any(re.fullmatch(f"(?:{f})\\s*", bare) for f in ABSOLUTE):
        return "absolute"
    relative = RELATIVE.match(bare)
    return "relative" if relative and not bare[relative.end() :].strip("에는 ") else ""


def _block(lines: list[str], number: int) -> int:
    """How many short lines after line ``number`` (1-based) tell what its date heads: up
    to a blank line, a long line or another date alone."""
    count = 0
    for line in lines[number:]:
        if not line.strip() or len(line.strip()) > 40 or _alone(line):
            break
        count += 1
    return count


def _in_a_list(lines: list[str], number: int) -> bool:
    """Whether the nearest non-blank line before or after line ``number`` (1-based) also
    starts with a date: a timeline, not a lone dated field or title."""
    before = [line for line in lines[: number - 1] if line.strip()][-1:]
    after = [line for line in lines[number:] if line.strip()][:1]
    return any(_starts_with_date(line) for line in before + after)


def _starts_with_date(line: str) -> bool:
    lead = BULLET.match(line)
    at = _date_cell(line, lead.end() if lead else 0)
    return any(form.match(line, at) for form in LEADING)


BARE_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})(?=\s)")  # "2021" alone on a card's line


def _timeline_line(
    line: str, number: int, offset: int, forms: tuple[re.Pattern[str], ...] = ()
) -> Dated | None:
    """A line that starts with a date (after bullets, pipes) and says something after it."""
    lead = BULLET.match(line)
    at = lead.end() if lead else 0
    labelled = _date_cell(line, at)
    for form in forms or LEADING:
        if labelled != at:  # a row with a label cell tells a happening only with its verb
            found = _timeline_line(line[:at] + line[labelled:], number, offset)
            if found is None or found.verb is None:
                return None
            shift = labelled - at
            found.start, found.end = found.start + shift, found.end + shift
            found.verb_at += shift
            return found
        match = form.match(line, at)
        if match is None:
            continue
        parts = match.groupdict()
        rest = re.sub(r"^[\s:：|)\]]+", "", line[match.end() :])
        rest = " ".join(cell.strip() for cell in rest.split("|") if cell.strip())
        if not rest or re.match(r"^(?:내용|주요\s*내용|연혁)$", rest) or PARAGRAPH.search(rest):
            return None  # a header, or a paragraph of prose that starts with its date
        if re.fullmatch(r"[\d.,%\s]+", rest):
            return None  # "2023 | 88 | 410": a row of figures, not a happening
        cell = MONTH_CELL.match(rest) if parts.get("m") is None else None
        if cell:
            parts = {**parts, "m": cell["m"], "d": cell["d"]}
            rest = rest[cell.end() :]
        date, precision = to_date(parts["y"], parts.get("m"), parts.get("d"))
        verb, v_start, _ = find_verb(rest, last=True)
        start = offset + at
        verb_at = start + line[at:].find(rest[v_start:]) if verb else -1
        return Dated(date, precision, rest, number, start, offset + len(line.rstrip()), True,
                     verb, verb_at)  # fmt: skip
    return None


LABEL_CELL = re.compile(r"[^\d|]{1,12}\|\s*")


def _date_cell(line: str, at: int) -> int:
    """Where a table row's date cell starts when a short label cell comes first
    ("성장기 | 2016 | 3월 …개소": a period, then the year); else ``at``."""
    label = LABEL_CELL.match(line, at)
    if label is None or not any(form.match(line, label.end()) for form in LEADING):
        return at
    return label.end()


# A date printed, with the span of the sentence or line that prints it and its anchor.
Printed = tuple[str, tuple[tuple[int, int] | None, ...]]


def _prose(
    line: str, number: int, offset: int, today: str | None, notes: list[str], years: list[Printed]
) -> Iterator[Dated]:
    for sentence_start, sentence in _sentences(line):
        mentions = [(m, False) for m in IN_PROSE.finditer(sentence)]
        taken = [(m.start(), m.end()) for m, _ in mentions]
        mentions += [
            (m, True)
            for m in RELATIVE.finditer(sentence)
            if not any(s <= m.start() < e for s, e in taken)
        ]
        mentions.sort(key=lambda p: p[0].start())
        mentions = [(m, r) for m, r in mentions if not _titled(sentence, m.start())]
        for i, (match, relative) in enumerate(mentions):
            stop = mentions[i + 1][0].start() if i + 1 < len(mentions) else len(sentence)
            clause = sentence[match.end() : stop]
            at = offset + sentence_start
            if not relative:
                printed = resolve(match, False, None, [])[0]  # type: ignore[index]
                years.append((printed, ((at, at + len(sentence.rstrip())),)))
            verb, v_start, _ = find_verb(clause)
            shared = RESPECTIVELY.search(sentence, stop) if verb is None else None
            if shared and find_verb(shared["verb"])[0]:  # "2018년 A로, 2022년 B로 각각 지정"
                clause = clause.rstrip(", ") + " " + shared["verb"]
                verb, v_start, _ = find_verb(clause)
            if verb is None and sentence[: match.start()].rstrip().endswith("("):
                clause = sentence[: match.start()]  # a footnote's "조례」 제정(2018. 12. 27.)"
                verb, v_start, _ = find_verb(clause)
                v_start -= match.end()
            if verb is None and i == 0 and relative and ANNOUNCED.match(clause):
                clause = sentence[: match.start()]  # "…에 선정됐다고 12일 밝혔다"
                verb, v_start, _ = find_verb(clause)
                v_start -= match.end()
            if verb is None:
                continue
            date = resolve(match, relative, today, [y[0] for y in years])
            if date is None:
                notes.append(
                    f"line {number}: {match.group(0).strip()!r} is relative and the article "
                    f"has no date line: {sentence.strip()[:60]!r} (not drafted)"
                )
                continue
            told = relative and told_before(match)
            anchor = years[-1][1] if told else (None,) if relative else ()
            yield Dated(date[0], date[1], clause.strip(), number, at,
                        at + len(sentence.rstrip()), False, verb,
                        at + match.end() + v_start, relative,
                        sentence[: match.start()],
                        relative and bool(match["thisday"]), anchor)  # fmt: skip


def _titled(sentence: str, at: int) -> bool:
    """A date that opens a quoted title ("'2026년 지역 거점' 공모"): a name, no happening."""
    closing = re.match(r"[^'‘’\"“”「」『』]{2,40}['’」』]", sentence[at:])  # not a quotation
    return sentence[:at].endswith(("'", "‘", "「", "『")) and closing is not None


def _sentences(line: str) -> Iterator[tuple[int, str]]:
    start = 0
    for match in SENTENCE_END.finditer(line):
        yield start, line[start : match.end()]
        start = match.end()
    if start < len(line):
        yield start, line[start:]
