"""The explorer's layout for many agencies: one hub per agency, hubs grouped by region.

Every node belongs to at most one agency (:func:`node_owners`): its members, its
events, and whatever is linked to the nodes of that one agency only (a figure of its
program, a zone it was designated for). Hubs sit on a grid in region order (so the
agencies of one 시·도 are neighbours), each with its members on an inner ring and
its events and other nodes on an outer ring; what belongs to no one agency (the
ministries, regions, technologies) lies in a grid below the hubs. A graph of one
agency keeps the layout of :mod:`kg.viz.layout`.

Example::

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", cls="Agency", label_ko="가기관", label_en="A", types=[], literals={})
    >>> g.add_node("u", cls="Unit", label_ko="가센터", label_en="U", types=[], literals={})
    >>> iso = {"schema:identifier": ["KR-45"]}
    >>> g.add_node("p", cls="Place", label_ko="전북", label_en="Jeonbuk", types=[], literals=iso)
    >>> _ = g.add_edge("a", "u", key="org:hasUnit"), g.add_edge("a", "p", key="schema:areaServed")
    >>> sorted(node_owners(g).items())
    [('a', 'a'), ('u', 'a')]
    >>> sorted(hub_positions(g))
    ['a', 'p', 'u']
"""

from __future__ import annotations

import math

import networkx as nx

from kg.viz.agencies import agencies, event_owners, members
from kg.viz.layout import Position, grid

HUB = 1500.0  # distance between two hubs
INNER, OUTER = 300.0, 560.0  # radii of a hub's rings
INNER_CLASSES = {"Unit", "Program", "Person", "Post"}


def node_owners(nxg: nx.MultiDiGraph) -> dict[str, str]:
    """The agency each node belongs to (nodes of no one agency are left out)."""
    owners: dict[str, str] = {}
    for agency in reversed(agencies(nxg)):
        owners |= {m: agency for m in members(nxg, agency)}
    owners = event_owners(nxg) | owners
    linked = {}
    for node in nxg.nodes:
        if node not in owners:
            near = {owners[w] for w in nx.all_neighbors(nxg, node) if w in owners}
            if len(near) == 1 and nxg.nodes[node]["cls"] not in {"Place", "Government body"}:
                linked[node] = near.pop()
    return owners | linked


def hub_positions(nxg: nx.MultiDiGraph) -> dict[str, Position]:
    """A position for every node: agencies as hubs on a grid, shared nodes below."""
    everyone = agencies(nxg)
    owners = node_owners(nxg)
    columns = max(1, math.ceil(math.sqrt(len(everyone))))
    owned: dict[str, list[str]] = {a: [] for a in everyone}
    for node in sorted(owners, key=lambda n: _order(nxg, n)):
        if node not in owned:
            owned[owners[node]].append(node)
    placed: dict[str, Position] = {}
    for i, agency in enumerate(everyone):
        centre = ((i % columns) * HUB, (i // columns) * HUB)
        placed[agency] = centre
        inner = [n for n in owned[agency] if nxg.nodes[n]["cls"] in INNER_CLASSES]
        outer = [n for n in owned[agency] if n not in set(inner)]
        placed |= _ring(inner, centre, INNER)
        placed |= _ring(outer, centre, OUTER)
    shared = sorted((n for n in nxg.nodes if n not in placed), key=lambda n: _order(nxg, n))
    wide = max(4, columns * 4)
    top = (math.ceil(len(everyone) / columns) - 1) * HUB + OUTER + 300.0
    block = 110.0 * (math.ceil(len(shared) / wide) - 1)
    placed |= grid(shared, ((columns - 1) * HUB / 2, top + block / 2), wide, 320.0, 110.0)
    return placed


def _ring(nodes: list[str], centre: Position, radius: float) -> dict[str, Position]:
    count = max(len(nodes), 1)
    cx, cy = centre
    return {
        node: (
            round(cx + radius * math.sin(2 * math.pi * i / count), 1),
            round(cy - radius * math.cos(2 * math.pi * i / count), 1),
        )
        for i, node in enumerate(nodes)
    }


def _order(nxg: nx.MultiDiGraph, node: str) -> tuple:
    data = nxg.nodes[node]
    return (data["cls"], data.get("year") or 0, data["label_en"], node)
