"""Event rules learned from the sixth dev set (blind6-*, tuned on after its first run), each
a general mechanism: labelled date fields and a post's time stamp, hearsay and code-switched
verbs, list marks and glosses before the subject, a ministry named anywhere before what it
grants, the quoted name an opening opens. Every sentence here is new, written for the rule,
not taken from an article."""

from __future__ import annotations

from kg.ingest.dates import article_date
from kg.ingest.extract import extract
from tests.ingest_helpers import event_tuples


def test_labelled_date_fields_and_a_posts_time_stamp_date_the_text() -> None:
    minutes = "제9회 위원회 회의록\n제1호\n목차\n일 시: 2024년 3월 8일(금) 14시\n본문\n"
    assert article_date(minutes) == "2024-03-08"
    assert article_date("보도자료\n배포 일시: 2023. 6. 2.(금) 11:00 | 엠바고\n본문\n") == (
        "2023-06-02"
    )
    assert article_date("자유게시판\n별빛맘 | 2024.11.03 08:41 | 조회 77 | 댓글 2\n본문\n") == (
        "2024-11-03"
    )
    # a dated line with a verb is a happening, never the text's date
    assert article_date("연혁\n기념일: 2011. 5. 2. 설립\n") is None


def test_hearsay_funded_made_and_code_switched_verbs() -> None:
    text = (
        "하람 동네 | 2024.08.01 10:00 | 조회 9\n"
        "찾아보니 하람진흥원은 2016년 3월에 하람시가 출연해서 만든 곳이고, "
        "2021년에 지금 이름으로 바뀌었대요.\n"
    )
    assert event_tuples(text) == [
        ("2016-03", "FoundingEvent", "하람진흥원", "하람시청"),
        ("2021", "RenamingEvent", "하람진흥원", "-"),
    ]
    mixed = (
        "2024.08.01 | by 필자\n"
        "누리진흥원은 2019년 4월 launch했고 2022년 5월 지금 이름으로 rebrand했다.\n"
        "- 2023.02 — 'Moon Hub(문허브)' open, 좌석 40석\n"
        "- 2024 — 행정안전부 '마을 거점'으로 selected\n"
    )
    assert event_tuples(mixed) == [
        ("2019-04", "FoundingEvent", "누리진흥원", "-"),
        ("2022-05", "RenamingEvent", "누리진흥원", "-"),
        ("2023-02", "OpeningEvent", "Moon Hub", "-"),
        ("2024", "SelectionEvent", "누리진흥원", "행정안전부"),
    ]
    # "open data", "Open API": an English phrase, no opening
    assert event_tuples("2024.08.01 | 필자\n누리진흥원은 2023년 open data 교육을 했다.\n") == []


def test_list_marks_glosses_and_a_ministry_anywhere_before_what_it_grants() -> None:
    text = (
        "2024.09.09 | 필자\n(재)가온진흥원 걸어온 길\n"
        "▶ 2022년 3월 — 행정안전부 '마을 데이터 거점'에 선정.\n"
        "▶ 2023년 — 경기도(Gyeonggi Province)가 진흥원을 '도 전문기관'으로 지정.\n"
        "▶ 2024년 — 국토교통부 공모 평가에서 '우수' 등급.\n"
        "올해 1월엔 처음으로 과학기술정보통신부 '실증' 사업에 뽑혔어요.\n"
    )
    assert event_tuples(text) == [
        ("2022-03", "SelectionEvent", "가온진흥원", "행정안전부"),
        ("2023", "DesignationEvent", "가온진흥원", "경기도청"),
        ("2024", "HistoryEvent", "가온진흥원", "국토교통부"),
        ("2024-01", "SelectionEvent", "가온진흥원", "과학기술정보통신부"),
    ]
    code_switched = "2024.09.09 | 필자\n가온진흥원은 last year 5월 '창업 거점'으로 selected.\n"
    assert event_tuples(code_switched) == [("2023-05", "SelectionEvent", "가온진흥원", "-")]


