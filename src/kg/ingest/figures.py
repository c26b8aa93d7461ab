"""Figures (N개사, N명, N%, N개국, N개 기업 …): the number, its unit, what it counts, and
the program or event it is about (read from the sentence that prints it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.ingest import gazetteer as gz
from kg.ingest.model import Found
from kg.ingest.names import FIGURE, stem

THROUGH = re.compile(r"(?:을|를)\s*통해")
FAIR = re.compile(
    r"(?P<year>(?:19|20)\d{2})년\s?(?P<name>[^\s,.]+(?:\s[^\s,.]+){0,3}?)(?:을|를)\s?개최"
)
VERB_END = re.compile(r"(하는|하고|했다|한|해|했고|하여|된|되는|했으며)$")


def sentence_span(text: str, at: int) -> tuple[int, int]:
    """The sentence around offset ``at``: from after the last 다. / newline to the next."""
    starts = [text.rfind(mark, 0, at) for mark in ("다. ", ". ", "\n")]
    start = max(s + (2 if text[s : s + 2] in ("다.", ". ") else 1) for s in [*starts, -1])
    ends = [e for e in (text.find("다.", at), text.find("\n", at)) if e != -1]
    return max(start, 0), min(ends) + 2 if ends else len(text)


def figures(text: str) -> Iterator[Found]:
    """Every figure printed, with what it counts (``variable_ko``) and its quote."""
    for match in FIGURE.finditer(text):
        value_text, unit = match.group("value"), match.group("unit")
        code, noun = gz.FIGURE_UNITS[unit]
        number = value_text.replace(",", "")  # 1,200억원
        value: int | float = float(number) if "." in number else int(number)
        if match.start() > 0 and text[match.start() - 1] == "(":
            variable, quote = _before_parenthesis(text, match)
        else:
            variable, quote = _after_run(text, match, noun)
        yield Found(
            "observation",
            variable,
            "high" if quote != match.group(0) else "medium",
            f"figure {value_text}{unit}",
            [quote],
            {
                "value": value,
                "unit_text": unit,
                "unit_code": code,
                "variable_ko": variable,
                "at": match.start(),
            },
        )


def _before_parenthesis(text: str, match: re.Match[str]) -> tuple[str, str]:
    """수혜기업(19개사) → 수혜기업; 매출 증가(11%) → 매출 증가 (a short word takes one more)."""
    open_at = match.start() - 1
    words = text[max(0, open_at - 40) : open_at].split()
    if not words:
        return match.group(0), match.group(0)
    variable = words[-1]
    if len(variable) <= 2 and len(words) > 1:
        variable = f"{words[-2]} {variable}"
    close = text.find(")", match.end())
    end = close + 1 if close != -1 and close - match.end() < 3 else match.end()
    return variable, text[open_at - len(variable) : end]


def _after_run(text: str, match: re.Match[str], noun: str) -> tuple[str, str]:
    """3개국 84개 기업이 참가하는 → (참가 국가 수, 3개국 84개 기업이 참가하는)."""
    end = match.end()
    while True:  # skip the figures printed right after this one
        following = FIGURE.match(text, end + 1) if text[end : end + 1] == " " else None
        if not following:
            break
        end = following.end()
    rest = text[end:]
    particle = re.match(r"(?:[이가을를의은는과와에도]|으로|로)?\s", rest)
    word = re.match(r"[가-힣]+", rest[particle.end() :]) if particle else None
    if not particle or not word:
        return f"{noun} 수", match.group(0)
    stem_word = VERB_END.sub("", stem(word.group(0))) or word.group(0)
    if stem_word.endswith("다"):  # a verb the rules cannot read: say only what is counted
        stem_word = ""
    quote_end = end + particle.end() + word.end()
    return f"{stem_word} {noun} 수".strip(), text[match.start() : quote_end]


def fairs(text: str) -> Iterator[Found]:
    """ "2019년 드론산업국제박람회를 개최": a dated fair outside the timeline."""
    for match in FAIR.finditer(text):
        quote = match.group(0)
        yield Found(
            "event",
            f"{match.group('year')}년 {match.group('name')}",
            "medium",
            "a year, a name and 개최 (held)",
            [quote],
            {
                "date": match.group("year"),
                "precision": "year",
                "event_kind": "fair",
                "program": match.group("name"),
                "at": match.start(),
            },
        )


def program_phrase(text: str, at: int) -> str | None:
    """The program a figure's sentence names before 을/를 통해: "농생명과 … R&BD 지원"."""
    start, _ = sentence_span(text, at)
    through = THROUGH.search(text, start, at)
    if not through:
        return None
    clause = text[start : through.start()]
    clause = re.split(r"[,，]", clause)[-1].strip()
    words = clause.split()
    while words and (words[0] in gz.ADVERBS or words[0].endswith(("은", "는"))):
        words = words[1:]  # 특히, 또한, a topic (진흥원은), a time (지난해)
    return " ".join(words) or None


TABLE_UNIT = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<unit>[^()]+)\)$")


def table_figures(text: str) -> Iterator[Found]:
    """A pipe table whose header names each column's unit ("매출(억원)"): every number of a
    row is a figure of that unit, measuring the column for the row's first cell."""
    header: list[tuple[str, str] | None] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        cells = [c.strip() for c in line.split("|")] if "|" in line else []
        units = [TABLE_UNIT.match(c) for c in cells]
        if any(u and u["unit"] in gz.FIGURE_UNITS for u in units):
            header = [(u["name"], u["unit"]) if u and u["unit"] in gz.FIGURE_UNITS else None
                      for u in units]  # fmt: skip
        elif not cells:
            header = []
        elif header and len(cells) == len(header):
            yield from _row(line, offset, cells, header)
        offset += len(line)


def _row(
    line: str, offset: int, cells: list[str], header: list[tuple[str, str] | None]
) -> Iterator[Found]:
    for cell, column in zip(cells, header, strict=True):
        number = cell.replace(",", "")
        if column is None or not re.fullmatch(r"\d+(?:\.\d+)?", number):
            continue
        name, unit = column
        code, _ = gz.FIGURE_UNITS[unit]
        value: int | float = float(number) if "." in number else int(number)
        variable = f"{name} ({cells[0]})"
        fields = {"value": value, "unit_text": unit, "unit_code": code, "variable_ko": variable,
                  "at": offset + line.find(cell)}  # fmt: skip
        why = f"table cell {cell} in column {name}"
        yield Found("observation", variable, "medium", why, [line.strip()], fields)
