"""The bundled queries: their headers, and their answers on the built graph.

Every query runs on the graph `kg build` writes (loaded into Oxigraph, as `kg query`
does). Its rows are compared with a small golden file in tests/golden/queries/, and
the answers are checked against what the article says.
Regenerate the golden files after a deliberate change with:

    KG_REGEN_GOLDEN=1 .venv/bin/pytest tests/test_catalogue.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from kg.core.errors import QueryError
from kg.sparql.catalogue import load_catalogue, read_query
from kg.sparql.guard import check_query
from kg.sparql.params import TYPES
from kg.sparql.query import run
from kg.sparql.tables import cell
from tests.helpers import select

GOLDEN = Path(__file__).parent / "golden" / "queries"
CATALOGUE = load_catalogue()
ANSWERS = sorted(name for name, q in CATALOGUE.items() if not q.is_violation)
CHECKS = sorted(name for name, q in CATALOGUE.items() if q.is_violation)
SAMPLE_PARAMS = {
    "units-opened-in": {"year": "2017"},
    "evidence": {"entity": "정보통신부"},
    "describe": {"entity": "unit/sos-lab"},
    "search": {"text": "센터"},
    "history": {"agency": "전주정보문화산업진흥원"},  # today's 22 rows; without it, every agency
}
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def rows_of(store, name: str) -> tuple[list[str], list[list[str]]]:
    columns, rows = select(store, CATALOGUE[name], SAMPLE_PARAMS.get(name))
    return columns, [[cell(term) for term in row] for row in rows]


def as_dicts(store, name: str) -> list[dict[str, str]]:
    columns, rows = rows_of(store, name)
    return [dict(zip(columns, row, strict=True)) for row in rows]


def golden_text(store, name: str) -> str:
    query = CATALOGUE[name]
    if name == "describe":
        triples = run(store, query, SAMPLE_PARAMS[name])
        lines = sorted(
            "\t".join(cell(t) for t in (x.subject, x.predicate, x.object)) for x in triples
        )
        body = ["subject\tpredicate\tobject", *lines]
    else:
        columns, rows = rows_of(store, name)
        body = ["\t".join(columns)] + ["\t".join(row) for row in rows]
    params = " ".join(f"--param {k}={v}" for k, v in SAMPLE_PARAMS.get(name, {}).items())
    note = (
        f"# Golden answer of `kg query {name}{' ' + params if params else ''}` "
        "(tab-separated). Regenerate: KG_REGEN_GOLDEN=1 pytest tests/test_catalogue.py"
    )
    return "\n".join([note, *body]) + "\n"


def test_the_catalogue_answers_at_least_15_questions() -> None:
    assert len(ANSWERS) >= 15, ANSWERS
    assert {"history", "units-by-opening", "units-opened-in", "evidence", "neighbours"} <= set(
        ANSWERS
    )


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_query_has_a_bilingual_header_and_passes_the_guard(name: str) -> None:
    query = CATALOGUE[name]
    check_query(query.text)
    assert query.title and query.columns
    assert any(HANGUL.search(d) for d in query.description), "no Korean description"
    assert any(re.search(r"[A-Za-z]{4,}", d) for d in query.description), "no English one"
    for param in query.params:
        assert param.type in TYPES and param.doc, param
        # tests that run every query generically (other engines) take this sample value
        assert not param.required or param.example, f"{param.name}: give it example=VALUE"


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_columns_line_matches_what_the_query_returns(store, name: str) -> None:
    if name == "describe":
        assert CATALOGUE[name].columns == ["subject", "predicate", "object"]
        return
    columns, _ = select(store, CATALOGUE[name], SAMPLE_PARAMS.get(name))
    assert columns == CATALOGUE[name].columns
    for param in CATALOGUE[name].params:
        assert param.name in columns, "a SELECT must return its parameters (pyoxigraph)"


@pytest.mark.parametrize("name", CHECKS)
def test_data_quality_checks_find_nothing(store, name: str) -> None:
    _, rows = rows_of(store, name)
    assert rows == [], rows


@pytest.mark.parametrize("name", ANSWERS)
def test_answer_matches_golden_file(store, name: str) -> None:
    text = golden_text(store, name)
    path = GOLDEN / f"{name}.tsv"
    if os.environ.get("KG_REGEN_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with KG_REGEN_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from {path}; if intended, regenerate (see top)"
    assert len(text.splitlines()) > 2, "a golden answer must hold at least one row"


def timeline(seed_text: str) -> list[tuple[str, str]]:
    """The article's 주요연혁 lines (printed twice, told once) as (date, text)."""
    lines = re.findall(r"^(\d{4})\. (\d{2})\. (\d{2}) : (.+)$", seed_text, re.MULTILINE)
    return sorted({(f"{y}-{m}-{d}", text.strip()) for y, m, d, text in lines})