def test_an_opening_opens_the_quoted_name_it_tells_of() -> None:
    text = (
        "2024.09.09 | 필자\n"
        "다온진흥원은 2021년 5월 동쪽 들판에 '다온 시험 농장'을 조성해 문을 열었다. "
        "작년 2월에는 우리 팀이 맡은 '다온 책 쉼터'가 서쪽 마을에 문을 열었고요.\n"
    )
    assert event_tuples(text) == [
        ("2021-05", "OpeningEvent", "다온 시험 농장", "-"),
        ("2023-02", "OpeningEvent", "다온 책 쉼터", "-"),
    ]


def test_a_ministrys_press_release_designates_each_agency_it_lists() -> None:
    text = (
        "국토교통부 보도자료\n보도 일시: 2024. 10. 8.(화) 조간\n\n"
        "□ 국토교통부(이하 국토부)는 7일, '2025년 마을 데이터 거점' 공모 결과 "
        "양평콘텐츠진흥원, 영월데이터진흥원 등 2개 기관을 새로 지정했다고 밝혔다.\n"
        " ○ 영월데이터진흥원은 2019년 3월 문을 열었다.\n"
    )
    events = event_tuples(text)
    assert ("2024-10-07", "DesignationEvent", "양평콘텐츠진흥원", "국토교통부") in events
    assert ("2024-10-07", "DesignationEvent", "영월데이터진흥원", "국토교통부") in events
    assert not [e for e in events if e[0] == "2025"]  # a year in a quoted title
    assert not [e for e in events if e[2] == "국토교통부"]  # the ministry is no agency
    spoken = '2024.10.08 | 기자\n원장은 "2016년 4월 설립한 양평콘텐츠진흥원"이라고 말했다.\n'
    assert ("2016-04", "FoundingEvent", "양평콘텐츠진흥원", "-") in event_tuples(spoken)


def test_a_bare_city_or_county_as_subject_is_the_agencys_own() -> None:
    text = (
        "제12회 양평군의회 회의록\n일 시: 2024년 5월 2일(목) 10시\n의사일정\n"
        " 1. 양평콘텐츠진흥원 출연금 동의안\n\n"
        "○양평콘텐츠진흥원장 아무개  진흥원은 2017년 3월 2일 군이 출연하여 설립되었습니다.\n"
    )
    assert event_tuples(text) == [("2017-03-02", "FoundingEvent", "양평콘텐츠진흥원", "양평군청")]


def test_a_speech_for_our_agency_signed_with_its_head() -> None:
    text = (
        "[신년사] 새해 인사\n\n우리 진흥원은 2019년 5월 경기도로부터 "
        "'데이터 거점'으로 지정되었습니다.\n\n2025년 1월 2일\n양평콘텐츠진흥원장 아무개\n"
    )
    assert event_tuples(text) == [("2019-05", "DesignationEvent", "양평콘텐츠진흥원", "경기도청")]


def test_footnotes_give_the_day_and_cite_an_enactment() -> None:
    text = (
        "제3장 사례 | 3.2 양평콘텐츠진흥원\n\n"
        "양평콘텐츠진흥원(이하 '진흥원')은 2018년 5월 양평군이 출연하여 설립한 재단법인이다.¹⁾ "
        "2022년 6월에는 경기도가 진흥원을 '도 전문기관'으로 지정하였다.²⁾\n\n"
        "──────\n"
        "1) 양평군의회, 「양평군 콘텐츠산업 진흥 조례」 제정(2017. 11. 20.).\n"
        "2) 경기도 고시 제2022-7호(2022. 6. 14.).\n"
        "3) 담당자 면담(2024. 3. 5.).\n"
    )
    events = event_tuples(text)
    assert ("2022-06-14", "DesignationEvent", "양평콘텐츠진흥원", "경기도청") in events
    assert ("2017-11-20", "EnactmentEvent", "양평군 콘텐츠산업 진흥 조례", "양평군의회") in events
    assert len(events) == 3  # a note's interview date is no event


