"""Rules learned from the dev set (the first eight blind articles, tuned on after their first
run): date lines with a byline, a table's year cell with its month in the next cell, prose
that starts with a date, seasons, a region's short name that starts a unit's name, quoted
zones, a foundation set up under a former name, ceremonies. Every sentence here is new,
written for the rule, not taken from an article."""

from __future__ import annotations

from kg.ingest.dates import article_date, dated
from kg.ingest.extract import extract


def _events(text: str) -> dict[str, dict]:
    return {e.fields["date"]: e.fields for e in extract(text, "x.txt").of("event")}


def test_a_date_line_with_a_byline_or_a_second_label() -> None:
    assert article_date("제목\n2024.6.20 09:10 | 나라일보 김기자\n본문이다.\n") == "2024-06-20"
    assert article_date("배포일시 : 2024. 6. 20.(목)   엠바고 : 없음\n본문\n") == "2024-06-20"
    text = "가나일보\n2024.6.20 | 경제부\n(재)다라진흥원은 지난 17일 창립 기념식을 열었다.\n"
    events = _events(text)
    assert list(events) == ["2024-06-17"]  # the date line itself is no event
    assert events["2024-06-17"]["event_kind"] == "HistoryEvent"
    assert events["2024-06-17"]["about"].ko == "다라진흥원"


def test_a_year_cell_and_its_month_in_the_next_cell() -> None:
    (found,) = dated("2019년 | 11월 4일 마바창업센터 개소\n", [])
    assert (found.date, found.precision, found.text) == ("2019-11-04", "day", "마바창업센터 개소")
    (month,) = dated("2019년 | 11월 마바창업센터 개소\n", [])
    assert (month.date, month.precision) == ("2019-11", "month")


def test_a_paragraph_that_starts_with_a_date_is_prose() -> None:
    text = "2009년 봄 문을 연 사아영상센터는 지역 첫 촬영 시설이다. 지금은 기업 열 곳이 쓴다.\n"
    (found,) = dated(text, [])
    assert not found.timeline
    units = {u.ko: u.fields.get("date") for u in extract(text, "x.txt").of("unit")}
    assert units == {"사아영상센터": "2009"}  # not a unit named "봄" (or "보")


def test_a_precise_list_date_wins_over_a_vague_prose_one() -> None:
    text = (
        "(재)자차진흥원은 기관이다.\n2011년 겨울 문을 연 자차게임센터는 작은 시설이었다. 끝이다.\n"
        "연혁\n2011. 12. 자차게임센터 개소\n"
    )
    (event,) = extract(text, "x.txt").of("event")
    assert (event.fields["date"], event.fields["about"].fields["date"]) == ("2011-12", "2011-12")


def test_a_region_short_name_starts_a_unit_name_and_a_quoted_zone() -> None:
    text = (
        "(재)카타진흥원은 기관이다.\n주요 연혁\n2018.5.2 경남 로봇융합센터 개소\n"
        "2020.7 산업통상자원부 '경남 스마트 실증단지' 지정\n"
    )
    events = _events(text)
    assert events["2018-05-02"]["about"].ko == "경남 로봇융합센터"
    assert events["2020-07"]["about"].kind == "place"
    assert events["2020-07"]["about"].ko == "경남 스마트 실증단지"


def test_a_foundation_set_up_under_a_former_name_is_the_agency() -> None:
    text = (
        "(재)파하디지털진흥원은 기관이다.\n연혁\n2003.2.1 (재)파하멀티미디어지원센터 설립\n"
        "2010.1.1 (재)파하디지털진흥원으로 명칭 변경\n"
    )
    found = extract(text, "x.txt")
    events = {e.fields["date"]: e.fields for e in found.of("event")}
    assert events["2003-02-01"]["event_kind"] == "FoundingEvent"
    assert events["2003-02-01"]["about"].ko == "파하디지털진흥원"
    (agency,) = [o for o in found.of("organization") if o.fields.get("agency")]
    assert "파하멀티미디어지원센터" in agency.alt_ko
    assert found.of("unit") == []


def test_relative_months_are_kept_at_month_precision() -> None:
    text = (
        "가나일보 2024.6.20\n진흥원은 지난 3월 나래센터를 개소했다. 지난해 9월 다온허브를 열었다.\n"
    )
    found = [(d.date, d.precision, d.verb) for d in dated(text, [])]
    assert found == [("2024-03", "month", "개소"), ("2023-09", "month", "개소")]


