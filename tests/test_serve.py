"""`kg serve` as a client sees it: a real server on 127.0.0.1, real SPARQL clients, a browser.

One server runs for the whole module (2 s time limit, 2,000-row limit) over the
graph built once into a temporary folder.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, XML, SPARQLWrapper

from kg.core.config import ID_BASE
from kg.core.paths import YASGUI_DIR
from kg.serve.security import CONTENT_SECURITY_POLICY
from kg.sparql.catalogue import load_catalogue
from tests.helpers import CHROMIUM, CHROMIUM_FLAGS, run, running_server

AGENCY = ID_BASE + "org/jeonju-ict-culture-agency"
UNITS = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?unit ?label WHERE { ?unit org:unitOf ?agency ; rdfs:label ?label } ORDER BY ?unit ?label"""
EVENTS = """PREFIX schema: <https://schema.org/>
SELECT ?event ?date (COUNT(?about) AS ?n)
WHERE { ?event schema:startDate ?date ; schema:about ?about }
GROUP BY ?event ?date ORDER BY ?date ?event"""
CONSTRUCT = """PREFIX org: <http://www.w3.org/ns/org#>
CONSTRUCT { ?unit org:unitOf ?org } WHERE { ?unit org:unitOf ?org }"""
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def server(nquads: Path) -> Iterator[str]:
    with running_server(nquads, "--timeout", "2", "--max-rows", "2000") as url:
        yield url


# --- answers: a real client gets what pyoxigraph gets -----------------------------------


def _ox_rows(store: ox.Store, query: str) -> list[tuple]:
    result = store.query(query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return sorted(tuple(_ox_term(row[name]) for name in names) for row in result)


def _ox_term(term) -> tuple | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode",)
    datatype = term.datatype.value
    plain = datatype.endswith("#string") or datatype.endswith("#langString")
    return ("literal", term.value, term.language or ("" if plain else datatype))


def _json_rows(result: dict) -> list[tuple]:
    names = result["head"]["vars"]
    return sorted(
        tuple(_json_term(row.get(name)) for name in names) for row in result["results"]["bindings"]
    )


def _json_term(term: dict | None) -> tuple | None:
    if term is None:
        return None
    if term["type"] == "uri":
        return ("uri", term["value"])
    if term["type"] == "bnode":
        return ("bnode",)
    datatype = term.get("datatype", "")
    plain = datatype.endswith("#string") or datatype.endswith("#langString")
    return ("literal", term["value"], term.get("xml:lang") or ("" if plain else datatype))


def _queries() -> dict[str, str]:
    """The bundled queries (those with ``# param:`` need bindings a plain client cannot give)."""
    bundled = {name: q.text for name, q in load_catalogue().items() if not q.params}
    return {**bundled, "units": UNITS, "events": EVENTS}


@pytest.mark.parametrize("method", ["GET", "POST", "POSTDIRECTLY"])
def test_sparqlwrapper_gets_what_pyoxigraph_gets(server, store, method) -> None:
    client = SPARQLWrapper(server + "/sparql")
    client.setReturnFormat(JSON)
    if method != "GET":
        client.setMethod(POST)
        client.setRequestMethod(POSTDIRECTLY if method == "POSTDIRECTLY" else "urlencoded")
    answered = 0
    for name, text in _queries().items():
        client.setQuery(text)
        rows = _json_rows(client.queryAndConvert())
        assert rows == _ox_rows(store, text), name
        answered += bool(rows)
    assert answered >= 2


def test_kg_query_endpoint_reads_kg_serve(server, nquads: Path) -> None:
    """`kg query --endpoint` names the graph it wants (<base>graph/all): the served one."""
    remote = run("query", "class-counts", "--endpoint", server + "/sparql", "--format", "csv")
    local = run("query", "class-counts", "--graph", nquads, "--format", "csv", "--timeout", "0")
    assert remote.exit_code == 0 and remote.stderr == "", remote.output
    assert remote.stdout == local.stdout and local.stdout.count("\n") > 10


def test_sparqlwrapper_reads_xml_csv_and_ask(server, store) -> None:
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(UNITS)
    client.setReturnFormat(XML)
    document = client.queryAndConvert()
    assert len(document.getElementsByTagName("result")) == len(_ox_rows(store, UNITS))
    client.setReturnFormat(CSV)
    lines = client.queryAndConvert().decode("utf-8").splitlines()
    assert lines[0] == "unit,label" and len(lines) == len(_ox_rows(store, UNITS)) + 1
    assert any("SOS랩" in line for line in lines)
    client.setReturnFormat(JSON)
    client.setQuery(f"ASK {{ <{AGENCY}> ?p ?o }}")
    assert client.queryAndConvert()["boolean"] is True


def test_rdflib_sparqlstore_select_and_construct(server, store) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    remote = Graph(store=SPARQLStore(query_endpoint=server + "/sparql", returnFormat="xml"))
    labels = {(str(u), str(lb)) for u, lb in remote.query(UNITS)}
    expected = {(r[0][1], r[1][1]) for r in _ox_rows(store, UNITS)}
    assert labels == expected and (ID_BASE + "unit/sos-lab", "SOS랩") in labels
    triples = set(remote.query(CONSTRUCT))
    direct = list(store.query(CONSTRUCT, use_default_graph_as_union=True))
    assert len(triples) == len(direct) >= 10
    assert (
        URIRef(ID_BASE + "unit/sos-lab"),
        URIRef("http://www.w3.org/ns/org#unitOf"),
        URIRef(AGENCY),
    ) in triples


@pytest.mark.parametrize(
    ("params", "accept", "media_type", "rdflib_format"),
    [
        ({"format": "turtle"}, None, "text/turtle", "turtle"),
        ({}, "application/ld+json", "application/ld+json", "json-ld"),
        ({}, "application/n-triples", "application/n-triples", "nt"),
        ({}, None, "text/turtle", "turtle"),
    ],
)
def test_construct_formats_parse_back(server, params, accept, media_type, rdflib_format) -> None:
    headers = {"Accept": accept} if accept else {}
    response = httpx.get(server + "/sparql", params={"query": CONSTRUCT, **params}, headers=headers)
    assert response.status_code == 200 and response.headers["content-type"].startswith(media_type)
    graph = Graph().parse(data=response.text, format=rdflib_format)
    assert (URIRef(ID_BASE + "unit/sos-lab"), None, URIRef(AGENCY)) in graph


@pytest.mark.parametrize(
    ("fmt", "media_type"), [("csv", "text/csv"), ("tsv", "text/tab-separated-values")]
)
def test_select_as_csv_and_tsv(server, fmt, media_type) -> None:
    response = httpx.post(server + "/sparql", data={"query": UNITS, "format": fmt})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media_type)
    assert "SOS랩" in response.text


