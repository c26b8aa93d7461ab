"""Rules for people, posts, governments and places learned on the fifth dev set (blind5-*):
titles with a prefix, a title before a bracketed name, a post taken, former posts, the
media's own people, members of the National Assembly, a place's government before a name,
counties, and regions under their current names. Every sentence here is new, written for
the rule, not taken from an article."""

from __future__ import annotations

import pytest

from kg.ingest import localities, names, people, roles
from kg.ingest.extract import extract


def _people(text: str) -> dict[str, tuple[str, str | None]]:
    return {p.ko: (p.fields["title"], p.fields.get("org")) for p in people.people(text)}


def test_titles_with_a_prefix_are_titles() -> None:
    assert roles.is_title("정무부시장") and roles.is_title("제2차관") and roles.is_title("원장")
    assert roles.base_title("행정부지사") == "부지사" and roles.base_title("제1차관") == "차관"
    assert not roles.is_title("행정") and not roles.is_title("제1")


@pytest.mark.parametrize(
    ("text", "person", "title", "org"),
    [
        ("경상북도 여하람 정무부지사는 축사를 했다.", "여하람", "정무부지사", "경상북도청"),
        ("주은별 행안부 제2차관은 답했다.", "주은별", "제2차관", "행안부"),
        ("대구광역시 데이터정책과 석도하 과장이 설명했다.", "석도하", "과장", "데이터정책과"),
        ("한가람 전 춘천시장이 참석했다.", "한가람", "시장", "춘천시청"),
        ("재단 교육지원팀 남윤재 연구원은 말했다.", "남윤재", "연구원", "교육지원팀"),
    ],
)
def test_the_body_before_a_name_and_title(text: str, person: str, title: str, org: str) -> None:
    assert _people(text)[person] == (title, org)


def test_titles_before_a_bracketed_name_and_posts_taken() -> None:
    found = _people("▷ 앵커(곽나래): 어서 오세요. 초대 원장을 지낸 표승우 교수가 왔다.")
    assert found["곽나래"] == ("앵커", None)
    assert found["표승우"][0] in ("원장", "교수")
    assert "어서" not in found and "오세요" not in found


def test_a_speakers_colon_is_no_name_label() -> None:
    found = _people("▶ 차수민 센터장: 우리 센터는 작년에 문을 열었어요.\n▷ 사회자: 사무실은요?")
    assert set(found) == {"차수민"}  # not 우리, not 사무실


def test_a_name_ending_like_a_particle_at_the_end_of_a_line() -> None:
    assert "봉하은" in _people("사진·글: 시민기자 봉하은\n")


def test_a_title_with_a_particle_is_no_name() -> None:
    assert _people("이사장은 가나시장이 맡는다.") == {}


def test_posts_of_members_media_people_and_two_posts() -> None:
    text = (
        "가나정보진흥원은 2019년 설립됐다.\n"
        "국회 교육위원회 채수빈 의원은 질의했다. 글 남궁도윤 논설위원\n"
        "당시 초대 이사장을 맡은 염하준 전 다라시장은 웃었다.\n"
    )
    found = extract(text, "x.txt")
    posts = {(p.fields["held_by"].ko, p.ko, p.fields["post_in"].ko) for p in found.of("post")}
    assert ("채수빈", "의원", "국회") in posts
    assert ("염하준", "이사장", "가나정보진흥원") in posts
    assert not any(held == "남궁도윤" for held, _, _ in posts)  # a columnist: no post
    assert "교육위원회" in {u.ko for u in found.of("unit")}
    assert "교육위원회" not in {o.ko for o in found.of("organization")}


def test_counties_and_current_region_names() -> None:
    found = {p.ko: p for p in localities.places("강원도 홍천군과 인근 양구·화천군, 전북 임실군")}
    assert {"홍천군", "양구군", "화천군", "임실군", "강원특별자치도"} <= set(found)
    assert found["강원특별자치도"].alt_ko == ["강원도"]
    assert "예산군" not in {p.ko for p in localities.places("올해 예산 30억 원")}


def test_a_territory_that_designates_founds_or_pays_is_its_government() -> None:
    text = (
        "충청북도는 2022년 진흥원을 거점기관으로 지정했다. 완도군이 2016년 설립했고, "
        "경기도와 가평군의 출연금이 줄었다. 전주시는 2020년 관광도시로 선정됐다."
    )
    governments = {g.ko for g in names.governments(text)}
    assert governments == {"충청북도청", "완도군청", "경기도청", "가평군청"}  # 전주시: chosen