def test_the_agency_opened_is_founded_and_renamed_to_its_present_name() -> None:
    text = (
        "(재)하늘빛진흥원은 기관이다. 2006년 군청 출연으로 문을 연 진흥원은 작은 기관이었다. "
        "2014년 지금의 이름으로 바뀌었다. 2019년 진흥원 부산사무소를 열었다.\n"
    )
    events = _events(text)
    assert events["2006"]["event_kind"] == "FoundingEvent"
    assert events["2006"]["about"].ko == "하늘빛진흥원"  # not a unit named "출연"
    assert events["2014"]["event_kind"] == "RenamingEvent"
    assert events["2019"]["about"].ko == "부산사무소"


def test_each_marked_agency_of_a_brief_is_its_own_with_its_section_events() -> None:
    text = (
        "◇ 충남 — (재)금강빛진흥원, 'AI 실증센터' 열어\n"
        "(재)금강빛진흥원은 지난 2일 천안시 두정동에 'AI 실증센터'를 열었다고 밝혔다.\n"
        "◇ 경남 — (재)가야산진흥원 본원 이전\n"
        "(재)가야산진흥원이 새 청사를 마련했다.\n"
        "진흥원은 2021년 5월 과학기술정보통신부로부터 '경남 데이터 특구'의 운영기관으로 지정됐다.\n"
    )
    found = extract("가나일보 2024.6.20\n" + text, "x.txt")
    agencies = {o.ko for o in found.of("organization") if o.fields.get("agency")}
    assert agencies == {"금강빛진흥원", "가야산진흥원"}
    events = {e.fields["date"]: e.fields for e in found.of("event")}
    assert events["2024-06-02"]["about"].ko == "AI 실증센터"  # the quoted name, not 두정동 …
    assert events["2021-05"]["about"].ko == "가야산진흥원"  # its section's agency, the operator


def test_plans_fiscal_years_and_sentences_are_no_history() -> None:
    notes: list[str] = []
    text = (
        "다온일보 2024.6.20\n2025년도 창업센터 입주기업 모집\n"
        "2023년 예산은 40억원이었다.\n진흥원은 2025년 3월 나래센터를 개소한다.\n"
    )
    assert list(dated(text, notes)) == []
    assert any("2025-03 is after the article's date" in n for n in notes)


def test_moving_the_head_office_and_a_body_with_its_acronym() -> None:
    text = (
        "(재)솔내진흥원은 기관이다.\n2020년 4월에는 본원을 조치원읍에서 새 건물로 옮겼습니다.\n"
        "2022년 5월 한국산업기술진흥원(KIAT)으로부터 품질 인증을 취득했다.\n"
        "연혁\n2023. 9. : 행정안전부, '솔내 데이터 특구' 지정\n"
    )
    events = _events(text)
    assert events["2020-04"]["event_kind"] == "RelocationEvent"
    assert events["2022-05"]["actor"].ko == "한국산업기술진흥원"
    assert events["2023-09"]["actor"].ko == "행정안전부"  # not "행정안전부,"


def test_a_former_or_merged_body_is_not_another_agency() -> None:
    text = (
        "(재)푸른별진흥원은 2015년 (재)부산영상진흥원과 (재)부산게임진흥원이 통합 출범한 "
        "기관이다. 2010년 (재)울산멀티진흥원으로 출발한 (재)태화빛진흥원은 이웃 기관이다.\n"
    )
    agencies = {o.ko for o in extract(text, "x.txt").of("organization") if o.fields.get("agency")}
    assert agencies == {"푸른별진흥원", "태화빛진흥원"}


def test_a_unit_glued_to_its_heads_title_and_names_before_brackets() -> None:
    text = (
        "(재)가람진흥원(원장 나예은)은 기관이다. 조하늘 콘텐츠사업본부장(선임연구원)이 맡는다. "
        "정보람 충청북도 관광정책과장과는 자주 만난다.\n"
        "문의 : 기업성장팀장 위서율 (☎ 043-000-0000), 주임 석다인(043-000-0001)\n"
    )
    found = extract(text, "x.txt")
    people = {p.ko for p in found.of("person")}
    assert people == {"나예은", "조하늘", "정보람", "위서율", "석다인"}  # not "나예" (은 kept)
    posts = {(p.fields["held_by"].ko, p.ko, p.fields["post_in"].ko) for p in found.of("post")}
    assert ("조하늘", "본부장", "콘텐츠사업본부") in posts
    assert ("정보람", "과장", "관광정책과") in posts
    assert ("위서율", "팀장", "기업성장팀") in posts
    assert "콘텐츠사업본부" in {u.ko for u in found.of("unit")}


