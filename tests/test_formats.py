"""Exports from the format table, deterministic output across processes, and atomic writes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from kg.build.assemble import BuiltGraph
from kg.core.errors import ExportError
from kg.pipeline.export import EXPORTS, export, export_all, get_format, paths

ALL_FILES = [
    "kg-edges.csv",
    "kg-nodes.csv",
    "kg.dot",
    "kg.gexf",
    "kg.graphml",
    "kg.jsonld",
    "kg.nq",
    "kg.nt",
    "kg.rdf",
    "kg.trig",
    "kg.ttl",
    "kg.xlsx",
]


def test_export_offers_every_rdf_and_graph_format_once() -> None:
    assert (
        *("turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml"),
        *("graphml", "gexf", "dot", "csv", "xlsx"),
    ) == EXPORTS
    assert len({get_format(name).suffix for name in EXPORTS}) == len(EXPORTS)
    assert get_format("jsonld").media_type == "application/ld+json"
    assert get_format("nt").name == "ntriples" and get_format("xml").name == "rdfxml"


def test_csv_writes_a_nodes_and_an_edges_file() -> None:
    written = paths(get_format("csv"), Path("out/people.csv"))
    assert written == [Path("out/people-nodes.csv"), Path("out/people-edges.csv")]


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ExportError, match=r"unknown export format 'owl' \(known: turtle, "):
        get_format("owl")
    with pytest.raises(ExportError, match="unknown export format 'json'"):
        get_format("json")


def test_export_all_writes_every_format(parts: BuiltGraph, tmp_path: Path) -> None:
    written = export_all(parts, tmp_path, "ko")
    assert sorted(p.name for p in written) == ALL_FILES
    assert sorted(p.name for p in tmp_path.iterdir()) == ALL_FILES


def export_in_process(out: Path, seed: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    script = "from kg.cli import main; main()"
    subprocess.run(
        [sys.executable, "-c", script, "export", "--all", "-o", str(out)], env=env, check=True
    )
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


@pytest.mark.slow  # two processes exporting every format
def test_exports_are_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    first = export_in_process(tmp_path / "a", "1")
    second = export_in_process(tmp_path / "b", "4242")
    assert list(first) == ALL_FILES
    for name in first:
        assert first[name] == second[name], f"{name} differs between PYTHONHASHSEED 1 and 4242"


def test_a_failed_export_keeps_the_previous_file(
    parts: BuiltGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kg.rdf"  # an rdflib writer (Turtle is Oxigraph's)
    export(parts, "xml", target)
    before = target.read_bytes()

    def broken(self, *args, **kwargs):
        raise ValueError("serialisation failed on purpose")

    monkeypatch.setattr(Graph, "serialize", broken)
    with pytest.raises(ValueError, match="on purpose"):
        export(parts, "xml", target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg.rdf"]


def test_a_write_that_fails_midway_leaves_no_temp_file(
    parts: BuiltGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kg.nt"
    target.write_text("previous", encoding="utf-8")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(ExportError, match="kg.nt: cannot write: No space left on device"):
        export(parts, "nt", target)
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["kg.nt"]


def test_a_hostile_note_fails_rdfxml_cleanly_and_graph_formats_escape_it(
    data_copy: Path, tmp_path: Path
) -> None:
    """Issue 9, case 19, end to end: a record's note with \\x00 and \\x07 in it."""
    import networkx as nx

    from kg.build.assemble import build_parts
    from tests.conftest import edit

    edit(
        data_copy / "records" / "people.toml", '"Author of the article."', '"Au\\u0000thor\\u0007"'
    )
    parts = build_parts(data_copy / "records", data_copy / "sources")
    out = tmp_path / "kg.rdf"
    out.write_text("previous", encoding="utf-8")
    with pytest.raises(ExportError, match=r"U\+0000 .* <https://w3id.org/kr-ict-kg/id/person/"):
        export(parts, "xml", out)
    assert out.read_text(encoding="utf-8") == "previous"
    (path,) = export(parts, "graphml", tmp_path / "kg.graphml")
    person = nx.read_graphml(path).nodes["https://w3id.org/kr-ict-kg/id/person/kim-jin-man"]
    assert person["skos_editorialNote"] == r"Au\u0000thor\u0007"
