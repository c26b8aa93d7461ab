"""Titles in the shapes news writes them, and people named in shapes beside "name title":
a title with a prefix (행정부지사, 제1차관), a title before a bracketed name (진행자(채윤아)),
and a post taken (초대 이사장을 맡은 홍길동)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from kg.ingest import gazetteer as gz
from kg.ingest.model import Found
from kg.ingest.names import Token, body_suffix

# A title's prefix that ranks or specialises it: 행정부지사, 정무부시장, 제1차관, 수석부회장.
TITLE_PREFIX = re.compile(r"(?:행정|정무|경제|기획|제\d|수석|상임|비상임|명예|대표)")


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


def shaped(text: str, is_name: Callable[[str], bool]) -> Iterator[Found]:
    """People named in these shapes; ``is_name`` tells a personal name (people's rule)."""
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