def test_new_places_and_teams_named_first_in_a_list() -> None:
    text = (
        "2024.07.01 | 게시판\n"
        "작년 12월에 읍내에 새로 생긴 '하늘 코딩방'에서 했어요.\n"
        "▶ 올해 2월 — 데이터분석팀 등 2개 팀을 새로 만들어 직원이 늘었다.\n"
    )
    events = event_tuples(text)
    assert ("2023-12", "OpeningEvent", "하늘 코딩방", "-") in events
    assert ("2024-02", "EstablishmentEvent", "데이터분석팀", "-") in events


def test_the_body_a_sentence_or_list_item_is_about() -> None:
    text = (
        "2024.05.02 | 기자\n(재)양평콘텐츠진흥원 지역 협력 기관 현황\n"
        "○ 가평데이터융합센터: 2021년 행정안전부가 '마을 데이터 거점'으로 지정했다.\n"
        "○ 양평콘텐츠진흥원: 2019년 국토교통부로부터 '공간정보 거점'으로 선정됐다.\n"
        "영월데이터진흥원은 2018년 문을 열었다. 진흥원은 2022년 '데이터 거점'으로 선정됐다.\n"
    )
    events = event_tuples(text)
    assert ("2021", "DesignationEvent", "가평데이터융합센터", "행정안전부") in events
    assert ("2019", "SelectionEvent", "양평콘텐츠진흥원", "국토교통부") in events
    assert ("2022", "SelectionEvent", "영월데이터진흥원", "-") in events


def _people(text: str) -> dict[str, str]:
    found = extract(text, "x.txt")
    return {p.ko: p.fields.get("title", "") for p in found.of("person")}


def test_speaker_lines_of_minutes_and_self_introductions_name_people() -> None:
    text = (
        "제88회 양평군의회(임시회)\n경제복지위원회 회의록\n\n"
        "○위원장 소하람  회의를 시작하겠습니다.\n"
        "○양평콘텐츠진흥원장 연이든  양평콘텐츠진흥원장 연이든입니다. 보고드리겠습니다.\n"
        "○제갈누리 위원  작년 실적은 어떻습니까?\n"
        "○양평콘텐츠진흥원 사업지원팀장 표하윤  사업지원팀장 표하윤입니다.\n"
    )
    people = _people(text)
    assert people == {"소하람": "위원장", "연이든": "원장", "제갈누리": "위원", "표하윤": "팀장"}
    talk = "답: 데이터팀을 맡고 있는 황보새봄입니다. 일을 하는 팀장을 만났다. 새로 오신 원장님\n"
    assert _people(talk) == {"황보새봄": "팀장"}  # 하는, 오신: no people
    assert _people("2025.01.02 | by 봉다온 (writer)\n본문이다.\n") == {"봉다온": "필자"}
    heard = "올해 새로 오신 원장님은 봉다솜 원장님이라고 들었어요~\n"
    assert _people(heard) == {"봉다솜": "원장"}


def test_a_paragraph_about_another_body_and_its_short_form() -> None:
    text = (
        "2024.12.20 | 기자\n(재)양평콘텐츠진흥원 한 해 결산\n\n"
        "◆ 가평영상미디어센터 - 작은 곳의 큰 변화\n"
        "가평영상미디어센터는 올해 가장 바빴다. 지난 5일 읍내 옛 별관으로 자리를 옮겼고, "
        "2016년 가평군이 세운 센터의 수강생은 늘었다.\n"
        "센터는 지난 10월 양평콘텐츠진흥원과 업무협약을 맺었다. "
        "2023년 행정안전부는 진흥원을 '우수기관'으로 선정했다.\n"
    )
    events = event_tuples(text)
    assert ("2024-12-05", "RelocationEvent", "가평영상미디어센터", "-") in events
    assert ("2016", "FoundingEvent", "가평영상미디어센터", "가평군청") in events
    assert ("2024-10", "HistoryEvent", "가평영상미디어센터", "-") in events
    assert ("2023", "SelectionEvent", "양평콘텐츠진흥원", "행정안전부") in events
