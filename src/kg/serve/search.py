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
from kg.sparql.hangul import fold, initials, romanize
from kg.sparql.labels import Hit, LabelIndex, index_for, kind_of

LIMIT = 50  # entities shown
FETCH = 1000  # names read from the index to rank (a one-character query matches many)
MAX_QUERY = 200  # characters


def found(index: LabelIndex, text: str, limit: int = LIMIT) -> dict:
    """The best ``limit`` entities whose names match ``text``, with their labels."""
    hits = index.search(text, limit=FETCH)
    best: dict[str, tuple[tuple[int, int], Hit]] = {}
    for hit in hits:
        rank = _rank(hit.label, fold(text))
        if hit.node not in best or rank < best[hit.node][0]:
            best[hit.node] = (rank, hit)
    ranked = sorted(best.values(), key=lambda pair: (pair[0], pair[1].node))[:limit]
    labels = index.labels_of([hit.node for _, hit in ranked])
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
        for _, hit in ranked
    ]
    return {"q": text, "results": results, "more": len(best) > limit or len(hits) == FETCH}


def _rank(label: str, query: str) -> tuple[int, int]:
    keys = (fold(label), romanize(label), initials(label))
    if query in keys:
        return (0, len(label))
    return (1 if any(k.startswith(query) for k in keys) else 2, len(label))


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
