"""``kg serve``: the SPARQL 1.1 Protocol endpoint, linked-data pages and the dataset pages.

Routes (a Starlette app, run by uvicorn):

    /sparql         GET ?query=, POST form (query=), POST application/sparql-query;
                    results by ``format=`` or the Accept header; without a query, the
                    query page for browsers or a service description for machines
    /id/<kind>/...  one entity of ours: HTML, or Turtle / JSON-LD / N-Triples /
                    RDF/XML by Accept or the last suffix (.ttl .jsonld .nt .rdf …)
    /void           VoID + DCAT description (license, source, counts); /void.ttl …
    /search?q=      entities by name: part, romanization or 초성 (:mod:`kg.serve.search`)
    /               what the dataset is, with a link to every entity

The graph is read-only: update requests are refused (403), and every query passes
:func:`kg.sparql.guard.check_query` before a worker of :mod:`kg.sparql.executor` runs it under the
time and row limits, within the per-client limits of :mod:`kg.serve.fairness` (429) and
the queue bound of the pool (503, both with Retry-After). A rebuilt graph file is
picked up while serving (:mod:`kg.serve.state`). Requests are checked before any
work: a parameter given twice, ``default-graph-uri`` (other than the served graph's own
name, ``<base>graph/all``, which ``kg query --endpoint`` sends) / ``named-graph-uri`` or
text that is not UTF-8 is 400, a body over MAX_BODY 413 (refused before reading past it),
a URL over MAX_URL 414, a media type other than the protocol's 415. CORS lets any
origin read, never with credentials.
Every response carries a Content-Security-Policy and nosniff (:mod:`kg.serve.security`).

Example::

    >>> app = create_app(ServeConfig(Path("dist/kg.nq")))   # doctest: +SKIP
    >>> uvicorn.run(app, host="127.0.0.1", port=8000)      # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote_to_bytes

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from kg.core.config import ID_BASE
from kg.core.errors import KgError, QueryError
from kg.core.paths import QUERIES_DIR, WEB_DIR, YASGUI_DIR
from kg.serve.fairness import Limited, describe_limits, run_fairly
from kg.serve.search import search
from kg.serve.security import SecurityHeaders
from kg.serve.state import follow, load_state
from kg.sparql.executor import QueryTimeout, ServerBusy
from kg.sparql.guard import MAX_LENGTH, check_query
from kg.sparql.negotiation import prefers_html, serialize_triples, split_suffix, wanted
from kg.sparql.remote import DEFAULT_GRAPH

MAX_BODY = 4 * MAX_LENGTH  # bytes: a query of MAX_LENGTH characters, percent-encoded
MAX_URL = 32 * 1024  # bytes of path and query string; longer queries must be POSTed (414)
MAX_HEAD = 1024 * 1024  # bytes of request line and headers held (kg.serve.http; 400 past it)
MAX_FIELDS = 20  # parameters in one request
DECODED_LENGTH = 8192  # bytes: a shorter query string or form is decoded once (512 kept)
UPDATE_REFUSED = "SPARQL Update is refused: this endpoint is read-only"


@dataclass(frozen=True)
class ServeConfig:
    """What the server serves and its limits."""

    nquads: Path
    workers: int | None = None  # None: one per core
    timeout: float = 10.0
    max_rows: int = 10_000
    queries_dir: Path = QUERIES_DIR
    store: Path | None = None  # a persistent Oxigraph store (``--store``), built from nquads
    queue_wait: float = 5.0  # seconds a query may wait for a worker (then 503)
    fast_lane: float = 0.5  # seconds a query may run on the worker kept for cheap ones
    client_queries: int = 2  # queries one client may have running or waiting
    client_budget: float = 30.0  # seconds of query time per client per minute
    trusted_proxies: tuple[str, ...] = ()  # peers whose client header is believed
    client_header: str = "X-Forwarded-For"
    cache_mb: float = 64.0  # answers of repeated queries kept (kg.sparql.answers); 0: none


class Refused(Exception):
    """A request answered with an error status and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def create_app(config: ServeConfig, store=None) -> Starlette:
    """The web application; the query workers (and the store, unless given) start with it."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        load_state(app, config, store)
        app.state.pool.start()
        following = asyncio.create_task(follow(app, config))
        try:
            yield
        finally:
            following.cancel()
            app.state.pool.close()

    from kg.serve.portal import QUERY_SCRIPT

    routes: list[BaseRoute] = [
        Route("/", home),
        Route(QUERY_SCRIPT, query_script),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/void", void),
        Route("/void{suffix:str}", void),
        Route("/.well-known/void", void),
        Route("/id/{path:path}", entity),
        Route("/search", search),
    ]
    if (YASGUI_DIR / "yasgui.min.js").exists():
        routes.append(Mount("/assets/yasgui", StaticFiles(directory=YASGUI_DIR)))
    # Open data: any origin may read, never with credentials (no cookies, no auth).
    cors = Middleware(
        CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"], allow_credentials=False
    )
    # Outermost: the security headers reach every response, refusals included.
    middleware = [Middleware(SecurityHeaders), Middleware(URLLimit), cors]
    return Starlette(routes=routes, lifespan=lifespan, middleware=middleware)


class URLLimit:
    """ASGI middleware: a request whose path and query string exceed MAX_URL gets 414."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            size = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
            if size > MAX_URL:
                message = f"URI too long: {size} bytes (limit {MAX_URL}); POST the query instead"
                await _error(414, message)(scope, receive, send)
                return
        await self.app(scope, receive, send)


