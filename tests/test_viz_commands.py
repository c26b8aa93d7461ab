"""`kg viz` and `kg graph` from the command line."""

from __future__ import annotations

import json

from kg.core.paths import VIS_NETWORK_JS
from tests.helpers import run


def test_graph_stats_table_and_json() -> None:
    table = run("graph", "stats")
    assert table.exit_code == 0 and "nodes                  122" in table.output
    data = json.loads(run("graph", "stats", "--format", "json").output)
    assert data["nodes"] == 122 and data["classes"]["Unit"] == 15


def test_graph_centrality_puts_the_agency_first() -> None:
    rows = json.loads(run("graph", "centrality", "--top", "3", "--format", "json").output)
    assert rows[0]["label_ko"] == "전주정보문화산업진흥원" and len(rows) == 3


def test_graph_path_is_a_sentence_chain() -> None:
    result = run("graph", "path", "VR·AR제작거점센터", "과학기술정보통신부", "--lang", "ko")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("전북 VR·AR제작거점센터 —org:unitOf→ 전주정보문화산업진흥원")
    assert "—schema:funder→ 과학기술정보통신부" in result.output


def test_graph_neighbors_and_errors() -> None:
    result = run("graph", "neighbors", "정보통신부", "--depth", "2")
    assert result.exit_code == 0 and "소프트타운" in result.output
    bad = run("graph", "path", "센터", "정보통신부")
    assert bad.exit_code == 2 and "be more precise" in bad.output
    assert len(bad.output.strip().splitlines()) == 1 and "Traceback" not in bad.output
    assert run("graph", "neighbors", "nobody").exit_code == 2


def test_viz_timeline_and_static_write_svg_and_png(tmp_path) -> None:
    result = run("viz", "--timeline", "-o", str(tmp_path / "t.svg"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "t.svg").exists() and (tmp_path / "t.png").exists()
    result = run("viz", "--static", "-o", str(tmp_path / "g.svg"))
    assert result.exit_code == 0 and "g.png" in result.output
    assert run("viz", "--static", "-o", str(tmp_path / "g.png")).exit_code == 2
    assert run("viz", "--static", "--timeline").exit_code == 2
    assert run("viz", "--static", "--map").exit_code == 2


def test_viz_writes_the_explorer(tmp_path) -> None:
    result = run("viz", "-o", str(tmp_path / "e.html"))
    if not VIS_NETWORK_JS.exists():
        assert result.exit_code == 3 and "make js" in result.output
        return
    assert result.exit_code == 0 and (tmp_path / "e.html").stat().st_size > 500_000
