"""Reading user RDF files: errors with positions, nothing fetched, nothing dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import ParseError
from kg.rdfio import load_graph

NT = '<http://x/a> <http://x/p> "전주" .\n'


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.ttl", "@prefix : <http://x/> .\n:a :b :c\n:d :e :f .\n", "a.ttl:3:1: .*near ':d'"),
        ("a.ttl", "@prefix : <http://x/> .\nex:a :b :c .\n", "a.ttl:2:1: .*ex: .*near 'ex:a'"),
        ("a.nt", NT + "<http://x/a> <http://x/p> .\n", "a.nt:2:27: "),
        ("a.jsonld", '{"@id": "http://x/a",\n "http://x/p": }', "a.jsonld:2:16: invalid JSON"),
        (
            "a.rdf",
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
            "<rdf:Description></rdf:R>",
            "a.rdf:2:20: .*</rdf:R>.*mismatched tag",
        ),
    ],
)
def test_syntax_errors_name_file_and_line(
    tmp_path: Path, name: str, content: str, expected: str
) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(ParseError, match=expected) as info:
        load_graph(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    "context",
    ['"http://127.0.0.1:9/ctx"', '"file:///etc/hostname"', '{"@import": "http://127.0.0.1:9/"}'],
)
def test_remote_jsonld_context_refused(tmp_path: Path, context: str) -> None:
    path = write(tmp_path, "a.jsonld", f'{{"@context": {context}, "@id": "http://x/a"}}')
    with pytest.raises(ParseError, match="remote context refused"):
        load_graph(path)


def test_jsonld_id_with_space_is_refused_not_dropped(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jsonld", '{"@id": "http://x/a b", "http://x/p": "x"}')
    with pytest.raises(ParseError, match="a.jsonld:1:9: IRI with white space refused"):
        load_graph(path)


def test_xml_entities_refused(tmp_path: Path) -> None:
    laughs = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><r/>'
    path = write(tmp_path, "a.rdf", laughs)
    with pytest.raises(ParseError, match="XML DOCTYPE refused"):
        load_graph(path)


def test_deep_nesting_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.ttl",
        "<http://x/a> <http://x/p> " + "[ <http://x/q> " * 1000 + "1" + " ]" * 1000 + " .\n",
    )
    with pytest.raises(ParseError, match="nested too deep"):
        load_graph(path)
    deep = '{"@id": "http://x/a", "http://x/p": ' + "[" * 1000 + "1" + "]" * 1000 + "}"
    with pytest.raises(ParseError, match="nested too deep"):
        load_graph(write(tmp_path, "a.jsonld", deep))


def test_encodings(tmp_path: Path) -> None:
    plain = load_graph(write(tmp_path, "a.nt", NT))
    assert set(load_graph(write(tmp_path, "b.nt", b"\xef\xbb\xbf" + NT.encode()))) == set(plain)
    with pytest.raises(ParseError, match="not UTF-8 at byte 0"):
        load_graph(write(tmp_path, "d.nt", NT.encode("utf-16")))
    with pytest.raises(ParseError, match="not UTF-8 at byte 27"):
        load_graph(write(tmp_path, "e.nt", '<http://x/a> <http://x/p> "é" .\n'.encode("latin-1")))


def test_crlf_gives_the_same_triples_and_keeps_crlf_in_literals(tmp_path: Path) -> None:
    lf = load_graph(write(tmp_path, "a.nt", NT))
    crlf = load_graph(write(tmp_path, "b.nt", NT.replace("\n", "\r\n")))
    assert set(lf) == set(crlf)
    kept = load_graph(write(tmp_path, "c.nt", '<http://x/a> <http://x/p> "a\\r\\nb" .\n'))
    assert set(kept.objects()) == {Literal("a\r\nb")}


def test_ill_typed_literals_keep_their_lexical_form(tmp_path: Path) -> None:
    graph = load_graph(
        write(
            tmp_path,
            "a.nt",
            '<http://x/a> <http://x/p> "2019-13-40"^^<http://www.w3.org/2001/XMLSchema#date> .\n',
        )
    )
    (value,) = graph.objects(URIRef("http://x/a"), URIRef("http://x/p"))
    assert str(value) == "2019-13-40" and value.datatype == XSD.date


def test_relative_iris_without_base_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="a.ttl:1:1: .*near '<a>'"):
        load_graph(write(tmp_path, "a.ttl", "<a> <http://x/p> <b> .\n"))
