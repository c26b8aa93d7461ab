"""Rules that find names in running text: bodies and units, people, places, figures.

Each finder returns :class:`Found` items with the quote that grounds them; offsets are
computed later from the quotes (:mod:`kg.build.evidence`). The rules read Korean word forms
(어절): a name followed by a particle (진흥원은, 센터를) is found by its stem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kg.ingest import gazetteer as gz
from kg.ingest.model import Found

TOKEN = re.compile(r"(?:\((?:재|사)\))?[\w/&·+\-]+")
QUOTED = re.compile(r"[‘'“\"「『]([^‘'“”\"’」』\n]{2,40})[’'”\"」』]")
FIGURE = re.compile(
    r"(?<![\d.,])(?P<value>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?P<unit>"
    + "|".join(re.escape(u) for u in sorted(gz.FIGURE_UNITS, key=len, reverse=True))
    + r")(?=(?:[이가을를의은는과와에도]|으로|로)?(?![가-힣A-Za-z]))"
)


@dataclass(frozen=True)
class Token:
    """A word form of the text with its stem (particle removed) and position."""

    text: str
    stem: str
    start: int


def tokens(text: str) -> list[Token]:
    return [Token(m.group(0), stem(m.group(0)), m.start()) for m in TOKEN.finditer(text)]


def stem(word: str) -> str:
    """The word without a trailing particle (진흥원은 → 진흥원), if one is there."""
    for particle in gz.PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return word


def plain_name(name: str) -> str:
    """A name without its legal-form marker and spaces: the key names are matched by."""
    for marker in gz.LEGAL_FORMS:
        if name.startswith(marker):
            name = name[len(marker) :]
    return "".join(name.split())


def body_suffix(word: str) -> str | None:
    """The name suffix ``word`` ends with ("unit" or "body"), or None."""
    core = plain_name(word)
    if core in gz.NOT_NAMES or not re.search(r"[가-힣]", core):
        return None
    if any(core.endswith(s) and len(core) > len(s) + 1 for s in gz.UNIT_SUFFIXES):
        return "unit"
    for suffix in gz.BODY_SUFFIXES:
        shortest = gz.SHORT_BODY_SUFFIXES.get(suffix, len(suffix) + 2)
        if core.endswith(suffix) and len(core) >= shortest:
            return "body"
    return None


def organizations(text: str) -> Iterator[Found]:
    """Names ending with a body or unit suffix, and quoted names."""
    for token in tokens(text):
        candidates = [token.text, token.stem]
        for word in candidates:
            kind = body_suffix(word)
            if kind:
                yield Found(
                    "unit" if kind == "unit" else "organization",
                    word,
                    "medium",
                    f"name ending in a {kind} suffix",
                    [word],
                )
                break
    for match in QUOTED.finditer(text):
        name = match.group(1).strip()
        if name.endswith("다") or len(name.split()) > 5:
            continue  # a quoted sentence, not a name
        kind = body_suffix(name)
        found_kind = {"unit": "unit", "body": "organization"}.get(kind or "", "project")
        yield Found(found_kind, name, "low", "quoted name", [name])


def _person_name(word: str, strict: bool = True) -> bool:
    """A personal name: a family name and one to three syllables, not a word of the lists.
    ``strict`` also refuses verb endings (a name printed before its particle may end in 다)."""
    suffixes = tuple(s for s in (*gz.BODY_SUFFIXES, *gz.UNIT_SUFFIXES) if len(s) > 1)
    return (
        re.fullmatch(r"[가-힣]{2,4}", word) is not None
        and word.startswith(tuple(gz.SURNAMES))
        and not (strict and word.endswith(("다", "고", "며", "서", "면", "게")))  # verb endings
        and word not in gz.NOT_PERSON
        and body_suffix(word) is None
        and not word.endswith(suffixes)
        and word not in gz.TITLES
        and _place(word) is None  # 강원 SW융합센터장: a place, not a person
    )


def people(text: str) -> Iterator[Found]:
    """People named with a title, in either order: "서문산성 원장", "이종호 과학기술정보통신부
    장관", "원장 홍길동은", "원장 : 박솔", "(원장 이바다)"; the body printed next to them
    becomes their post's organization."""
    words = tokens(text)
    for i, token in enumerate(words):
        unit = glued_unit(token.stem)
        title = token.stem if token.stem in gz.TITLES else unit[0] if unit else None
        title = title or glued_title(token.stem)
        if title is None:
            continue
        name, org, first, last = _around_title(text, words, i)
        if name is None:
            continue
        end = last.start + (len(last.stem) if last is not token else len(token.stem))
        quote = text[first.start : end]
        fields: dict[str, Any] = {"title": title, "org": org if title == token.stem else None}
        if unit:  # 데이터사업본부장: the head of the unit its title names
            fields["org"], fields["unit"] = unit[1], True
        fields["formal"] = last is not token and _formal(text, token)
        yield Found(
            "person", name, "high" if org else "medium", "name with a title", [quote], fields
        )


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
    if tail.startswith(")") or re.match(r"\s?\(", tail):  # (원장 서하은)은, 모도현 (☎ …)
        after = Token(after.text, after.text, after.start)
    closed = after.text == after.stem and (tail[:1] in ("", ")", ",", "\n", "·", "(") or formal)
    closed = closed or re.match(r"\s\(", tail) is not None
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
    for j in (i - 1, i - 2):
        gap = text[words[j].start + len(words[j].text) : words[j + 1].start] if j >= 0 else ""
        if j < 0 or gap not in (" ", " (", "(") or words[j].text.endswith("."):
            break
        before.append(words[j])
    after = _name_after(text, words, i)
    if after is not None and _formal(text, words[i]):  # 과장 : 박솔, (원장 이바다)
        org = before[0] if before and body_suffix(before[0].stem) == "body" else None
        return after.stem, org.stem if org else None, org or words[i], after
    if before and _person_name(before[0].text):  # 서문산성 원장 / 진흥원 서문산성 원장
        org = before[1] if len(before) > 1 and body_suffix(before[1].text) == "body" else None
        return before[0].text, org.text if org else None, org or before[0], words[i]
    government = body_suffix(before[0].text) == "body" if before else False
    government = government or (bool(before) and glued_unit(words[i].stem) is not None
                                and _place(before[0].text) is not None)  # fmt: skip
    if (
        len(before) > 1 and government and _person_name(before[1].text)
    ):  # 이종호 과학기술정보통신부 장관, 황보수아 제주특별자치도 미래산업과장
        return before[1].text, before[0].text, before[1], words[i]
    if after is not None:  # 원장 홍길동은 / 진흥원 원장 홍길동은
        org = before[0] if before and body_suffix(before[0].stem) == "body" else None
        return after.stem, org.stem if org else None, org or words[i], after
    return None, None, words[i], words[i]


