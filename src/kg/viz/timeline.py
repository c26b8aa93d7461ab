"""One agency's history as a picture: its dated timeline events, grouped by kind.

One row per event in date order (the date as precise as the source gives it), one
column ("lane") per kind of event, Korean label and English label beside it; the
title names the agency from the data. (Every agency at once: :mod:`kg.viz.overview`.)

Example::

    >>> from kg.build.assemble import build_graph
    >>> from kg.network.view import to_networkx
    >>> from kg.viz.agencies import agencies
    >>> nxg = to_networkx(build_graph())
    >>> agency = agencies(nxg)[0]
    >>> events = timeline_events(nxg, agency)
    >>> len(events)
    21
    >>> title = history_title(nxg, agency)
    >>> title.split(" · ")[0]
    '전주정보문화산업진흥원 주요연혁'
    >>> [p.name for p in draw_timeline(events, Path("dist/timeline.svg"), title)]
    ['timeline.svg', 'timeline.png']
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from kg.core.errors import KgError
from kg.viz.agencies import event_owners, is_event
from kg.viz.pictures import save, setup

# Kinds of history events (def:<Kind>Event) in Korean, as the article's verbs say.
KIND_KO = {
    "Founding": "설립",
    "Establishment": "설립",
    "Opening": "개소",
    "Renaming": "명칭변경",
    "Designation": "지정",
    "Selection": "선정",
    "Registration": "등록",
    "Accreditation": "인정",
    "Enactment": "제정",
}
LANE_COLOURS = [  # matplotlib's tab10: distinct for up to ten kinds
    "#d62728",
    "#ff7f0e",
    "#1f77b4",
    "#2ca02c",
    "#9467bd",
    "#8c564b",
    "#17becf",
    "#e377c2",
    "#bcbd22",
    "#7f7f7f",
]
LANE = 0.95  # width of a lane


@dataclass(frozen=True)
class TimelineEvent:
    """One dated event of the timeline, as drawn."""

    date: str
    kind: str
    label_ko: str
    label_en: str
    iri: str


def event_kind(types: list[str]) -> str:
    """``Opening`` for an event typed ``def:OpeningEvent`` (``Event`` if none)."""
    for name in types:
        local = name.split(":", 1)[-1]
        if name.startswith("def:") and local.endswith("Event") and local != "HistoryEvent":
            return local[: -len("Event")]
    return "Event"


def timeline_events(nxg: nx.MultiDiGraph, agency: str | None = None) -> list[TimelineEvent]:
    """The nodes typed ``def:HistoryEvent`` (of ``agency`` only, if given), in date order."""
    owners = event_owners(nxg) if agency else {}
    events = [
        TimelineEvent(
            date=data["dates"].get("schema:startDate", ""),
            kind=event_kind(data["types"]),
            label_ko=data["label_ko"],
            label_en=data["label_en"],
            iri=node,
        )
        for node, data in nxg.nodes(data=True)
        if is_event(nxg, node) and (agency is None or owners.get(node) == agency)
    ]
    if not events:
        raise KgError("the graph has no timeline event (def:HistoryEvent)")
    return sorted(events, key=lambda e: (e.date, e.label_en, e.iri))


def history_title(nxg: nx.MultiDiGraph, agency: str) -> str:
    """The picture's title, from the agency's labels."""
    data = nxg.nodes[agency]
    return f"{data['label_ko']} 주요연혁 · History of the {data['label_en']}"


def lanes(events: list[TimelineEvent]) -> list[str]:
    """The kinds in order of their first event."""
    seen: list[str] = []
    for event in events:
        if event.kind not in seen:
            seen.append(event.kind)
    return seen


def draw_timeline(events: list[TimelineEvent], out: Path, title: str) -> list[Path]:
    """Draw the timeline to ``out`` (SVG) and the PNG beside it; returns both paths."""
    return save(timeline_figure(events, title), Path(out))


def timeline_figure(events: list[TimelineEvent], title: str) -> Any:
    """The timeline as a matplotlib figure."""
    setup()
    import matplotlib.pyplot as plt

    kinds = lanes(events)
    lane_x = {kind: 1.9 + LANE * i for i, kind in enumerate(kinds)}
    rows = len(events)
    fig, ax = plt.subplots(figsize=(17, 1.6 + 0.46 * rows))
    ax.set_xlim(0, 17)
    ax.set_ylim(rows + 0.2, -2.2)
    ax.axis("off")
    ax.text(0, -1.7, title, fontsize=15)
    for i, kind in enumerate(kinds):
        colour = LANE_COLOURS[i % len(LANE_COLOURS)]
        ax.plot([lane_x[kind]] * 2, [-0.4, rows - 0.6], color=colour, alpha=0.25, lw=6)
        header = f"{KIND_KO.get(kind, kind)}\n{kind}"
        ax.text(lane_x[kind], -0.6, header, ha="center", va="bottom", fontsize=8, color=colour)
    _draw_rows(ax, events, kinds, lane_x, text_x=1.9 + LANE * len(kinds) - 0.2)
    fig.subplots_adjust(left=0.02, right=0.98, top=0.98, bottom=0.01)
    return fig


def _draw_rows(
    ax: Any, events: list[TimelineEvent], kinds: list[str], lane_x: dict, text_x: float
) -> None:
    """One row per event: date, a dot in its kind's lane, Korean and English labels."""
    previous_year = ""
    for row, event in enumerate(events):
        colour = LANE_COLOURS[kinds.index(event.kind) % len(LANE_COLOURS)]
        if event.date[:4] != previous_year and row:
            ax.axhline(row - 0.5, color="#dddddd", lw=0.8)
        previous_year = event.date[:4]
        ax.text(0, row, event.date, va="center", fontsize=10.5, family="monospace")
        ax.plot([lane_x[event.kind]], [row], "o", color=colour, ms=9)
        ax.plot([lane_x[event.kind], text_x - 0.08], [row, row], ":", color=colour, lw=0.8)
        ax.text(text_x, row - 0.1, event.label_ko, va="center", fontsize=11.5)
        ax.text(text_x, row + 0.24, event.label_en, va="center", fontsize=8, color="#666666")
