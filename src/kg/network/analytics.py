"""Graph analytics over the networkx view of :mod:`kg.network.view`.

Distances, paths and centralities are computed on the *simple undirected* view
(a relation links two entities whatever its direction, and the inverse pairs the
build writes out count once); ``stats`` also reports the directed multi-edges.

Example::

    >>> from kg.build.assemble import build_graph
    >>> from kg.network.view import to_networkx
    >>> nxg = to_networkx(build_graph())
    >>> stats(nxg)["components"]  # the agency's, the reporter, and 16 시·도 no article names
    18
    >>> [step["properties"][0] for step in shortest_path(nxg, "VR·AR", "과학기술정보통신부")]
    ['skos:inScheme', 'skos:inScheme', 'dcterms:subject', 'schema:funder']
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.core.config import compact_iri
from kg.core.errors import InputError
from kg.network.view import label


def simple(nxg: nx.MultiDiGraph) -> nx.Graph:
    """The simple undirected view: one edge per linked pair, nodes in sorted order."""
    view: nx.Graph[str] = nx.Graph()
    view.add_nodes_from(sorted(nxg.nodes))
    view.add_edges_from(sorted((u, v) for u, v in nxg.edges() if u != v))
    return view


def stats(nxg: nx.MultiDiGraph) -> dict[str, Any]:
    """Nodes, edges, density, connected components and nodes per class."""
    view = simple(nxg)
    components = sorted(nx.connected_components(view), key=lambda c: (-len(c), min(c)))
    classes: dict[str | None, int] = {}  # None: a node without a class
    for _, data in nxg.nodes(data=True):
        cls = data.get("cls")
        classes[cls] = classes.get(cls, 0) + 1
    return {
        "nodes": view.number_of_nodes(),
        "edges": view.number_of_edges(),
        "directed_edges": nxg.number_of_edges(),
        "density": round(nx.density(view), 6),
        "components": len(components),
        "largest_component": len(components[0]) if components else 0,
        "classes": dict(sorted(classes.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def centrality(nxg: nx.MultiDiGraph, top: int = 10, by: str = "betweenness") -> list[dict]:
    """The ``top`` nodes by betweenness (or degree), with both measures and labels."""
    if by not in ("betweenness", "degree"):
        raise InputError(f"unknown centrality {by!r}: use betweenness or degree")
    if top < 1:
        raise InputError(f"--top must be at least 1, not {top}")
    view = simple(nxg)
    between = nx.betweenness_centrality(view, normalized=True)
    rows = [
        {
            "iri": node,
            "label": label(nxg, node),
            "label_ko": label(nxg, node, "ko"),
            "class": nxg.nodes[node]["cls"],
            "degree": view.degree(node),
            "betweenness": round(between[node], 6),
        }
        for node in view.nodes
    ]
    rows.sort(key=lambda r: (-r[by], -r["degree"], r["label"], r["iri"]))
    return rows[:top]


def resolve(nxg: nx.MultiDiGraph, name: str) -> str:
    """The node named by an IRI, a compact IRI (``kg:unit/x``), a slug path or a label."""
    wanted = name.strip()
    if wanted in nxg:
        return wanted
    by_key: dict[str, set[str]] = {}
    for node, data in nxg.nodes(data=True):
        compact = compact_iri(node)
        keys = {compact, compact.split(":", 1)[-1], data["label_ko"], data["label_en"]}
        for key in keys:
            by_key.setdefault(key.casefold(), set()).add(node)
    exact = by_key.get(wanted.casefold(), set())
    if len(exact) == 1:
        return next(iter(exact))
    matches = exact or {
        node for key, found in by_key.items() if wanted.casefold() in key for node in found
    }
    if not matches:
        raise InputError(f"no entity named {name!r} (give a label, a slug or an IRI)")
    core = _named_after(by_key, matches, wanted.casefold())
    if core is not None:
        return core
    names = ", ".join(sorted(label(nxg, m) for m in matches)[:5])
    raise InputError(f"{name!r} names {len(matches)} entities ({names} …): be more precise")


def _named_after(by_key: dict[str, set[str]], matches: set[str], wanted: str) -> str | None:
    """The one match whose name is inside the names of all the others, if any.

    "VR·AR제작거점센터" matches the center and "전북 VR·AR제작거점센터 개소", the event
    named after it: the center is meant. "센터" matches twenty unrelated names: none.
    """
    keys = {
        node: {k for k, found in by_key.items() if node in found and wanted in k}
        for node in matches
    }
    cores = [
        node
        for node in sorted(matches)
        if any(
            all(any(key in other for other in keys[m]) for m in matches if m != node)
            for key in keys[node]
        )
    ]
    return cores[0] if len(cores) == 1 else None


def shortest_path(nxg: nx.MultiDiGraph, source: str, target: str) -> list[dict]:
    """The shortest chain of relations from ``source`` to ``target`` (names resolved).

    One step per hop: ``{"from", "to", "properties", "forward"}``, where ``forward``
    tells whether the relation points from the earlier node to the later one.
    """
    start, end = resolve(nxg, source), resolve(nxg, target)
    try:
        nodes = nx.shortest_path(simple(nxg), start, end)
    except nx.NetworkXNoPath as e:
        raise InputError(f"no path between {label(nxg, start)!r} and {label(nxg, end)!r}") from e
    return [_step(nxg, a, b) for a, b in zip(nodes, nodes[1:], strict=False)]


def _step(nxg: nx.MultiDiGraph, a: str, b: str) -> dict:
    forward = sorted(nxg.get_edge_data(a, b, default={}), key=str)  # the keys are names
    backward = sorted(nxg.get_edge_data(b, a, default={}), key=str)
    return {
        "from": a,
        "to": b,
        "properties": forward or backward,
        "forward": bool(forward),
    }


def path_sentence(nxg: nx.MultiDiGraph, steps: list[dict], lang: str = "en") -> str:
    """A path as one readable chain: ``A —org:hasUnit→ B ←schema:about— C``."""
    if not steps:
        return ""
    parts = [label(nxg, steps[0]["from"], lang)]
    for step in steps:
        props = " / ".join(step["properties"])
        arrow = f" —{props}→ " if step["forward"] else f" ←{props}— "
        parts.append(arrow + label(nxg, step["to"], lang))
    return "".join(parts)


def neighbors(nxg: nx.MultiDiGraph, name: str, depth: int = 1) -> list[dict]:
    """The entities within ``depth`` relations of ``name``, nearest first."""
    if depth < 1:
        raise InputError(f"--depth must be at least 1, not {depth}")
    start = resolve(nxg, name)
    lengths = nx.single_source_shortest_path_length(simple(nxg), start, cutoff=depth)
    rows = [
        {
            "iri": node,
            "label": label(nxg, node),
            "label_ko": label(nxg, node, "ko"),
            "class": nxg.nodes[node]["cls"],
            "distance": distance,
        }
        for node, distance in lengths.items()
        if node != start
    ]
    rows.sort(key=lambda r: (r["distance"], r["class"], r["label"], r["iri"]))
    return rows
