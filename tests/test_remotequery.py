"""`kg query --endpoint`: every bundled query on a REAL Oxigraph server answers like local."""

from __future__ import annotations

import shlex
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.core.errors import QueryError
from kg.sparql.catalogue import CatalogueQuery, find_query, load_catalogue
from kg.sparql.params import where_group
from kg.sparql.remotequery import remote_text
from tests.helpers import free_port, run

SAMPLE = {
    "units-opened-in": ["--param", "year=2017"],
    "evidence": ["--param", "entity=정보통신부"],
    "describe": ["--param", "entity=unit/sos-lab"],
    "search": ["--param", "text=센터"],
    "names-over-time": ["--param", "org=org/mic"],
}


def stdout_of(*args: str) -> bytes:
    """What `kg ARGS…` printed; it must succeed."""
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


@pytest.fixture(scope="module")
def pushed(server: str, built_dir: Path) -> str:
    """The built graph pushed with `kg push`; the query endpoint's URL."""
    stdout_of("push", str(built_dir / "kg.nq"), "--endpoint", f"{server}/store")
    return f"{server}/query"


@pytest.mark.parametrize("name", sorted(load_catalogue()))
def test_every_bundled_query_answers_like_local(pushed: str, built_dir: Path, name: str) -> None:
    local_args = ["query", name, *SAMPLE.get(name, []), "--graph", str(built_dir / "kg.nq")]
    remote_args = ["query", name, *SAMPLE.get(name, []), "--endpoint", pushed]
    if find_query(name).text.lstrip("# \n").find("CONSTRUCT") >= 0 and name == "describe":
        local, remote = stdout_of(*local_args), stdout_of(*remote_args)
        triples = [set(ox.parse(t, format=ox.RdfFormat.TURTLE)) for t in (local, remote)]
        assert triples[0] == triples[1] and len(triples[0]) > 5
        return
    for fmt in ("csv", "json", "sparql-json", "table"):
        local = stdout_of(*local_args, "--format", fmt)
        assert stdout_of(*remote_args, "--format", fmt) == local, (name, fmt)


def test_parameters_answer_with_rows_remotely(pushed: str) -> None:
    text = stdout_of(
        "query", "units-opened-in", "--param", "year=2017", "--endpoint", pushed
    ).decode()
    assert "K-ICT 스마트미디어전주센터" in text and text.count("\n") == 2


def test_a_hostile_value_stays_one_literal(pushed: str) -> None:
    value = 'x" } } DROP ALL # \\ \n'
    text = remote_text(find_query("search"), {"text": value})
    assert "DROP" not in text.split("VALUES", 1)[0]
    out = stdout_of("query", "search", "--param", f"text={value}", "--endpoint", pushed)
    assert out.decode().splitlines() == ["node,type,label_ko,label_en,matched,text"]


def test_inline_text_gets_the_prefixes_and_ask_works(pushed: str) -> None:
    out = stdout_of("query", "-e", "ASK { ?u a org:OrganizationalUnit }", "--endpoint", pushed)
    assert out == b"true\n"


def test_the_values_block_opens_the_where_group() -> None:
    construct = "CONSTRUCT { ?s ?p ?o } { ?s ?p ?o . FILTER (?o != '{') }"
    assert construct[: where_group(construct)].endswith("} {")
    select = "PREFIX x: <http://e.org/#{>\n# WHERE {\nSELECT ?s WHERE { ?s ?p ?o }"
    assert select[: where_group(select)].endswith("WHERE {")
    with pytest.raises(QueryError, match="no WHERE group"):
        where_group("DESCRIBE <http://e.org/x>")


def test_updates_are_refused_before_sending() -> None:
    with pytest.raises(QueryError, match="Update"):
        remote_text(CatalogueQuery("-e", Path("-e"), "DROP ALL", "-e", [], []))


def test_an_unreachable_endpoint_is_a_one_line_error(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    result = run("query", "history", "--endpoint", url)
    assert result.exit_code == 3 and "Connection refused" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_default_graph_picks_the_graph_queried(pushed: str) -> None:
    args = ["query", "class-counts", "--endpoint", pushed, "--default-graph"]
    pushed_graph = stdout_of(*args, "https://w3id.org/kr-ict-kg/graph/all").decode()
    assert pushed_graph == stdout_of("query", "class-counts", "--endpoint", pushed).decode()
    assert pushed_graph.count("\n") > 10


def test_push_prints_the_command_that_reads_it_back(server: str, built_dir: Path) -> None:
    """Issue 15: on a plain `oxigraph serve`, push then the printed query answers as locally."""
    result = run("push", built_dir / "kg.nq", "--endpoint", f"{server}/store")
    assert result.exit_code == 0, result.output
    hint = result.stderr.removeprefix("read it back: ").strip()
    assert hint == f"kg query history --endpoint {server}/query"
    local = stdout_of("query", "history", "--graph", built_dir / "kg.nq", "--format", "csv")
    remote = run(*shlex.split(hint)[1:], "--format", "csv")
    assert remote.stdout_bytes == local and local.count(b"\n") > 10 and remote.stderr == ""


def test_an_empty_answer_says_when_the_store_holds_nothing_of_ours(pushed: str) -> None:
    for graph, where in [
        ("https://example.org/no-such-graph", "in <https://example.org/no-such-graph>"),
        ("", "in its default graph"),  # a plain oxigraph serve: the default graph is empty
    ]:
        args = ["class-counts", "--endpoint", pushed, "--default-graph", graph]
        result = run("query", *args)
        assert result.exit_code == 0 and result.stdout.count("\n") == 1  # the header only
        assert result.stderr.startswith(f"kg: note: {pushed} holds no triples {where}")
        assert "kg push" in result.stderr and result.stderr.count("\n") == 1
    quiet = run("query", "unit-inverse-violation", "--endpoint", pushed)  # our data: no rows
    assert quiet.exit_code == 0 and quiet.stdout.count("\n") == 1 and quiet.stderr == ""
