"""Fixed positions for the pictures: readable at first sight, the same on every run.

The agency sits at the centre, its units on a ring around it, its head inside the
ring; government bodies in a column on the left (places and legislation beyond
them), programs on the right (their figures beyond them), the dated events in two
staggered rows across the top in date order, concepts in a grid at the bottom.
Within a group, nodes are ordered by year, then English label, then IRI.
"""

from __future__ import annotations

import math

import networkx as nx

Position = tuple[float, float]

RING = 520.0  # radius of the ring of units
LEFT, RIGHT, TOP, BOTTOM = -1150.0, 1250.0, -1000.0, 900.0


def positions(nxg: nx.MultiDiGraph) -> dict[str, Position]:
    """A position (x, y; y grows downwards) for every node of ``nxg``."""
    groups: dict[str, list[str]] = {}
    for node in sorted(nxg.nodes, key=lambda n: _order(nxg, n)):
        groups.setdefault(nxg.nodes[node]["cls"], []).append(node)
    get = groups.get
    placed: dict[str, Position] = {}
    placed |= column(get("Agency", []), (0.0, 0.0), 150.0)
    placed |= ring(get("Unit", []), RING)
    placed |= column(get("Post", []) + get("Person", []), (0.0, -235.0), 80.0)
    placed |= column(get("Government body", []), (LEFT, 0.0), 150.0)
    placed |= column(get("Place", []) + get("Legislation", []), (LEFT - 480.0, 0.0), 150.0)
    placed |= grid(get("Program", []), (RIGHT, 0.0), columns=2, dx=400.0, dy=125.0)
    placed |= column(get("Figure", []), (RIGHT + 720.0, 0.0), 150.0)
    placed |= staggered_row(get("Event", []), (0.0, TOP), dx=160.0, dy=130.0)
    rest = get("Concept scheme", []) + get("Concept", []) + get("Other", [])
    placed |= grid(rest, (0.0, BOTTOM + 250.0), columns=10, dx=300.0, dy=110.0)
    return placed


def _order(nxg: nx.MultiDiGraph, node: str) -> tuple:
    data = nxg.nodes[node]
    return (data.get("year") or 0, sorted(data.get("dates", {}).values()), data["label_en"], node)


def column(nodes: list[str], centre: Position, dy: float) -> dict[str, Position]:
    """Nodes one under the other, centred vertically on ``centre``."""
    x, y = centre
    top = y - dy * (len(nodes) - 1) / 2
    return {node: (x, top + i * dy) for i, node in enumerate(nodes)}


def ring(nodes: list[str], radius: float) -> dict[str, Position]:
    """Nodes on a circle around the origin, clockwise from the top."""
    count = max(len(nodes), 1)
    return {
        node: (
            round(radius * math.sin(2 * math.pi * i / count), 3),
            round(-radius * math.cos(2 * math.pi * i / count), 3),
        )
        for i, node in enumerate(nodes)
    }


def grid(
    nodes: list[str], centre: Position, columns: int, dx: float, dy: float
) -> dict[str, Position]:
    """Nodes row by row in ``columns`` columns, the block centred on ``centre``."""
    columns = max(1, min(columns, len(nodes)))
    rows = math.ceil(len(nodes) / columns)
    x0 = centre[0] - dx * (columns - 1) / 2
    y0 = centre[1] - dy * (rows - 1) / 2
    return {
        node: (x0 + (i % columns) * dx, y0 + (i // columns) * dy) for i, node in enumerate(nodes)
    }


def staggered_row(nodes: list[str], centre: Position, dx: float, dy: float) -> dict[str, Position]:
    """Nodes left to right, every other one a row higher, so long labels do not collide."""
    x0 = centre[0] - dx * (len(nodes) - 1) / 2
    return {node: (x0 + i * dx, centre[1] - (dy if i % 2 else 0.0)) for i, node in enumerate(nodes)}


# One colour per display class (kg.network.view.CLASSES), shared by every picture.
COLOURS: dict[str, str] = {
    "Agency": "#d62728",
    "Unit": "#ff7f0e",
    "Government body": "#1f77b4",
    "Program": "#2ca02c",
    "Event": "#9467bd",
    "Person": "#8c564b",
    "Post": "#c49c94",
    "Figure": "#17becf",
    "Place": "#bcbd22",
    "Legislation": "#7f7f7f",
    "Concept": "#aec7e8",
    "Concept scheme": "#6b8fb8",
    "Other": "#cccccc",
}
