"""Rules learned from the third dev set (blind3-*, tuned on after its first run): dates told
against the article's date or the date before (같은 달, 이날, 어제(22일), 재작년, 이듬해, a bare
month), a locative before what opened. Every sentence here is new, written for the rule,
not taken from an article."""

from __future__ import annotations

from kg.ingest.dates import dated
from kg.ingest.extract import extract

DATELINE = "하늘일보\n2024.9.20 08:00\n"


def _dates(body: str) -> list[tuple[str, str]]:
    return [(d.date, d.precision) for d in dated(DATELINE + body, [])]


def test_dates_told_against_the_article_date() -> None:
    assert _dates("다라진흥원은 어제(19일) 실증센터의 문을 열었다.\n") == [("2024-09-19", "day")]
    assert _dates("다라진흥원은 어제 실증센터 개소식을 열었다.\n") == [("2024-09-19", "day")]
    assert _dates("재작년 5월에는 거점기관으로 지정됐다.\n") == [("2022-05", "month")]
    assert _dates("3월 초 마루동에 문을 연 체험관이다.\n") == [("2024-03", "month")]
    assert _dates("11월 말 체험관을 열었다.\n") == [("2023-11", "month")]  # not yet come: last year
    assert _dates("오는 11월 성과 공유회를 열 예정이다.\n") == []  # a plan


def test_dates_told_against_the_date_before() -> None:
    body = "2021년 4월 라온센터를 열었다. 같은 달 시는 진흥원을 거점으로 선정했다.\n"
    assert _dates(body)[-1] == ("2021-04", "month")
    body = "2019년 6월 진흥원이 출범했다. 이듬해 창업센터를 열었다.\n"
    assert _dates(body)[-1] == ("2020", "year")
    body = "진흥원은 2024년 3월 4일 조직을 바꿨다. 이날 AI팀을 신설했다. 전날에는 분원을 열었다.\n"
    assert [d for d, _ in _dates(body)] == ["2024-03-04", "2024-03-03"]


def test_this_day_tells_more_of_the_event_before() -> None:
    text = DATELINE + (
        "(재)다라진흥원은 지난 12일 '다라 실감센터' 개소식을 열었다고 밝혔다.\n"
        "이날 개소식에는 시장과 기업 대표 80여 명이 참석했다.\n"
    )
    events = extract(text, "x.txt").of("event")
    assert [(e.fields["date"], e.fields["about"].ko) for e in events] == [
        ("2024-09-12", "다라 실감센터")
    ]
    assert any("이날 개소식에는" in q for q in events[0].quotes)


def test_the_words_before_a_locative_say_where_not_what() -> None:
    text = DATELINE + "다라진흥원은 2021년 4월 새 청사 2층에 다라 메이커랩을 열었다.\n"
    (event,) = extract(text, "x.txt").of("event")
    assert event.fields["about"].ko == "다라 메이커랩"


def test_a_timeline_line_with_two_spaces_is_no_date_line_and_new_verbs() -> None:
    body = "○ 연혁\n  - 2023-06-01  행정안전부 '디지털 거점' 지정\n"
    body += "  - 2019-03-02  라온진흥원으로 기관명 변경\n"
    assert [(d.date, d.verb) for d in dated(body, [])] == [
        ("2023-06-01", "지정"),
        ("2019-03-02", "명칭변경"),
    ]
    body = "진흥원은 2016년 지금 이름으로 바꾼 뒤 2020년 5월 데이터팀을 신설했다.\n"
    found = [(d.date, d.verb) for d in dated(body, [])]
    assert found == [("2016", "명칭변경"), ("2020-05", "설치")]


def _actors(text: str) -> dict[str, str | None]:
    events = extract(text, "x.txt").of("event")
    return {e.fields["date"]: (a.ko if (a := e.fields.get("actor")) else None) for e in events}


def test_the_government_that_funds_a_founding_is_its_actor() -> None:
    text = "■ 라온진흥원 연혁\n'13.5.2  김천시 출연으로 (재)라온정보센터 설립\n"
    text += "'17.3.1  라온진흥원으로 이름 바꿈\n"
    assert _actors(text)["2013-05-02"] == "김천시청"
    text = " * 2013.05.02 재단법인 라온정보센터 설립 (김천시 출연)\n * 2017.03 라온진흥원 개칭\n"
    assert _actors(text)["2013-05-02"] == "김천시청"
    text = "라온진흥원은 2013년 5월 김천시가 출연해 설립한 기관이다.\n"
    assert _actors(text) == {"2013-05": "김천시청"}
    text = "2013년 김천시와 문경시이 함께 세운 라온진흥원은 인재를 길렀다.\n"
    assert _actors(text) == {"2013": None}  # two founders, no one actor