async def sparql(request: Request) -> Response:
    """The SPARQL 1.1 Protocol query operation."""
    try:
        query, params = await _query_of(request)
        accept = request.headers.get("accept")
        if query is None:
            return _no_query(request, accept)
        _check(query)
        keys = wanted(params.get("format"), accept)
        result = await run_fairly(request, query, keys)
    except Refused as e:
        return _error(e.status, str(e))
    except Limited as e:
        return _error(429, str(e), {"Retry-After": str(e.retry_after)})
    except ServerBusy as e:  # no worker in time, or the worker died: try again
        return _error(503, str(e), {"Retry-After": str(e.retry_after)})
    except QueryTimeout as e:
        return _error(503, str(e))
    except QueryError as e:
        return _error(400, str(e))
    except KgError as e:
        return _error(500, str(e))
    return Response(result.body, media_type=result.media_type, headers={"Vary": "Accept"})


async def _query_of(request: Request) -> tuple[str | None, dict[str, str]]:
    """The query text and the other parameters, from the URL, a form or the body.

    Every parameter is given once at most, and all text is UTF-8 (else 400).
    """
    pairs = list(_pairs(request.scope.get("query_string", b""), "the URL"))
    query = None
    if request.method == "POST" and not any(name == "update" for name, _ in pairs):
        media_type, charset = _content_type(request)
        if media_type == "application/sparql-update":
            raise Refused(403, UPDATE_REFUSED)
        if media_type not in ("application/x-www-form-urlencoded", "application/sparql-query"):
            raise Refused(
                415,
                f"unsupported Content-Type {media_type or '(none)'}: send "
                "application/sparql-query or application/x-www-form-urlencoded",
            )
        if charset not in ("", "utf-8", "utf8"):
            raise Refused(400, f"charset {charset} is not supported: send UTF-8")
        body = await _read_body(request)
        if media_type == "application/sparql-query":
            query = _text(body, "the request body")
        else:
            pairs += _pairs(body, "the form")
    params = _unique(pairs)
    if "update" in params:
        raise Refused(403, UPDATE_REFUSED)
    for name in ("default-graph-uri", "named-graph-uri"):
        if name in params and (name, params[name]) != ("default-graph-uri", DEFAULT_GRAPH):
            raise Refused(
                400, f"{name} is not supported: queries run on the served graph <{DEFAULT_GRAPH}>"
            )
    if query is not None and "query" in params:
        raise Refused(400, "the query is given twice: in the body and as query=")
    return params.get("query", query), params


def _content_type(request: Request) -> tuple[str, str]:
    """The media type and the charset parameter (lower case, '' when absent)."""
    media_type, *options = request.headers.get("content-type", "").lower().split(";")
    charsets = [o.split("=", 1)[1].strip(' "') for o in options if o.strip().startswith("charset=")]
    return media_type.strip(), (charsets[0] if charsets else "")


