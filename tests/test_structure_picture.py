"""The organization picture: the agency, its units, its head and the acting bodies."""

from __future__ import annotations

import pytest

from kg.network.view import to_networkx
from kg.viz.agencies import agencies
from kg.viz.pictures import SYSTEM_FONT_DIR, save
from kg.viz.structure import structure, structure_figure, structure_title
from tests.helpers import label_overlaps
from tests.test_timeline_picture import svg_texts


@pytest.fixture(scope="module")
def st(graph):
    nxg = to_networkx(graph)
    return structure(nxg, agencies(nxg)[0])


def by_role(st, role: str) -> set[str]:
    return {d["label_ko"] for _, d in st.nodes(data=True) if d["role"] == role}


def test_structure_holds_units_head_and_acting_bodies(st) -> None:
    assert by_role(st, "agency") == {"전주정보문화산업진흥원"}
    assert len(by_role(st, "unit")) == 15 and "전북 VR·AR제작거점센터" in by_role(st, "unit")
    assert by_role(st, "head") == {"서문산성"}
    assert by_role(st, "actor") == {"정보통신부", "중소벤처기업부", "한국인정기구"}
    labels = {d for _, _, d in st.edges(data="label")}
    assert {"지정 2000", "지정 2003", "등록 2017", "인정 2019"} <= labels


@pytest.mark.skipif(
    not any(SYSTEM_FONT_DIR.rglob("*CJK*")), reason="no CJK font (apt-get install fonts-noto-cjk)"
)
def test_the_picture_names_everyone_and_no_label_overprints(st, tmp_path) -> None:
    title = structure_title(st)
    assert title.startswith("전주정보문화산업진흥원 조직 · Organization of the Jeonju")
    fig = structure_figure(st, title)
    assert label_overlaps(fig) == []  # matplotlib's own text extents
    svg, png = save(fig, tmp_path / "graph.svg")
    texts = svg_texts(svg)
    for _, data in st.nodes(data=True):
        assert data["label_ko"] in texts
        assert data["label_en"].split()[0] in " ".join(texts)  # English may wrap
    assert "인정 2019" in texts and title in texts
    assert "Noto Sans CJK" in svg.read_text(encoding="utf-8")
    assert png.stat().st_size > 50_000
