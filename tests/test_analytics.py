"""Analytics against answers worked out by hand on a tiny graph.

The tiny graph: a chain A→B→C→D, E→B, and F alone (a second relation B→A
doubles one link, as the build's inverse pairs do).

    A — B — C — D        F
        |
        E
"""

from __future__ import annotations

import networkx as nx
import pytest

from kg.core.errors import InputError
from kg.network.analytics import centrality, neighbors, path_sentence, resolve, shortest_path, stats


def node(name: str, cls: str = "Unit") -> dict:
    return {"label_en": name, "label_ko": name.lower() + "국", "cls": cls}


@pytest.fixture
def tiny() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for name in "ABCDEF":
        g.add_node(f"ex:{name}", **node(name, "Agency" if name == "B" else "Unit"))
    g.add_edge("ex:A", "ex:B", key="p:next")
    g.add_edge("ex:B", "ex:A", key="p:prev")
    g.add_edge("ex:B", "ex:C", key="p:next")
    g.add_edge("ex:C", "ex:D", key="p:next")
    g.add_edge("ex:E", "ex:B", key="p:part")
    return g


def test_stats(tiny) -> None:
    result = stats(tiny)
    # 6 nodes, 4 undirected links (A–B counted once), density 2*4/(6*5)
    assert result["nodes"] == 6 and result["edges"] == 4 and result["directed_edges"] == 5
    assert result["density"] == pytest.approx(8 / 30, abs=1e-6)
    assert result["components"] == 2 and result["largest_component"] == 5
    assert result["classes"] == {"Unit": 5, "Agency": 1}


def test_centrality(tiny) -> None:
    rows = centrality(tiny, top=2)
    # B lies on A–C, A–D, A–E, E–C, E–D: 5 of the (6-1)(6-2)/2 = 10 pairs → 0.5
    # C lies on A–D, B–D, E–D: 3 → 0.3
    assert [(r["label"], r["degree"], r["betweenness"]) for r in rows] == [
        ("B", 3, 0.5),
        ("C", 2, 0.3),
    ]
    by_degree = centrality(tiny, top=1, by="degree")
    assert by_degree[0]["label"] == "B"
    with pytest.raises(InputError):
        centrality(tiny, by="pagerank")


def test_shortest_path_and_sentence(tiny) -> None:
    steps = shortest_path(tiny, "A", "d국")
    assert [s["to"] for s in steps] == ["ex:B", "ex:C", "ex:D"]
    assert path_sentence(tiny, steps) == "A —p:next→ B —p:next→ C —p:next→ D"
    back = shortest_path(tiny, "E", "A")
    assert path_sentence(tiny, back) == "E —p:part→ B —p:prev→ A"
    reverse = shortest_path(tiny, "D", "E")
    assert path_sentence(tiny, reverse, "ko") == "d국 ←p:next— c국 ←p:next— b국 ←p:part— e국"
    with pytest.raises(InputError, match="no path"):
        shortest_path(tiny, "A", "F")


def test_neighbors(tiny) -> None:
    rows = neighbors(tiny, "A", depth=2)
    assert [(r["label"], r["distance"]) for r in rows] == [("B", 1), ("C", 2), ("E", 2)]
    assert [r["label"] for r in neighbors(tiny, "F", depth=3)] == []
    with pytest.raises(InputError):
        neighbors(tiny, "A", depth=0)


def test_resolve_by_iri_label_and_errors(tiny) -> None:
    assert resolve(tiny, "ex:C") == "ex:C"
    assert resolve(tiny, "c국") == "ex:C"
    with pytest.raises(InputError, match="no entity"):
        resolve(tiny, "Z")
    with pytest.raises(InputError, match="names 6 entities"):
        resolve(tiny, "국")


def test_resolve_prefers_the_entity_others_are_named_after(graph) -> None:
    from kg.network.view import to_networkx

    nxg = to_networkx(graph)
    assert resolve(nxg, "VR·AR제작거점센터").endswith("/unit/jeonbuk-vr-ar-production-hub-center")
    assert resolve(nxg, "org/mic").endswith("/org/mic")
    steps = shortest_path(nxg, "VR·AR제작거점센터", "과학기술정보통신부")
    assert len(steps) == 3
    assert path_sentence(nxg, steps, "ko").startswith("전북 VR·AR제작거점센터 —org:unitOf→ 전주")
