"""Every RDF export keeps lexical forms exactly and writes long blank-node chains."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.pipeline.export import EXPORTS, render
from kg.rdf.convert import read_input
from kg.rdf.formats import FORMATS
from kg.rdf.reading import load_graph

RDF_FORMATS = [name for name in EXPORTS if FORMATS[name].rdf]
XSD = "http://www.w3.org/2001/XMLSchema#"
NFC = "전주"
NFD = unicodedata.normalize("NFD", NFC)
ODD = [
    ("2019-13-40", "date"),
    ("12abc", "integer"),
    ("yes", "boolean"),
    ("01", "integer"),
    ("+5", "integer"),
    ("1.50", "decimal"),
    ("1", "decimal"),
    ("0.123456789", "double"),
    ("1.5E3", "double"),
    ("1", "boolean"),
    ("9" * 5000, "integer"),
    ("-" + "1" * 5000, "integer"),
    ("12", "integer"),
    ("true", "boolean"),
]


def odd_file(tmp_path: Path) -> Path:
    lines = [
        f'<http://x/a> <http://x/p{i}> "{lexical}"^^<{XSD}{datatype}> .'
        for i, (lexical, datatype) in enumerate(ODD)
    ]
    lines += [
        f'<http://x/nfc> <http://www.w3.org/2000/01/rdf-schema#label> "{NFC}"@ko .',
        f'<http://x/nfd> <http://www.w3.org/2000/01/rdf-schema#label> "{NFD}"@ko .',
        '<http://x/crlf> <http://x/p> "a\\r\\nb" .',
    ]
    path = tmp_path / "odd.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def exact(graph: Graph) -> set[tuple[str, str, str, str, str]]:
    """Triples as plain strings: lexical form, datatype and language compared exactly."""
    return {
        (str(s), str(p), str(o), str(getattr(o, "datatype", "") or ""), o.language or "")
        if isinstance(o, Literal)
        else (str(s), str(p), str(o), "", "")
        for s, p, o in graph
    }


SUFFIX = {name: FORMATS[name].suffix for name in RDF_FORMATS}


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_lexical_forms_survive_every_rdf_export(tmp_path: Path, name: str) -> None:
    source = odd_file(tmp_path)
    expected = exact(load_graph(source))
    assert ("http://x/nfd", "http://www.w3.org/2000/01/rdf-schema#label", NFD, "", "ko") in expected
    (text,) = render(read_input(source), name)
    out = tmp_path / f"out{SUFFIX[name]}"
    out.write_text(text, encoding="utf-8")
    assert exact(load_graph(out)) == expected
    assert "file://" not in text


def test_turtle_writes_bare_tokens_only_for_their_own_lexical_form(tmp_path: Path) -> None:
    (text,) = render(read_input(odd_file(tmp_path)), "turtle")
    for written in ('"yes"^^xsd:boolean', '"1"^^xsd:boolean', "true", '"12abc"^^xsd:integer'):
        assert f" {written} " in text, written
    for written in ("01", "+5", "12", "1.50", '"1"^^xsd:decimal', '"0.123456789"^^xsd:double'):
        assert f" {written} " in text, written
    assert " 1.5E3 " in text and " " + "9" * 5000 + " " in text  # still integer tokens


def test_jsonld_uses_json_numbers_only_when_exact(tmp_path: Path) -> None:
    (text,) = render(read_input(odd_file(tmp_path)), "jsonld")
    assert '"@value": "01"' in text and '"@value": "yes"' in text
    assert '"@value": "' + "9" * 5000 in text
    assert ": 12" in text and ": true" in text


def chain_file(tmp_path: Path, length: int = 3000) -> Path:
    lines = ["@prefix ex: <http://x/> .", "ex:root ex:next _:n0 ."]
    lines += [f'_:n{i} ex:label "n{i}" ; ex:next _:n{i + 1} .' for i in range(length - 1)]
    lines.append(f'_:n{length - 1} ex:label "n{length - 1}" .')
    path = tmp_path / "chain.ttl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def walk(graph: Graph) -> list[str]:
    """The labels along the chain from ex:root."""
    labels, node = [], graph.value(URIRef("http://x/root"), URIRef("http://x/next"))
    while node is not None:
        labels.append(str(graph.value(node, URIRef("http://x/label"))))
        node = graph.value(node, URIRef("http://x/next"))
    return labels


@pytest.mark.parametrize("name", EXPORTS)
def test_a_3000_long_blank_node_chain_exports_in_every_format(tmp_path: Path, name: str) -> None:
    texts = render(read_input(chain_file(tmp_path)), name)
    assert all(texts)
    if name in RDF_FORMATS:
        out = tmp_path / f"out{SUFFIX[name]}"
        out.write_text(texts[0], encoding="utf-8")
        assert walk(load_graph(out)) == [f"n{i}" for i in range(3000)]


def test_a_3000_long_list_exports_as_a_list(tmp_path: Path) -> None:
    items = " ".join(f'"i{i}"' for i in range(3000))
    path = tmp_path / "list.ttl"
    path.write_text(f"<http://x/a> <http://x/items> ( {items} ) .\n", encoding="utf-8")
    for name in ("turtle", "jsonld"):
        (text,) = render(read_input(path), name)
        assert '"i2999"' in text and "rdf:first" not in text, name
