"""The text table lines up Hangul (two columns a character) with Latin text."""

from __future__ import annotations

import json

import pyoxigraph as ox

from kg.sparql.tables import MAX_CELL, cell, plain, to_json, to_table, width


def test_width_counts_hangul_twice_and_combining_marks_never() -> None:
    assert width("abc") == 3
    assert width("서문산성") == 8
    assert width("K-ICT 디바이스랩") == 6 + 10
    assert width("e\u0301") == 1


def test_columns_line_up_on_screen() -> None:
    rows = [(ox.Literal("서문산성"), ox.Literal("1")), (ox.Literal("Seomun"), ox.Literal("22"))]
    lines = to_table(["name", "n"], rows).splitlines()
    assert lines == ["name      n", "--------  --", "서문산성  1", "Seomun    22", "(2 rows)"]
    assert len({width(line[: line.rindex(" ") + 1]) for line in lines[2:4]}) == 1


def test_cells_compact_our_iris_and_clip_long_text() -> None:
    assert cell(ox.NamedNode("https://w3id.org/kr-ict-kg/id/unit/sos-lab")) == "kg:unit/sos-lab"
    assert cell(ox.NamedNode("http://example.org/x")) == "<http://example.org/x>"
    assert cell(None) == "" and cell(ox.Literal("a\n b")) == "a b"
    long = ox.Literal("가" * 100)
    line = to_table(["x"], [(long,)]).splitlines()[2]
    assert width(line) <= MAX_CELL and line.endswith("…")


def test_json_keeps_numbers_and_nulls() -> None:
    integer = ox.Literal("19", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    assert plain(integer) == 19
    rows = [(integer, None)]
    assert json.loads(to_json(["value", "unit"], rows)) == [{"value": 19, "unit": None}]
