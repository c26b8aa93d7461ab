"""`kg query` on the command line: listing, running, writing files, and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.core.errors import InputError
from kg.sparql.store import require_graph
from tests.helpers import run


def test_list_shows_every_query_with_its_parameters() -> None:
    result = run("query", "--list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("units-opened-in") and "year=xsd:gYear" in line for line in lines)
    assert any(line.startswith("neighbours") and "[org=iri]" in line for line in lines)
    listed = json.loads(run("query", "--list", "--format", "json").output)
    assert {"history", "evidence", "unit-inverse-violation"} <= {q["name"] for q in listed}


def test_a_pipe_gets_csv_by_default(nquads: str) -> None:
    result = run("query", "units-opened-in", "--param", "year=2017", "--graph", nquads)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["label_ko"] for r in rows] == ["K-ICT 스마트미디어전주센터"]
    assert rows[0]["opened"] == "2017-05-15"


def test_table_format_and_inline_query(nquads: str) -> None:
    text = "PREFIX schema: <https://schema.org/> SELECT ?p WHERE { ?p a schema:Person } ORDER BY ?p"
    result = run("query", "-e", text, "--format", "table", "--graph", nquads)
    assert result.exit_code == 0, result.output
    assert "kg:person/seomun-sanseong" in result.output and "(2 rows)" in result.output


def test_output_file_is_written_atomically_in_the_suffix_format(
    nquads: str, tmp_path: Path
) -> None:
    out = tmp_path / "history.srj"
    out.write_text("old", encoding="utf-8")
    result = run("query", "history", "-o", str(out), "--graph", nquads)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["results"]["bindings"]) == 22
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.srj"]
    ttl = tmp_path / "sos.ttl"
    args = ["describe", "--param", "entity=unit/sos-lab", "-o", str(ttl), "--graph", nquads]
    assert run("query", *args).exit_code == 0
    assert "schema:parentOrganization" in ttl.read_text(encoding="utf-8")


def test_describe_defaults_to_turtle(nquads: str) -> None:
    result = run("query", "describe", "--param", "entity=SOS랩", "--graph", nquads)
    assert result.exit_code == 0, result.output
    assert "@prefix schema: <https://schema.org/> ." in result.output
    assert "<https://w3id.org/kr-ict-kg/id/unit/sos-lab>" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["histroy"], "did you mean history?"),
        (["units-opened-in", "--param", "year=twenty"], "is not an xsd:gYear"),
        (["units-opened-in"], "needs --param year="),
        (["history", "--param", "year"], "want NAME=VALUE"),
        (["-e", "SELECT * WHERE { ?s ?p }"], "the -e query: line 1, column"),
        (["-e", "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"], "SERVICE is refused"),
        (["history", "-e", "ASK {}"], "not both"),
        ([], "give a query NAME"),
    ],
)
def test_mistakes_give_one_line_and_exit_2(nquads: str, args: list[str], message: str) -> None:
    result = run("query", *args, "--graph", nquads)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("kg: error: ") and message in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_a_missing_graph_says_to_build_first(tmp_path: Path, monkeypatch) -> None:
    result = run("query", "history", "--graph", str(tmp_path / "kg.nq"))  # a file one named
    assert (
        result.exit_code == 2 and f"cannot read {tmp_path / 'kg.nq'}: no such file" in result.output
    )
    monkeypatch.setattr("kg.sparql.store.BUILT_NQUADS", tmp_path / "kg.nq")  # the default one
    with pytest.raises(InputError, match="no built graph here; run `kg build` first"):
        require_graph(tmp_path / "kg.nq")


def test_kg_query_imports_no_rdflib_pyshacl_or_networkx(nquads: str) -> None:
    code = (
        "import sys\n"
        "from kg.cli import main\n"
        f"try: main(['query', 'history', '--graph', {str(nquads)!r}], standalone_mode=False)\n"
        "finally: print(sorted(m for m in ('rdflib', 'pyshacl', 'networkx') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.splitlines()[-1] == "[]", result.stdout[-300:]
    assert "전주S/W지원센터" in result.stdout


MAIN = "import sys; from kg.cli import main; sys.exit(main())"


def test_output_is_byte_identical_across_hash_seeds(nquads: str) -> None:
    outputs = set()
    for seed in ("1", "2"):
        for args in (
            ["describe", "--param", "entity=unit/sos-lab"],
            ["history", "--format", "json"],
        ):
            result = subprocess.run(
                [sys.executable, "-c", MAIN, "query", *args, "--graph", nquads],
                capture_output=True,
                check=True,
                timeout=60,
                env={**os.environ, "PYTHONHASHSEED": seed},
            )
            outputs.add((tuple(args), result.stdout))
    assert len(outputs) == 2


def test_an_inline_construct_defaults_to_turtle(nquads: str) -> None:
    text = "PREFIX schema: <https://schema.org/> CONSTRUCT WHERE { ?p a schema:Person }"
    result = run("query", "-e", text, "--graph", nquads)
    assert result.exit_code == 0, result.output
    assert "<https://w3id.org/kr-ict-kg/id/person/kim-jin-man> a schema:Person" in result.output


def test_a_one_shot_kg_process_stops_a_runaway_query_with_exit_2(nquads: str) -> None:
    """A real `kg` process (one thread: the forked child of kg.sparql.oneshot) still stops."""
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    result = subprocess.run(
        [sys.executable, "-c", MAIN, "query", "-e", slow, "--graph", nquads, "--timeout", "0.5"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and result.stdout == "", result.stdout[-300:]
    assert result.stderr == "kg: error: query stopped: it ran past the time limit of 0.5 s\n"
    answer = subprocess.run(
        [sys.executable, "-c", MAIN, "query", "class-counts", "--graph", nquads],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert answer.returncode == 0 and "oa#Annotation" in answer.stdout, answer.stderr
