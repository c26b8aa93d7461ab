"""``/search?q=``: entities found by name (:mod:`kg.sparql.labels`), as JSON or an HTML page.

The same lookup as ``kg query search``: any part of a Korean or English name or
alias, its romanization (``jeonju``) or its initial consonants (``ㅈㅈㅈㅂ``). Each
entity appears once, by its best match (the whole name, then a name that begins with
the text, then any; shorter names first), at most ``LIMIT`` of them. JSON when asked
(``format=json`` or ``Accept: application/json``), else a page with a search box.

Example::

    curl 'http://127.0.0.1:8000/search?q=jeonju&format=json'
"""

from __future__ import annotations

import asyncio

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from kg.core.html import render
from kg.serve.pages import local_path
from kg.sparql.labels import Hit, LabelIndex, index_for, kind_of

LIMIT = 50  # entities shown
MAX_QUERY = 200  # characters


def found(index: LabelIndex, text: str, limit: int = LIMIT) -> dict:
    """The best ``limit`` entities whose names match ``text``, with their labels."""
    hits = index.best(text, limit + 1)
    first: dict[str, Hit] = {}
    for hit in hits:
        first.setdefault(hit.node, hit)  # each entity by its best name
    best = list(first.values())
    shown = best[:limit]
    labels = index.labels_of([hit.node for hit in shown])
    names = {node: {h.lang: h.label for h in reversed(own)} for node, own in labels.items()}
    results = [
        {
            "iri": hit.node,
            "href": local_path(hit.node),
            "type": kind_of(hit.node),
            "label_ko": names.get(hit.node, {}).get("ko", ""),
            "label_en": names.get(hit.node, {}).get("en", ""),
            "matched": hit.label,
        }
        for hit in shown
    ]
    return {"q": text, "results": results, "more": len(best) > limit}


async def search(request: Request) -> Response:
    """``/search?q=TEXT[&format=json]``."""
    text = request.query_params.get("q", "").strip()
    if len(text) > MAX_QUERY:
        return PlainTextResponse(f"q is too long (limit {MAX_QUERY} characters)\n", 400)
    store: ox.Store = request.app.state.store
    index = await asyncio.to_thread(index_for, store)  # built in memory on first use
    answer = await asyncio.to_thread(found, index, text) if text else {"q": "", "results": []}
    accept = request.headers.get("accept", "")
    if request.query_params.get("format") == "json" or "application/json" in accept:
        return JSONResponse(answer, headers={"Vary": "Accept"})
    return HTMLResponse(render("search.html", title="Search 검색", **answer))
