"""Every agency in one picture: a panel per agency (organization) or a lane per agency
(history), ordered by region, so that regions can be compared side by side.

Labels are laid out on a fixed grid measured in inches (one line per text, a panel
as wide as its longest allowed label), so no two labels overprint; a label too long
for its panel is shortened with "…". Titles say how many agencies the graph holds.

Example::

    >>> fit("전주정보문화산업진흥원", 1.0, 9)
    '전주정보문화산…'
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import networkx as nx

from kg.viz.agencies import agencies, event_owners, region_iso, region_of
from kg.viz.layout import COLOURS
from kg.viz.pictures import save, setup
from kg.viz.structure import structure
from kg.viz.timeline import KIND_KO, LANE_COLOURS, event_kind

LINE = 0.24  # inches per line of 9-point text
PANEL_W, COLUMNS = 5.6, 3
LABEL_W = 3.4  # inches kept for an agency's name in the lanes


def fit(text: str, inches: float, points: float) -> str:
    """``text`` shortened with "…" to about ``inches`` at ``points`` (Hangul a full em)."""
    limit = inches * 72 / points
    width = 0.0
    for i, char in enumerate(text):
        width += 1.0 if ord(char) > 0x2E80 else 0.62
        if width > limit - 1:
            return text[:i] + "…"
    return text


def _region_name(nxg: nx.MultiDiGraph, agency: str) -> str:
    place = region_of(nxg, agency)
    return nxg.nodes[place]["label_ko"] if place else "지역 미상 · region unknown"


def panel_lines(nxg: nx.MultiDiGraph, agency: str) -> list[tuple[str, float, str, str]]:
    """The lines of one agency's panel: (text, points, colour, dot colour or "")."""
    st = structure(nxg, agency)
    data = st.nodes[agency]
    lines = [
        (data["label_ko"], 12.0, "black", COLOURS["Agency"]),
        (f"{data['label_en']} · {_region_name(nxg, agency)}", 8.0, "#666666", ""),
    ]
    for role, cls in (("unit", "Unit"), ("head", "Person")):
        for node in sorted(n for n, r in st.nodes(data="role") if r == role):
            prefix = "원장 head: " if role == "head" else ""
            lines.append((prefix + st.nodes[node]["label_ko"], 9.0, "black", COLOURS[cls]))
    label: str
    for u, v, label in sorted(st.edges(data="label")):
        if st.nodes[u]["role"] == "actor":
            text = f"{label} · {st.nodes[u]['label_ko']} → {st.nodes[v]['label_ko']}"
            lines.append((text, 8.5, "#444444", COLOURS["Government body"]))
    return lines


def draw_panels(nxg: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Draw every agency's panel to ``out`` (SVG) and the PNG beside it."""
    return save(panels_figure(nxg), Path(out))


def panels_figure(nxg: nx.MultiDiGraph) -> Any:
    """A panel per agency, in region order, ``COLUMNS`` to a row."""
    setup()
    import matplotlib.pyplot as plt

    panels = [panel_lines(nxg, a) for a in agencies(nxg)]
    columns = min(COLUMNS, len(panels))
    rows = [panels[i : i + columns] for i in range(0, len(panels), columns)]
    heights = [LINE * (max(len(p) for p in row) + 1.5) for row in rows]
    width, height = PANEL_W * columns + 0.4, sum(heights) + 0.9
    fig = plt.figure(figsize=(width, height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.axis("off")
    title = f"{len(panels)}개 기관 조직 · Organization of {len(panels)} agencies, by region"
    ax.text(0.2, 0.45, title, fontsize=15, va="center")
    top = 0.9
    for row, row_height in zip(rows, heights, strict=True):
        for col, lines in enumerate(row):
            _draw_panel(ax, lines, 0.2 + col * PANEL_W, top)
        top += row_height
    return fig


def _draw_panel(ax: Any, lines: list[tuple[str, float, str, str]], x: float, y: float) -> None:
    for i, (text, points, colour, dot) in enumerate(lines):
        line_y = y + LINE * (i + 0.5) + (0.08 if i else 0.0)
        if dot:
            ax.plot([x + 0.1], [line_y], "o", ms=8 if i == 0 else 5, color=dot)
        shown = fit(text, PANEL_W - 0.6, points)
        ax.text(x + 0.25, line_y, shown, fontsize=points, color=colour, va="center")


def draw_lanes(nxg: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Draw every agency's history, a lane each, to ``out`` (SVG) and the PNG beside it."""
    return save(lanes_figure(nxg), Path(out))


def lanes_figure(nxg: nx.MultiDiGraph) -> Any:
    """One lane per agency (region order), a dot per event at its date, coloured by kind."""
    setup()
    import matplotlib.pyplot as plt

    everyone = agencies(nxg)
    owners = event_owners(nxg)
    kinds = sorted({event_kind(nxg.nodes[e]["types"]) for e in owners})
    colour = {k: LANE_COLOURS[i % len(LANE_COLOURS)] for i, k in enumerate(kinds)}
    years = [_year(nxg, e) for e in owners if _year(nxg, e)] or [2000.0]
    first, last = math.floor(min(years)) - 1, math.ceil(max(years)) + 1
    height = LINE * 1.4 * len(everyone) + 1.6
    fig = plt.figure(figsize=(16, height))
    ax = fig.add_axes((LABEL_W / 16, 0.5 / height, 1 - LABEL_W / 16 - 0.02, 1 - 1.4 / height))
    ax.set_xlim(first, last)
    ax.set_ylim(len(everyone) - 0.5, -0.5)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    for row, agency in enumerate(everyone):
        iso = region_iso(nxg, region_of(nxg, agency))
        name = nxg.nodes[agency]["label_ko"] + (f" · {iso}" if iso else "")
        ax.text(first, row, fit(name, LABEL_W - 0.3, 9) + "  ", fontsize=9, ha="right", va="center")
        ax.axhline(row, color="#eeeeee", lw=0.8, zorder=0)
    for event, agency in owners.items():
        if not _year(nxg, event):
            continue
        kind = event_kind(nxg.nodes[event]["types"])
        ax.plot([_year(nxg, event)], [everyone.index(agency)], "o", ms=6, color=colour[kind])
    for kind in kinds:
        ax.plot([], [], "o", color=colour[kind], label=f"{KIND_KO.get(kind, kind)} {kind}")
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=min(len(kinds), 8), fontsize=8.5,
              frameon=False)  # fmt: skip
    title = f"{len(everyone)}개 기관 주요연혁 · History of {len(everyone)} agencies, by region"
    fig.text(0.01, 1 - 0.3 / height, title, fontsize=15, va="center")
    return fig


def _year(nxg: nx.MultiDiGraph, event: str) -> float:
    """The event's date as a fractional year (2003-07-01 → 2003.5), 0 when undated."""
    date = nxg.nodes[event]["dates"].get("schema:startDate", "")
    parts = [int(p) for p in date.split("-") if p.isdigit()]
    if not parts:
        return 0.0
    month = parts[1] if len(parts) > 1 else 7
    day = parts[2] if len(parts) > 2 else 1
    return parts[0] + (month - 1) / 12 + (day - 1) / 365
