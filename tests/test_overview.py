"""Pictures of many agencies (panels, lanes, the map): every agency named, no label overprints.

The label boxes are matplotlib's own extents of every text of the figure (laid out,
not rendered), on the 17-agency synthetic graph and on the seed graph.
"""

from __future__ import annotations

import pytest
from matplotlib.text import Text

from kg.core.errors import InputError
from kg.network.view import to_networkx
from kg.viz.agencies import agencies, event_owners, find_agency
from kg.viz.overview import fit, lanes_figure, panels_figure
from kg.viz.regionmap import map_figure, placed_agencies
from tests.helpers import label_overlaps


def texts(fig) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(Text))


def test_agencies_by_name_region_and_events(synth_nxg) -> None:
    everyone = agencies(synth_nxg)
    assert len(everyone) == 17
    first = synth_nxg.nodes[everyone[0]]
    for name in (first["label_ko"], first["label_en"].upper(), everyone[0], "org/a00009"):
        assert find_agency(synth_nxg, name) in everyone
    with pytest.raises(InputError, match="no agency named 'nobody'"):
        find_agency(synth_nxg, "nobody")
    owners = event_owners(synth_nxg)
    assert {owners[e] for e in owners} == set(everyone)
    ordinances = [e for e in owners if e.endswith("-ordinance-enactment")]
    assert len(ordinances) == 17  # a regional ordinance: the agency of that region
    placed, unplaced = placed_agencies(synth_nxg)
    assert len(placed) == 17 and not unplaced


def test_no_label_overprints_on_17_agencies(synth_nxg) -> None:
    names = [synth_nxg.nodes[a]["label_ko"] for a in agencies(synth_nxg)]
    for figure in (panels_figure, lanes_figure, map_figure):
        fig = figure(synth_nxg)
        assert label_overlaps(fig) == [], figure.__name__
        shown = texts(fig)
        assert "17" in shown.splitlines()[0] or "17개" in shown
        assert all(name in shown for name in names), figure.__name__


def test_no_label_overprints_on_the_seed_map(graph) -> None:
    """(The seed's organization and timeline: tests/test_structure_picture.py and
    tests/test_timeline_picture.py check their labels the same way.)"""
    fig = map_figure(to_networkx(graph))
    assert label_overlaps(fig) == []
    assert "전주정보문화산업진흥원" in texts(fig) and "KR-45" in texts(fig)


def test_long_labels_are_shortened_to_fit() -> None:
    assert fit("짧은 이름", 2.0, 9) == "짧은 이름"
    long = fit("가" * 60, 2.0, 9)
    assert long.endswith("…") and len(long) < 20
