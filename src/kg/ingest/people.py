"""People named with a title, in either order ("서문산성 원장", "원장 홍길동은", "(원장 이바다)",
"데이터사업본부장 최은결"), with the body or unit printed next to them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from kg.ingest import gazetteer as gz
from kg.ingest import roles
from kg.ingest.model import Found
from kg.ingest.names import Token, _place, body_suffix, glued_unit, stem, tokens
from kg.ingest.speakers import speakers


def _person_name(word: str, strict: bool = True) -> bool:
    """A personal name: a family name and one to three syllables, not a word of the lists.
    ``strict`` also refuses verb endings (a name printed before its particle may end in 다)."""
    suffixes = tuple(s for s in (*gz.BODY_SUFFIXES, *gz.UNIT_SUFFIXES) if len(s) > 1)
    return (
        re.fullmatch(r"[가-힣]{2,4}", word) is not None
        and word.startswith(tuple(gz.SURNAMES))
        and not (strict and word.endswith(("다", "고", "며", "면", "게")))  # verb endings
        and not (len(word) == 2 and word.endswith(("는", "던", "신")))  # 하는 팀장, 오신 원장님
        and not (strict and word.endswith("면서") or word in CONNECTIVES)  # 윤서, 민서: names
        and not word.endswith("에서")  # 기업에서: a particle
        and word not in gz.NOT_PERSON
        and not roles.is_title(stem(word))  # 이사장은 여주시장이: a title, not a name
        and body_suffix(word) is None
        and not word.endswith(suffixes)
        and not roles.is_title(word)
        and _place(word) is None  # 강원 SW융합센터장: a place, not a person
        and not word.endswith("담당")  # 인사담당: a duty, not a name
        and not (word.endswith("청") and _place(word[:-1]) is not None)  # 진천군청
        and word not in COMPOUND  # "서문 센터장은": a short reference, the family name alone
    )


COMPOUND = {s for s in gz.SURNAMES if len(s) == 2}
# Verb forms ending in 서 that start like a family name (names end in 서 too: 윤서, 민서).
CONNECTIVES = {"이어서", "하여서", "해서", "나서", "나서서", "이어서야", "오면서", "주어서"}


def family_name(name: str) -> str:
    """The family name a person is referred back by: 서문하린 → 서문, 김하늘 → 김."""
    return name[:2] if name[:2] in COMPOUND and len(name) >= 3 else name[:1]


def people(text: str) -> Iterator[Found]:
    """People named with a title, in either order: "서문산성 원장", "이종호 과학기술정보통신부
    장관", "원장 홍길동은", "원장 : 박솔", "(원장 이바다)"; the body printed next to them
    becomes their post's organization."""
    words = [roles.without_honorific(t) for t in tokens(text)]  # 원장님을 → 원장
    yield from _honorific(words)
    yield from _bylines(text)
    yield from _slashed(text)
    yield from _former(text)
    yield from speakers(text, _person_name, _titled)
    yield from roles.shaped(text, _person_name)
    yield from roles.unit_posts(text, _person_name, glued_unit)
    for i, token in enumerate(words):
        unit = glued_unit(token.stem)
        body = None if unit else glued_body(token.stem)  # 거제ICT진흥원장, 진흥원장
        title = token.stem if roles.is_title(token.stem) else (unit or body or (None,))[0]
        title = title or glued_title(token.stem) or roles.researcher(text, words, i)
        if title is None:
            continue
        name, org, first, last = _around_title(text, words, i)
        if name is None or title == "연구원" and last is not token:
            continue
        end = last.start + (len(last.stem) if last is not token else len(token.stem))
        quote = text[first.start : end]
        fields: dict[str, Any] = {"title": title, "org": org if title == token.stem else None}
        if title != token.stem and not unit:  # 창원시장: the mayor of 창원시청
            fields["org"] = glued_government(token.stem) or (body[1] if body else None)
        unit = unit or _labelled_unit(text, token, title)
        if unit is None and org and roles.unit_of_title(org, title):  # 교육사업팀 방지원 연구원
            fields["unit"] = True
        if unit:  # 데이터사업본부장, "기업지원본부 : 본부장 …": the head of the unit named
            fields["org"], fields["unit"] = unit[1], True
        fields["formal"] = last is not token and _formal(text, token)
        yield Found(
            "person", name, "high" if org else "medium", "name with a title", [quote], fields
        )