def _pairs(data: bytes, where: str) -> tuple[tuple[str, str], ...]:
    """``name=value`` pairs of a query string or form, decoded as strict UTF-8.

    A short text already decoded is not decoded again (a query asked again).
    """
    return _decoded(data, where) if len(data) <= DECODED_LENGTH else _decode(data, where)


def _decode(data: bytes, where: str) -> tuple[tuple[str, str], ...]:
    fields = [field for field in data.split(b"&") if field]
    if len(fields) > MAX_FIELDS:
        raise Refused(400, f"too many parameters in {where} (limit {MAX_FIELDS})")
    pairs = []
    for field in fields:
        name, _, value = field.partition(b"=")
        name, value = (unquote_to_bytes(x.replace(b"+", b" ")) for x in (name, value))
        pairs.append((_text(name, where), _text(value, where)))
    return tuple(pairs)


_decoded = functools.lru_cache(maxsize=512)(_decode)  # refusals are not kept


def _unique(pairs: list[tuple[str, str]]) -> dict[str, str]:
    params: dict[str, str] = {}
    for name, value in pairs:
        if name in params:
            raise Refused(400, f"parameter {name} is given more than once")
        params[name] = value
    return params


async def _read_body(request: Request) -> bytes:
    length = request.headers.get("content-length", "0")
    if not length.isdigit() or int(length) > MAX_BODY:
        raise Refused(413, f"request too large (limit {MAX_BODY} bytes)")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise Refused(413, f"request too large (limit {MAX_BODY} bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def _text(data: bytes, where: str = "the request") -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Refused(400, f"{where} is not UTF-8 (byte {e.start})") from e


def _check(query: str) -> None:
    if len(query) > MAX_LENGTH:
        raise Refused(413, f"query too long: {len(query)} characters (limit {MAX_LENGTH})")
    check_query(query)


def _no_query(request: Request, accept: str | None) -> Response:
    from kg.serve.portal import query_page
    from kg.serve.void import NS, service_triples

    if prefers_html(accept):
        yasgui = (YASGUI_DIR / "yasgui.min.js").exists()
        return HTMLResponse(query_page(request.app.state.examples, yasgui))
    keys = wanted(request.query_params.get("format"), accept)
    media_type, body = serialize_triples(service_triples(str(request.base_url)), keys, NS)
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


def home(request: Request) -> Response:
    """``/``: the dataset explained, with links to every entity."""
    from kg.serve.portal import home_page

    state = request.app.state
    served = {"built": state.built, "limits": describe_limits(state.pool, state.clients.limits)}
    return HTMLResponse(home_page(state.store, state.stats, served))


def query_script(request: Request) -> Response:
    """The script that starts YASGUI on the query page (served, so the page has no inline one)."""
    return FileResponse(WEB_DIR / "query.js", media_type="text/javascript")


def void(request: Request) -> Response:
    """The VoID / DCAT description: Turtle by default, or as the suffix or Accept asks."""
    from kg.serve.void import NS, void_triples

    suffix = request.path_params.get("suffix")
    stem, named = split_suffix("void" + suffix) if suffix is not None else ("void", None)
    if stem != "void" or (suffix is not None and named is None):
        return _error(404, f"no such description: /void{suffix}")
    keys = [named] if named else wanted(None, request.headers.get("accept"))
    triples = void_triples(request.app.state.stats, str(request.base_url))
    media_type, body = serialize_triples(triples, keys, NS)
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


def entity(request: Request) -> Response:
    """A linked-data page: HTML for browsers, RDF by Accept or suffix; 404 for unknown IRIs."""
    from kg.serve.pages import describe, entity_html, exists

    path, named = split_suffix(request.path_params["path"])  # the last suffix only, once
    keys = [named] if named else []
    store, iri = request.app.state.store, ID_BASE + path
    if not exists(store, iri):
        return _error(404, f"nothing is known about <{iri}>")
    accept = request.headers.get("accept")
    if not keys and prefers_html(accept):
        return HTMLResponse(entity_html(store, iri), headers={"Vary": "Accept"})
    media_type, body = serialize_triples(describe(store, iri), keys or wanted(None, accept))
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(" ".join(message.split()) + "\n", status_code=status, headers=headers)