def test_governments_that_fund_support_or_sponsor() -> None:
    text = (
        "(재)누리진흥원은 2012년 공주시 출연으로 문을 열었다. 충청남도는 올해 운영비를 "
        "지원했다. 논산시의 지원을 받아 분원을 꾸렸다. 대전시와 세종시도 예산을 약속했다.\n"
        "후원 : 보령시, 충청북도\n"
    )
    found = extract(text, "x.txt").of("organization")
    governments = {o.ko for o in found} - {"누리진흥원"}
    assert governments == {"공주시청", "충청남도청", "논산시청", "보령시청", "충청북도청",
                           "대전광역시청", "세종특별자치시청"}  # fmt: skip
    (daejeon,) = [o for o in found if o.ko == "대전광역시청"]
    assert {"대전시청", "대전시"} <= set(daejeon.alt_ko)  # as the news writes it


def test_address_parts_headline_lists_and_counts_of_units() -> None:
    text = (
        "가람센터 개관·누리진흥원 이전\n2024.6.20 | 사회부\n"
        "(재)누리진흥원은 천안시 두정동 새 청사에 3본부 1센터를 두었다.\n"
    )
    found = extract(text, "x.txt")
    assert {o.ko for o in found.of("organization")} == {"누리진흥원"}  # no 사회부, no 3본부
    assert "두정동" in {p.ko for p in found.of("place")}


def test_figures_about_with_copulas_counts_and_table_units() -> None:
    from kg.ingest import figures

    text = (
        "행사에는 150여 명이 왔다. 예산은 52억원이며 시설은 7곳만 남았다. 일자리 64개를 만들었다. "
        "수출은 2,300만 달러였고 입주실 12실을 갖췄다. 기간은 6개월이다.\n"
        "구분 | 참여 기업(개사) | 매출(억원)\n제조 | 41 | 1,250\n"
    )
    found = {(f.fields["value"], f.fields["unit_text"]) for f in figures.figures(text)}
    assert found == {
        (150, "명"),
        (52, "억원"),
        (7, "곳"),
        (64, "개"),
        (2300, "만 달러"),
        (12, "실"),
    }  # fmt: skip  (6개월 is a duration, not a figure)
    table = {(f.fields["value"], f.fields["unit_text"], f.ko) for f in figures.table_figures(text)}
    assert table == {(41, "개사", "참여 기업 (제조)"), (1250, "억원", "매출 (제조)")}


def test_a_merger_that_gives_the_name_and_a_date_told_after_its_event() -> None:
    text = (
        "별빛일보 2024.6.20\n(재)별빛진흥원은 2019년 3월 (재)별빛영상센터와 통합해 "
        "(재)별빛진흥원으로 새롭게 출범했다. 2021년 대구 게임지원센터를 열었다.\n"
        "진흥원은 행정안전부 '데이터 거점' 공모에 선정됐다고 18일 밝혔다.\n"
    )
    kinds = {(e.fields["date"], e.fields["event_kind"]) for e in extract(text, "x.txt").of("event")}
    assert {("2019-03", "MergerEvent"), ("2019-03", "RenamingEvent")} <= kinds
    assert ("2024-06-18", "SelectionEvent") in kinds
    units = {u.ko for u in extract(text, "x.txt").of("unit")}
    assert "대구 게임지원센터" in units  # 대구 ends in 구 but is no district here


def test_an_organization_chart_line_names_the_unit_of_its_head() -> None:
    text = (
        "(재)솔빛진흥원 조직\n- 미래전략본부 : 본부장 하늘찬\n"
        "- 솔빛창업센터(2019 개소) : 센터장 모아라\n"
    )
    posts = {(p.fields["held_by"].ko, p.ko, p.fields["post_in"].ko)
             for p in extract(text, "x.txt").of("post")}  # fmt: skip
    assert posts == {("하늘찬", "본부장", "미래전략본부"), ("모아라", "센터장", "솔빛창업센터")}