def test_history_is_the_article_timeline_in_date_order(store, seed_text: str) -> None:
    rows = as_dicts(store, "history")
    told = timeline(seed_text)
    assert len(told) == 21
    dated = [(r["date"], r["event"]) for r in rows if len(r["date"]) == 10]
    assert dated == told
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    fair = [r for r in rows if r["kind"] == "Exhibition"]
    assert [(f["date"], f["event"]) for f in fair] == [("2019", "2019년 드론산업국제박람회")]
    for row in rows:
        assert row["quote"] and row["quote"] in " ".join(seed_text.split()), row
    actors = {r["event"]: r["actor"] for r in rows if r["actor"]}
    assert actors == {
        "소프트웨어진흥구역 지정(정보통신부)": "정보통신부",
        "소프트타운 지정(정보통신부)": "정보통신부",
        "중소벤처기업부 액셀러레이터 등록": "중소벤처기업부",
        "KOLAS 국제공인시험기관(SW분야) 기관 인정": "한국인정기구",
    }


def test_units_open_in_the_order_of_the_timeline(store, seed_text: str) -> None:
    rows = as_dicts(store, "units-by-opening")
    opened = [(r["opened"], r["label_ko"]) for r in rows if r["opened"]]
    told = {date: text for date, text in timeline(seed_text)}
    assert len(rows) == 15 and len(opened) == 13
    for date, label in opened:
        assert label in told[date], (date, label)
    assert [d for d, _ in opened] == sorted(d for d, _ in opened)
    assert {r["label_ko"] for r in rows if not r["opened"]} == {"SOS랩", "전북시제품제작소"}


def test_units_opened_in_a_year(store) -> None:
    rows = select(store, CATALOGUE["units-opened-in"], {"year": "2017"})[1]
    assert [cell(r[1]) for r in rows] == ["K-ICT 스마트미디어전주센터"]
    rows = select(store, CATALOGUE["units-opened-in"], {"year": "2011"})[1]
    assert [cell(r[1]) for r in rows] == ["1인 창조기업 비즈니스센터", "SW품질역량센터"]
    assert select(store, CATALOGUE["units-opened-in"], {"year": "1999"})[1] == []


def test_the_director_is_seomun_sanseong(store, seed_text: str) -> None:
    (row,) = as_dicts(store, "director")
    assert (row["name_ko"], row["post_ko"], row["organization"]) == (
        "서문산성",
        "원장",
        "전주정보문화산업진흥원",
    )
    assert "서문산성 원장" in seed_text


def test_program_figures_are_the_numbers_printed(store, seed_text: str) -> None:
    figures = {(r["program"], r["value"], r["unit"]) for r in as_dicts(store, "program-figures")}
    assert figures == {
        ("농생명·SW융합 R&BD 지원", "19", "개사"),
        ("농생명·SW융합 R&BD 지원", "40", "명"),
        ("농생명·SW융합 R&BD 지원", "11", "%"),
        ("드론산업국제박람회", "3", "개국"),
        ("드론산업국제박람회", "84", "개 기업"),
    }
    for printed in ("수혜기업(19개사)", "신규고용창출(40명)", "매출 증가(11%)", "3개국 84개 기업"):
        assert printed in seed_text


def test_public_bodies_did_what_the_timeline_says(store) -> None:
    did = {(r["body"], r["date"], r["action"]) for r in as_dicts(store, "public-bodies")}
    assert ("정보통신부", "2000-07-26", "designation") in did
    assert ("정보통신부", "2003-01-20", "designation") in did
    assert ("중소벤처기업부", "2017-11-29", "registration") in did
    assert ("한국인정기구", "2019-10-29", "accreditation") in did
    assert ("과학기술정보통신부", "", "funds") in did
    assert not any(body == "전주정보문화산업진흥원" for body, _, _ in did)


def test_names_over_time_follow_the_renaming(store) -> None:
    rows = [r for r in as_dicts(store, "names-over-time") if r["since"]]
    assert [(r["since"], r["until"], r["name"]) for r in rows] == [
        ("2001-08-21", "2012-07-18", "(재)전주정보영상진흥원"),
        ("2012-07-18", "", "(재)전주정보문화산업진흥원"),
    ]


def test_evidence_quotes_are_at_their_offsets(store, seed_text: str) -> None:
    for entity in ("정보통신부", "mic", "org/mic", "kg:org/mic", "SOS랩"):
        columns, rows = select(store, CATALOGUE["evidence"], {"entity": entity})
        assert rows, entity
        for row in rows:
            item = dict(zip(columns, row, strict=True))
            start, end = int(item["start"].value), int(item["end"].value)
            assert seed_text[start:end] == item["quote"].value


def test_technologies_and_programs_by_technology(store) -> None:
    rows = as_dicts(store, "technologies")
    assert ("인공지능", "전주정보문화산업진흥원", "organization") in {
        (r["technology"], r["through"], r["kind"]) for r in rows
    }
    assert {"organization", "unit", "program"} == {r["kind"] for r in rows}
    by_tech = {(r["technology"], r["program"]) for r in as_dicts(store, "programs-by-technology")}
    assert ("클라우드", "클라우드컴퓨팅 전문인력 양성사업") in by_tech