def _honorific(words: list[Token]) -> Iterator[Found]:
    """ "봉다예 씨가": a full name before the honorific 씨 is a person (no post)."""
    for token, after in zip(words, words[1:], strict=False):
        full = len(token.text) == 3 or len(token.text) == 4 and token.text[:2] in COMPOUND
        if after.text in HONORIFIC and full and _person_name(token.text):
            quote = f"{token.text} {after.text}"
            fields = {"title": "씨", "org": None, "formal": False}
            yield Found("person", token.text, "medium", "a name before 씨", [quote], fields)


# "권서율 (안동대학교 교수·민속학)": a name, then its body and title in brackets.
BYLINE = re.compile(
    r"(?<![가-힣])(?P<name>[가-힣]{3,4})\s?\((?P<org>[\w·]+)\s(?P<title>[가-힣]{2,6})"
    r"(?:[·,/][^()\n]{0,20})?\)"
)


def _bylines(text: str) -> Iterator[Found]:
    for match in BYLINE.finditer(text):
        name, org, title = match["name"], match["org"], match["title"]
        if _person_name(name) and body_suffix(org) == "body" and title in gz.TITLES:
            fields = {"title": title, "org": org, "formal": True}
            yield Found("person", name, "high", "a name with its body and title in brackets",
                        [match.group(0)], fields)  # fmt: skip


# "<인터뷰> 사공민재 / ○○진흥원장", "홍길동 / ○○정밀 대표": a caption, name then title.
SLASHED = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{3,4})\s*/\s*(?P<post>[^\n/|]{2,40}?)\s*$", re.M)
# "▲원장 동방서윤(前 ○○테크노파크 정책기획단장)": a person's former post, in brackets.
FORMER = re.compile(
    r"(?<![가-힣])(?P<name>[가-힣]{3,4})\s?\((?:前|전)\s*(?:(?P<org>[\w·]+)\s+)?(?P<title>[\w·]+)\)"
)


def _slashed(text: str) -> Iterator[Found]:
    for match in SLASHED.finditer(text):
        found = _titled(match["name"], match["post"].split(), match.group(0))
        if found is not None:
            yield found


def _former(text: str) -> Iterator[Found]:
    for match in FORMER.finditer(text):
        words = [match["org"], match["title"]] if match["org"] else [match["title"]]
        found = _titled(match["name"], words, match.group(0))
        if found is not None:
            found.fields["former"] = True
            yield found


def _titled(name: str, words: list[str], quote: str) -> Found | None:
    """A person whose post is ``words``: "[body] title", or a title glued to its unit or
    body (정책기획단장, ○○진흥원장, 조선해양산업국장)."""
    if not words or not _person_name(name):
        return None
    last = words[-1]
    unit = glued_unit(last)
    glued = unit or glued_body(last)
    if last not in gz.TITLES and glued is None:
        return None
    fields: dict[str, Any] = {"title": glued[0] if glued else last, "formal": True}
    fields["org"] = glued[1] if glued else " ".join(words[:-1]) or None
    fields["unit"] = unit is not None
    return Found("person", name, "high", "a name with its title after a slash", [quote], fields)


SHORT_BODIES = {"진흥원", "진흥재단", "재단"}  # 진흥원장: the head of the agency named short


def glued_body(word: str) -> tuple[str, str | None] | None:
    """ "거제ICT융합진흥원장", "진흥원장" → (원장, the body): a head's title glued to its body."""
    title = word[-2:]
    body = word[:-1]
    if title in gz.HEAD_TITLES and body in SHORT_BODIES:
        return title, None  # the agency the article is about
    return (title, body) if title in gz.HEAD_TITLES and body_suffix(body) == "body" else None


