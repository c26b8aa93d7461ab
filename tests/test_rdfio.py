"""Reading user RDF files: errors with positions, nothing fetched, nothing dropped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.core.errors import ParseError
from kg.rdf.reading import InputWarning, load_graph

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


def test_rdf12_triple_terms_are_a_parse_error_naming_the_file(tmp_path: Path) -> None:
    text = "<http://x/a> <http://x/p> <<( <http://x/s> <http://x/p> <http://x/o> )>> .\n"
    with pytest.raises(ParseError, match=r"t\.ttl: an RDF 1\.2 triple term .*<http://x/s>"):
        load_graph(write(tmp_path, "t.ttl", text))


# --- sizes (case 7): loaded within the budget, or refused by the configurable cap ---

BIG_NT = '<http://x/a> <http://x/p> "' + "a" * (12 * 2**20) + '" .\n'
LONG_TTL = '<http://x/a> <http://x/p> """' + "line\n" * 400_000 + '""" .\n'


def test_a_12_mb_literal_and_a_400k_line_literal_load(tmp_path: Path) -> None:
    (big,) = load_graph(write(tmp_path, "big.nt", BIG_NT)).objects()
    assert len(str(big)) == 12 * 2**20
    (long,) = load_graph(write(tmp_path, "long.ttl", LONG_TTL)).objects()
    assert str(long).count("\n") == 400_000


def test_the_size_cap_is_set_by_an_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "big.nt", BIG_NT)
    monkeypatch.setenv("KG_MAX_INPUT_MB", "12")
    with pytest.raises(ParseError, match=r"big.nt: 12582943 bytes is over .*KG_MAX_INPUT_MB"):
        load_graph(path)
    monkeypatch.setenv("KG_MAX_INPUT_MB", "13")
    assert len(load_graph(path)) == 1
    monkeypatch.setenv("KG_MAX_INPUT_MB", "lots")
    with pytest.raises(ParseError, match="KG_MAX_INPUT_MB='lots' is not a number"):
        load_graph(path)


# --- XML (case 6): refused before any parser, within 2 s and bounded memory ---

LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
    + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + ']>\n<r xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">&i;</r>\n'
)
HOSTILE_XML = {
    "entity.rdf": '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">&x;</rdf:RDF>',
    "dtd.rdf": '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF SYSTEM "http://127.0.0.1:9/x.dtd">\n'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
    "laughs.rdf": LAUGHS,
}
BOUNDED = """
import resource, sys, time
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))
from kg.core.errors import ParseError
from kg.rdf.reading import InputWarning, load_graph
start = time.perf_counter()
try:
    load_graph(Path(sys.argv[1]))
except ParseError as e:
    print(f"{time.perf_counter() - start:.3f}", e)
