"""Merging a reviewed draft: link known entities, corroborate, keep disagreements."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w
from rdflib import URIRef

from kg.build.assemble import build_graph
from kg.build.sources import load_records
from kg.core.config import entity_iri
from kg.core.errors import InputError
from kg.core.namespaces import OA, SCHEMA
from kg.ingest import ingest
from kg.ingest.merge import merge_draft
from kg.validate.pyshacl_engine import validate
from tests.ingest_helpers import FIXTURES, review_draft

SECOND = FIXTURES / "jeonju-second-source.txt"


def reviewed_draft(tmp_path: Path, article: Path = SECOND) -> Path:
    result = ingest(article)
    path = tmp_path / "draft.toml"
    path.write_text(tomli_w.dumps(review_draft(result.draft)), encoding="utf-8")
    return path


@pytest.mark.slow  # pyshacl on the merged graph
def test_merge_links_corroborates_and_keeps_the_disagreeing_claim(
    tmp_path: Path, data_copy: Path
) -> None:
    merged = merge_draft(reviewed_draft(tmp_path), data_copy)
    assert "organization 전주정보영상진흥원 → org/jeonju-ict-culture-agency" in merged.linked
    assert any("unit/jeonbuk-vr-ar-production-hub-center" in line for line in merged.linked)
    assert merged.corroborated == [
        "event/jeonbuk-vr-ar-production-hub-center-opening (OpeningEvent on 2020-01-22)"
    ]
    assert "2001-09-01; the graph has 2001-08-21 (event/agency-founding)" in merged.conflicts[0]
    records = load_records(data_copy / "records")
    assert [o.slug for o in records.of("organization") if "전주정보영상진흥원" in o.get("ko")] == []
    slug = merged.source
    (claim,) = [e for e in records.of("event") if e.source == slug and not e.get("corroborates")]
    assert claim.get("about") == "org/jeonju-ict-culture-agency"

    graph = build_graph(data_copy / "records", data_copy / "sources")
    opening = URIRef(entity_iri("event", "jeonbuk-vr-ar-production-hub-center-opening"))
    sources = {
        str(graph.value(target, OA.hasSource)).rsplit("/", 1)[-1]
        for ann in graph.subjects(OA.hasBody, opening)
        for target in graph.objects(ann, OA.hasTarget)
    }
    assert sources == {"c0befe44ac966333", slug}  # one event, grounded in both sources
    agency = URIRef(entity_iri("org", "jeonju-ict-culture-agency"))
    assert {str(d) for d in graph.objects(agency, SCHEMA.foundingDate)} == {
        "2001-08-21",
        "2001-09-01",
    }
    report = validate(graph)
    conflicts = [v for v in report.violations if v.check == "query:conflicting-date-violation"]
    assert len(conflicts) == 1 and "2001-09-01" in conflicts[0].message
    assert conflicts[0].focus == "kg:org/jeonju-ict-culture-agency"


def test_merge_refuses_an_unreviewed_draft(tmp_path: Path, data_copy: Path) -> None:
    path = tmp_path / "draft.toml"
    path.write_text(ingest(SECOND).toml, encoding="utf-8")
    before = sorted(p.name for p in (data_copy / "records").iterdir())
    with pytest.raises(InputError, match="problems to fix before merging") as caught:
        merge_draft(path, data_copy)
    assert sorted(p.name for p in (data_copy / "records").iterdir()) == before
    problems = caught.value.problems  # every problem at once, each with the draft's line
    assert f"{path}:37: unit 'jeonbuk-vr-ar-jejakgeojeomsenteo' has no en" not in problems
    assert (
        f"{path}:8: document '{caught.value.problems[0].split(chr(39))[1]}' has no en" in problems
    )
    assert len(problems) >= 3 and all(p.startswith(f"{path}:") for p in problems)


def test_merge_twice_is_refused(tmp_path: Path, data_copy: Path) -> None:
    path = reviewed_draft(tmp_path)
    merge_draft(path, data_copy)
    with pytest.raises(InputError, match="already in"):
        merge_draft(path, data_copy)


@pytest.mark.slow  # pyshacl on the merged graph
def test_merge_of_a_new_agency_adds_it(tmp_path: Path, data_copy: Path) -> None:
    merged = merge_draft(reviewed_draft(tmp_path, FIXTURES / "suwon-digital-agency.txt"), data_copy)
    assert merged.conflicts == [] and merged.corroborated == []
    assert any("중소벤처기업부 → org/mss" in line for line in merged.linked)
    graph = build_graph(data_copy / "records", data_copy / "sources")
    assert validate(graph).conforms


def test_a_new_record_whose_slug_is_taken_is_renamed() -> None:
    from kg.core.paths import RECORDS_DIR
    from kg.ingest.merge import Merged, rewrite, taken_slugs

    draft = ingest(FIXTURES / "suwon-digital-agency.txt").draft
    unit = draft["unit"][0]
    for event in draft["event"]:  # a curated unit's slug, for another unit
        if event.get("about") == f"unit/{unit['slug']}":
            event["about"] = "unit/jeonbuk-vr-ar-production-hub-center"
    unit["slug"] = "jeonbuk-vr-ar-production-hub-center"
    existing = load_records(RECORDS_DIR)
    merged = Merged(draft["source"])
    renamed = taken_slugs(draft, existing, {}, merged)
    new = f"jeonbuk-vr-ar-production-hub-center-{draft['source'][:8]}"
    assert renamed == {("unit", unit["slug"]): ("unit", new)}
    records = rewrite(draft, {}, renamed)
    assert records["unit"][0]["slug"] == new
    assert any(e.get("about") == f"unit/{new}" for e in records["event"])
    assert merged.renamed == [f"unit {unit['slug']} → {new} (the slug is taken)"]