HONORIFIC = {"씨", "씨가", "씨는", "씨를", "씨의", "씨와", "씨도", "씨에게"}


def _labelled_unit(text: str, title: Token, name: str) -> tuple[str, str] | None:
    """ "- 기업지원본부 : 본부장 연서준": an organization chart's line, the unit its head's."""
    line = text[text.rfind("\n", 0, title.start) + 1 : title.start]
    label = re.fullmatch(r"[\s\-–·•○◦*]*(?P<unit>[\w·]+?)(?:\([^()]*\))?\s*[:：]\s*", line)
    label = label or BRACKETED.search(line)  # "├ 경영기획본부 (본부장 강도윤)", "…사업단(단장 …)"
    if label is None or name not in ("본부장", "센터장", "팀장", "실장", "단장", "소장"):
        return None
    unit = label["unit"]
    return (name, unit) if unit.endswith(name[:-1]) and len(unit) > len(name) else None


BRACKETED = re.compile(r"(?P<unit>[\w·]+)\s?\($")


def _name_after(text: str, words: list[Token], i: int) -> Token | None:
    """The name printed right after a title: "원장 홍길동은", "원장 : 박솔", "(원장 이바다)"."""
    if i + 1 >= len(words):
        return None
    after, title = words[i + 1], words[i]
    between = text[title.start + len(title.text) : after.start]
    if "\n" in between or not re.fullmatch(r"\s*[:：]?\s*", between):
        return None
    tail = text[after.start + len(after.text) : after.start + len(after.text) + 3]
    formal = _formal(text, title)
    whole = len(after.text) == 3 or len(after.text) == 4 and after.text[:2] in COMPOUND
    ends = tail[:1] in ("", "\n") and whole  # 시민기자 채다은⏎: 은 is the name's, no particle
    if ends or tail.startswith(")") or re.match(r"\s?\(", tail):  # (원장 서하은)은, 모도현 (☎
        after = Token(after.text, after.text, after.start)
    closes = tail[:1] in ("", ")", ",", "\n", "·", "(") or re.match(r"\s[/|(]", tail)
    if between.strip() and not (after.text == after.stem and closes):
        return None  # "▶ 진행자: 사무실은 어디에": a speaker's line, no name after the colon
    closed = after.text == after.stem and (tail[:1] in ("", ")", ",", "\n", "·", "(") or formal)
    closed = closed or after.text == after.stem and re.match(r"\s[/|]", tail) is not None
    following = words[i + 2] if i + 2 < len(words) else None
    titled = following is not None and following.stem in gz.TITLES  # 본부장 허윤슬 책임연구원은
    closed = closed or re.match(r"\s\(", tail) is not None or (titled and tail[:1] == " ")
    if not _person_name(after.stem, strict=not formal) or not (after.text != after.stem or closed):
        return None
    compound = after.stem[:2] in gz.SURNAMES
    if len(after.stem) == 3 or (compound and len(after.stem) == 4):
        return after
    return after if formal and len(after.stem) == 2 else None


def _formal(text: str, title: Token) -> bool:
    """A title printed as a label: "원장 : 박솔", "(원장 이바다)"."""
    after = text[title.start + len(title.text) : title.start + len(title.text) + 3]
    return after.lstrip().startswith((":", "：")) or text[title.start - 1 : title.start] == "("


