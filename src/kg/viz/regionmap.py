"""The agencies on a map of Korea's 17 시·도 (``kg viz --map``), SVG and PNG.

Boundaries and projection come from :mod:`kg.core.geo` (the packaged NGII data). A
region with agencies is shaded and gets a dot at its anchor; its name and its agencies
are written in a callout beside the map (west of 127.5° E on the left, the rest on the
right), stacked top to bottom in the order of the dots, with a leader line to the dot,
so that no two labels overprint however small the region. Agencies whose region the
graph does not give are listed under the map.

Example::

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", cls="Agency", label_ko="가기관", label_en="A", types=[], literals={})
    >>> g.add_node("u", cls="Unit", label_ko="가센터", label_en="U", types=[], literals={})
    >>> iso = {"schema:identifier": ["KR-45"]}
    >>> g.add_node("p", cls="Place", label_ko="전북", label_en="Jeonbuk", types=[], literals=iso)
    >>> _ = g.add_edge("a", "u", key="org:hasUnit"), g.add_edge("a", "p", key="schema:areaServed")
    >>> placed_agencies(g)
    ({'jeonbuk': ['a']}, [])
    >>> callout(g, load_regions()[12], ["a"])
    ['전북 Jeonbuk · KR-45', '가기관']
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from kg.core.geo import Region, extent, find_region, load_regions, project
from kg.viz.agencies import agencies, region_iso, region_of
from kg.viz.layout import COLOURS
from kg.viz.overview import fit
from kg.viz.pictures import save, setup

SIDE = 300.0  # map units kept for the callouts on each side
LINE = 11.0  # map units per line of text (9 points at the figure's scale)
MAX_AGENCIES = 4  # agencies named per callout; the rest counted
WEST_SIDE = 127.5  # regions whose anchor lies west of this longitude go on the left


def placed_agencies(nxg: nx.MultiDiGraph) -> tuple[dict[str, list[str]], list[str]]:
    """Agencies by region slug (the region by ISO code, else by the place's IRI), and the rest."""
    regions = load_regions()
    found: dict[str, list[str]] = {}
    unplaced = []
    for agency in agencies(nxg):
        place = region_of(nxg, agency)
        region = find_region(regions, region_iso(nxg, place) or place or "") if place else None
        if region is None:
            unplaced.append(agency)
        else:
            found.setdefault(region.slug, []).append(agency)
    return found, unplaced


def callout(nxg: nx.MultiDiGraph, region: Region, members: list[str]) -> list[str]:
    """The lines of a region's callout: its names and code, then its agencies."""
    place = region_of(nxg, members[0])
    data = nxg.nodes[place] if place else {"label_ko": region.slug, "label_en": ""}
    lines = [f"{data['label_ko']} {data['label_en']} · {region.iso}"]
    lines += [nxg.nodes[a]["label_ko"] for a in members[:MAX_AGENCIES]]
    if len(members) > MAX_AGENCIES:
        lines.append(f"… 외 {len(members) - MAX_AGENCIES}곳 · {len(members)} agencies in all")
    return [fit(line, SIDE / 55 - 0.4, 9) for line in lines]


def draw_map(nxg: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Draw the map to ``out`` (SVG) and the PNG beside it; returns both paths."""
    return save(map_figure(nxg), Path(out))


def map_figure(nxg: nx.MultiDiGraph) -> Any:
    """The map as a matplotlib figure (one map unit is ~1.31 points)."""
    setup()
    import matplotlib.pyplot as plt
    from matplotlib.collections import PolyCollection

    width, height = extent()
    found, unplaced = placed_agencies(nxg)
    fig = plt.figure(figsize=((width + 2 * SIDE) / 55, (height + 120) / 55))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(-SIDE, width + SIDE)
    ax.set_ylim(height + 80, -40)
    ax.axis("off")
    regions = sorted(load_regions(), key=_size, reverse=True)  # small ones drawn on top
    shapes = [(r, [project(p) for p in polygon[0]]) for r in regions for polygon in r.polygons]
    colours = ["#f3d9d0" if r.slug in found else "#eeeeee" for r, _ in shapes]
    outlines = PolyCollection(
        [xy for _, xy in shapes], facecolors=colours, edgecolors="#888888", linewidths=0.6
    )
    ax.add_collection(outlines, autolim=False)  # the limits are set: no per-vertex bounds
    count = sum(len(v) for v in found.values()) + len(unplaced)
    title = f"시·도별 {count}개 기관 · {count} agenc{'y' if count == 1 else 'ies'} by region"
    ax.text(-SIDE + 10, -20, title, fontsize=15, va="center")
    for west in (True, False):
        side = [r for r in regions if r.slug in found and (r.anchor[0] < WEST_SIDE) == west]
        side.sort(key=lambda r: project(r.anchor)[1])
        _callouts(ax, nxg, side, found, west)
    if unplaced:
        names = ", ".join(nxg.nodes[a]["label_ko"] for a in unplaced[:6])
        more = f" … (+{len(unplaced) - 6})" if len(unplaced) > 6 else ""
        text = f"지역 미상 · region not given: {names}{more}"
        ax.text(-SIDE + 10, height + 50, fit(text, 17, 9), fontsize=9, color="#666666")
    ax.text(width + SIDE - 10, height + 70, "경계: 국토지리정보원 · boundaries: NGII (open data)",
            fontsize=7, color="#999999", ha="right")  # fmt: skip
    return fig


def _size(region: Region) -> float:
    xs = [p[0] for poly in region.polygons for p in poly[0]]
    ys = [p[1] for poly in region.polygons for p in poly[0]]
    return (max(xs) - min(xs)) * (max(ys) - min(ys))


def _callouts(ax: Any, nxg: nx.MultiDiGraph, side: list[Region], found: dict, west: bool) -> None:
    """Stack the callouts of one side near their dots' heights, never overlapping."""
    width, height = extent()
    blocks = [callout(nxg, r, found[r.slug]) for r in side]
    tops, bottom = [], 0.0
    for region, lines in zip(side, blocks, strict=True):
        top = max(project(region.anchor)[1] - LINE * len(lines) / 2, bottom)
        tops.append(top)
        bottom = top + LINE * (len(lines) + 0.8)
    shift = max(0.0, bottom - height - 40)
    x = -20.0 if west else width + 20.0
    for region, lines, top in zip(side, blocks, tops, strict=True):
        top -= shift
        ax_x, ax_y = project(region.anchor)
        ax.plot([ax_x], [ax_y], "o", ms=7, color=COLOURS["Agency"], zorder=3)
        ax.plot([ax_x, x], [ax_y, top + LINE / 2], color="#bbbbbb", lw=0.7, zorder=2)
        for i, line in enumerate(lines):
            ax.text(x, top + LINE * (i + 0.5), line, fontsize=9.5 if i == 0 else 9,
                    fontweight="bold" if i == 0 else "normal", va="center",
                    ha="right" if west else "left")  # fmt: skip
