"""Tables read by their header: a row of a table with a founding-date column (`설립`,
`설립일`, `설립 연도`) is the founding of the body its first cell names, its actor the body of
a `설립 주체` column."""

from __future__ import annotations

import re

from kg.ingest.assemble import Assembly
from kg.ingest.model import Found
from kg.ingest.names import acting_government, body_suffix
from kg.ingest.relative import ABSOLUTE_ANY, BadDate, to_date

FOUNDED = re.compile(r"(?:설립|창립|개원|출범)\s*(?:일|일자|연도|연월|시기|년월)?")
FOUNDER = re.compile(r"(?:설립|출연)\s*(?:주체|기관|자)")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def table_foundings(assembly: Assembly) -> None:
    """Every row of every table whose header has a founding-date column → a FoundingEvent."""
    header: list[str] | None = None
    offset = 0
    for raw in assembly.text.splitlines(keepends=True):
        line = raw.strip()
        if not line.startswith("|") or line.count("|") < 3:
            header = None
        elif header is None:
            header = _cells(line)
        elif not re.fullmatch(r"[|\s:\-]+", line):
            _row(assembly, header, _cells(line), offset + raw.find("|"), line)
        offset += len(raw)


def _row(assembly: Assembly, header: list[str], cells: list[str], at: int, line: str) -> None:
    when = next((i for i, h in enumerate(header) if FOUNDED.fullmatch(h)), None)
    if when is None or len(cells) != len(header) or body_suffix(cells[0]) is None:
        return
    parts = ABSOLUTE_ANY.fullmatch(cells[when].rstrip(". "))
    if parts is None:
        return
    try:
        date, precision = to_date(parts["y"], parts["m"], parts["d"])
    except BadDate:
        return
    about = assembly.find(cells[0]) or assembly.named("organization", cells[0], "a table row")
    fields = {"date": date, "precision": precision, "event_kind": "FoundingEvent",
              "verb": "설립", "about": about, "at": at, "line": line}  # fmt: skip
    who = next((i for i, h in enumerate(header) if FOUNDER.fullmatch(h)), None)
    government = acting_government(cells[who], ("",)) if who is not None else None
    if government is not None:
        fields["actor"] = assembly.government(government)
    elif who is not None and body_suffix(cells[who]) == "body":
        fields["actor"] = assembly.body(cells[who], "the founder column of a table")
    why = f"table row, column {header[when]!r}"
    assembly.add(Found("event", f"{cells[0]} 설립", "high", why, [line], fields))
