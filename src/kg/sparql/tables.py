"""Query rows for people and for plain JSON: an aligned text table, a list of objects.

Hangul and other East Asian wide characters take two columns on a terminal, so the
table measures text with :func:`unicodedata.east_asian_width`, not ``len``.

Example::

    >>> print(to_table(["name", "n"], [("서문산성", 1), ("Seomun", 22)]), end="")
    name      n
    --------  --
    서문산성  1
    Seomun    22
    (2 rows)
"""

from __future__ import annotations

import unicodedata

import pyoxigraph as ox

from kg.core.config import PREFIXES, compact_iri

XSD = PREFIXES["xsd"]
INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger")}
INTEGERS |= {XSD + t for t in ("positiveInteger", "nonPositiveInteger", "negativeInteger")}
NUMBERS = {XSD + t for t in ("decimal", "double", "float")}
MAX_CELL = 60  # display columns; the other formats keep every character


def width(text: str) -> int:
    """Display width: wide and full-width characters count two, combining marks none."""
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def cell(term: object) -> str:
    """A term as people read it: ``kg:unit/sos-lab`` for our IRIs, a literal's text."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact_iri(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return " ".join(term.value.split())
    return str(term)


def to_table(columns: list[str], rows: list[tuple]) -> str:
    """An aligned table with a header, a rule, the rows and a count."""
    texts = [[_clip(cell(term)) for term in row] for row in rows]
    widths = [max([width(c)] + [width(r[i]) for r in texts]) for i, c in enumerate(columns)]
    lines = [_line(columns, widths), _line(["-" * w for w in widths], widths)]
    lines += [_line(row, widths) for row in texts]
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(lines) + "\n"


def to_json(columns: list[str], rows: list[tuple]) -> str:
    """A JSON list of objects, one per row: IRIs in full, numbers as numbers, unbound null."""
    objects = [{c: plain(term) for c, term in zip(columns, row, strict=True)} for row in rows]
    import json  # only for json-rows: not on the path of every query

    return json.dumps(objects, ensure_ascii=False, indent=1) + "\n"


def to_xlsx(columns: list[str], rows: list[tuple]) -> bytes:
    """An Excel workbook of one sheet: IRIs in full, numbers as numbers, dates as dates."""
    from kg.core.workbook import workbook

    return workbook([("results", columns, [[spreadsheet(term) for term in row] for row in rows])])


def spreadsheet(term: object) -> object:
    """A term as a spreadsheet cell: :func:`plain`, and xsd:date/dateTime/gYear typed too."""
    value = plain(term)
    if not isinstance(term, ox.Literal) or not isinstance(value, str):
        return value
    from datetime import date, datetime  # only for workbooks: not on every query's path

    datatype = term.datatype.value
    try:
        if datatype == XSD + "date":
            return date.fromisoformat(value)
        if datatype == XSD + "dateTime":
            return datetime.fromisoformat(value).replace(tzinfo=None)
        if datatype == XSD + "gYear":
            return int(value)
    except ValueError:
        pass
    return value


def plain(term: object) -> object:
    """A term as a plain JSON value."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in INTEGERS:
                return int(term.value)
            if datatype in NUMBERS:
                return float(term.value)
        except ValueError:
            return term.value
        if datatype == XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def _clip(text: str) -> str:
    if width(text) <= MAX_CELL:
        return text
    out, used = [], 0
    for char in text:
        used += width(char)
        if used > MAX_CELL - 1:
            break
        out.append(char)
    return "".join(out) + "…"


def _line(values: list[str], widths: list[int]) -> str:
    padded = [v + " " * (w - width(v)) for v, w in zip(values, widths, strict=True)]
    return "  ".join(padded).rstrip()
