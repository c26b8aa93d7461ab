"""Who acted and what an event is about (kg.ingest.subjects): a city, province or district
that founds, designates or selects is its government; two founders give no one actor; verb
forms and adverbs are no part of a name; a merger read from "A와 B를 통합한 …이 출범".
Every sentence here is written for the rule, not taken from an article."""

from __future__ import annotations

from kg.ingest.extract import extract


def _events(text: str) -> dict[tuple[str, str], dict]:
    return {(e.fields["date"], e.fields["event_kind"]): e.fields
            for e in extract(text, "x.txt").of("event")}  # fmt: skip


def _actor(fields: dict) -> str | None:
    actor = fields.get("actor")
    return actor.ko if actor is not None else None


def test_a_city_that_founds_before_or_after_the_date_is_its_government() -> None:
    text = (
        "(재)강릉바다진흥원은 강릉시가 2012년 4월 출연해 설립한 기관이다.\n"
        "진흥원은 2015년 강원특별자치도로부터 '해양 데이터 거점'으로 지정돼 사업을 넓혔다.\n"
    )
    events = _events(text)
    founded = events[("2012-04", "FoundingEvent")]
    assert (founded["about"].ko, _actor(founded)) == ("강릉바다진흥원", "강릉시청")
    assert _actor(events[("2015", "DesignationEvent")]) == "강원특별자치도청"  # its current name
    found = extract(text, "x.txt")
    assert "출연해" not in {u.ko for u in found.of("unit")}  # a verb, not a unit
    assert {"강릉시청", "강릉시"} <= {o.ko for o in [*found.of("organization"), *found.of("place")]}


def test_two_founders_give_no_single_actor_and_a_province_selects() -> None:
    text = (
        "(재)목포항구진흥원은 전라남도와 목포시가 함께 2011년 설립한 기관이다.\n"
        "주요 연혁\n2019.3. 전라남도 '섬 디지털 선도기관' 선정\n"
    )
    events = _events(text)
    assert _actor(events[("2011", "FoundingEvent")]) is None
    assert _actor(events[("2019-03", "SelectionEvent")]) == "전라남도청"


def test_a_government_founding_a_center_founds_a_body_not_a_unit() -> None:
    text = "(재)군산빛진흥원의 뿌리는 2006년 군산시가 세운 군산영상 지원센터다. 이후 커졌다.\n"
    found = extract(text, "x.txt")
    (event,) = found.of("event")
    assert event.fields["event_kind"] == "FoundingEvent"
    assert event.fields["about"].kind == "organization"
    assert event.fields["about"].ko == "군산영상지원센터"


def test_a_merger_told_as_a_founding_of_the_merged_body() -> None:
    text = (
        "가나일보 2024년 3월 9일\n"
        "목포시는 (재)목포정보진흥원과 (재)목포영상센터를 통합한 '(재)목포디지털진흥원'이 "
        "지난 4일 공식 출범했다고 밝혔다.\n"
    )
    found = extract(text, "x.txt")
    kinds = {e.fields["event_kind"] for e in found.of("event")}
    assert kinds == {"MergerEvent", "RenamingEvent"}
    assert {e.fields["date"] for e in found.of("event")} == {"2024-03-04"}
    assert {"목포정보진흥원", "목포영상센터"} <= {o.ko for o in found.of("organization")}
    assert "공식" not in {u.ko for u in found.of("unit")}


def test_a_table_with_a_label_cell_before_the_year() -> None:
    text = (
        "(재)바사진흥원은 기관이다.\n■ 연혁\n시기 | 연도 | 주요 내용\n"
        "태동기 | 2010 | 5월 재단법인 바사진흥원 설립\n"
        "확장기 | 2015 | 8월 3일 바사 콘텐츠센터 개소\n"
        "구분 | 2021년 | 2022년 | 증감\n"
    )
    events = _events(text)
    assert set(events) == {("2010-05", "FoundingEvent"), ("2015-08-03", "OpeningEvent")}
    assert events[("2015-08-03", "OpeningEvent")]["about"].ko == "바사 콘텐츠센터"


def test_a_unit_note_gives_each_row_its_unit_by_its_label() -> None:
    text = (
        "(재)아자진흥원 실적\n주요 지표 (단위: 백만원, 개사, 명, %)\n\n"
        "항목 | 2022년 | 2023년 | 증가율\n매출액 | 1,200 | 1,500 | 25.0\n"
        "  - 도비 | 300 | 330 | 10\n지원 기업 | 40 | 44 | 10\n상근 인원 | 12 | 15 | 25\n"
    )
    found = {(o.fields["value"], o.fields["unit_text"])
             for o in extract(text, "x.txt").of("observation")}  # fmt: skip
    assert {(1200, "백만원"), (1500, "백만원"), (25.0, "%"), (330, "백만원")} <= found
    assert {(40, "개사"), (44, "개사"), (12, "명"), (15, "명"), (10, "%")} <= found
    assert (2022, "백만원") not in found and (1200, "명") not in found


def test_a_brief_lead_names_an_agency_and_a_ministry_of_acts() -> None:
    text = (
        "[단신] 부처 지정 소식\n\n가나뉴스 | 2024.09.10\n\n"
        "◇ 전북 김제 = 김제들판ICT센터는 지난 6일 행정안전부의 '농촌 디지털 거점'으로 "
        "지정됐다.\n"
    )
    found = extract(text, "x.txt")
    (agency,) = [o for o in found.of("organization") if o.fields.get("agency")]
    assert agency.ko == "김제들판ICT센터"
    (event,) = found.of("event")
    assert (event.fields["date"], event.fields["event_kind"]) == ("2024-09-06", "DesignationEvent")
    assert (event.fields["about"].ko, _actor(event.fields)) == ("김제들판ICT센터", "행정안전부")


def test_a_merger_story_a_council_ordinance_and_the_predecessors_history() -> None:
    text = (
        "하나일보 2024년 2월 5일\n"
        "(재)강릉정보진흥원과 (재)강릉영상센터를 통합한 '(재)강릉디지털진흥원'이 지난 1일 "
        "출범했다. 2009년 설립된 강릉정보진흥원은 SW 기업을 도왔다. "
        "강릉시의회는 지난해 8월 통합 조례안을 의결했다.\n"
    )
    found = extract(text, "x.txt")
    (agency,) = [o for o in found.of("organization") if o.fields.get("agency")]
    assert agency.ko == "강릉디지털진흥원"
    events = _events(text)
    assert events[("2009", "FoundingEvent")]["about"].ko == "강릉정보진흥원"
    enacted = events[("2023-08", "EnactmentEvent")]
    assert (enacted["about"].ko, _actor(enacted)) == ("통합 조례", "강릉시의회")
    assert ("2023-08", "MergerEvent") not in events
