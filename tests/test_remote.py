"""Push to a REAL Oxigraph server on loopback, query it, compare with the local store;
and the client's answers to failing servers (scripted on loopback)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from kg.core.config import entity_iri
from kg.core.errors import QueryError
from kg.sparql.catalogue import load_catalogue
from kg.sparql.remote import (
    DEFAULT_GRAPH,
    RemoteError,
    push,
    query_endpoint_beside,
    read_back_command,
    remote_select,
)
from tests.helpers import free_port


@pytest.fixture(scope="module")
def broken_file(graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built graph with one unit link removed, so a bundled query has rows."""
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    agency = URIRef(entity_iri("org", "jeonju-ict-culture-agency"))
    unit = URIRef(entity_iri("unit", "it-venture-center"))
    copy.remove((agency, URIRef("http://www.w3.org/ns/org#hasUnit"), unit))
    path = tmp_path_factory.mktemp("push") / "graph.nt"
    copy.serialize(path, format="nt", encoding="utf-8")
    return path


def local_rows(path: Path, query: str) -> list[dict[str, str]]:
    """The same query on a local pyoxigraph store, rows in the form remote_select gives."""
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    solutions = store.query(query)
    names = list(solutions.variables)
    return [{v.value: str(row[v]) for v in names if row[v] is not None} for row in solutions]


def test_push_then_count_and_replace(server: str, broken_file: Path, graph: Graph) -> None:
    first = push(broken_file, f"{server}/store", "https://example.org/g")
    assert first.sent == first.stored == len(graph) - 1
    again = push(broken_file, f"{server}/store", "https://example.org/g", f"{server}/query")
    assert again.stored == first.stored  # replaced, not added to


def test_bundled_queries_answer_like_the_local_store(server: str, broken_file: Path) -> None:
    push(broken_file, f"{server}/store", "https://example.org/g")
    query_url = f"{server}/query"
    (count,) = remote_select(
        query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "https://example.org/g"
    )
    assert count["n"].startswith(f'"{sum(1 for _ in broken_file.open())}"')
    queries = load_catalogue().values()
    answered = {}
    for query in queries:
        if "CONSTRUCT" in query.text:  # remote_select is for SELECT; see test_remotequery
            continue
        remote = remote_select(query_url, query.text, "https://example.org/g")
        local = local_rows(broken_file, query.text)
        assert sorted(map(sorted, map(dict.items, remote))) == sorted(
            map(sorted, map(dict.items, local))
        ), query.name  # ORDER BY ties may come in either order
        answered[query.name] = len(remote)
    assert answered["unit-inverse-violation"] == 1 and len(answered) >= 4


def test_remote_select_refuses_updates_before_sending(server: str) -> None:
    with pytest.raises(QueryError):
        remote_select(f"{server}/query", "DROP ALL")


# --- scripted failing servers --------------------------------------------------
class Script(http.server.BaseHTTPRequestHandler):
    replies: list[tuple[int, dict, bytes]] = []

    def _reply(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        status, headers, body = self.replies.pop(0)
        self.send_response(status)
        for key, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    do_GET = do_PUT = do_POST = _reply

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def scripted() -> Iterator[tuple[str, list]]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Script)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    Script.replies = []
    yield f"http://127.0.0.1:{httpd.server_address[1]}", Script.replies
    httpd.shutdown()
    httpd.server_close()


NT = b"<https://e.org/a> <https://e.org/p> <https://e.org/b> .\n"
JSON = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"uri","value":"https://e.org/a"}}]}}'


def nt_file(tmp_path: Path) -> Path:
    path = tmp_path / "one.nt"
    path.write_bytes(NT)
    return path


def test_429_is_retried_after_its_delay(scripted, tmp_path: Path) -> None:
    url, replies = scripted
    replies += [(429, {"Retry-After": "0"}, b""), (204, {}, b""), (200, {}, NT)]
    assert push(nt_file(tmp_path), url).stored == 1


