"""The offsets check reads stored texts only inside the project (or hash-matched)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from kg.core.namespaces import OA
from kg.validate.checks import check_offsets

SCHEMA = "https://schema.org/"


def annotated(url: str, exact: str, start: int, end: int, sha: str | None = None) -> Graph:
    graph = Graph()
    ann, target, quote, position = URIRef("http://x/ann"), BNode(), BNode(), BNode()
    doc, media = URIRef("http://x/doc"), BNode()
    graph.add((ann, OA.hasTarget, target))
    graph.add((target, OA.hasSource, doc))
    graph.add((target, OA.hasSelector, quote))
    graph.add((target, OA.hasSelector, position))
    graph.add((quote, OA.exact, Literal(exact)))
    graph.add((position, OA.start, Literal(start)))
    graph.add((position, OA.end, Literal(end)))
    graph.add((doc, URIRef(SCHEMA + "encoding"), media))
    graph.add((media, URIRef(SCHEMA + "contentUrl"), Literal(url)))
    if sha:
        graph.add((media, URIRef(SCHEMA + "sha256"), Literal(sha)))
    return graph


@pytest.mark.parametrize(
    "url", ["/etc/passwd", "../../../../../../etc/passwd", "file:///etc/passwd"]
)
def test_a_user_graph_cannot_make_the_check_quote_a_file_outside(tmp_path: Path, url: str) -> None:
    found = check_offsets(annotated(url, "x", 0, 4), tmp_path)
    assert found and all("root" not in v.message for v in found)
    assert "missing, outside the project" in found[0].message


def test_texts_inside_the_root_or_with_a_matching_hash_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("전주 정보", encoding="utf-8")
    assert check_offsets(annotated("a.txt", "정보", 3, 5), tmp_path) == []
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("전주 정보", encoding="utf-8")
    sha = hashlib.sha256(outside.read_bytes()).hexdigest()
    assert check_offsets(annotated(str(outside), "정보", 3, 5, sha), tmp_path / "sub") == []
    assert check_offsets(annotated(str(outside), "정보", 3, 5), tmp_path / "sub") != []


def test_a_text_missing_from_the_project_is_one_warning_not_a_violation_per_span(
    tmp_path: Path,
) -> None:
    graph = annotated("data/sources/a.txt", "정보", 3, 5)
    graph += annotated("data/sources/a.txt", "전주", 0, 2)
    (warning,) = check_offsets(graph, tmp_path)
    assert (warning.severity, warning.path, warning.value) == (
        "Warning",
        "schema:contentUrl",
        "data/sources/a.txt",
    )
    assert f"not under {tmp_path}" in warning.message and "2 annotation(s)" in warning.message