def test_towns_townships_and_villages_are_places() -> None:
    text = (
        "센터는 봉명동 새 건물로 옮겼고 옥산면과 오창읍 주민을 찾아간다. 성산리의 창고도 쓴다. "
        "활동에 참여했고 반면에 관리의 어려움과 배터리 교체 문제가 있었다. 완공되면 연다."
    )
    found = {p.ko for p in localities.places(text)}
    assert {"봉명동", "옥산면", "오창읍", "성산리"} <= found
    assert not found & {"활동", "반면", "관리", "배터리", "완공되면"}


def test_directions_and_industrial_estates_are_no_bodies() -> None:
    assert names.body_suffix("동남부") is None and names.body_suffix("반월공단") is None
    assert names.body_suffix("한국산업인력공단") == "body"
    assert names._place("반월공단") == ("반월공단", "zone")


def test_our_city_in_a_citys_own_newsletter_is_its_government() -> None:
    text = "라온시보 5월호\n보령해양데이터진흥원은 우리 시가 2019년 출연해 세운 기관입니다.\n"
    governments = {o.ko for o in extract(text, "x.txt").of("organization")}
    assert "보령시청" in governments


def test_unit_posts_written_around_a_name() -> None:
    text = (
        "가람진흥원 미래전략본부장 겸 창업지원센터장인 설하윤 책임연구원은 말했다. "
        "기업성장본부는 탁지호 본부장 직무대리가 이끈다. "
        "사업은 여도겸 교육사업본부장(수석연구원)이 맡는다.\n"
    )
    posts = {(p.fields["held_by"].ko, p.ko, p.fields["post_in"].ko)
             for p in extract(text, "x.txt").of("post")}  # fmt: skip
    assert {
        ("설하윤", "본부장", "미래전략본부"),
        ("설하윤", "센터장", "창업지원센터"),
        ("탁지호", "본부장 직무대리", "기업성장본부"),
        ("여도겸", "본부장", "교육사업본부"),
        ("여도겸", "수석연구원", "가람진흥원"),
    } <= posts


def test_titles_introducing_a_name_and_names_ending_in_seo() -> None:
    text = (
        "나래정보진흥원은 2017년 설립됐다. 진흥원 이사장인 금하서 나래시장이 인사했다. "
        "전남 디지털정책과장을 지낸 용지서(51) 씨가 왔고, 당시 원장이던 어진우는 답했다. "
        "소윤서 목포시 부시장은 축사했다. 이어서 원장은 기업에서 온 손님을 맞았다.\n"
    )
    found = extract(text, "x.txt")
    posts = {(p.fields["held_by"].ko, p.ko, p.fields["post_in"].ko) for p in found.of("post")}
    assert {
        ("금하서", "이사장", "나래정보진흥원"),
        ("용지서", "과장", "디지털정책과"),
        ("어진우", "원장", "나래정보진흥원"),
        ("소윤서", "부시장", "목포시청"),
    } <= posts
    assert not {p.ko for p in found.of("person")} & {"이어서", "기업에서", "어진우는"}


def test_ages_honorifics_and_prefixed_titles() -> None:
    found = _people(
        "가람진흥원 왕서진(61) 원장이 말했다. 수상자 국하린(24) 씨가 웃었다. "
        "전시관 맹수아 관장님을 만났다. 합류한 용태오 경영이사는 답했다."
    )
    assert found["왕서진"] == ("원장", "가람진흥원")
    assert found["국하린"][0] == "씨" and found["맹수아"][0] == "관장"
    assert found["용태오"][0] == "경영이사"


def test_localities_in_lists_before_a_place_and_words_in_gu() -> None:
    text = (
        "청사를 봉곡동 구미혁신도시로 옮겼다. 월롱면·탄현면 주민을 만났고 매송공동에 들렀다. "
        "공동연구를 맡은 정책연구 팀이 부산 영도구와 공주 연구 인력을 만났다."
    )
    found = {p.ko for p in localities.places(text)}
    assert {"봉곡동", "월롱면", "탄현면", "매송공동", "영도구"} <= found
    assert not found & {"공동연구", "정책연구", "연구"}
    assert roles.is_title("선임연구위원")


def test_committees_of_a_council_and_their_chairs() -> None:
    text = (
        "다온정보진흥원은 2016년 설립됐다. 김해시의회 행정자치위원회가 감사를 열었다. "
        "길예준 행정자치위원장은 질의했다.\n"
    )
    found = extract(text, "x.txt")
    units = {u.ko: u.fields.get("unit_of") for u in found.of("unit")}
    assert units["행정자치위원회"].ko == "김해시의회"
    assert "행정자치위원회" not in {o.ko for o in found.of("organization")}
    posts = {(p.fields["held_by"].ko, p.ko, p.fields["post_in"].ko) for p in found.of("post")}
    assert ("길예준", "위원장", "행정자치위원회") in posts