# --- refusals: read-only, no outbound requests, limits, parse errors ---------------------


@pytest.mark.parametrize(
    ("method", "kwargs", "status", "message"),
    [
        ("POST", {"data": {"update": "DROP ALL"}}, 403, "read-only"),
        (
            "POST",
            {"content": "DROP ALL", "headers": {"Content-Type": "application/sparql-update"}},
            403,
            "read-only",
        ),
        ("GET", {"params": {"update": "CLEAR DEFAULT"}}, 403, "read-only"),
        ("POST", {"data": {"query": "DROP ALL"}}, 400, "read-only"),
        (
            "POST",
            {
                "content": "INSERT DATA { <x:a> <x:b> <x:c> }",
                "headers": {"Content-Type": "application/sparql-query"},
            },
            400,
            "read-only",
        ),
        ("GET", {"params": {"query": "LOAD <http://example.org/data.ttl>"}}, 400, "read-only"),
        (
            "GET",
            {
                "params": {
                    "query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
                }
            },
            400,
            "SERVICE is refused",
        ),
        (
            "POST",
            {"data": {"query": "SELECT * WHERE { ?s ?p ?o } #" + "x" * 100_001}},
            413,
            "too long",
        ),
        ("GET", {"params": {"query": "SELECT ?s WHERE { ?s ?p }"}}, 400, "line 1, column"),
        ("POST", {"content": "x", "headers": {"Content-Type": "text/plain"}}, 415, "Content-Type"),
        (
            "POST",
            {"data": {"query": "ASK {}", "default-graph-uri": "http://example.org/g"}},
            400,
            "default-graph-uri is not supported",
        ),
    ],
)
def test_refused_requests(server, store, method, kwargs, status, message) -> None:
    response = httpx.request(method, server + "/sparql", timeout=10, **kwargs)
    assert response.status_code == status, response.text
    assert message in response.text and len(response.text.strip().splitlines()) == 1
    count = httpx.get(server + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
    assert int(count.json()["results"]["bindings"][0]["n"]["value"]) == len(store)


def test_a_runaway_query_is_stopped_while_others_are_served(server) -> None:
    finished: list[str] = []

    def slow() -> None:
        response = httpx.get(server + "/sparql", params={"query": SLOW}, timeout=30)
        finished.append(f"slow {response.status_code} {response.text.strip()}")

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.3)
    fast = httpx.get(server + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
    finished.append(f"fast {fast.status_code}")
    thread.join(30)
    assert finished[0] == "fast 200"
    assert finished[1].startswith("slow 503") and "time limit of 2 s" in finished[1]
    again = httpx.get(server + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
    assert again.status_code == 200 and again.json()["boolean"] is True


def test_too_many_rows_is_an_error_not_a_truncated_answer(server) -> None:
    response = httpx.get(server + "/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
    assert response.status_code == 400 and "more than 2000 rows" in response.text


# --- descriptions and pages ----------------------------------------------------------------


def test_service_description_and_query_page(server) -> None:
    response = httpx.get(server + "/sparql", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (None, URIRef(sd + "endpoint"), URIRef(server + "/sparql")) in graph
    page = httpx.get(server + "/sparql", headers={"Accept": "text/html,*/*;q=0.8"})
    assert page.headers["content-type"].startswith("text/html")
    titles = [q.title for q in load_catalogue().values()]
    assert titles and all(title in page.text for title in titles)


def test_void_counts_license_and_source(server, store) -> None:
    graph = Graph().parse(data=httpx.get(server + "/void.ttl").text, format="turtle")
    void = "http://rdfs.org/ns/void#"
    assert set(graph.objects(None, URIRef(void + "triples"))) == {Literal(len(store))}
    assert (None, URIRef("http://purl.org/dc/terms/license"), None) in graph
    assert (
        None,
        URIRef("http://purl.org/dc/terms/source"),
        URIRef(ID_BASE + "document/c0befe44ac966333"),
    ) in graph
    jsonld = httpx.get(server + "/void", headers={"Accept": "application/ld+json"})
    assert jsonld.headers["content-type"].startswith("application/ld+json")


def test_entity_html_shows_labels_links_and_evidence(server, seed_text) -> None:
    page = httpx.get(server + "/id/unit/sos-lab", headers={"Accept": "text/html"}).text
    assert "SOS랩" in page and 'href="/id/org/jeonju-ict-culture-agency"' in page
    assert "SOS랩(Solution in Our Society Lab) 구축 및 운영" in seed_text
    assert "<mark>SOS랩(Solution in Our Society Lab) 구축 및 운영</mark>" in page
    home = httpx.get(server + "/").text
    assert 'href="/id/org/jeonju-ict-culture-agency"' in home and "전주정보문화산업진흥원" in home


@pytest.mark.parametrize(
    ("path", "accept", "rdflib_format"),
    [
        ("/id/unit/sos-lab.ttl", None, "turtle"),
        ("/id/unit/sos-lab.jsonld", None, "json-ld"),
        ("/id/unit/sos-lab", "text/turtle", "turtle"),
        ("/id/unit/sos-lab", "application/ld+json", "json-ld"),
    ],
)
def test_entity_rdf_by_suffix_and_accept(server, path, accept, rdflib_format) -> None:
    headers = {"Accept": accept} if accept else {}
    graph = Graph().parse(data=httpx.get(server + path, headers=headers).text, format=rdflib_format)
    assert (URIRef(ID_BASE + "unit/sos-lab"), RDFS.label, Literal("SOS랩", lang="ko")) in graph
    assert any("SOS랩(Solution in Our Society Lab)" in str(o) for o in graph.objects())


def test_search_by_romanization_as_json_and_by_initials_as_a_page(server) -> None:
    answer = httpx.get(f"{server}/search", params={"q": "jeonju", "format": "json"}).json()
    assert "/id/org/jeonju-ict-culture-agency" in [r["href"] for r in answer["results"]]
    page = httpx.get(f"{server}/search", params={"q": "ㅈㅈㅈㅂ"})
    assert page.status_code == 200 and 'href="/id/org/jeonju-ict-culture-agency"' in page.text
    assert httpx.get(f"{server}/search", params={"q": "x" * 300}).status_code == 400


def test_unknown_entity_is_404(server) -> None:
    response = httpx.get(server + "/id/unit/no-such-unit")
    assert response.status_code == 404 and "no-such-unit" in response.text


@pytest.mark.parametrize(
    ("path", "accept", "status", "html"),
    [
        ("/", None, 200, True),
        ("/sparql", "text/html,*/*;q=0.8", 200, True),
        ("/id/unit/sos-lab", "text/html", 200, True),
        ("/id/org/jeonju-ict-culture-agency", "text/html", 200, True),
        ("/id/unit/no-such-unit", "text/html", 404, False),
        ("/no/such/route", "text/html", 404, False),
        ("/sparql?query=ASK%7B%7D", "application/sparql-results+json", 200, False),
        ("/void.ttl", None, 200, False),
        ("/id/unit/sos-lab.ttl", None, 200, False),
        ("/assets/kg/query.js", None, 200, False),
    ],
)
def test_every_response_has_the_security_headers(server, path, accept, status, html) -> None:
    response = httpx.get(server + path, headers={"Accept": accept} if accept else {})
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html") == html
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "unsafe-eval" not in CONTENT_SECURITY_POLICY and "http" not in CONTENT_SECURITY_POLICY


# --- in a browser with no network ---------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (/usr/bin/chromium); .ci/run installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def _offline_page(browser, outside: list[str], errors: list[str] | None = None):
    """A page whose requests off 127.0.0.1 fail (into ``outside``), errors into ``errors``."""
    page = browser.new_page()
    if errors is not None:  # CSP violations are console errors too
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))

    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith("http://127.0.0.1:") or url.startswith("data:"):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    page.route("**/*", route)
    return page


def test_query_page_runs_a_query_in_chromium(server, browser) -> None:
    if not (YASGUI_DIR / "yasgui.min.js").exists():
        pytest.fail("YASGUI is not installed in node_modules: run `make web`")
    outside: list[str] = []
    errors: list[str] = []
    page = _offline_page(browser, outside, errors)
    page.goto(server + "/sparql")
    page.wait_for_selector(".yasqe .CodeMirror", timeout=15_000)
    first = next(iter(sorted(load_catalogue().values(), key=lambda q: (q.is_violation, q.name))))
    assert first.title in page.inner_text(".tabsList")
    page.evaluate(f"window.kgYasgui.getTab().getYasqe().setValue({UNITS!r})")
    page.evaluate("window.kgYasgui.getTab().getYasqe().query()")
    page.wait_for_selector(".yasr table td", timeout=15_000)
    assert "SOS랩" in page.inner_text(".yasr")
    assert outside == [] and errors == []


def test_query_page_shows_values_readably_and_errors_in_one_line(server, browser) -> None:
    outside: list[str] = []
    page = _offline_page(browser, outside)
    page.goto(server + "/sparql")
    page.wait_for_selector(".yasqe .CodeMirror", timeout=15_000)
    assert "# Sample value (the VALUES line below binds it" in page.content()  # tabs with params
    yasqe = "window.kgYasgui.getTab().getYasqe()"
    dated = 'SELECT ?d WHERE { BIND ("1998-11-27"^^<http://www.w3.org/2001/XMLSchema#date> AS ?d) }'
    page.evaluate(f"{yasqe}.setValue({dated!r}); {yasqe}.query()")
    page.wait_for_selector(".yasr table td", timeout=15_000)
    cell = page.inner_text(".yasr table tbody td:nth-child(2)")
    assert "1998-11-27" in cell and "xsd:date" in cell and "^^" not in cell and "http" not in cell
    missing = "SELECT * WHERE { ?s rdfs:label ?o }"  # no PREFIX rdfs:
    page.evaluate(f"{yasqe}.setValue({missing!r}); {yasqe}.query().catch(() => null)")
    page.wait_for_selector(".yasr .errorResult", timeout=15_000)
    error = page.inner_text(".yasr .errorResult")
    assert "the prefix rdfs: is not declared; add PREFIX rdfs:" in error and "u{" not in error
    assert outside == []


def test_entity_page_links_to_the_sentence_in_chromium(server, browser) -> None:
    outside: list[str] = []
    errors: list[str] = []
    page = _offline_page(browser, outside, errors)
    page.goto(server + "/id/org/jeonju-ict-culture-agency")
    assert page.title().startswith("전주정보문화산업진흥원")
    page.click('a[href="/id/unit/sos-lab"]')
    page.wait_for_url("**/id/unit/sos-lab")
    assert "SOS랩(Solution in Our Society Lab)" in page.inner_text("mark")
    assert outside == [] and errors == []


def test_the_policy_blocks_an_injected_inline_script_in_chromium(server, browser) -> None:
    errors: list[str] = []
    page = _offline_page(browser, [], errors)
    page.goto(server + "/")
    ran = page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = true'; document.body.append(s);"
        " return window.injected === true; }"
    )
    assert ran is False
    assert len(errors) == 1 and "Content Security Policy" in errors[0]


# --- the command line ---------------------------------------------------------------------


def test_serve_without_a_graph_or_on_a_busy_port_is_one_line_exit_2(nquads, tmp_path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    missing = CliRunner().invoke(main, ["serve", "--graph", str(tmp_path / "none.nq")])
    assert missing.exit_code == 2 and "none.nq: no such file" in missing.output
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = str(busy.getsockname()[1])
        result = CliRunner().invoke(main, ["serve", "--graph", str(nquads), "--port", port])
    assert result.exit_code == 2 and f"cannot listen on 127.0.0.1:{port}" in result.output
    assert len(result.output.strip().splitlines()) == 1