def test_a_failing_server_is_a_clear_error(scripted, tmp_path: Path) -> None:
    url, replies = scripted
    replies += [(500, {}, b"disk full")]
    with pytest.raises(RemoteError, match="HTTP 500 disk full"):
        push(nt_file(tmp_path), url)


def test_a_refusal_says_where_credentials_go(scripted, tmp_path: Path) -> None:
    url, replies = scripted
    replies += [(403, {}, b"<html><h1>403 Forbidden</h1></html>")]
    with pytest.raises(RemoteError, match=r"HTTP 403 <html>.* login in ~/\.netrc"):
        push(nt_file(tmp_path), url)


def test_partial_and_truncated_answers_are_refused(scripted, tmp_path: Path) -> None:
    url, replies = scripted
    replies += [(204, {}, b""), (206, {}, NT)]
    with pytest.raises(RemoteError, match="partial content"):
        push(nt_file(tmp_path), url)
    replies += [(204, {}, b""), (200, {"Content-Length": "999"}, NT)]
    with pytest.raises(RemoteError, match="truncated"):
        push(nt_file(tmp_path), url)


def test_a_count_that_differs_fails_the_push(scripted, tmp_path: Path) -> None:
    url, replies = scripted
    replies += [(204, {}, b""), (200, {}, b"")]
    with pytest.raises(RemoteError, match="holds 0 triples, 1 were sent"):
        push(nt_file(tmp_path), url)


def test_select_reads_json_and_refuses_xml_with_a_doctype(scripted) -> None:
    url, replies = scripted
    replies += [(200, {"Content-Type": "application/sparql-results+json"}, JSON)]
    assert remote_select(url, "SELECT ?x WHERE { ?x ?p ?o }") == [{"x": "<https://e.org/a>"}]
    xml = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><sparql/>'
    replies += [(200, {"Content-Type": "application/sparql-results+xml"}, xml)]
    with pytest.raises(RemoteError, match="DOCTYPE"):
        remote_select(url, "SELECT ?x WHERE { ?x ?p ?o }")


def test_redirects_are_not_followed(scripted) -> None:
    url, replies = scripted
    replies += [(302, {"Location": "http://example.com/"}, b"")]
    with pytest.raises(RemoteError, match="not followed"):
        remote_select(url, "SELECT ?x WHERE { ?x ?p ?o }")


def test_kg_push_to_nowhere_is_one_line_and_exit_3(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    url = f"http://127.0.0.1:{free_port()}/store"
    result = CliRunner().invoke(main, ["push", str(nt_file(tmp_path)), "--endpoint", url])
    assert result.exit_code == 3
    assert (
        result.output.startswith("kg: error: PUT http://127.0.0.1:")
        and result.output.count("\n") == 1
    )


def test_kg_push_command(server: str, broken_file: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    args = ["push", str(broken_file), "--endpoint", f"{server}/store", "--graph", "https://e.org/g"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("pushed ") and "into <https://e.org/g>" in result.stdout
    # the command that reads it back, with the graph it went into (git-like hint on stderr)
    assert result.stderr == (
        f"read it back: kg query history --endpoint {server}/query --default-graph https://e.org/g\n"
    )


def test_the_query_url_beside_a_graph_store() -> None:
    assert query_endpoint_beside("http://h:7878/store") == "http://h:7878/query"
    assert query_endpoint_beside("http://h:8890/sparql-graph-crud") == "http://h:8890/sparql"
    assert query_endpoint_beside("http://h/fuseki/kg/data") == "http://h/fuseki/kg/query"
    graphdb = "http://h:7200/repositories/kg"
    assert query_endpoint_beside(f"{graphdb}/rdf-graphs/service") == graphdb
    assert query_endpoint_beside("http://h/graphs") == ""
    assert read_back_command("http://h/graphs", DEFAULT_GRAPH).endswith(
        "--endpoint QUERY-URL-OF-THIS-STORE"
    )
