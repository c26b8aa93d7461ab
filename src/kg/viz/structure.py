"""A static picture of one agency: itself, its units, its head, and the bodies that
acted on it (designated, registered, accredited), for reports and slides. The title
names the agency from the data. (Every agency at once: :mod:`kg.viz.overview`.)

Example::

    >>> from kg.build.assemble import build_graph
    >>> from kg.network.view import to_networkx
    >>> from kg.viz.agencies import agencies
    >>> nxg = to_networkx(build_graph())
    >>> st = structure(nxg, agencies(nxg)[0])
    >>> title = structure_title(st)
    >>> title.split(" · ")[0]
    '전주정보문화산업진흥원 조직'
    >>> [p.name for p in draw_structure(st, Path("dist/graph.svg"), title)]
    ['graph.svg', 'graph.png']
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import networkx as nx

from kg.viz.agencies import event_owners, is_event
from kg.viz.layout import COLOURS, column, ring
from kg.viz.pictures import save, setup
from kg.viz.timeline import KIND_KO, event_kind

ACTOR = "prov:wasAssociatedWith"
ABOUT = "schema:about"


def _targets(nxg: nx.MultiDiGraph, node: str, key: str) -> list[str]:
    return sorted(v for _, v, k in nxg.out_edges(node, keys=True) if k == key)


def structure(nxg: nx.MultiDiGraph, agency: str) -> nx.DiGraph:
    """One agency's structure as a small graph; edges carry a ``label``."""
    result: nx.DiGraph[str] = nx.DiGraph()

    def add(node: str, role: str) -> None:
        data = nxg.nodes[node]
        result.add_node(
            node,
            role=role,
            cls=data["cls"],
            label_ko=data["label_ko"],
            label_en=data["label_en"],
            year=data.get("year"),
        )

    add(agency, "agency")
    for unit in _targets(nxg, agency, "org:hasUnit"):
        add(unit, "unit")
        result.add_edge(agency, unit, label="")
    for person, _, key in sorted(nxg.in_edges(agency, keys=True)):
        if key == "org:headOf":
            add(person, "head")
            result.add_edge(person, agency, label="원장 head")
    owners = event_owners(nxg)
    for event, data in sorted(nxg.nodes(data=True)):
        if not is_event(nxg, event) or owners.get(event) != agency:
            continue
        kind = event_kind(data["types"])
        when = data["dates"].get("schema:startDate", "")[:4]
        for actor in _targets(nxg, event, ACTOR):
            for about in _targets(nxg, event, ABOUT):
                if about not in result:
                    add(about, "zone")
                add(actor, "actor")
                result.add_edge(actor, about, label=f"{KIND_KO.get(kind, kind)} {when}")
    return result


def structure_title(st: nx.DiGraph) -> str:
    """The picture's title, from the agency's labels."""
    data = next(d for _, d in st.nodes(data=True) if d["role"] == "agency")
    return f"{data['label_ko']} 조직 · Organization of the {data['label_en']}"


def _positions(st: nx.DiGraph) -> dict[str, tuple[float, float]]:
    def by_role(role: str) -> list[str]:
        nodes = [n for n, r in st.nodes(data="role") if r == role]
        return sorted(nodes, key=lambda n: (st.nodes[n]["year"] or 0, st.nodes[n]["label_en"], n))

    placed = {n: (0.0, 0.0) for n in by_role("agency")}
    units = ring(by_role("unit"), 1.0)
    placed |= {n: (1.75 * x, -1.05 * y) for n, (x, y) in units.items()}  # an ellipse
    placed |= column(by_role("head"), (0.0, 0.5), 0.3)
    placed |= column(by_role("actor"), (-2.9, 0.0), 0.75)
    placed |= column(by_role("zone"), (-4.2, 0.0), 0.9)
    return placed


ARROW = {"arrowstyle": "-|>", "color": "#999999", "lw": 0.9, "shrinkA": 9, "shrinkB": 9}
EDGE_LABEL = {"fontsize": 8.5, "color": "#444444", "ha": "center", "va": "center"}
LEGEND = [
    ("Agency", "agency"),
    ("Unit", "unit"),
    ("Person", "head"),
    ("Government body", "acting body"),
    ("Place", "designated zone"),
]


def draw_structure(st: nx.DiGraph, out: Path, title: str) -> list[Path]:
    """Draw the structure to ``out`` (SVG) and the PNG beside it; returns both paths."""
    return save(structure_figure(st, title), Path(out))


def structure_figure(st: nx.DiGraph, title: str) -> Any:
    """The structure as a matplotlib figure."""
    setup()
    import matplotlib.pyplot as plt

    pos = _positions(st)
    fig, ax = plt.subplots(figsize=(18, 10.5))
    ax.set_xlim(-4.75, 2.25)
    ax.set_ylim(-1.36, 1.3)
    ax.axis("off")
    ax.set_title(title, fontsize=15)
    _draw_edges(ax, st, pos)
    _draw_nodes(ax, st, pos)
    for i, (cls, name) in enumerate(LEGEND):
        ax.plot([-4.65], [1.2 - 0.09 * i], "o", ms=9, color=COLOURS[cls])
        ax.text(-4.58, 1.2 - 0.09 * i, name, va="center", fontsize=9)
    fig.subplots_adjust(left=0.01, right=0.99, top=0.95, bottom=0.01)
    return fig


def _draw_edges(ax: Any, st: nx.DiGraph, pos: dict[str, tuple[float, float]]) -> None:
    label: str | None  # an edge without a label is drawn bare
    for u, v, label in st.edges(data="label"):
        (x1, y1), (x2, y2) = pos[u], pos[v]
        ax.annotate("", xy=(x2, y2), xytext=(x1, y1), arrowprops=ARROW)
        if label:
            box = {"fc": "white", "ec": "none", "pad": 1}
            ax.text((x1 + x2) / 2, (y1 + y2) / 2, label, bbox=box, **EDGE_LABEL)


def _draw_nodes(ax: Any, st: nx.DiGraph, pos: dict[str, tuple[float, float]]) -> None:
    for node, data in st.nodes(data=True):
        x, y = pos[node]
        big = data["role"] == "agency"
        colour = COLOURS.get(data["cls"], COLOURS["Other"])
        ax.plot([x], [y], "o", ms=30 if big else 13, color=colour, zorder=3)
        ko_y, en_y = (y - 0.13, y - 0.21) if big else (y - 0.075, y - 0.135)
        ax.text(x, ko_y, data["label_ko"], ha="center", va="top", fontsize=13 if big else 10)
        english = data["label_en"] if big else textwrap.fill(data["label_en"], 24)
        ax.text(x, en_y, english, ha="center", va="top", fontsize=7.5, color="#666666")
