"""The persistent store (`--store PATH`): built once from kg.nq, then opened read-only."""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.core.errors import InputError
from kg.sparql.labels import INDEX_FILE, index_for
from kg.sparql.store import STAMP, load_store, open_store

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def count(store: ox.Store) -> int:
    (row,) = store.query(COUNT, use_default_graph_as_union=True)
    return int(row["n"].value)


def test_the_store_is_built_once_then_opened_read_only(nquads: Path, tmp_path: Path) -> None:
    path = tmp_path / "kg.oxigraph"
    first = open_store(nquads, path)
    assert count(first) == count(load_store(nquads)) > 4000
    stamp = (path / STAMP).stat().st_mtime_ns
    again = open_store(nquads, path)
    assert (path / STAMP).stat().st_mtime_ns == stamp  # not rebuilt
    assert index_for(again).search("ㅈㅈㅈㅂ")  # its label index, built with it, in its folder
    assert (path / INDEX_FILE).is_file()
    with pytest.raises(RuntimeError, match="read-write"):
        again.add(ox.Quad(ox.NamedNode("http://e.org/s"), ox.NamedNode("http://e.org/p"),
                          ox.Literal("x")))  # fmt: skip


def test_a_newer_graph_rebuilds_the_store(nquads_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "kg.oxigraph"
    before = count(open_store(nquads_copy, path))
    lines = nquads_copy.read_text(encoding="utf-8").splitlines(keepends=True)
    nquads_copy.write_text("".join(lines[:-10]), encoding="utf-8")
    os.utime(
        nquads_copy, ns=(nquads_copy.stat().st_atime_ns, nquads_copy.stat().st_mtime_ns + 10**9)
    )
    assert count(open_store(nquads_copy, path)) == before - 10
    assert not list(tmp_path.glob("kg.oxigraph.*"))  # no temporary folders left


def test_a_folder_that_is_not_a_store_is_not_touched(nquads: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError, match="not a kg store"):
        open_store(nquads, folder)
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_kg_query_answers_from_the_store(nquads: Path, tmp_path: Path) -> None:
    args = ["query", "units-opened-in", "--param", "year=2017", "--graph", str(nquads)]
    plain = CliRunner().invoke(main, args)
    stored = CliRunner().invoke(main, [*args, "--store", str(tmp_path / "s")])
    assert stored.exit_code == 0, stored.output
    assert stored.stdout_bytes == plain.stdout_bytes and "2017" in plain.output


def test_kg_serve_answers_from_the_store(nquads: Path, tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from kg.serve.app import ServeConfig, create_app

    app = create_app(ServeConfig(nquads, workers=1, store=tmp_path / "s"))
    with TestClient(app) as client:
        reply = client.get("/sparql", params={"query": COUNT},
                           headers={"Accept": "application/sparql-results+json"})  # fmt: skip
    assert reply.status_code == 200, reply.text
    n = int(reply.json()["results"]["bindings"][0]["n"]["value"])
    assert n == count(load_store(nquads))


def test_a_bad_line_stops_the_build_with_the_loads_error(tmp_path: Path) -> None:
    """The label index reads the file beside the load: the load's error is the one given."""
    from kg.core.errors import ParseError

    graph = tmp_path / "bad.nq"
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    graph.write_text(f'<http://e.org/a> {label} "가" .\n<http://e.org/b> {label} "나 .\n',
                     encoding="utf-8")  # fmt: skip
    with pytest.raises(ParseError, match=r"bad\.nq.*line 2"):
        open_store(graph, tmp_path / "s.oxigraph")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.nq"]