"""


@pytest.mark.parametrize("name", sorted(HOSTILE_XML))
def test_hostile_xml_is_refused_quickly_in_bounded_memory(tmp_path: Path, name: str) -> None:
    assert len(LAUGHS) < 1024
    path = write(tmp_path, name, HOSTILE_XML[name])
    done = subprocess.run(
        [sys.executable, "-c", BOUNDED, str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr  # a MemoryError under 1 GiB would fail here
    seconds, message = done.stdout.split(" ", 1)
    assert float(seconds) < 2
    assert f"{name}:2:1: XML DOCTYPE refused" in message


# --- encodings and line ends (case 17), in every format ---

SAME = {
    "a.ttl": '@prefix x: <http://x/> .\nx:a x:p "전주" .\n',
    "a.nt": NT,
    "a.nq": NT,
    "a.trig": '@prefix x: <http://x/> .\n{ x:a x:p "전주" . }\n',
    "a.jsonld": '{"@id": "http://x/a",\n "http://x/p": "전주"}\n',
    "a.rdf": '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
    ' xmlns:x="http://x/">\n<rdf:Description rdf:about="http://x/a"><x:p>전주</x:p>'
    "</rdf:Description>\n</rdf:RDF>\n",
}
EXPECTED = {(URIRef("http://x/a"), URIRef("http://x/p"), Literal("전주"))}


@pytest.mark.parametrize("name", sorted(SAME))
def test_bom_and_crlf_load_the_same_in_every_format(tmp_path: Path, name: str) -> None:
    text = SAME[name]
    assert set(load_graph(write(tmp_path, name, text))) == EXPECTED
    assert set(load_graph(write(tmp_path, "bom-" + name, BOM_BYTES + text.encode()))) == EXPECTED
    assert set(load_graph(write(tmp_path, "crlf-" + name, text.replace("\n", "\r\n")))) == EXPECTED


BOM_BYTES = b"\xef\xbb\xbf"


@pytest.mark.parametrize("name", sorted(SAME))
def test_utf16_and_latin1_are_not_utf8_at_byte_n(tmp_path: Path, name: str) -> None:
    with pytest.raises(ParseError, match=rf"{name}: not UTF-8 at byte 0"):
        load_graph(write(tmp_path, name, SAME[name].encode("utf-16")))
    latin = SAME[name].replace("전주", "é")
    at = latin.encode("utf-8").index("é".encode())
    with pytest.raises(ParseError, match=rf"not UTF-8 at byte {at}$"):
        load_graph(write(tmp_path, name, latin.encode("latin-1")))


def test_crlf_inside_a_long_literal_is_kept(tmp_path: Path) -> None:
    text = '<http://x/a> <http://x/p> """one\ntwo""" .\n'.replace("\n", "\r\n")
    (value,) = load_graph(write(tmp_path, "a.ttl", text)).objects()
    assert str(value) == "one\r\ntwo"


# --- IRIs (cases 14, 16): rejected with their position, never dropped or resolved ---


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "a.ttl",
            "<http://x/a> <http://x/p> <http://x/a b> .\n",
            r"a.ttl:1:27: .*'<http://x/a b>'",
        ),
        ("a.nt", NT + "<http://x/a b> <http://x/p> 1 .\n", r"a.nt:2:1: Invalid IRI code point"),
        ("a.jsonld", '{\n "@id": "http://x/a",\n "@type": "http://x/T U"}', r"a.jsonld:3:11: IRI"),
        (
            "a.jsonld",
            '{"@context": {"k": {"@id": "http://x/k", "@type": "@id"}},\n'
            ' "@id": "http://x/a", "k": "http://x/b c"}',
            r"a.jsonld:2:28: IRI with white space refused: 'http://x/b c'",
        ),
        (
            "a.rdf",
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:x="http://x/">'
            '\n<rdf:Description rdf:about="http://x/a b"><x:p>1</x:p></rdf:Description></rdf:RDF>',
            r"a.rdf:2:28: .*'http://x/a b'",
        ),
    ],
)
def test_iris_with_space_are_rejected_with_their_position(
    tmp_path: Path, name: str, content: str, expected: str
) -> None:
    with pytest.raises(ParseError, match=expected):
        load_graph(write(tmp_path, name, content))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.nt", '<a> <http://x/p> "x" .\n'),
        ("a.trig", "<http://x/g> { <a> <http://x/p> 1 }\n"),
        ("a.jsonld", '{"@id": "a", "http://x/p": "x"}'),
        ("a.jsonld", '{"@id": "http://x/a", "http://x/p": {"@id": "b"}}'),
        ("a.jsonld", '{"@id": "http://x/a", "@type": "Thing"}'),
        (
            "a.rdf",
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:x="http://x/">'
            '<rdf:Description rdf:about="a"><x:p>1</x:p></rdf:Description></rdf:RDF>',
        ),
    ],
)
def test_relative_iris_without_a_base_are_errors_in_every_format(
    tmp_path: Path, name: str, content: str
) -> None:
    with pytest.raises(ParseError, match=rf"{name}:\d+:\d+: .*(relative IRI|No scheme)"):
        load_graph(write(tmp_path, name, content))


def test_an_explicit_base_resolves_relative_iris(tmp_path: Path) -> None:
    graph = load_graph(write(tmp_path, "a.ttl", "@base <http://b/> .\n<a> <http://x/p> <c> .\n"))
    assert set(graph) == {(URIRef("http://b/a"), URIRef("http://x/p"), URIRef("http://b/c"))}
    doc = '{"@context": {"@base": "http://b/"}, "@id": "a", "http://x/p": "x"}'
    assert set(load_graph(write(tmp_path, "a.jsonld", doc)).subjects()) == {URIRef("http://b/a")}


# --- what the reader keeps exactly ---


def test_unmapped_jsonld_keys_are_a_warning(tmp_path: Path) -> None:
    doc = '{"@context": {"name": "http://x/n"}, "@id": "http://x/a", "name": "x", "age": 3}'
    seen: list[str] = []
    graph = load_graph(write(tmp_path, "a.jsonld", doc), seen.append)
    assert len(graph) == 1
    assert seen == [
        f"{tmp_path}/a.jsonld: JSON-LD keys with no mapping in the context are dropped: 'age'"
    ]
    with pytest.warns(InputWarning, match="'age'"):
        load_graph(tmp_path / "a.jsonld")


def test_lexical_forms_are_kept_exactly(tmp_path: Path) -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    lines = [
        f'<http://x/a> <http://x/{i}> "{lex}"^^<{xsd}{dt}> .'
        for i, (lex, dt) in enumerate([("yes", "boolean"), ("01", "integer"), ("1.50", "decimal")])
    ]
    graph = load_graph(write(tmp_path, "a.nt", "\n".join(lines) + "\n"))
    assert sorted(str(o) for o in graph.objects()) == ["01", "1.50", "yes"]


def test_blank_nodes_are_named_in_file_order(tmp_path: Path) -> None:
    text = "<http://x/a> <http://x/p> [ <http://x/q> [ <http://x/r> 1 ] ] .\n_:z <http://x/p> 2 .\n"
    first = load_graph(write(tmp_path, "a.ttl", text))
    second = load_graph(tmp_path / "a.ttl")
    assert sorted(first) == sorted(second)
    assert {str(s) for s in first.subjects()} == {"http://x/a", "b0", "b1", "b2"}
