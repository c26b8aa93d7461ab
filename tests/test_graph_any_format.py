"""`--graph FILE` in any RDF format of kg.rdf.formats: kg query and kg serve answer as on .nq."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from kg.build.assemble import BuiltGraph
from kg.cli import main
from kg.core.files import write_atomic
from kg.pipeline.export import render
from kg.rdf import formats
from kg.sparql.store import load_store, open_store
from tests.helpers import running_server

SUFFIXES = (".ttl", ".nt", ".trig", ".jsonld", ".rdf")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def files(parts: BuiltGraph, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("any-format")
    written = {}
    for suffix in (".nq", *SUFFIXES):
        fmt = formats.by_suffix(Path("kg" + suffix), "read")
        (text,) = render(parts, fmt.name)
        written[suffix] = write_atomic(folder / f"kg{suffix}", text)
    return written


def query(path: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["query", *args, "--graph", str(path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_kg_query_answers_the_same_on_every_format(files, suffix: str) -> None:
    for args in (["history"], ["units-opened-in", "--param", "year=2017"], ["-e", COUNT]):
        expected = query(files[".nq"], *args, "--timeout", "0")
        assert query(files[suffix], *args, "--timeout", "0") == expected, args
    assert query(files[suffix], "history") == query(files[".nq"], "history")  # in a worker


@pytest.mark.parametrize("suffix", [".ttl", ".jsonld"])
def test_a_persistent_store_is_built_from_any_format(files, tmp_path: Path, suffix) -> None:
    store = open_store(files[suffix], tmp_path / "store")
    assert len(set(q.triple for q in store)) == len(set(q.triple for q in load_store(files[".nq"])))


def served(path: Path) -> tuple:
    """What `kg serve --graph PATH` answers: a count, an entity as N-Triples, a double suffix."""
    with running_server(path, "--workers", "1") as url:
        rows = httpx.get(url + "/sparql", params={"query": COUNT, "format": "csv"}).text
        entity = httpx.get(url + "/id/unit/sos-lab.nt")
        twice = httpx.get(url + "/id/unit/sos-lab.rdf.ttl")  # unit/sos-lab.rdf: no such entity
        return (
            rows,
            entity.headers["content-type"],
            sorted(entity.text.splitlines()),
            twice.status_code,
        )


@pytest.fixture(scope="module")
def served_nquads(files) -> tuple:
    return served(files[".nq"])


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_kg_serve_answers_the_same_on_every_format(files, served_nquads, suffix: str) -> None:
    assert served(files[suffix]) == served_nquads
    assert served_nquads[1].startswith("application/n-triples") and served_nquads[3] == 404


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("bad.ttl", "@prefix : <http://x/> .\n:a :b :c\n:d :e :f .\n", "bad.ttl:3:1: "),
        ("bad.nq", '<http://x/a> <http://x/p> "1" .\n<http://x/a> <http://x/p> .\n', "bad.nq:2:27"),
        ("bad.rdf", '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e "x">]>\n', "bad.rdf:2:1: "),
    ],
)
def test_a_bad_file_is_one_line_naming_file_line_column(tmp_path, name, content, where) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    for command in (["query", "history"], ["serve", "--port", "0"]):
        result = CliRunner().invoke(main, [*command, "--graph", str(path)])
        assert result.exit_code == 2, result.output
        (line,) = result.output.strip().splitlines()
        assert line.startswith(f"kg: error: {path}") and where in line, line


@pytest.mark.parametrize("suffix", [".ttl"])  # the others: test_export_commands, test_convert
def test_graph_viz_and_export_read_every_format_as_query_does(files, suffix, tmp_path) -> None:
    """One option, one meaning: --graph reads what kg export reads, in every command."""

    def answer(*args: str) -> str:
        result = CliRunner().invoke(main, [*args])
        assert result.exit_code == 0, result.output
        return result.output

    stats = ["graph", "stats", "--format", "json", "--graph"]
    assert answer(*stats, str(files[suffix])) == answer(*stats, str(files[".nq"]))
    out = tmp_path / "kg.nt"
    answer("export", "--graph", str(files[suffix]), "-o", str(out))
    assert out.read_text(encoding="utf-8").count("\n") > 4000
