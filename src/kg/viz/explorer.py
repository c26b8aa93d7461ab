"""The offline explorer: one self-contained HTML page over the networkx view.

Everything is inlined: the page (the template ``kg/web/templates/explorer.html``,
rendered by :mod:`kg.core.html`), its style and script, the vis-network library (from
``node_modules``, installed by npm, never committed) and the graph itself as JSON. The
page loads nothing: no CDN, no server.

Example::

    >>> from kg.viz.explorer import explorer_html
    >>> html = explorer_html(to_networkx(graph))
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from kg.core.errors import KgError
from kg.core.files import write_atomic
from kg.core.html import render
from kg.core.paths import VIS_NETWORK_JS, WEB_DIR
from kg.network.view import CLASSES, OTHER
from kg.viz.layout import COLOURS, positions

# The node attributes the page uses (see kg.network.view); the id is the IRI.
PAGE_KEYS = ("cls", "dates", "evidence", "label_en", "label_ko", "literals", "types", "year")


class MissingLibraryError(KgError):
    """A JavaScript library the explorer inlines is not installed."""


def payload(nxg: nx.MultiDiGraph) -> dict[str, Any]:
    """The graph as the page needs it: nodes with positions, one edge per linked pair."""
    placed = positions(nxg)
    nodes = []
    for node in sorted(nxg.nodes):
        data = nxg.nodes[node]
        x, y = placed[node]
        nodes.append({"id": node, **{k: data[k] for k in PAGE_KEYS}, "x": x, "y": y})
    pairs: dict[tuple[str, str], list[dict]] = {}
    for u, v, key in sorted(nxg.edges(keys=True)):
        if u == v:
            continue
        pair = (min(u, v), max(u, v))
        pairs.setdefault(pair, []).append({"from": u, "to": v, "property": key})
    edges = [
        {"id": f"e{i}", "from": a, "to": b, "relations": relations}
        for i, ((a, b), relations) in enumerate(sorted(pairs.items()))
    ]
    used = {n["cls"] for n in nodes}
    classes = [
        {"name": name, "colour": COLOURS[name]}
        for name in [name for name, _ in CLASSES] + [OTHER]
        if name in used
    ]
    return {"nodes": nodes, "edges": edges, "classes": classes}


def vis_network_js(path: Path = VIS_NETWORK_JS) -> str:
    """The vis-network standalone build, read from node_modules."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as e:
        raise MissingLibraryError(
            f"{path}: vis-network is not installed; run `make js` (npm ci)"
        ) from e


def explorer_html(nxg: nx.MultiDiGraph, vis_js: str | None = None) -> str:
    """The whole page as one string (deterministic for a given graph)."""
    return render(
        "explorer.html",
        style=(WEB_DIR / "explorer.css").read_text(encoding="utf-8"),
        vis=vis_js if vis_js is not None else vis_network_js(),
        app=(WEB_DIR / "explorer.js").read_text(encoding="utf-8"),
        data=payload(nxg),
    )


def write_explorer(nxg: nx.MultiDiGraph, out: Path) -> Path:
    """Write the explorer page to ``out``; returns the path."""
    return write_atomic(out, explorer_html(nxg))