def test_counts_agree_with_the_build_summary(store) -> None:
    counts = {r["class"]: int(r["resources"]) for r in as_dicts(store, "class-counts")}
    assert counts["org:OrganizationalUnit"] == 15 and counts["schema:Event"] == 22
    per_year = {r["year"]: int(r["events"]) for r in as_dicts(store, "events-per-year")}
    assert sum(per_year.values()) == 22 and per_year["2017"] == 3
    per_kind = {r["kind"]: int(r["events"]) for r in as_dicts(store, "events-per-kind")}
    assert per_kind["Opening"] == 12 and sum(per_kind.values()) == 22


def test_two_hops_from_a_ministry(store) -> None:
    columns, rows = select(store, CATALOGUE["neighbours"], {"org": "org/mic"})
    links = {(cell(r[0]), cell(r[1]), cell(r[2]), cell(r[3])) for r in rows}
    assert links == {
        ("1", "소프트웨어진흥구역 지정(정보통신부)", "wasAssociatedWith", "정보통신부"),
        ("1", "소프트타운 지정(정보통신부)", "wasAssociatedWith", "정보통신부"),
        ("2", "소프트웨어진흥구역 지정(정보통신부)", "about", "소프트웨어진흥구역"),
        ("2", "소프트타운 지정(정보통신부)", "about", "소프트타운"),
    }
    agency = {cell(r[3]) for r in select(store, CATALOGUE["neighbours"])[1] if cell(r[0]) == "2"}
    assert "정보통신부" not in agency  # the ministry acted on zones, not on the agency


def test_a_header_without_title_is_refused_for_bundled_queries(tmp_path: Path) -> None:
    path = tmp_path / "x.rq"
    path.write_text("# columns: a\nSELECT ?a WHERE {}\n", encoding="utf-8")
    with pytest.raises(QueryError, match="no '# title:' line"):
        read_query(path)
    assert read_query(path, strict=False).title == "x"


def test_a_parameter_example_is_its_sample_value_unless_it_has_a_default(tmp_path: Path) -> None:
    path = tmp_path / "x.rq"
    path.write_text(
        "# param: year xsd:gYear example=2017  the year\n"
        "# param: org iri default=org/mic example=org/x  the body\n"
        "# param: agency entity optional  one agency\nSELECT ?a WHERE {}\n",
        encoding="utf-8",
    )
    year, org, agency = read_query(path, strict=False).params
    assert (year.example, year.sample, year.doc) == ("2017", "2017", "the year") and year.required
    assert (org.sample, org.example) == ("org/mic", "org/x")
    assert agency.sample is None and not agency.required


ID = "https://w3id.org/kr-ict-kg/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
AGENCY = ID + "org/jeonju-ict-culture-agency"
PLANTED = {
    "dangling-annotation-violation": [
        (ID + "annotation/planted", "http://www.w3.org/ns/oa#hasBody", ID + "org/nobody"),
    ],
    "unit-inverse-violation": [
        (ID + "unit/planted", "http://www.w3.org/ns/org#unitOf", AGENCY),
    ],
    "founding-date-violation": [
        (ID + "unit/sw-quality-center", "https://schema.org/foundingDate", "1999-01-01"),
    ],
    "conflicting-date-violation": [
        (ID + "event/planted", RDF_TYPE, "https://w3id.org/kr-ict-kg/def/FoundingEvent"),
        (ID + "event/planted", "https://schema.org/startDate", "2001-09-01"),
        (ID + "event/planted", "https://schema.org/about", AGENCY),
    ],
    "duplicate-event-violation": [
        (ID + "event/planted", RDF_TYPE, "https://w3id.org/kr-ict-kg/def/HistoryEvent"),
        (ID + "event/planted", RDF_TYPE, "https://w3id.org/kr-ict-kg/def/OpeningEvent"),
        (ID + "event/planted", "https://schema.org/startDate", "2011-05-01"),
        (ID + "event/planted", "https://schema.org/about", ID + "unit/sw-quality-center"),
    ],
}


@pytest.mark.parametrize("name", CHECKS)
def test_each_data_quality_check_catches_a_planted_problem(built_dir: Path, name: str) -> None:
    import pyoxigraph as ox

    from kg.sparql.store import load_store

    broken = load_store(built_dir / "kg.nq")
    for s, p, o in PLANTED[name]:
        if o.startswith("http"):
            term = ox.NamedNode(o)
        else:
            term = ox.Literal(o, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
        broken.add(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), term))
    _, rows = rows_of(broken, name)
    assert rows, f"{name} found nothing wrong in a graph broken on purpose"


def test_bundled_queries_follow_the_configured_base(monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.sparql.catalogue

    monkeypatch.setattr(kg.sparql.catalogue, "BASE", "https://example.org/kg/")
    query = kg.sparql.catalogue.find_query("history")
    assert "https://w3id.org/kr-ict-kg/" not in query.text
    assert "https://example.org/kg/" in query.text