UNIT_HEADS = ("본부장", "센터장", "팀장", "과장", "실장", "국장", "단장", "소장")


def glued_unit(word: str) -> tuple[str, str] | None:
    """ "데이터사업본부장" → (본부장, 데이터사업본부): a unit's name glued to its head's title."""
    for title in UNIT_HEADS:
        if word.endswith(title) and len(word) >= len(title) + 2 and word not in gz.TITLES:
            unit = word[:-1]
            return (title, unit) if _place(word[: -len(title)]) is None else None
    return None


def glued_title(word: str) -> str | None:
    """ "대전광역시장" → 시장, "경기도지사" → 도지사: a title glued to its place's name."""
    for cut in (1, 2):
        place = _place(word[:-cut]) if len(word) > cut + 1 else None
        if place and word[:-cut] == place[0]:
            return word[-cut - 1 :]
    return None


def short_references(text: str, name: str, title: str) -> list[str]:
    """ "서 원장": a family syllable and the title, referring back to a named person."""
    quote = f"{name[0]} {title}"
    return [quote] if re.search(rf"(?<![가-힣]){re.escape(quote)}", text) else []


def places(text: str) -> Iterator[Found]:
    """Provinces and cities by the gazetteer: 전라북도, 전북, 전주시, 전주·전북지역."""
    for token in tokens(text):
        for piece in re.split(r"[·\-]", token.text):
            found = _place(piece) or _place(stem(piece))  # 전라북도, not 전라북 + 도
            if found:
                canonical, kind = found
                quote = token.text if _place(piece) else token.stem
                yield Found(
                    "place",
                    canonical,
                    "medium",
                    f"{kind} name in the gazetteer",
                    [quote],
                    {"kind": kind},
                )


def _place(word: str) -> tuple[str, str] | None:
    word = word.removesuffix("지역")
    if re.fullmatch(r"[가-힣]{2,6}(?:특구|구역|단지|지구)", word):
        return word, "zone"
    if re.fullmatch(r"[가-힣]{2,3}구", word) and word not in gz.NOT_DISTRICTS:
        return word, "district"
    for full, shorts in gz.PROVINCES.items():
        if word == full or word in shorts:
            return full, "province"
    for city in gz.CITIES:
        if word in (city, f"{city}시"):
            return f"{city}시", "city"
    return None


GOVERNMENT_WORDS = ("산업정책", "정책", "시정", "도정", "행정", "예산")


def governments(text: str) -> Iterator[Found]:
    """A city or province that acts is its government, kept apart from the territory:
    "전라북도와 전주시가" (both), "전주시로부터", "전주시 산업정책" → 전주시청. A lone
    "전주시가" is left to the territory (it is as often a place that grows)."""
    words = tokens(text)
    acting: dict[int, str] = {}
    for i, token in enumerate(words):
        particle = token.text[len(token.stem) :]
        after = words[i + 1] if i + 1 < len(words) else None
        if (
            after is not None
            and particle in ("와", "과")
            and _acting(after)
            and _acting(token, None)
        ):
            acting[i] = acting[i + 1] = f"{token.text} {after.text}"
        elif _acting(token) and token.text.endswith("로부터"):
            acting.setdefault(i, token.text)
        elif after is not None and after.stem in GOVERNMENT_WORDS and _acting(token, ("",)):
            acting.setdefault(i, f"{token.text} {after.stem}")
    for i, quote in sorted(acting.items()):
        place = _place(words[i].stem)
        assert place is not None
        yield Found("organization", place[0] + "청", "medium", "a city or province that acts",
                    [quote], {"kind": "government", "territory": place[0]})  # fmt: skip


def _acting(token: Token, particles: tuple[str, ...] | None = ("가", "이", "로부터")) -> bool:
    """ "전주시가", "부산시로부터": a city or province, by its full name, before a subject
    particle (``particles``; None: any particle)."""
    place = _place(token.stem)
    particle = token.text[len(token.stem) :]
    if place is None or place[1] not in ("city", "province"):
        return False
    return token.stem.endswith(("시", "도")) and (particles is None or particle in particles)
