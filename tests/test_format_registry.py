"""One format table (kg.rdf.formats): one name per format, aliases, and nobody else's table."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli.export_commands import export as export_command
from kg.cli.query_commands import query as query_command
from kg.core.errors import InputError
from kg.rdf import formats
from kg.sparql import negotiation
from kg.sparql.query import default_format, render

SRC = Path(__file__).resolve().parents[1] / "src" / "kg"
# A dict entry keyed by a file suffix or a media type: what a second format table looks like.
TABLE_ENTRY = re.compile(
    r"""(?:^\s*|[{,]\s*)["']\.(?:ttl|nt|nq|trig|jsonld|rdf|owl|srj|srx|tsv|graphml|gexf|dot)["']\s*:"""
    r"""|(?:^\s*|[{,]\s*)["'](?:text|application)/[\w.+-]+["']\s*:"""
    r"""|\(\s*["'][\w-]+["'],\s*["']\.[a-z]+["']"""  # a ("name", ".suffix", …) row
    r"""|:\s*(?:ox\.)?(?:RdfFormat|QueryResultsFormat)\.[A-Z_]+\s*[,}]"""
)


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        *[("ttl", "turtle"), ("nt", "ntriples"), ("nq", "nquads"), ("json-ld", "jsonld")],
        *[("xml", "rdfxml"), ("rdf", "rdfxml"), ("json", "sparql-json"), ("srx", "sparql-xml")],
        *[("TURTLE", "turtle"), (" NT ", "ntriples"), ("ntriples", "ntriples")],
    ],
)
def test_old_spellings_resolve_to_the_canonical_name(alias: str, name: str) -> None:
    assert formats.get(alias).name == name


def test_names_and_aliases_are_unique_and_unknown_ones_are_refused() -> None:
    spellings = [s for f in formats.TABLE for s in (f.name, *f.aliases)]
    assert len(spellings) == len(set(spellings))
    with pytest.raises(InputError, match=r"unknown format 'owl2' \(known: turtle, "):
        formats.get("owl2")
    assert formats.find("owl2") is None


@pytest.mark.parametrize("use", formats.USES)
def test_a_suffix_names_one_format_within_a_use(use: str) -> None:
    for rdf_only in (True, False) if use == "serve" else (False,):
        offered = [f for f in formats.with_use(use) if f.rdf or not rdf_only]
        suffixes = [s for f in offered for s in f.suffixes]
        if use != "serve" or rdf_only:
            assert len(suffixes) == len(set(suffixes)), (use, suffixes)
        for fmt in (f for f in offered if f.suffixes):
            assert formats.suffix_format(fmt.suffix.upper(), use, rdf_only) is fmt


def test_json_means_sparql_results_json_everywhere(store) -> None:
    sparql_json = formats.get("json")
    assert sparql_json.name == "sparql-json"
    assert sparql_json.media_type == "application/sparql-results+json"
    assert negotiation.wanted("json", None)[0] == "sparql-json"
    assert default_format(False, Path("out.json")) == "sparql-json"
    result = store.query("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 2")
    again = store.query("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 2")
    assert render(result, "json") == render(again, "sparql-json")
    assert b'"head"' in render(store.query("ASK { ?s ?p ?o }"), "json")


def test_every_cli_and_server_format_name_resolves_through_the_table() -> None:
    for command, use in ((export_command, "export"), (query_command, "query")):
        (option,) = [p for p in command.params if p.name == "fmt"]
        assert set(option.type.choices) == set(formats.choices(use))
        for choice in option.type.choices:
            assert use in formats.get(choice).uses, choice
    for name in negotiation.SOLUTIONS + negotiation.TRIPLES:
        assert "serve" in formats.FORMATS[name].uses
    for fmt in formats.with_use("read"):
        assert fmt.rdf and fmt.oxigraph() is not None
    for fmt in formats.with_use("export"):
        assert all(callable(formats.load(writer)) for writer in fmt.writer)


def test_no_other_module_keeps_a_format_table() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "formats.py" and path.parent.name == "rdf":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if TABLE_ENTRY.search(line):
                found.append(f"{path.relative_to(SRC)}:{number}: {line.strip()}")
    assert found == []


def test_the_table_imports_no_rdf_library() -> None:
    code = "import sys, kg.rdf.formats; print(sorted({'rdflib', 'pyoxigraph'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_entity_suffix_is_the_last_one_taken_once() -> None:
    assert negotiation.split_suffix("unit/x.rdf.ttl") == ("unit/x.rdf", "turtle")
    assert negotiation.split_suffix("unit/x.ttl.rdf") == ("unit/x.ttl", "rdfxml")
    assert negotiation.split_suffix("unit/x.nt") == ("unit/x", "ntriples")
    assert negotiation.split_suffix("unit/x.v2") == ("unit/x.v2", None)
    assert negotiation.split_suffix("unit/x.trig") == ("unit/x.trig", None)  # not served
