"""Running queries: every output format read back by an independent reader, the same
answers from rdflib (the reference engine), and one-line errors that say where."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import Result

from kg.core.config import compact_iri
from kg.core.errors import QueryError
from kg.sparql.catalogue import find_query, load_catalogue
from kg.sparql.query import default_format, execute, resolve
from kg.sparql.tables import cell
from tests.helpers import select

UNITS_2017 = {"year": "2017"}


def texts(rows) -> list[tuple[str, ...]]:
    return [tuple(cell(term) for term in row) for row in rows]


def compact_to_iri(value: str) -> str:
    return "https://w3id.org/kr-ict-kg/id/" + value.removeprefix("kg:")


def rdflib_cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return compact_iri(str(term))
    return " ".join(str(term).split())


@pytest.fixture(scope="module")
def units(store):
    return select(store, find_query("units-by-opening"))


def test_csv_reads_back_with_the_csv_module(store, units) -> None:
    columns, rows = units
    data = execute(store, find_query("units-by-opening"), None, "csv").decode("utf-8")
    read = list(csv.reader(io.StringIO(data)))
    assert read[0] == columns
    assert [r[3] for r in read[1:]] == [row[3].value if row[3] else "" for row in rows]
    assert read[1][0] == "https://w3id.org/kr-ict-kg/id/unit/jeonju-sw-support-center"


def test_tsv_reads_back_with_rdflib_and_the_csv_module(store, units) -> None:
    columns, rows = units
    data = execute(store, find_query("units-by-opening"), None, "tsv")
    result = Result.parse(io.BytesIO(data), format="tsv")
    assert [str(v) for v in result.vars] == columns
    assert [tuple(r) for r in result] == [tuple(_to_rdflib(t) for t in row) for row in rows]
    read = list(csv.reader(io.StringIO(data.decode("utf-8")), delimiter="\t"))
    assert read[0] == [f"?{c}" for c in columns] and len(read) == len(rows) + 1


@pytest.mark.parametrize("fmt", ["sparql-json", "sparql-xml"])
def test_w3c_result_formats_read_back_with_rdflib(store, units, fmt: str) -> None:
    columns, rows = units
    data = execute(store, find_query("units-by-opening"), None, fmt)
    result = Result.parse(io.BytesIO(data), format=fmt.removeprefix("sparql-"))
    assert [str(v) for v in result.vars] == columns
    assert [tuple(r) for r in result] == [tuple(_to_rdflib(t) for t in row) for row in rows]


def test_plain_json_has_one_object_per_row_with_numbers(store) -> None:
    data = json.loads(execute(store, find_query("program-figures"), None, "json-rows"))
    assert len(data) == 5
    assert {"program": "농생명·SW융합 R&BD 지원", "value": 40, "unit": "명"}.items() <= {
        k: v for row in data for k, v in row.items() if row["value"] == 40
    }.items()
    assert all(isinstance(row["value"], int) for row in data)


def test_table_is_aligned_for_hangul(store) -> None:
    text = execute(store, find_query("units-opened-in"), {"year": "2011"}, "table").decode()
    lines = text.splitlines()
    assert lines[-1] == "(2 rows)"
    from kg.sparql.tables import width

    starts = {width(line[: line.index("20")]) for line in lines[2:4]}
    assert len(starts) == 1, lines  # the date column starts at the same screen column


def test_turtle_for_construct_reads_back_with_rdflib(store) -> None:
    query = find_query("describe")
    data = execute(store, query, {"entity": "SOS랩"}, "turtle")
    graph = Graph().parse(data=data.decode("utf-8"), format="turtle")
    unit = URIRef("https://w3id.org/kr-ict-kg/id/unit/sos-lab")
    assert len(graph) == 15 and set(graph.subjects()) == {unit}
    with pytest.raises(QueryError, match="gives triples"):
        execute(store, query, {"entity": "SOS랩"}, "csv")
    with pytest.raises(QueryError, match="turtle is for CONSTRUCT"):
        execute(store, find_query("director"), None, "turtle")


def test_ask_queries_answer_true_or_false(store) -> None:
    ask = resolve(None, "PREFIX schema: <https://schema.org/> ASK { ?p a schema:Person }")
    assert execute(store, ask, None, "table") == b"true\n"
    assert json.loads(execute(store, ask, None, "sparql-json"))["boolean"] is True


def _to_rdflib(term):
    if term is None:
        return None
    if hasattr(term, "datatype"):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return URIRef(term.value)


# Every bundled SELECT but two: rdflib takes 30 s on `neighbours` (its join order over
# VALUES and UNION) and 8 s on `program-figures`; both agreed when last compared by hand.
SAMPLES = {
    "units-opened-in": UNITS_2017,
    "evidence": {"entity": "org/mic"},  # a name is bound as its IRI (tests/test_lookup.py)
    "search": {"text": "센터"},
}
AGENCY = {"agency": "org/jeonju-ict-culture-agency"}  # rdflib is given the IRI a label resolves to
REFERENCE = [
    (name, SAMPLES.get(name))
    for name in sorted(load_catalogue())
    if name not in ("describe", "neighbours", "program-figures")
]
REFERENCE.append(("history", AGENCY))


@pytest.mark.parametrize(("name", "given"), REFERENCE)
def test_oxigraph_and_rdflib_give_the_same_answers(store, graph, name, given) -> None:
    query = find_query(name)
    columns, rows = select(store, query, given)
    bindings = {}
    for param in query.params:
        value = (given or {}).get(param.name, param.default)
        if value is None:  # an optional parameter not given stays unbound
            continue
        if param.type == "xsd:gYear":
            bindings[param.variable] = Literal(value, datatype=XSD.gYear)
        elif param.type == "iri" or (param.type == "entity" and "/" in value):
            bindings[param.variable] = URIRef(compact_to_iri(value))
        else:
            bindings[param.variable] = Literal(value)
    reference = graph.query(query.text, initBindings=bindings)
    expected = sorted(tuple(rdflib_cell(row[c]) for c in columns) for row in reference)
    assert sorted(texts(rows)) == expected
    assert rows or find_query(name).is_violation, name


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("SELECT * WHERE {\n  ?s ?p\n}", r"the -e query: line 3, column \d+: SPARQL syntax error"),
        ("SELECT * WHERE { ?s nope:p ?o }", r"the -e query: line 1, column \d+"),
        ("DELETE WHERE { ?s ?p ?o }", r"the -e query: SPARQL Update is refused.*line 1, column 1"),
    ],
)
def test_a_bad_query_names_the_line_and_column(store, expression: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        execute(store, resolve(None, expression), None, "csv")


def test_a_bad_query_file_is_named(store, tmp_path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("# my own query\nSELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?s = )\n}\n")
    with pytest.raises(
        QueryError, match=r"mine\.rq: line \d, column \d+: SPARQL syntax error"
    ) as e:
        execute(store, resolve(str(path), None), None, "csv")
    # Oxigraph names the place its parser gave up: at or after the mistake, never before.
    assert int(str(e.value).split("line ")[1].split(",")[0]) >= 4
    with pytest.raises(QueryError, match="no such query file"):
        resolve(str(tmp_path / "missing.rq"), None)


@pytest.mark.parametrize(
    ("name", "given", "message"),
    [
        ("units-opened-in", {}, r"needs --param year=… \(xsd:gYear"),
        ("units-opened-in", {"year": "17"}, r"'17' is not an xsd:gYear \(want a year"),
        ("units-opened-in", {"yaer": "2017"}, r"'yaer' \(its parameters: year, agency"),
        ("neighbours", {"org": "not an iri"}, r"no entity is named 'not an iri'"),
        ("neighbours", {"org": "<not an iri>"}, r"'<not an iri>' is not an IRI"),
        ("evidence", {"entity": "없는기관"}, r"parameter entity: no entity is named '없는기관'"),
        ("evidence", {"entity": "정보통신브"}, r"did you mean 정보통신부"),
    ],
)
def test_a_bad_parameter_says_which_and_why(store, name, given, message) -> None:
    with pytest.raises(QueryError, match=message):
        execute(store, find_query(name), given, "csv")


def test_unknown_names_suggest_close_matches() -> None:
    with pytest.raises(QueryError, match="did you mean history"):
        resolve("histroy", None)
    with pytest.raises(QueryError, match="not allowed"):
        resolve("HISTORY;", None)


def test_default_format_is_a_table_on_a_terminal_else_csv(tmp_path) -> None:
    assert default_format(True) == "table" and default_format(False) == "csv"
    assert default_format(False, tmp_path / "x.srj") == "sparql-json"
    assert default_format(True, tmp_path / "x.unknown") == "csv"


def test_a_graph_older_than_its_inputs_is_noticed(tmp_path) -> None:
    from kg.sparql.query import newer_inputs

    nquads = tmp_path / "kg.nq"
    nquads.write_text("", encoding="utf-8")
    assert newer_inputs(nquads) == []
    os.utime(nquads, (0, 0))
    assert any(p.name == "units.toml" for p in newer_inputs(nquads))
    assert newer_inputs(tmp_path / "missing.nq") == []


def test_inline_queries_may_use_our_prefixes_files_may_not(store, tmp_path) -> None:
    text = "SELECT ?u WHERE { ?u a org:OrganizationalUnit ; schema:foundingDate ?d }"
    assert len(select(store, resolve(None, text))[1]) == 13
    path = tmp_path / "units.rq"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(QueryError, match=r"units\.rq: line 1, column \d+"):
        select(store, resolve(str(path), None))


def test_iri_parameters_take_the_name_of_one_entity_as_entity_parameters_do(store) -> None:
    by_name = execute(store, find_query("neighbours"), {"org": "정보통신부"}, "csv")
    by_iri = execute(store, find_query("neighbours"), {"org": "org/mic"}, "csv")
    assert by_name == by_iri and by_name.count(b"\n") > 2
    assert execute(store, find_query("neighbours"), {"org": "mic"}, "csv") == by_iri  # any case