def test_a_lone_dated_field_or_title_is_no_event() -> None:
    notes: list[str] = []
    body = "2024년 제3차 직원 채용 공고\n\n ○ 원장: 누구\n ○ 2023년 실적: 기업 40개사 지원\n"
    body += " ○ 소재지: 어딘가\n"
    assert list(dated(body, notes)) == []
    assert len(notes) == 2 and all("no dated line next to it" in n for n in notes)
    listed = "- 2019.3 다라센터 출범식\n- 2021.5 도서관 리모델링\n"  # a list: kept, verb or not
    assert [d.date for d in dated(listed, [])] == ["2019-03", "2021-05"]


def test_a_quoted_name_after_an_opening_verb_is_what_opened() -> None:
    text = DATELINE + "특히 올해 4월 개관한 '라온 버추얼 스테이지'(면적 900㎡)는 붐빈다.\n"
    (event,) = extract(text, "x.txt").of("event")
    assert (event.fields["event_kind"], event.fields["about"].ko) == (
        "OpeningEvent",
        "라온 버추얼 스테이지",
    )


def _posts(text: str) -> set[tuple[str, str, str]]:
    items = extract(text, "x.txt").items
    return {
        (p.fields["held_by"].ko, p.ko, p.fields["post_in"].ko) for p in items if p.kind == "post"
    }


def test_a_caption_name_slash_title_and_a_head_glued_to_its_body() -> None:
    text = "라온ICT진흥원이 센터를 열었습니다.\n<인터뷰> 남궁다온 / 라온ICT진흥원장\n"
    text += "<인터뷰> 하서진 / 미르정밀 대표\n"
    posts = _posts(text)
    assert ("남궁다온", "원장", "라온ICT진흥원") in posts
    assert ("하서진", "대표", "미르정밀") in posts
    text = "라온콘텐츠진흥원 국정감사에서 답변에 나선 하서진 진흥원장은 설명했다.\n"
    assert ("하서진", "원장", "라온콘텐츠진흥원") in _posts(text)


def test_councillors_a_former_post_and_a_compound_surname_dongbang() -> None:
    text = "당진시의회 행정사무감사에서 하서진 의원(읍내동)은 예산을 물었다.\n"
    assert _posts(text) == {("하서진", "의원", "당진시의회")}
    text = "라온진흥원 인사\n▲원장 동방다온(前 미르테크노파크 정책기획단장)\n"
    posts = _posts(text)
    assert ("동방다온", "원장", "라온진흥원") in posts
    assert ("동방다온", "단장", "정책기획단") in posts
    text = "라온진흥원 문의: 경영지원팀 인사담당 주임 하서진\n당진군청 문화과장 나은솔\n"
    people = {p.ko for p in extract(text, "x.txt").of("person")}
    assert "인사담당" not in people and "당진군청" not in people


def test_money_in_eok_and_cheonman_about_and_machines_counted_in_dae() -> None:
    from kg.ingest.figures import spelled_figures

    text = "사업비 3억 5천만 원과 상금 1천만 원, 관람객 2만 3천여 명, 서버 40여 대를 갖췄다.\n"
    found = {(f.fields["value"], f.fields["unit_text"]) for f in spelled_figures(text)}
    assert found == {(3.5, "억원"), (1000, "만원"), (23000, "명"), (40, "대")}
    assert list(spelled_figures("60대 이상 관람객이 늘었다.\n")) == []  # an age


def test_a_broadcast_date_line_and_an_agreement_at_an_opening_ceremony() -> None:
    from kg.ingest.dates import article_date

    assert article_date("[ABC 뉴스7] 2024년 9월 20일(금) 방송 / 원고\n\n<앵커>\n") == "2024-09-20"
    text = "[ABC 뉴스7] 2024년 9월 20일(금) 방송\n"
    text += "라온진흥원은 어제 개소식에서 대학 두 곳과 인력양성 협약도 맺었습니다.\n"
    (event,) = extract(text, "x.txt").of("event")
    assert (event.fields["date"], event.fields["verb"]) == ("2024-09-19", "협약")
