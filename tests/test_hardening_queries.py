"""Issue 9, the query side on the command line: hostile SPARQL, time limits, query names.

Cases (numbers of issue 9): 2 SERVICE, 3 FROM / FROM NAMED, 5 updates, 8 runaway
queries stopped at --timeout, 9 nesting, 21 query names; plus the no-outbound
harness over kg query / validate / build / export, and a closed stdout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.core.errors import QueryError
from kg.core.paths import QUERIES_DIR
from kg.sparql.catalogue import find_query, load_catalogue
from kg.sparql.guard import check_query
from tests.helpers import run

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# Catastrophic backtracking for a backtracking engine (Python's re); evaluated 25 million times.
REGEX_SLOW = (
    'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f BIND("' + "a" * 29 + '!" AS ?t) '
    'FILTER(REGEX(?t, "^(a+)+$")) }'
)


def hostile(canary: str) -> list[str]:
    """Case 2, 3, 5 as query text: every way out or in that the guard must refuse."""
    return [
        f"SELECT * WHERE {{ SERVICE <{canary}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE SILENT <{canary}> {{ ?s ?q ?r }} }} }}",
        "SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }",
        f"SELECT * FROM <{canary}> WHERE {{ ?s ?p ?o }}",
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
        # written so that a naive keyword scan misses SERVICE (each one got past it)
        f"PREFIX ex: <http://x/> SELECT * WHERE {{ ?s ?p ex: SERVICE <{canary}> {{ ?s ?p ?o }} }}",
        f"PREFIX ex: <http://x/> SELECT * WHERE {{ ?s ex:a\\#b ?o .\nSERVICE <{canary}> {{}} }}",
        f"SELECT * WHERE {{ ?s ?p ?o.SERVICE <{canary}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p true.SERVICE <{canary}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ ?s ?p 1e5SERVICE <{canary}> {{}} }} }}",
        "DROP ALL",
        f"LOAD <{canary}>",
        "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }",
        "DELETE WHERE { ?s ?p ?o }",
    ]


def one_line_error(result, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), result.output
    assert "Traceback" not in result.output and "RecursionError" not in result.output
    return lines[0]


# --- cases 2, 3, 5: -e text and FILE.rq, nothing reaches the canary ---------------------


def test_hostile_queries_are_refused_by_kg_query(no_outbound, nquads, tmp_path) -> None:
    before = Path(nquads).read_bytes()
    for number, text in enumerate(hostile(no_outbound)):
        line = one_line_error(run("query", "-e", text, "--graph", nquads))
        assert "refused" in line and "root:" not in line, line
        path = tmp_path / f"hostile{number}.rq"
        path.write_text(text, encoding="utf-8")
        line = one_line_error(run("query", str(path), "--graph", nquads))
        assert f"hostile{number}.rq" in line and "refused" in line and "(line " in line, line
    assert Path(nquads).read_bytes() == before  # the data is unchanged


def test_codepoint_escapes_are_decoded_before_the_check() -> None:
    with pytest.raises(QueryError, match="SERVICE is refused"):
        check_query("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    check_query('SELECT * WHERE { ?s ?p "\\u0053ERVICE" }')  # a string stays a string


@pytest.mark.slow  # a whole build under the guard
def test_kg_query_validate_build_and_export_reach_nothing(
    no_outbound, nquads, tmp_path, monkeypatch
) -> None:
    ok = run("query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--graph", nquads)
    assert ok.exit_code == 0 and ok.output.splitlines()[1].isdigit(), ok.output
    hostile_jsonld = tmp_path / "hostile.jsonld"
    hostile_jsonld.write_text(
        f'{{"@context": "{no_outbound}", "@id": "http://x/a", "name": "a"}}', encoding="utf-8"
    )
    line = one_line_error(run("validate", str(hostile_jsonld)))
    assert "remote context refused" in line and "hostile.jsonld" in line
    built = run("build", "--out", str(tmp_path / "dist"))
    assert built.exit_code == 0 and "conforms" in built.output, built.output
    import kg.core.paths

    monkeypatch.setattr(kg.core.paths, "DIST_DIR", tmp_path / "all")
    exported = run("export", "--all")
    assert exported.exit_code == 0, exported.output
    assert (tmp_path / "all" / "kg.jsonld").stat().st_size > 1000


def test_the_harness_catches_a_request_and_a_forbidden_open(outbound_guard) -> None:
    import urllib.request

    from tests.outbound import OutboundAccess

    with pytest.raises(OutboundAccess):
        urllib.request.urlopen("http://127.0.0.1:9/")
    with pytest.raises(OutboundAccess):
        open("/etc/passwd", encoding="utf-8")  # noqa: SIM115
    assert outbound_guard.stop() == ["urllib.Request http://127.0.0.1:9/", "open /etc/passwd"]


# --- case 8: a runaway query is stopped at --timeout, an error, never a partial answer ----


@pytest.mark.parametrize("text", [SLOW, REGEX_SLOW], ids=["cartesian", "regex"])
def test_a_runaway_query_is_stopped_at_the_timeout(nquads, text) -> None:
    began = time.monotonic()
    result = run("query", "-e", text, "--graph", nquads, "--timeout", "1")
    elapsed = time.monotonic() - began
    assert result.exit_code == 2, result.output
    assert result.stdout == ""  # nothing, not a partial result
    assert "query stopped: it ran past the time limit of 1 s" in result.stderr
    assert elapsed < 10  # stopped, not run to the end (hours)


def test_a_backtracking_regex_is_linear_in_oxigraph(tmp_path) -> None:
    data = tmp_path / "aaa.nq"
    lines = [f'<http://x/s{i}> <http://x/p> "{"a" * (29 - i % 3)}!" .' for i in range(300)]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    query = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(REGEX(?o, "^(a+)+$")) }'
    result = run("query", "-e", query, "--graph", str(data), "--timeout", "5")
    assert result.exit_code == 0 and result.output.splitlines() == ["n", "0"], result.output


def test_timeout_zero_runs_in_this_process(nquads) -> None:
    result = run("query", "units-opened-in", "--param", "year=2017", "--graph", nquads)
    here = run(
        "query", "units-opened-in", "--param", "year=2017", "--graph", nquads, "--timeout", "0"
    )
    assert result.exit_code == here.exit_code == 0 and result.output == here.output
    assert "K-ICT 스마트미디어전주센터" in here.output


# --- case 9: too deep or too complex is one line, exit 2, no RecursionError ------------------


@pytest.mark.parametrize("depth", [50, 200])
def test_deeply_nested_parentheses_are_too_deep(nquads, depth) -> None:
    text = "SELECT * WHERE { FILTER(" + "(" * depth + "true" + ")" * depth + ") }"
    line = one_line_error(run("query", "-e", text, "--graph", nquads))
    assert "nested too deep (limit 40)" in line


@pytest.mark.parametrize("chain", ["!" * 20_000 + "true", "+".join(["1"] * 20_000)])
def test_operator_chains_that_would_overflow_oxigraph_are_refused(nquads, chain) -> None:
    line = one_line_error(run("query", "-e", f"ASK {{ FILTER({chain}) }}", "--graph", nquads))
    assert "query too complex: more than 1000 operators" in line


def test_the_guard_stays_linear_on_unterminated_strings() -> None:
    began = time.monotonic()
    with pytest.raises(QueryError, match="unterminated string"):
        check_query('"' + '\\"' * 49_000)  # was 55 s: every later quote restarted a scan
    assert time.monotonic() - began < 2


# --- case 21: query names and files ------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "..%2F..", "/etc/passwd", "history\x00", "history\n", "HISTORY"]
)
def test_unsafe_query_names_are_refused(name) -> None:
    line = one_line_error(run("query", name))
    assert "is not allowed: names match ^[a-z0-9_-]+$" in line and "root:" not in line


def test_a_symlink_in_queries_is_not_a_bundled_query(tmp_path) -> None:
    queries = tmp_path / "queries"
    queries.mkdir()
    (queries / "history.rq").write_bytes((QUERIES_DIR / "history.rq").read_bytes())
    (queries / "passwd.rq").symlink_to("/etc/passwd")
    (queries / "inside.rq").symlink_to(queries / "history.rq")
    assert list(load_catalogue(queries)) == ["history"]
    for name in ("passwd", "inside"):
        with pytest.raises(QueryError, match=f"no bundled query named '{name}'"):
            find_query(name, queries)


def test_a_query_file_must_be_a_regular_rq_file(tmp_path, nquads) -> None:
    link = tmp_path / "innocent.rq"
    link.symlink_to("/etc/passwd")
    line = one_line_error(run("query", str(link), "--graph", nquads))
    assert "not a .rq query; refused" in line and "root:" not in line
    fifo = tmp_path / "pipe.rq"
    os.mkfifo(fifo)
    assert "no such query file" in one_line_error(run("query", str(fifo), "--graph", nquads))
    big = tmp_path / "big.rq"
    big.write_bytes(b"#" * 500_000)
    assert "larger than 400000 bytes" in one_line_error(run("query", str(big), "--graph", nquads))


# --- a closed stdout ---------------------------------------------------------------------


def test_a_closed_stdout_ends_quietly_with_141(nquads) -> None:
    command = [sys.executable, "-c", "from kg.cli import main; main()", "query", "history"]
    process = subprocess.Popen(
        [*command, "--graph", nquads], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.close()  # the reader is gone before the first write, as with `| head -0`
    stderr = process.stderr.read()
    process.stderr.close()
    assert process.wait(60) == 141
    assert stderr == b""
