"""Excel: real workbooks and CSV files Excel reads as UTF-8; a file's suffix means its format."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from kg.build.assemble import BuiltGraph
from kg.core.errors import InputError
from kg.core.workbook import workbook
from kg.pipeline.export import export, render
from kg.rdf import formats
from kg.sparql.query import execute, find_query
from tests.helpers import run

BOM = b"\xef\xbb\xbf"


def test_a_query_gives_a_workbook_with_typed_cells(store, tmp_path: Path) -> None:
    data = execute(store, find_query("history"), {}, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet is not None and sheet.title == "results" and sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["date", "kind", "event"] and sheet["A1"].font.b
    assert sheet["A2"].value == datetime(1998, 11, 27)  # a date, not text
    assert sheet["C2"].value == "전주S/W지원센터 개소"  # Korean intact
    assert sheet.max_row == 1 + execute(store, find_query("history"), {}, "csv").count(b"\n") - 1
    figures = execute(store, find_query("units-opened-in"), {"year": "2017"}, "xlsx")
    assert figures == execute(store, find_query("units-opened-in"), {"year": "2017"}, "xlsx")


def test_a_workbook_keeps_numbers_as_numbers_and_formulas_as_text() -> None:
    data = workbook([("t", ["n", "text"], [[42, "=1+1"], [1.5, "서문"]])])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    assert [sheet["A2"].value, sheet["A3"].value] == [42, 1.5]
    assert sheet["B2"].value == "=1+1" and sheet["B2"].data_type == "s"


def test_export_xlsx_has_the_nodes_and_edges_sheets_of_the_csv(parts: BuiltGraph) -> None:
    (data,) = render(parts, "xlsx")
    assert isinstance(data, bytes)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["nodes", "edges"]
    nodes_csv, edges_csv = render(parts, "csv")
    assert isinstance(nodes_csv, str) and isinstance(edges_csv, str)
    for sheet, text in ((book["nodes"], nodes_csv), (book["edges"], edges_csv)):
        rows = list(csv.reader(io.StringIO(text)))
        assert sheet.max_row == len(rows)
        assert [c.value for c in sheet[1]] == rows[0]
    column = [c.value for c in book["nodes"][1]].index("schema_foundingDate") + 1
    founded = [row[0] for row in book["nodes"].iter_rows(min_col=column, max_col=column)]
    assert any(isinstance(c.value, datetime) for c in founded)


def test_csv_files_open_with_a_bom_and_standard_output_has_none(
    parts: BuiltGraph, nquads: Path, tmp_path: Path
) -> None:
    written = export(parts, "csv", tmp_path / "kg.csv")
    assert [p.name for p in written] == ["kg-nodes.csv", "kg-edges.csv"]
    assert all(p.read_bytes().startswith(BOM) for p in written)
    with open(written[0], encoding="utf-8-sig", newline="") as handle:  # csvkit, pandas, Excel
        assert next(csv.reader(handle))[0] == "id"
    query = ("query", "history", "--graph", nquads, "--timeout", "0")
    assert not run(*query, "--format", "csv").stdout_bytes.startswith(BOM)
    result = run(*query, "-o", tmp_path / "h.csv")
    assert result.exit_code == 0 and (tmp_path / "h.csv").read_bytes().startswith(BOM)


def test_the_suffix_names_the_format_and_must_agree_with_format(tmp_path: Path) -> None:
    assert formats.for_file(Path("k.ttl"), None, "export").name == "turtle"
    assert formats.for_file(Path("h.xlsx"), None, "query").name == "xlsx"
    assert formats.for_file(Path("h.json"), "json-rows", "query").name == "json-rows"
    assert formats.for_file(Path("out"), "csv", "export").name == "csv"  # no suffix: any
    with pytest.raises(InputError, match="the suffix .xlsx means xlsx, not csv"):
        formats.for_file(Path("kg.xlsx"), "csv", "export")
    with pytest.raises(InputError, match="no format has this suffix; give --format"):
        formats.for_file(Path("h.dat"), None, "query")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "--format", "csv", "-o", "{}/kg.xlsx"], "means xlsx, not csv"),
        (["query", "history", "--format", "csv", "-o", "{}/h.xlsx"], "means xlsx, not csv"),
        (["query", "-e", "ASK {}", "--graph", "NQ", "-o", "{}/h.ttl"], "CONSTRUCT/DESCRIBE"),
        (["viz", "-o", "{}/x.svg"], "the explorer is one HTML page"),
        (["synth", "--scale", "100", "-o", "{}/s.ttl"], "N-Quads (.nq) or N-Triples (.nt)"),
    ],
)
def test_a_file_is_never_written_in_a_format_its_suffix_does_not_mean(
    nquads: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    filled = [str(nquads) if a == "NQ" else a.replace("{}/", f"{tmp_path}/") for a in args]
    result = run(*filled)
    assert result.exit_code == 2 and message in result.output, result.output
    assert list(tmp_path.iterdir()) == []


def test_export_takes_the_format_from_the_suffix(
    parts: BuiltGraph, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("kg.build.assemble.build_parts", lambda: parts)
    result = run("export", "-o", tmp_path / "k.ttl")
    assert result.exit_code == 0, result.output
    assert "@prefix" in (tmp_path / "k.ttl").read_text(encoding="utf-8")
