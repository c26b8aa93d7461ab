"""``kg validate FILE`` on hostile and broken input: one line, exit 2, nothing fetched."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import run
from tests.outbound import Canary

RDF_NS = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def canary() -> Iterator[tuple[str, list[str]]]:
    """The loopback canary of tests/outbound.py: its URL and the connections it saw."""
    with Canary() as server:
        yield server.url, server.hits


def one_line_error(result, exit_code: int = 2) -> str:
    assert result.exit_code == exit_code, result.output
    assert "Traceback" not in result.output
    (line,) = result.output.strip().splitlines()
    assert line.startswith("kg: error: ")
    return line


# --- case 1: remote JSON-LD contexts, end to end ---


@pytest.mark.parametrize(
    "context",
    [
        '"http://example.org/context.jsonld"',
        '"{canary}ctx"',
        '"file:///etc/hostname"',
        '{{"@import": "{canary}import"}}',
        '["{canary}a", {{"p": "http://x/p"}}]',
    ],
)
def test_remote_contexts_are_refused_and_never_fetched(
    tmp_path: Path, canary: tuple[str, list[str]], context: str
) -> None:
    url, hits = canary
    doc = f'{{"@context": {context.format(canary=url)}, "@id": "http://x/a", "p": 1}}'
    line = one_line_error(run("validate", str(write(tmp_path, "a.jsonld", doc))))
    assert "a.jsonld: remote context refused" in line
    assert hits == []


# --- case 4: shapes with SPARQL that reaches out; owl:imports never followed ---

DATA = '<http://x/a> <http://x/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
SHAPES = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix ex: <http://x/> .\n"


@pytest.mark.parametrize(
    "select",
    [
        "SELECT $this WHERE {{ SERVICE <{canary}> {{ ?s ?p ?o }} }}",
        "SELECT $this WHERE {{ OPTIONAL {{ SERVICE SILENT <{canary}> {{ ?s ?p ?o }} }} }}",
        "SELECT $this FROM NAMED <file:///etc/passwd> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "SELECT $this FROM <{canary}> WHERE {{ ?s ?p ?o }}",
    ],
)
def test_shapes_whose_sparql_reaches_out_are_refused(
    tmp_path: Path, canary: tuple[str, list[str]], select: str
) -> None:
    url, hits = canary
    shape = f'ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:sparql [ sh:select """{select}""" ] .'
    shapes = write(tmp_path, "shapes.ttl", SHAPES + shape.format(canary=url) + "\n")
    data = write(tmp_path, "data.nt", DATA)
    line = one_line_error(run("validate", str(data), "--shapes", str(shapes)))
    assert "shapes.ttl: <http://x/S> sh:select: " in line and "is refused" in line
    assert hits == []


def test_a_sparql_target_with_service_is_refused(
    tmp_path: Path, canary: tuple[str, list[str]]
) -> None:
    url, hits = canary
    target = (
        f'[ a sh:SPARQLTarget ; sh:select "SELECT ?this {{ SERVICE <{url}> {{ ?this ?p ?o }} }}" ]'
    )
    shapes = write(tmp_path, "shapes.ttl", SHAPES + f"ex:S a sh:NodeShape ; sh:target {target} .\n")
    line = one_line_error(
        run("validate", str(write(tmp_path, "d.nt", DATA)), "--shapes", str(shapes))
    )
    assert "sh:target: SHACL-AF rules and targets are refused" in line
    assert hits == []


def test_shapes_given_as_a_url_are_refused(tmp_path: Path, canary: tuple[str, list[str]]) -> None:
    url, hits = canary
    line = one_line_error(run("validate", str(write(tmp_path, "d.nt", DATA)), "--shapes", url))
    assert "shapes given as a URL are refused" in line
    assert hits == []


def test_owl_imports_are_never_followed(tmp_path: Path, canary: tuple[str, list[str]]) -> None:
    url, hits = canary
    imports = f"<http://x/o> <http://www.w3.org/2002/07/owl#imports> <{url}onto.ttl> .\n"
    data = write(tmp_path, "d.nt", DATA + imports)
    shape = (
        "ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:minCount 1 ] ."
    )
    shapes = write(
        tmp_path,
        "s.ttl",
        SHAPES
        + f"<http://x/shapes> <http://www.w3.org/2002/07/owl#imports> <{url}s.ttl> .\n"
        + shape,
    )
    result = run("validate", str(data), "--shapes", str(shapes))
    assert result.exit_code == 0 and "conforms: yes" in result.output, result.output
    assert hits == []


def test_our_own_shapes_can_be_named(tmp_path: Path) -> None:
    from kg.core.paths import SHAPES_FILE

    result = run("validate", str(write(tmp_path, "d.nt", DATA)), "--shapes", str(SHAPES_FILE))
    assert result.exit_code == 0 and "conforms: yes" in result.output


# --- case 11: every parse error is one line naming the file, line, column and token ---


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "a.ttl",
            "@prefix : <http://x/> .\n:a :b :c\n:d :e :f .\n",
            "a.ttl:3:1: A dot is expected",
        ),
        (
            "b.ttl",
            "@prefix : <http://x/> .\nex:a :b :c .\n",
            "b.ttl:2:1: The prefix ex: has not been declared (near 'ex:a')",
        ),
        (
            "c.nt",
            '<http://x/a> <http://x/p> "x" .\n<http://x/a> <http://x/p> .\n',
            "c.nt:2:27: The object of a triple must be an IRI, a blank node or a literal"
            " (near '.')",
        ),
        (
            "d.jsonld",
            '{"@id": "http://x/a",\n "http://x/p": 1,,}',
            "d.jsonld:2:18: invalid JSON: Expecting property name enclosed in double quotes"
            " (near ',}')",
        ),
        ("e.rdf", f"<rdf:RDF {RDF_NS}>\n<rdf:Description>\n</rdf:RDF>", "e.rdf:3:3: "),
        (
            "f.ttl",
            "<http://x/a> <http://x/p> <http://x/a b> .\n",
            "f.ttl:1:27: Invalid IRI code point ' ' (near '<http://x/a b>')",
        ),
        (
            "g.jsonld",
            '{"@id": "a", "http://x/p": 1}',
            "g.jsonld:1:9: relative IRI 'a' and no @base",
        ),
        ("h.nt", "\ufeff<a> <http://x/p> 1 .\n", "h.nt:1:1: "),
    ],
)
def test_every_parse_error_is_one_line_with_its_position(
    tmp_path: Path, name: str, content: str, expected: str
) -> None:
    line = one_line_error(run("validate", str(write(tmp_path, name, content))))
    assert expected in line


@pytest.mark.parametrize(("encoding", "byte"), [("utf-16", 0), ("latin-1", 27)])
def test_a_file_not_in_utf8_is_one_line(tmp_path: Path, encoding: str, byte: int) -> None:
    path = tmp_path / "a.nt"
    path.write_bytes('<http://x/a> <http://x/p> "é" .\n'.encode(encoding))
    line = one_line_error(run("validate", str(path)))
    assert line.endswith(f"a.nt: not UTF-8 at byte {byte}")


# --- cases 12, 13, 15, 18: values named, warnings given, nothing dropped ---


def test_ill_typed_literals_are_violations_naming_the_value(tmp_path: Path) -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    data = "".join(
        f'<http://x/a> <http://x/{dt}> "{lexical}"^^<{xsd}{dt}> .\n'
        for lexical, dt in [("2019-13-40", "date"), ("12abc", "integer"), ("yes", "boolean")]
    )
    big = f'<http://x/b> <http://x/n> "{"7" * 5000}"^^<{xsd}integer> .\n'
    result = run("validate", str(write(tmp_path, "a.nt", data + big)))
    assert result.exit_code == 1
    assert "conforms: no (3 violation(s)" in result.output
    for value in ('"2019-13-40"^^xsd:date', '"12abc"^^xsd:integer', '"yes"^^xsd:boolean'):
        assert f"value:   {value}" in result.output
    assert "<http://x/b>" not in result.output and "Traceback" not in result.output


def test_unmapped_jsonld_keys_are_a_warning(tmp_path: Path) -> None:
    doc = '{"@context": {"name": "http://x/n"}, "@id": "http://x/a", "name": "x", "age": 3, "c": 4}'
    result = run("validate", str(write(tmp_path, "a.jsonld", doc)))
    assert result.exit_code == 0
    assert "kg: warning: " in result.stderr
    assert "JSON-LD keys with no mapping in the context are dropped: 'age', 'c'" in result.stderr


def test_a_decomposed_label_is_kept_and_warned_about(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "전주")
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    data = f'<http://x/a> {label} "전주"@ko .\n<http://x/b> {label} "{nfd}"@ko .\n'
    result = run("validate", str(write(tmp_path, "a.nt", data)), "--format", "json")
    assert result.exit_code == 0
    (warning,) = json.loads(result.output)["violations"]
    assert "not in Unicode NFC" in warning["message"] and warning["value"] == f'"{nfd}"@ko'
    assert warning["focus"] == "<http://x/b>"  # the composed label is not warned about
