"""Titles in the shapes news writes them, and people named in shapes beside "name title":
a title with a prefix (행정부지사, 제1차관), a title before a bracketed name (진행자(채윤아)),
and a post taken (초대 이사장을 맡은 홍길동)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from kg.ingest import gazetteer as gz
from kg.ingest.model import Found
from kg.ingest.names import Token, body_suffix, stem

# A title's prefix that ranks or specialises it: 행정부지사, 정무부시장, 제1차관, 수석부회장.
TITLE_PREFIX = re.compile(
    r"(?:행정|정무|경제|기획|제\d|수석|선임|책임|상임|비상임|명예|대표|기술|경영|사외|전무|상무)"
)


def is_title(word: str) -> bool:
    """A title as printed: 원장, or a prefixed one (행정부지사, 제1차관)."""
    if word in gz.TITLES:
        return True
    prefix = TITLE_PREFIX.match(word)
    return prefix is not None and word[prefix.end() :] in gz.TITLES and prefix.end() < len(word)


def base_title(word: str) -> str:
    """The title without its prefix: 행정부지사 → 부지사, 제1차관 → 차관."""
    prefix = TITLE_PREFIX.match(word)
    rest = word[prefix.end() :] if prefix else word
    return rest if rest in gz.TITLES else word


_TITLE = r"(?P<title>[가-힣\d]{2,8})"
_NAME = r"(?P<name>[가-힣]{3,4})"
# "진행자(채윤아):", "원장(홍길동)은": a title, its holder's name in brackets.
BRACKETED = re.compile(rf"(?<![가-힣]){_TITLE}\s?\({_NAME}\)")
# "초대 이사장을 맡은 홍길동", "원장을 지낸 홍길동 씨": a post taken, then the person.
TOOK = re.compile(
    rf"(?<![가-힣]){_TITLE}(?:을|를)\s(?:맡은|맡았던|지낸|역임한)\s{_NAME}(?![가-힣])"
)


# "황보민재(64) 원장이", "위하람(27) 씨가": a name with the age in brackets, then a title.
AGED = re.compile(
    rf"(?<![가-힣]){_NAME}\(\d{{1,3}}\)\s?(?P<title>[가-힣]{{1,8}}?)"
    r"(?:은|는|이|가|을|를|의|과|와|도|께서|에게)?(?![가-힣])"
)


def without_honorific(token: Token) -> Token:
    """ "원장님을", "관장님": a title with the honorific 님 (spoken and written politely)."""
    bare = token.stem.removesuffix("님")
    return Token(token.text, bare, token.start) if bare != token.stem and is_title(bare) else token


def shaped(text: str, is_name: Callable[[str], bool]) -> Iterator[Found]:
    """People named in these shapes; ``is_name`` tells a personal name (people's rule)."""
    for match in AGED.finditer(text):
        title = match["title"]
        if (is_title(title) or title == "씨") and is_name(match["name"]):
            fields = {"title": title, "org": _body_before(text, match.start()), "formal": False}
            yield Found("person", match["name"], "medium", "a name with its age, then a title",
                        [match.group(0)], fields)  # fmt: skip
    for rule, why in ((BRACKETED, "a title, the name in brackets"), (TOOK, "a post taken")):
        for match in rule.finditer(text):
            title, name = match["title"], match["name"]
            if is_title(title) and is_name(name):
                fields = {"title": title, "org": None, "formal": True}
                yield Found("person", name, "medium", why, [match.group(0)], fields)


def researcher(text: str, words: list[Token], i: int) -> str | None:
    """ "방지원 연구원도": 연구원 (also a body's suffix) is a title after a bare full name."""
    if words[i].stem != "연구원" or i == 0:
        return None
    before = words[i - 1]
    gap = text[before.start + len(before.text) : words[i].start]
    named = before.text == before.stem and len(before.text) == 3 and gap == " "
    return "연구원" if named else None


def unit_of_title(word: str, title: str) -> bool:
    """ "교육사업팀" (a unit's suffix), "문화체육관광국" before 국장: a unit of its body."""
    if body_suffix(word) == "unit":
        return True
    head = title[:-1] if title.endswith("장") and len(title) == 2 else ""
    return bool(head) and word.endswith(head) and len(word) >= 4


_HELD = r"(?P<held>[\w·]+?(?:장|사|원))(?:\s겸\s(?P<also>[\w·]+?장))?"
# "제조AI본부장인 안소이 책임연구원", "A본부장 겸 B센터장을 맡고 있는 최단비 본부장": the unit
# posts a person is introduced by, before the name.
INTRODUCED = re.compile(
    rf"(?<![가-힣]){_HELD}(?:인|이던|이었던|을 맡고 있는|을 맡은|을 지낸)\s"
    rf"{_NAME}(?:\(\d+\))?(?![가-힣])"
)
# "최은결 데이터사업본부장(책임연구원)": a second post, in brackets after the first.
SECOND = re.compile(rf"(?<![가-힣]){_NAME}\s[\w·]+\((?P<title>[가-힣]{{2,6}})\)")
# "경영기획본부는 배시온 본부장 직무대리가 이끈다": the unit a head leads, its subject.
LEADS = re.compile(
    rf"(?<![가-힣])(?P<unit>[\w·]+?)(?:은|는)\s{_NAME}\s(?P<title>[가-힣]+장(?:\s직무대리)?)"
    r"(?:\([^()\n]*\))?(?:이|가)(?:,|\s(?=이끈|이끌|맡는|맡고|맡아|맡았))"
)


def _body_before(text: str, at: int) -> str | None:
    """ "영주문화정보진흥원 황보민재(64) 원장": the body printed just before a name."""
    before = re.search(r"(?<![가-힣])([\w·]+)\s$", text[max(0, at - 40) : at])
    return before[1] if before and body_suffix(before[1]) == "body" else None


def unit_posts(
    text: str, is_name: Callable[[str], bool], glued: Callable[[str], tuple[str, str] | None]
) -> Iterator[Found]:
    """Posts written around a name rather than beside it: unit heads introduced before it
    (``glued`` splits 데이터사업본부장 into its title and unit), a second title in brackets,
    and the unit whose subject a head is (…본부는 NAME 본부장이 이끈다)."""
    for match in INTRODUCED.finditer(text):
        name = _bare_name(match["name"])  # 원장이던 여민호는: the name, not its particle
        for word in (match["held"], match["also"]):
            split = glued(word) if word and is_name(name) else None
            if split is not None:
                yield _held(name, split[0], split[1], match.group(0))
            elif word in gz.AGENCY_TITLES and is_name(name) and not word.endswith(UNIT_HEADS):
                fields = {"title": word, "org": None, "formal": False}  # 이사장인 NAME
                yield Found("person", name, "medium", "a title introducing a name",
                            [match.group(0)], fields)  # fmt: skip
    for match in SECOND.finditer(text):
        if is_name(match["name"]) and match["title"] in gz.AGENCY_TITLES:
            fields = {"title": match["title"], "org": None, "formal": False}
            yield Found("person", match["name"], "medium", "a second title in brackets",
                        [match.group(0)], fields)  # fmt: skip
    for match in LEADS.finditer(text):
        title, unit = match["title"], match["unit"]
        head = title.split()[0][:-1]
        if is_name(match["name"]) and unit.endswith(head) and len(unit) > len(head) + 1:
            yield _held(match["name"], title, unit, match.group(0))


# Titles that head a unit (센터장인 NAME: the head of a centre, not a post of the agency).
UNIT_HEADS = ("센터장", "본부장", "팀장", "단장", "실장", "소장", "과장", "국장")


def _bare_name(word: str) -> str:
    """ "여민호는" → 여민호: a four-syllable match is a name only with a two-syllable surname."""
    return stem(word) if len(word) == 4 and word[:2] not in gz.SURNAMES else word


def _held(name: str, title: str, unit: str, quote: str) -> Found:
    fields = {"title": title, "org": unit, "unit": True, "formal": False}
    return Found("person", name, "high", "the head of a unit", [quote], fields)
