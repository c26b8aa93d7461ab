"""Remote SPARQL stores: push the graph with the Graph Store Protocol, and SELECT from them.

``push`` PUTs the whole graph into one named graph (a PUT replaces the graph as one
operation), then asks the server how many triples that graph holds and fails unless
it is the number sent. ``remote_select`` runs a read-only query (checked by
:func:`kg.sparql.guard.check_query`) on any SPARQL 1.1 endpoint. The only host contacted is
the one in the URL the user gives: no proxies from the environment, no redirects.

Example::

    >>> push(Path("dist/kg.nq"), "http://127.0.0.1:7878/store")          # doctest: +SKIP
    PushResult(graph='https://w3id.org/kr-ict-kg/graph/all', sent=4989, stored=4989)
"""

from __future__ import annotations

import http.client
import json
import shlex
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pyoxigraph as ox

from kg.core.config import GRAPH_BASE
from kg.core.errors import InputError, RemoteError
from kg.rdf import formats
from kg.rdf.oxigraph import QueryResult, written
from kg.rdf.parsing import read_quads
from kg.sparql.guard import check_query
from kg.sparql.stores import opener_for, query_endpoint_beside

DEFAULT_GRAPH = GRAPH_BASE + "all"
RESULTS = "application/sparql-results+json, application/sparql-results+xml;q=0.5"
SRX = "{http://www.w3.org/2005/sparql-results#}"
MAX_TRIES, MAX_WAIT, TIMEOUT = 4, 30.0, 120.0
REFUSED_HINT = (
    " (the store wants a login in ~/.netrc, or write rights for its user: "
    "see the README, 'Other SPARQL stores')"
)


@dataclass(frozen=True)
class PushResult:
    graph: str
    sent: int
    stored: int


def _check_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{url}: not an http(s) URL")
    return url


def request(method: str, url: str, data: bytes | None = None, headers: dict | None = None):
    """One HTTP exchange → (status, headers, body); retries 429 and 503 after Retry-After."""
    for attempt in range(1, MAX_TRIES + 1):
        req = urllib.request.Request(_check_url(url), data=data, method=method,
                                     headers=headers or {})  # fmt: skip
        try:
            with opener_for(url).open(req, timeout=TIMEOUT) as response:
                return response.status, response.headers, _read_all(response, url)
        except urllib.error.HTTPError as e:
            if e.code in (429, 503) and attempt < MAX_TRIES:
                time.sleep(_retry_after(e.headers.get("Retry-After"), attempt))
                continue
            body = " ".join(e.read(500).decode("utf-8", "replace").split())[:200]
            hint = REFUSED_HINT if e.code in (401, 403) else ""
            raise RemoteError(f"{method} {url}: HTTP {e.code} {body}{hint}") from e
        except http.client.IncompleteRead as e:
            raise RemoteError(f"{method} {url}: truncated answer ({len(e.partial)} bytes)") from e
        except (urllib.error.URLError, OSError, http.client.HTTPException) as e:
            raise RemoteError(f"{method} {url}: {getattr(e, 'reason', e)}") from e
    raise AssertionError("unreachable")


def _retry_after(value: str | None, attempt: int) -> float:
    backoff = min(MAX_WAIT, 0.5 * 2**attempt)
    if value is None:
        return backoff
    try:
        return min(MAX_WAIT, max(0.0, float(value)))
    except ValueError:
        return backoff


def _read_all(response, url: str) -> bytes:
    """The whole body; a 206 or a body shorter than its Content-Length is an error."""
    if response.status == 206:
        raise RemoteError(f"{url}: partial content (206) where the whole was asked for")
    body = response.read()
    expected = response.headers.get("Content-Length")
    if expected is not None and expected.isdigit() and int(expected) != len(body):
        raise RemoteError(f"{url}: truncated answer ({len(body)} of {expected} bytes)")
    return body


