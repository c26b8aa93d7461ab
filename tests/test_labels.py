"""The label index answers name lookups as the search query's scan does, and more."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.scale.synth import write_synth
from kg.sparql.labels import build_file_index, build_index, index_for, kind_of, open_index
from kg.sparql.store import load_store

SCAN = """SELECT DISTINCT ?node ?matched WHERE {{
  VALUES ?text {{ {text} }}
  ?node <http://www.w3.org/2000/01/rdf-schema#label>
    | <http://www.w3.org/2004/02/skos/core#altLabel> ?matched .
  FILTER (isIRI(?node) && CONTAINS(LCASE(STR(?matched)), LCASE(STR(?text))))
}}"""
# Korean and English parts of names, 1, 2 and 3+ characters; none with spaces
MIC = "https://w3id.org/kr-ict-kg/id/org/mic"
QUERIES = ["정보문화", "센터", "센", "진흥원", "랩", "ict", "IC", "c", "Agency", "없는기관", "(재)"]


def scan(store: ox.Store, text: str) -> set[tuple[str, str]]:
    query = SCAN.format(text=ox.Literal(text))  # the search query's own test, as a scan
    rows = store.query(query, use_default_graph_as_union=True)
    return {(row["node"].value, str(row["matched"])) for row in rows}


def found(store: ox.Store, text: str) -> set[tuple[str, str]]:
    return {(hit.node, hit.term) for hit in index_for(store).search(text)}


@pytest.fixture(scope="module")
def synth_store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    path, _ = write_synth(3000, tmp_path_factory.mktemp("synth") / "synth.nq")
    return load_store(path)


@pytest.mark.parametrize("text", QUERIES)
def test_the_index_finds_what_the_scan_finds_on_the_seed_graph(store, text: str) -> None:
    expected = scan(store, text)
    got = found(store, text)
    assert expected <= got
    assert got == expected or text.isascii()  # only an ASCII query finds romanizations too


def test_the_index_finds_what_the_scan_finds_on_a_synthetic_graph(synth_store) -> None:
    for text in ["정보산업", "센터", "랩", "진", "Agency", "ict"]:
        assert found(synth_store, text) >= scan(synth_store, text) != set()
    assert found(synth_store, "정보산업") == scan(synth_store, "정보산업")


def test_romanization_initials_and_short_queries(store) -> None:
    index = index_for(store)
    agency = "https://w3id.org/kr-ict-kg/id/org/jeonju-ict-culture-agency"
    for query in ["jeonju", "Jeonjujeongbo", "ㅈㅈㅈㅂ", "ㅈㅈ ㅈㅂ", "정보문화", "진흥"]:
        assert agency in {hit.node for hit in index.search(query)}, query
    assert index.search("ㅈ")  # one consonant: names of syllables starting with ㅈ
    assert index.search("") == [] and index.search("   ") == []
    assert len(index.search("센", limit=2)) == 2


def test_exact_names_resolve_to_iris(store) -> None:
    index = index_for(store)
    assert (
        index.named("정보통신부")
        == index.named(" mic ")
        == ["https://w3id.org/kr-ict-kg/id/org/mic"]
    )
    assert index.named("정보") == []
    (label,) = [h for h in index.labels_of([MIC])[MIC] if h.lang == "ko"]
    assert label.label == "정보통신부" and label.term == '"정보통신부"@ko' and not label.alt
    assert kind_of("https://w3id.org/kr-ict-kg/id/org/mic") == "org"


def test_an_index_file_answers_like_the_one_in_memory(store, tmp_path: Path) -> None:
    build_index(store, tmp_path / "labels.sqlite").db.close()
    on_disk = open_index(tmp_path / "labels.sqlite")
    assert on_disk.search("ㅈㅈㅈㅂ") == index_for(store).search("ㅈㅈㅈㅂ")


def _contents(index) -> list[tuple]:
    """Every indexed name with its keys (ids aside: the file gives file order; the pairs
    table keeps no content, searches of one and two characters below read it)."""
    return sorted(
        index.db.execute("SELECT node, term, label, lang, alt, folded, roman, initials FROM names")
    )


def _grams(index, text: str) -> list[tuple[str, str]]:
    return sorted((hit.node, hit.term) for hit in index.search(text))


@pytest.mark.parametrize("graph", ["nquads", "synth_nquads"])
def test_the_index_read_from_the_file_is_the_one_read_from_its_store(
    graph: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    path = request.getfixturevalue(graph)  # the seed graph's store and index are shared
    from_store = index_for(request.getfixturevalue("store")) if graph == "nquads" else (
        build_index(load_store(path)))  # fmt: skip
    from_file = build_file_index(path, ox.RdfFormat.N_QUADS, tmp_path / "labels.sqlite")
    assert _contents(from_file) == _contents(from_store) != []
    for text in ["정보", "ㅈㅈㅈㅂ", "jeonju", "센", "ㅈ", "진흥원"]:
        assert _grams(from_file, text) == _grams(from_store, text)


def test_the_file_index_parses_escaped_iris_and_skips_quoted_ones(tmp_path: Path) -> None:
    path = tmp_path / "g.nq"
    path.write_text(
        '<http://e.org/a> <http://www.w3.org/2000/01/rdf-schema\\u0023label> "가나"@ko '
        "<http://e.org/g> .\n"
        '<http://e.org/a> <http://e.org/p> "<http://www.w3.org/2000/01/rdf-schema#label>" .\n'
        '<http://e.org/b> <http://www.w3.org/2004/02/skos/core#altLabel> "다" .\n'
        '<http://e.org/b> <http://www.w3.org/2004/02/skos/core#altLabel> "다" <http://e.org/g> .\n'
        '_:x <http://www.w3.org/2000/01/rdf-schema#label> "blank" .\n',
        encoding="utf-8",
    )
    index = build_file_index(path, ox.RdfFormat.N_QUADS, tmp_path / "labels.sqlite")
    assert _contents(index) == _contents(build_index(load_store(path)))
    found = [(h.node, h.label, h.alt) for h in index.search("가나")]
    assert found == [("http://e.org/a", "가나", False)]
