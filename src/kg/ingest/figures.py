"""Figures (N개사, N명, N%, N개국, N개 기업 …): the number, its unit, what it counts, and
the program or event it is about (read from the sentence that prints it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.core import numerals
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
        value = _number(value_text)  # 1,200억원
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


BARE_UNITS = ("명", "건", "개사", "곳", "개", "원", "달러", "회", "편", "종")
# "4만 3천 명" (43000), "420만 건" (4200000): a number written with 만 and 천.
SPELLED_LARGE = re.compile(
    r"(?<![\d.,])(?P<number>\d{1,4}\s?만(?:\s?\d\s?천)?)(?:\s?여)?\s?(?P<unit>"
    + "|".join(BARE_UNITS)
    + r")(?=[이가을를의은는과와에도만]|으로|로|\s|[,.)]|$)"
)
# "두 명밖에": a small number in words (not 한, most often "a"); "열 명이 안 되는" is a bound.
WORDS = [word for word, n in numerals.WORDS.items() if 2 <= n <= 10]
SPELLED_SMALL = re.compile(
    r"(?<![가-힣])(?P<word>" + "|".join(WORDS) + r")\s(?P<unit>명|곳|개사|건)"
    r"(?!\s?(?:이|도)\s?(?:안|못)|\s?(?:미만|이하|이상|넘|남짓|가량|정도))"
)


# "4억 2천만 원" (4.2 억원), "2천만 원" (2000 만원): money in its largest unit.
SPELLED_MONEY = re.compile(
    r"(?<![\d.,])(?P<number>(?:(?P<eok>\d{1,4})\s?억\s?)?\d\s?천(?:\s?\d\s?백)?만)\s?원"
)
# "장비 60여 대": machines counted (a space or 여 before 대; "60대" is an age).
MACHINES = re.compile(r"(?<![\d.,])(?P<n>\d{1,4})(?:여\s?|\s)대(?=[를을이가의는은와과도,.)\s]|$)")


def spelled_figures(text: str) -> Iterator[Found]:
    """Figures written with 만/천 ("4만 3천 명"), 억/천만 ("4억 2천만 원"), machines counted in
    대, or in words ("두 명"), as plain numbers."""
    for match in SPELLED_MONEY.finditer(text):
        unit = "억원" if match["eok"] else "만원"  # in its largest unit
        yield _spelled(match, numerals.in_unit(numerals.value(match["number"]), unit), unit)
    for match in MACHINES.finditer(text):
        yield _spelled(match, _number(match["n"]), "대")
    for match in SPELLED_LARGE.finditer(text):
        if "천" not in match["number"] and f"만{match['unit']}" in gz.FIGURE_UNITS:
            continue  # "32만 명": read by FIGURE as 32 in the unit 만 명
        yield _spelled(match, _number(match["number"]))
    for match in SPELLED_SMALL.finditer(text):
        yield _spelled(match, numerals.WORDS[match["word"]])


def _number(written: str) -> int | float:
    """ "1,200" → 1200, "3.5" → 3.5, "4만 3천" → 43000: a float only when written so."""
    value = numerals.value(written)
    return float(value) if "." in written else numerals.plain(value)


def _spelled(match: re.Match[str], value: float, unit: str | None = None) -> Found:
    unit = unit or match["unit"]
    code, noun = gz.FIGURE_UNITS.get(unit, ("C62", "개수"))
    fields = {"value": value, "unit_text": unit, "unit_code": code, "variable_ko": f"{noun} 수",
              "at": match.start()}  # fmt: skip
    return Found("observation", f"{noun} 수", "medium", f"figure {match.group(0)}",
                 [match.group(0)], fields)  # fmt: skip


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


# "(단위: 백만원, 개사, 명, %)": the units of the table that follows, one per kind of row.
UNIT_NOTE = re.compile(r"[(\[]\s*단위\s*[:：]\s*(?P<units>[^)\]]+)[)\]]")
# What a row or column label measures → the noun (FIGURE_UNITS) of the unit it takes;
# the first that matches wins (입주기업 매출액 is money, not companies).
ROW_KINDS = [
    (re.compile(r"률|율|비중|비율|점유"), "비율"),
    (
        re.compile(r"액|수입|매출|예산|금액|비용|사업비|^[-\s]*[국도시군구]비$|자본|부채|자산"),
        "금액",
    ),
    (re.compile(r"인원|인력|직원|고용|종사자|참가자|명$"), "인원"),
    (re.compile(r"기업|업체|개사|스타트업"), "기업"),
]


def table_figures(text: str) -> Iterator[Found]:
    """A pipe table whose header names each column's unit ("매출(억원)"): every number of a
    row is a figure of that unit, measuring the column for the row's first cell. Under a
    "(단위: …)" note, a header without units takes each row's unit by what its label (or
    its column's) measures."""
    header: list[tuple[str, str] | None] = []
    noted: list[str] = []
    plain: list[str] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        cells = [c.strip() for c in line.split("|")] if "|" in line else []
        units = [TABLE_UNIT.match(c) for c in cells]
        note = UNIT_NOTE.search(line)
        if note:
            noted = [u.strip() for u in note["units"].split(",") if u.strip() in gz.FIGURE_UNITS]
        if any(u and u["unit"] in gz.FIGURE_UNITS for u in units):
            header = [(u["name"], u["unit"]) if u and u["unit"] in gz.FIGURE_UNITS else None
                      for u in units]  # fmt: skip
        elif not cells:
            header, plain = [], [] if line.strip() else plain
            noted = noted if not line.strip() or note else []
        elif header and len(cells) == len(header):
            yield from _row(line, offset, cells, header)
        elif noted and not plain:
            plain = cells  # the header row under the note
        elif noted and len(cells) == len(plain):
            yield from _row(line, offset, cells, _noted_units(cells[0], plain, noted))
        offset += len(line)


def _noted_units(label: str, header: list[str], noted: list[str]) -> list[tuple[str, str] | None]:
    """Each column's (name, unit) for a row: the column's own kind (증감률: %), else the
    row label's (국비: money), among the noted units; a lone noted unit serves every row."""

    def unit_of(name: str) -> str | None:
        for pattern, noun in ROW_KINDS:
            if pattern.search(name):
                fits = [u for u in noted if gz.FIGURE_UNITS[u][1].startswith(noun)]
                return fits[0] if fits else None
        return noted[0] if len(noted) == 1 else None

    row = unit_of(label)
    columns: list[tuple[str, str] | None] = [None]
    for name in header[1:]:
        unit = unit_of(name) if not re.search(r"\d{4}", name) else None
        unit = unit or row
        columns.append((name, unit) if unit else None)
    return columns


def _row(
    line: str, offset: int, cells: list[str], header: list[tuple[str, str] | None]
) -> Iterator[Found]:
    for cell, column in zip(cells, header, strict=True):
        if column is None or not re.fullmatch(r"\d+(?:\.\d+)?", cell.replace(",", "")):
            continue
        name, unit = column
        code, _ = gz.FIGURE_UNITS[unit]
        value = _number(cell.replace(",", ""))
        variable = f"{name} ({cells[0].strip('- ')})"
        fields = {"value": value, "unit_text": unit, "unit_code": code, "variable_ko": variable,
                  "at": offset + line.find(cell)}  # fmt: skip
        why = f"table cell {cell} in column {name}"
        yield Found("observation", variable, "medium", why, [line.strip()], fields)