def ntriples(path: Path) -> bytes:
    """The file's distinct triples as N-Triples (named graphs merged), exactly as written.

    Any RDF format of :mod:`kg.rdf.formats`, read with the checks of
    :func:`kg.rdf.parsing.read_quads` (blank nodes named in file order).
    """
    triples = (ox.Triple(*q.triple) for q in read_quads(path).quads)
    lines = written(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)).splitlines(keepends=True)
    return b"".join(dict.fromkeys(line for line in lines if line.strip()))


def push(
    path: Path, endpoint: str, graph: str = DEFAULT_GRAPH, query_endpoint: str = ""
) -> PushResult:
    """PUT ``path`` into ``graph`` at the Graph Store ``endpoint``; verify the stored count."""
    body = ntriples(path)
    sent = body.count(b"\n")
    target = _graph_url(endpoint, graph)
    request("PUT", target, body, {"Content-Type": "application/n-triples"})
    stored = remote_count(endpoint, graph, query_endpoint)
    if stored != sent:
        raise RemoteError(
            f"{endpoint}: the graph <{graph}> holds {stored} triples, {sent} were sent"
        )
    return PushResult(graph, sent, stored)


def _graph_url(endpoint: str, graph: str) -> str:
    joiner = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return f"{endpoint}{joiner}{urllib.parse.urlencode({'graph': graph})}"


