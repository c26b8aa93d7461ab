"""The pages for people around the endpoint: ``/`` (what the dataset is) and the query page.

Both are templates (``home.html``, ``query.html``, rendered by :mod:`kg.core.html`).
The query page runs YASGUI from the npm package installed in ``node_modules/``
(never a CDN, never a copy in the repository), started by ``kg/web/query.js`` (served
from the server itself, so no inline script) with one tab per bundled query. Without
the package it falls back to a plain form that still works.

Example::

    >>> html_text = query_page([], yasgui=False)
    >>> "<form" in html_text
    True
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.core.config import ID_BASE, compact_iri
from kg.core.html import render
from kg.rdf.oxigraph import select
from kg.serve.pages import labels, local_path
from kg.serve.void import DESCRIPTION, LICENSE_IRI, TITLE, DatasetStats

KINDS = (
    ("org", "Organizations · 기관"),
    ("unit", "Units · 조직 단위"),
    ("person", "People · 인물"),
    ("post", "Posts · 직위"),
    ("project", "Programs · 사업"),
    ("event", "Events · 연혁"),
    ("place", "Places · 지역"),
    ("legislation", "Legislation · 법규"),
    ("document", "Sources · 출처"),
    ("concept", "Technologies · 기술"),
)
YASGUI_ASSETS = "/assets/yasgui"
QUERY_SCRIPT = "/assets/kg/query.js"  # starts YASGUI (kg/web/query.js; no inline script)


def home_page(store: ox.Store, stats: DatasetStats, served: dict | None = None) -> str:
    """``/``: what the dataset is, its counts, and a link to every entity by kind.

    ``served``: when the served graph file was built and the server's limits (``kg serve``).
    """
    by_kind = _entities_by_kind(store)
    names = labels(store, {iri for iris in by_kind.values() for iri in iris})
    kinds = [
        (heading, [(local_path(iri), _name(names.get(iri, {}), iri)) for iri in by_kind[kind]])
        for kind, heading in KINDS
        if by_kind.get(kind)
    ]
    return render(
        "home.html",
        title=TITLE["en"],
        dataset=TITLE,
        description=DESCRIPTION,
        license=LICENSE_IRI,
        stats=stats,
        kinds=kinds,
        classes=[(compact_iri(cls), count) for cls, count in stats.classes.items()],
        served=served,
    )


def _name(found: dict[str, str], iri: str) -> str:
    """ "Korean · English" name, or the compact IRI when it has no label."""
    return " · ".join(t for t in (found.get("ko", ""), found.get("en", "")) if t) or compact_iri(
        iri
    )


def _entities_by_kind(store: ox.Store) -> dict[str, list[str]]:
    query = (
        "SELECT DISTINCT ?s ?base WHERE { ?s a ?c FILTER STRSTARTS(STR(?s), ?base) } ORDER BY ?s"
    )
    rows = select(store, query, {ox.Variable("base"): ox.Literal(ID_BASE)})
    by_kind: dict[str, list[str]] = {}
    for row in rows:
        iri = row[0].value
        if "#" not in iri:
            by_kind.setdefault(iri[len(ID_BASE) :].split("/", 1)[0], []).append(iri)
    return by_kind


def query_page(examples: list[dict[str, str]], yasgui: bool) -> str:
    """The query page: YASGUI with the bundled queries as tabs, or a plain form without it."""
    return render(
        "query.html",
        title="SPARQL",
        yasgui=yasgui,
        yasgui_assets=YASGUI_ASSETS,
        script=QUERY_SCRIPT,
        examples=examples,
        form_text=examples[0]["text"] if examples else "SELECT * WHERE { ?s ?p ?o } LIMIT 10",
    )
