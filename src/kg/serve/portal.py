"""The pages for people around the endpoint: ``/`` (what the dataset is) and the query page.

The query page runs YASGUI from the npm package installed in ``node_modules/``
(never a CDN, never a copy in the repository), opened with one tab per bundled
query. Without the package it falls back to a plain form that still works.

Example::

    >>> html_text = query_page([], yasgui=False)
    >>> "<form" in html_text
    True
"""

from __future__ import annotations

import json
from html import escape

import pyoxigraph as ox

from kg.core.config import ID_BASE, compact_iri
from kg.serve.pages import labels, page
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
YASGUI_SCRIPT = """
const examples = JSON.parse(document.getElementById("examples").textContent);
const endpoint = new URL("/sparql", window.location.href).href;
const yasgui = new Yasgui(document.getElementById("yasgui"), {
  requestConfig: { endpoint: endpoint, method: "POST" },
  copyEndpointOnNewTab: true, persistenceId: null, autoAddOnInit: examples.length === 0,
  populateFromUrl: false,
  endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
  yasqe: { autocompleters: ["prefixes", "variables"], persistenceId: null },
});
examples.forEach((q, i) => yasgui.addTab(i === 0, {
  name: q.title, yasqe: { value: q.text }, requestConfig: { endpoint: endpoint, method: "POST" },
}));
window.kgYasgui = yasgui;
"""


def home_page(store: ox.Store, stats: DatasetStats) -> str:
    """``/``: what the dataset is, its counts, and a link to every entity by kind."""
    body = [
        f"<h1>{escape(TITLE['ko'])}</h1>",
        f'<p lang="en"><strong>{escape(TITLE["en"])}</strong></p>',
        f"<p>{escape(DESCRIPTION['ko'])}</p>",
        f'<p lang="en">{escape(DESCRIPTION["en"])}</p>',
        '<ul><li><a href="/sparql">SPARQL query page</a> (endpoint <code>/sparql</code>, '
        "SPARQL 1.1 Protocol, read-only)</li>"
        '<li><a href="/void.ttl">VoID / DCAT description</a> (Turtle; also '
        '<a href="/void.jsonld">JSON-LD</a>)</li>'
        f'<li>License: <a href="{LICENSE_IRI}">Apache-2.0</a></li>'
        f"<li>{stats.triples} triples, {stats.entities} entities, "
        f"{len(stats.sources)} source document(s)</li></ul>",
    ]
    by_kind = _entities_by_kind(store)
    names = labels(store, {iri for iris in by_kind.values() for iri in iris})
    for kind, heading in KINDS:
        iris = by_kind.get(kind, [])
        if not iris:
            continue
        body.append(f"<h2>{escape(heading)} ({len(iris)})</h2><ul>")
        for iri in iris:
            found = names.get(iri, {})
            ko, en = found.get("ko", ""), found.get("en", "")
            text = " · ".join(t for t in (ko, en) if t) or compact_iri(iri)
            body.append(f'<li><a href="/id/{escape(iri[len(ID_BASE) :])}">{escape(text)}</a></li>')
        body.append("</ul>")
    body.append(_class_table(stats))
    return page(TITLE["en"], "\n".join(body))


def _entities_by_kind(store: ox.Store) -> dict[str, list[str]]:
    query = (
        "SELECT DISTINCT ?s ?base WHERE { ?s a ?c FILTER STRSTARTS(STR(?s), ?base) } ORDER BY ?s"
    )
    rows = store.query(
        query,
        use_default_graph_as_union=True,
        substitutions={ox.Variable("base"): ox.Literal(ID_BASE)},
    )
    by_kind: dict[str, list[str]] = {}
    for row in rows:
        iri = row[0].value
        if "#" not in iri:
            by_kind.setdefault(iri[len(ID_BASE) :].split("/", 1)[0], []).append(iri)
    return by_kind


def _class_table(stats: DatasetStats) -> str:
    rows = "".join(
        f"<tr><th>{escape(compact_iri(cls))}</th><td>{count}</td></tr>"
        for cls, count in stats.classes.items()
    )
    return f"<h2>Classes</h2><table>{rows}</table>"


def query_page(examples: list[dict[str, str]], yasgui: bool) -> str:
    """The query page: YASGUI with the bundled queries as tabs, or a plain form without it."""
    data = json.dumps(examples, ensure_ascii=False).replace("<", "\\u003c")
    form = _plain_form(examples[0]["text"] if examples else "SELECT * WHERE { ?s ?p ?o } LIMIT 10")
    if not yasgui:
        note = (
            "<p class=muted>The YASGUI query editor is not installed (run <code>make web</code>); "
            "this plain form sends queries to the same endpoint.</p>"
        )
        return page("SPARQL", _nav() + "<h1>SPARQL</h1>" + note + form)
    head = f'<link rel="stylesheet" href="{YASGUI_ASSETS}/yasgui.min.css">'
    body = (
        _nav()
        + '<h1>SPARQL</h1><div id="yasgui"></div>'
        + f'<script id="examples" type="application/json">{data}</script>'
        + f'<script src="{YASGUI_ASSETS}/yasgui.min.js"></script>'
        + f"<script>{YASGUI_SCRIPT}</script>"
        + f"<noscript>{form}</noscript>"
    )
    return page("SPARQL", body, head).replace("max-width:60rem", "max-width:90rem")


def _nav() -> str:
    return '<nav><a href="/">Dataset</a> · <a href="/void.ttl">VoID</a></nav>'


def _plain_form(text: str) -> str:
    return (
        '<form method="post" action="/sparql">'
        f'<textarea name="query" rows="14" style="width:100%">{escape(text)}</textarea>'
        '<p><select name="format"><option>json</option><option>sparql-xml</option>'
        "<option>csv</option><option>tsv</option><option>turtle</option></select> "
        "<button>Run</button></p></form>"
    )
