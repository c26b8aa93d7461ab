"""The fixed layout: agency at the centre, units around it, the rest apart."""

from __future__ import annotations

import math

from kg.network.view import to_networkx
from kg.viz.layout import RING, positions


def test_agency_centre_units_ring_bodies_left_programs_right(graph) -> None:
    nxg = to_networkx(graph)
    placed = positions(nxg)
    assert set(placed) == set(nxg.nodes)
    by_class: dict[str, list[tuple[float, float]]] = {}
    for node, cls in nxg.nodes(data="cls"):
        by_class.setdefault(cls, []).append(placed[node])
    assert by_class["Agency"] == [(0.0, 0.0)]
    assert all(math.isclose(math.hypot(x, y), RING, rel_tol=1e-3) for x, y in by_class["Unit"])
    assert all(x < -RING for x, _ in by_class["Government body"])
    assert all(x > RING for x, _ in by_class["Program"])
    assert all(y < -RING for _, y in by_class["Event"])
    assert all(y > RING for _, y in by_class["Concept"])
    assert len(set(placed.values())) == len(placed), "two nodes on the same spot"


def test_layout_is_deterministic(graph) -> None:
    assert positions(to_networkx(graph)) == positions(to_networkx(graph))
