"""The fast path of `kg query`: it reads a command line as click does, or leaves it to click."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import run
from kg.cli.fast import answered, parsed
from kg.cli.query_commands import query
from tests.helpers import run as run_click


def taken(tmp_path: Path, nquads: Path) -> list[list[str]]:
    return [
        ["history"],
        [],
        ["--list"],
        ["history", "--format", "CSV"],
        ["--format=json-rows", "history", "--timeout=2.5"],
        ["-e", "SELECT * WHERE { ?s ?p ?o }", "--timeout", "0"],
        ["units-opened-in", "--param", "year=2017", "--param", "x=y", "--format", "tsv"],
        ["history", "-o", str(tmp_path / "h.csv"), "--graph", str(nquads)],
        ["history", "--store", str(tmp_path / "store"), "--format", "csv", "--format", "tsv"],
        ["history", "--endpoint", "http://127.0.0.1:9/q", "--default-graph", "urn:g"],
        ["my.rq", "--timeout", "1e3"],
    ]


def test_the_fast_path_reads_a_command_line_as_click_does(tmp_path: Path, nquads: Path) -> None:
    for words in taken(tmp_path, nquads):
        assert parsed(words) == query.make_context("query", list(words)).params, words


def test_it_leaves_to_click_what_click_might_read_otherwise(tmp_path: Path) -> None:
    left = [
        ["history", "--help"],
        ["history", "-h"],
        ["history", "--timeout", "-1"],
        ["history", "--timeout", "nan"],
        ["history", "--format", "nope"],
        ["history", "--format"],
        ["history", "extra"],
        ["history", "--list=yes"],
        ["history", "-ofile.csv"],
        ["history", "--", "x"],
        ["history", "-o", str(tmp_path)],  # a folder: click says so
        ["history", "--default-graph", ""],
        ["-"],
    ]
    for words in left:
        assert parsed(words) is None, words
    assert answered(["--debug", "query", "history"]) is None
    assert answered(["build"]) is None


def test_its_answer_and_errors_are_click_s(nquads: Path, capsysbinary) -> None:
    words = ["units-opened-in", "--param", "year=2017", "--graph", str(nquads), "--timeout", "0"]
    assert answered(["query", *words]) == 0
    assert capsysbinary.readouterr().out == run_click("query", *words).stdout_bytes
    assert answered(["query", "no-such-query", "--timeout", "0"]) == 2
    error = capsysbinary.readouterr().err
    assert error.startswith(b"kg: error: no bundled query named 'no-such-query'")
    assert error.count(b"\n") == 1


def test_the_kg_command_hands_anything_else_to_click(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setattr(sys, "argv", ["kg", "query", "--help"])
    with pytest.raises(SystemExit) as exit_:
        run()
    assert exit_.value.code == 0 and "Example" in capsys.readouterr().out


def test_the_kg_script_flushes_its_answer_and_exit_code(nquads: Path) -> None:
    script = "import sys; from kg.cli import run; sys.exit(run())"
    words = ["query", "units-opened-in", "--param", "year=2017", "--graph", str(nquads)]
    done = subprocess.run([sys.executable, "-c", script, *words], capture_output=True)
    assert done.returncode == 0 and done.stderr == b""
    assert done.stdout == run_click(*words).stdout_bytes
    refused = subprocess.run([sys.executable, "-c", script, "query", "-e", "DROP ALL"],
                             capture_output=True)  # fmt: skip
    assert refused.returncode == 2 and refused.stdout == b""
    assert refused.stderr.startswith(b"kg: error: the -e query: SPARQL Update is refused")


def test_a_query_with_a_parameter_imports_nothing_heavy(nquads: Path) -> None:
    """The one-shot path binds parameters without click, dataclasses, rdflib or pyshacl
    (dataclasses alone costs a one-shot query ~10 ms to import)."""
    code = (
        "import sys\nfrom kg.cli import run\n"
        f"sys.argv = ['kg', 'query', 'units-opened-in', '--param', 'year=2017', '--graph', "
        f"{str(nquads)!r}, '--timeout', '0', '--format', 'csv']\nrun()"
    )
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True)
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.decode().splitlines()}
    assert done.returncode == 0 and b"unit" in done.stdout
    assert not imported & {"click", "dataclasses", "rdflib", "pyshacl", "networkx"}