def test_a_report_meeting_held_and_a_head_named_between_two_titles() -> None:
    text = (
        "나래일보 2024.6.20\n(재)나래진흥원은 지난 14일 본원에서 사업 착수 보고회를 열었다. "
        "진흥원은 2021년 행정안전부로부터 '나래 데이터 특구'의 운영기관으로 지정됐다. "
        "미래사업본부장 허다온 책임연구원은 소감을 밝혔다.\n"
    )
    found = extract(text, "x.txt")
    events = {e.fields["date"]: e.fields for e in found.of("event")}
    assert events["2024-06-14"]["event_kind"] == "HistoryEvent"  # no unit named 보고회
    assert found.of("unit") == [u for u in found.of("unit") if u.ko == "미래사업본부"]
    assert "나래 데이터 특구" in {p.ko for p in found.of("place")}  # the zone it operates
    posts = {(p.fields["held_by"].ko, p.ko, p.fields["post_in"].ko) for p in found.of("post")}
    assert posts == {("허다온", "본부장", "미래사업본부"), ("허다온", "책임연구원", "나래진흥원")}


def test_a_founding_date_field_is_no_dateline_and_a_figures_row_no_event() -> None:
    text = (
        "기관 소개 | (재)은빛진흥원\n구분 | 내용\n설립일 | 2012년 4월 9일\n연혁\n"
        "2015년 | 은빛창작센터 개소\n실적\n연도 | 지원 기업(개사)\n2023 | 88\n"
    )
    assert article_date(text) is None  # so 2015 is not "after the article's date"
    events = _events(text)
    assert list(events) == ["2015"] and events["2015"]["event_kind"] == "OpeningEvent"


def test_an_opening_ceremony_opens_what_it_names() -> None:
    text = "다솜일보 2024.6.20\n(재)다솜진흥원은 지난 10일 다솜창업센터 개소식을 열었다.\n"
    (event,) = _events(text).values()
    assert (event["event_kind"], event["about"].ko) == ("OpeningEvent", "다솜창업센터")


def test_same_year_this_year_and_last_month_are_resolved() -> None:
    text = (
        "타파일보 2023년 5월 20일\n"
        "(재)타파진흥원은 2019년 4월 설립됐고, 같은 해 9월 타파 영상센터를 개소했다. "
        "이듬해 2월 타파 게임센터를 개관했다. 올해 3월 타파 웹툰센터를 개소했다.\n"
        "지난달 25일에는 '타파 인재 업무협약'을 맺었다.\n"
    )
    events = {(e.fields["date"], e.fields["about"].ko) for e in extract(text, "x.txt").of("event")}
    assert {("2019-09", "타파 영상센터"), ("2020-02", "타파 게임센터")} <= events
    assert {("2023-03", "타파 웹툰센터"), ("2023-04-25", "타파 인재 업무협약")} <= events


def test_a_permission_of_a_founding_and_a_numbered_annex() -> None:
    text = (
        "(재)하타진흥원은 기관이다. 충청남도는 2020년 5월 새 재단의 설립을 허가했다. "
        "2022년 8월 하타창업센터 2관을 개관했다.\n"
    )
    events = {e.fields["date"]: e.fields for e in extract(text, "x.txt").of("event")}
    permitted = events["2020-05"]
    assert (permitted["event_kind"], permitted["about"].ko) == ("HistoryEvent", "하타진흥원")
    assert permitted["actor"].ko == "충청남도청"
    assert events["2022-08"]["about"].ko == "하타창업센터 2관"


def test_compound_surname_references_honorifics_and_a_slash_after_a_name() -> None:
    text = (
        "(재)라마진흥원(원장 선우다온)은 기관이다. 선우 원장은 웃었다. 실무는 하늘별 씨가 맡는다.\n"
        "작성: 기획운영실장 차도윤 / 검토: 감사실\n"
    )
    found = extract(text, "x.txt")
    people = {p.ko for p in found.of("person")}
    assert people == {"선우다온", "하늘별", "차도윤"}  # not "선우" from "선우 원장은"
    (sunwoo,) = [p for p in found.of("person") if p.ko == "선우다온"]
    assert "선우 원장" in sunwoo.quotes
    posts = {(p.fields["held_by"].ko, p.ko, p.fields["post_in"].ko) for p in found.of("post")}
    assert ("차도윤", "실장", "기획운영실") in posts
    assert not any(held == "하늘별" for held, _, _ in posts)