def _around_title(
    text: str, words: list[Token], i: int
) -> tuple[str | None, str | None, Token, Token]:
    """(name, organization, first token, last token) of a title at ``words[i]``."""
    before = []  # the words before the title, within the same line and sentence
    former = i > 0 and words[i - 1].text in ("전", "前")  # 홍길동 전 남원시장: a former post
    for j in range(i - 1 - former, i - 4 - former, -1):
        gap = text[words[j].start + len(words[j].text) : words[j + 1].start] if j >= 0 else ""
        if j < 0 or gap not in (" ", " (", "(") or words[j].text.endswith("."):
            break
        before.append(words[j])
    after = None if former else _name_after(text, words, i)
    if after is not None and _formal(text, words[i]):  # 과장 : 박솔, (원장 이바다)
        org = before[0] if before and body_suffix(before[0].stem) == "body" else None
        return after.stem, org.stem if org else None, org or words[i], after
    if before and _person_name(before[0].text):  # 서문산성 원장 / 진흥원 서문산성 원장
        held_in = _org_before(before[1:], words[i].stem)
        return before[0].text, held_in, before[1] if held_in else before[0], words[i]
    government = body_suffix(before[0].text) == "body" if before else False
    government = government or bool(before) and before[0].stem in SHORT_BODIES  # 진흥원 …본부장
    governing = glued_unit(words[i].stem) is not None or (
        roles.base_title(words[i].stem) in gz.GOVERNMENT_TITLES
    )  # 황보수아 제주특별자치도 미래산업과장, 명태윤 평택시 부시장
    government = government or (bool(before) and governing and _place(before[0].text) is not None)
    if (
        len(before) > 1 and government and _person_name(before[1].text)
    ):  # 이종호 과학기술정보통신부 장관, 황보수아 제주특별자치도 미래산업과장
        place = _place(before[0].text) if body_suffix(before[0].text) != "body" else None
        held_in = place[0] + "청" if place and place[1] != "zone" else before[0].text
        return before[1].text, held_in, before[1], words[i]
    if after is not None:  # 원장 홍길동은 / 진흥원 원장 홍길동은
        org = before[0] if before and body_suffix(before[0].stem) == "body" else None
        return after.stem, org.stem if org else None, org or words[i], after
    return None, None, words[i], words[i]


def _org_before(words: list[Token], title: str) -> str | None:
    """The body printed before "name title": a body (과기정통부), a unit whose head the title
    names (문화체육관광국 … 국장, 교육사업팀 … 연구원), or the government of a place
    (전북특별자치도 … 행정부지사)."""
    if not words:
        return None
    word = words[0].text
    if body_suffix(word) == "body" or roles.unit_of_title(word, title):
        return word
    place = _place(word)
    governing = roles.base_title(title) in gz.GOVERNMENT_TITLES
    return place[0] + "청" if place and place[1] != "zone" and governing else None


def glued_government(word: str) -> str | None:
    """ "창원시장" → 창원시청, "경기도지사" → 경기도청: the government a glued title heads."""
    title = glued_title(word)
    place = _place(word[: -len(title) + 1]) if title else None
    return place[0] + "청" if place and place[1] in ("city", "province") else None


def glued_title(word: str) -> str | None:
    """ "대전광역시장" → 시장, "경기도지사" → 도지사: a title glued to its place's name."""
    for cut in (1, 2):
        place = _place(word[:-cut]) if len(word) > cut + 1 else None
        if place and word[:-cut] == place[0]:
            return word[-cut - 1 :]
    return None


def short_references(text: str, name: str, title: str) -> list[str]:
    """ "서 원장", "서문 센터장": the family name and the title, referring back to a person."""
    quotes = {f"{family_name(name)} {title}", f"{name[0]} {title}"}  # 서문산성: 서 or 서문
    return [q for q in sorted(quotes) if re.search(rf"(?<![가-힣]){re.escape(q)}", text)]


TEAM_TITLES = {"팀장", "주임", "과장", "대리", "사원", "선임", "책임", "차장", "매니저"}


def contact_team(text: str, at: int) -> str | None:
    """The team named last on a person's line or the line before (a press release's
    contacts), whose 팀장 or 주임 the person is."""
    start = text.rfind("\n", 0, text.rfind("\n", 0, at))
    teams = [t.stem for t in tokens(text[start + 1 : at])
             if t.stem.endswith("팀") and body_suffix(t.stem) == "unit"]  # fmt: skip
    return teams[-1] if teams else None