def remote_count(endpoint: str, graph: str, query_endpoint: str = "") -> int:
    """Triples in ``graph``: by a COUNT query when a query endpoint is known, else by GET."""
    if query_endpoint:
        rows = remote_select(
            query_endpoint, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        )
        return int(_lexical(rows[0]["n"]))
    _, _, body = request(
        "GET", _graph_url(endpoint, graph), headers={"Accept": "application/n-triples"}
    )
    try:
        return sum(1 for _ in ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
    except SyntaxError as e:
        raise RemoteError(f"{endpoint}: the graph came back unreadable: {e}") from e


def _lexical(term: str) -> str:
    return term.split('"')[1] if term.startswith('"') else term


def _form(query_text: str, default_graph: str) -> bytes:
    """The POST body: the query, and the graph to read as ``default-graph-uri`` if any."""
    fields = {"query": query_text} | ({"default-graph-uri": default_graph} if default_graph else {})
    return urllib.parse.urlencode(fields).encode("utf-8")


def remote_select(endpoint: str, query_text: str, default_graph: str = "") -> list[dict[str, str]]:
    """Rows of a SELECT on ``endpoint``: variable → term in N-Triples form."""
    check_query(query_text)
    data = _form(query_text, default_graph)
    headers = {"Accept": RESULTS, "Content-Type": "application/x-www-form-urlencoded"}
    _, reply, body = request("POST", endpoint, data, headers)
    kind = reply.get("Content-Type", "")
    if "xml" in kind:
        return _xml_rows(body, endpoint)
    try:
        bindings = json.loads(body)["results"]["bindings"]
    except (ValueError, KeyError, TypeError) as e:
        raise RemoteError(f"{endpoint}: not SPARQL JSON results ({kind or 'no type'})") from e
    return [{name: _json_term(term) for name, term in row.items()} for row in bindings]


def _json_term(term: dict) -> str:
    kind, value = term.get("type"), term.get("value", "")
    if kind == "uri":
        return str(ox.NamedNode(value))
    if kind == "bnode":
        return f"_:{value}"
    if term.get("xml:lang"):
        return str(ox.Literal(value, language=term["xml:lang"]))
    if term.get("datatype"):
        return str(ox.Literal(value, datatype=ox.NamedNode(term["datatype"])))
    return str(ox.Literal(value))


def _xml_rows(body: bytes, endpoint: str) -> list[dict[str, str]]:
    """SPARQL XML results; a DOCTYPE (entity expansion, external fetches) is refused."""
    head = body[:4096].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in body.upper():
        raise RemoteError(f"{endpoint}: SPARQL XML results with a DOCTYPE are refused")
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as e:
        raise RemoteError(f"{endpoint}: unreadable SPARQL XML results: {e}") from e
    rows = []
    for result in root.iter(f"{SRX}result"):
        row = {}
        for binding in result.findall(f"{SRX}binding"):
            name = binding.get("name")
            if name is None:
                raise RemoteError(f"{endpoint}: a SPARQL XML result has a binding with no name")
            term = binding[0]
            kind = {"uri": "uri", "bnode": "bnode"}.get(term.tag[len(SRX) :], "literal")
            row[name] = _json_term({"type": kind, "value": term.text or "",
                "xml:lang": term.get("{http://www.w3.org/XML/1998/namespace}lang"),
                "datatype": term.get("datatype")})  # fmt: skip
        rows.append(row)
    return rows


ANSWERS = (
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
    "application/n-triples;q=0.8, text/turtle;q=0.5"
)

# CONSTRUCT/DESCRIBE ask for RDF only: offered SPARQL JSON too, Virtuoso 7.2 answers them
# as s/p/o bindings (with a "lang" key that is not SPARQL JSON).
RDF_ANSWERS = "application/n-triples, text/turtle;q=0.5"


def _gives_triples(query_text: str) -> bool:
    """Whether the query is a CONSTRUCT or DESCRIBE (run on an empty store: no data read)."""
    try:
        return isinstance(ox.Store().query(query_text), ox.QueryTriples)
    except SyntaxError:
        return False  # the endpoint will say what is wrong with it


def remote_query(endpoint: str, query_text: str, default_graph: str = "") -> QueryResult:
    """Any read-only query on ``endpoint``, read back as pyoxigraph results.

    SELECT gives :class:`pyoxigraph.QuerySolutions`, ASK :class:`~pyoxigraph.QueryBoolean`,
    CONSTRUCT/DESCRIBE :class:`~pyoxigraph.QueryTriples`: the types the local store gives.
    ``default_graph`` is sent as the protocol's ``default-graph-uri`` ("": none, the
    endpoint's own default graph, which some stores keep empty and others make the union
    of every graph).
    """
    check_query(query_text)
    accept = RDF_ANSWERS if _gives_triples(query_text) else ANSWERS
    headers = {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}
    _, reply, body = request("POST", endpoint, _form(query_text, default_graph), headers)
    kind = reply.get("Content-Type", "").split(";")[0].strip().lower()
    # the formats a server may answer in (kg.rdf.formats), results before RDF
    found = sorted(formats.by_media_type(kind, "serve"), key=lambda f: not f.results)
    try:
        if (
            found
            and "xml" in kind
            and (b"<!DOCTYPE" in body[:4096].upper() or b"<!ENTITY" in body.upper())
        ):
            raise RemoteError(f"{endpoint}: XML answers with a DOCTYPE are refused")
        if found and found[0].results:
            return ox.parse_query_results(body, format=found[0].oxigraph())
        if found:
            store = ox.Store()
            store.load(body, format=found[0].oxigraph())
            return store.query("CONSTRUCT WHERE { ?s ?p ?o }")
    except (SyntaxError, ValueError) as e:
        raise RemoteError(
            f"{endpoint}: unreadable {kind} answer: {' '.join(str(e).split())}"
        ) from e
    raise RemoteError(f"{endpoint}: answered {kind or 'no content type'}, not SPARQL results")


def holds_triples(endpoint: str, default_graph: str = "") -> bool:
    """Whether the endpoint's default graph (or ``default_graph``) holds any triple at all."""
    query = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"  # ASK answers are not read by remote_select
    return bool(remote_select(endpoint, query, default_graph))


def read_back_command(store_url: str, graph: str, query_endpoint: str = "") -> str:
    """The ``kg query`` command line that reads a pushed graph back from the same store."""
    url = query_endpoint or query_endpoint_beside(store_url) or "QUERY-URL-OF-THIS-STORE"
    extra = "" if graph == DEFAULT_GRAPH else f" --default-graph {shlex.quote(graph)}"
    return f"kg query history --endpoint {shlex.quote(url)}{extra}"