def test_what_was_opened_after_the_verb_in_brackets_or_by_a_region_prefix() -> None:
    text = (
        "(재)차카진흥원은 본원과 차카영상센터(2016년 개소)를 운영한다. "
        "2019년 문을 연 '차카 바다 체험관'은 인기다. "
        "성장의 계기는 2014년 문을 연 차카게임센터였다.\n"
        "■ 걸어온 길\n- 2021.05. 목포 메이커스페이스 개소\n"
        "담당: 차카진흥원 미래인재팀\n"
    )
    found = extract(text, "x.txt")
    events = {(e.fields["date"], e.fields["event_kind"], e.fields["about"].ko)
              for e in found.of("event")}  # fmt: skip
    assert events == {
        ("2016", "OpeningEvent", "차카영상센터"),
        ("2019", "OpeningEvent", "차카 바다 체험관"),
        ("2014", "OpeningEvent", "차카게임센터"),
        ("2021-05", "OpeningEvent", "목포 메이커스페이스"),
    }
    assert "미래인재팀" in {u.ko for u in found.of("unit")}  # a team is a unit
    (topic,) = extract("(재)차카진흥원은 크다. 차카VR센터는 2019년 5월 개소했다.\n", "x").of(
        "event"
    )
    assert (topic.fields["event_kind"], topic.fields["about"].ko) == ("OpeningEvent", "차카VR센터")


def test_posts_in_a_bracketed_unit_a_contact_team_and_a_glued_mayor() -> None:
    text = (
        "(재)파타진흥원 소식\n담당부서: 파타진흥원 미래사업팀\n담당자: 팀장 구하람, 주임 연다솜\n"
        "행사에는 염태호 목포시장이 참석했다. 공연은 진흥원 문화사업단(단장 설누리)이 맡았다.\n"
    )
    found = extract(text, "x.txt")
    posts = {(p.fields["held_by"].ko, p.ko, p.fields["post_in"].ko) for p in found.of("post")}
    assert {("구하람", "팀장", "미래사업팀"), ("연다솜", "주임", "미래사업팀")} <= posts
    assert {("염태호", "시장", "목포시청"), ("설누리", "단장", "문화사업단")} <= posts


def test_a_role_a_new_name_a_move_and_a_facility_built_before_its_opening() -> None:
    text = (
        "(재)타하진흥원은 2012년 재단법인이 되며 지금의 이름을 얻었고, 2018년에는 새 청사로 "
        "옮겼다. 2021년 6월 중소벤처기업부로부터 '창업보육센터 평가 우수기관(A등급)'으로 "
        "선정됐다. 진흥원은 '타하 공유 스튜디오'를 만들어 2022년 3월 문을 열었다. "
        "협력은 강원대학교와 타하중앙병원이 맡는다.\n"
    )
    found = extract(text, "x.txt")
    events = {(e.fields["date"], e.fields["event_kind"]): e.fields["about"].ko
              for e in found.of("event")}  # fmt: skip
    assert events == {
        ("2012", "RenamingEvent"): "타하진흥원",
        ("2018", "RelocationEvent"): "타하진흥원",
        ("2021-06", "SelectionEvent"): "타하진흥원",
        ("2022-03", "OpeningEvent"): "타하 공유 스튜디오",
    }
    assert {"강원대학교", "타하중앙병원"} <= {o.ko for o in found.of("organization")}


def test_numbers_written_with_man_and_cheon_or_in_words() -> None:
    text = (
        "(재)파랑진흥원 체험관에는 5만 2천 명이 다녀갔고 자료 310만 건을 모았다. "
        "방문객은 12만 명이다. 장인은 세 명뿐이다. 직원 열 명이 안 되는 회사가 많다.\n"
    )
    found = {(o.fields["value"], o.fields["unit_text"])
             for o in extract(text, "x.txt").of("observation")}  # fmt: skip
    assert found == {(52000, "명"), (3100000, "건"), (12, "만 명"), (3, "명")}


def test_a_byline_with_its_body_and_title_in_brackets() -> None:
    text = "(재)노을진흥원 이야기\n본문이다.\n\n채도윤 (목포대학교 교수·해양학)\n"
    found = extract(text, "x.txt")
    posts = {(p.fields["held_by"].ko, p.ko, p.fields["post_in"].ko) for p in found.of("post")}
    assert posts == {("채도윤", "교수", "목포대학교")}
