"""The timeline picture of one agency: its 21 events, dates and labels, grouped by kind."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from kg.network.view import to_networkx
from kg.viz.agencies import agencies
from kg.viz.pictures import SYSTEM_FONT_DIR, save
from kg.viz.timeline import (
    draw_timeline,
    event_kind,
    history_title,
    lanes,
    timeline_events,
    timeline_figure,
)
from tests.helpers import label_overlaps

TITLE = "전주정보문화산업진흥원 주요연혁 · History of the agency"


@pytest.fixture(scope="module")
def events(graph):
    nxg = to_networkx(graph)
    agency = agencies(nxg)[0]
    assert history_title(nxg, agency).startswith(
        "전주정보문화산업진흥원 주요연혁 · History of the "
    )
    assert timeline_events(nxg, agency) == timeline_events(nxg)  # one agency: every event
    return timeline_events(nxg, agency)


def svg_texts(path) -> list[str]:
    root = ET.parse(path).getroot()
    return ["".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text")]


def test_the_21_events_in_date_order(events) -> None:
    assert len(events) == 21
    assert [e.date for e in events] == sorted(e.date for e in events)
    assert events[0].date == "1998-11-27" and events[0].label_ko == "전주S/W지원센터 개소"
    assert events[-1].date == "2020-01-22" and events[-1].kind == "Opening"
    assert lanes(events)[:3] == ["Opening", "Designation", "Enactment"]
    assert event_kind(["def:HistoryEvent", "def:RenamingEvent", "schema:Event"]) == "Renaming"


@pytest.mark.skipif(
    not any(SYSTEM_FONT_DIR.rglob("*CJK*")), reason="no CJK font (apt-get install fonts-noto-cjk)"
)
def test_the_picture_shows_every_event_date_label_and_kind(events, tmp_path) -> None:
    fig = timeline_figure(events, TITLE)
    assert label_overlaps(fig) == []  # matplotlib's own text extents
    svg, png = save(fig, tmp_path / "timeline.svg")
    texts = svg_texts(svg)
    for event in events:
        assert event.date in texts, event.date
        assert event.label_ko in texts, event.label_ko
        assert event.label_en in texts, event.label_en
    assert "개소" in texts and "Opening" in texts  # a lane header, two lines
    assert TITLE in texts
    assert "Noto Sans CJK" in svg.read_text(encoding="utf-8")
    assert png.stat().st_size > 50_000
    again = draw_timeline(events, tmp_path / "again.svg", TITLE)
    assert again[0].read_bytes() == svg.read_bytes()
