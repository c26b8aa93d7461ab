"""Rules that find names in running text: bodies and units, people, places, figures.

Each finder returns :class:`Found` items with the quote that grounds them; offsets are
computed later from the quotes (:mod:`kg.build.evidence`). The rules read Korean word forms
(어절): a name followed by a particle (진흥원은, 센터를) is found by its stem.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kg.ingest import gazetteer as gz
from kg.ingest.datelines import DATE_LINE
from kg.ingest.model import Found

TOKEN = re.compile(r"(?:\((?:재|사)\))?[\w/&·+\-]+")
QUOTED = re.compile(r"[‘'“\"「『]([^‘'“”\"’」』\n]{2,40})[’'”\"」』]")
FIGURE = re.compile(  # "300여 명": about 300; "341억원이며": the copula is no part of the unit
    r"(?<![\d.,제])(?P<value>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?여)?\s?(?P<unit>"
    + "|".join(re.escape(u) for u in sorted(gz.FIGURE_UNITS, key=len, reverse=True))
    + r")(?=이[며고다었던나]|이지|이라|였|에서|까지|씩"
    + r"|(?:으로|로|[이가을를의은는과와에도만])?(?![가-힣A-Za-z]))"
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
    if (
        core in gz.NOT_NAMES
        or not re.search(r"[가-힣]", core)
        or re.match(r"\d+[가-힣]{1,2}$", core)
    ):
        return None  # 3본부 1센터: a count of units, no name
    if INDUSTRIAL_ESTATE.fullmatch(core):
        return None  # 부곡공단: an industrial estate (a place), not a 공단 that is a body
    if any(core.endswith(s) and len(core) > len(s) + 1 for s in gz.UNIT_SUFFIXES):
        return "unit"
    for suffix in gz.BODY_SUFFIXES:
        shortest = gz.SHORT_BODY_SUFFIXES.get(suffix, len(suffix) + 2)
        if core.endswith(suffix) and len(core) >= shortest:
            return "body"
    return None


# "부곡공단", "반월공단": a place's two syllables and 공단 name an industrial estate; bodies
# named 공단 are longer (한국산업인력공단, 도로교통공단).
INDUSTRIAL_ESTATE = re.compile(r"[가-힣]{2}공단")


def _line_of(text: str, at: int) -> str:
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1 : len(text) if end < 0 else end]


def organizations(text: str) -> Iterator[Found]:
    """Names ending with a body or unit suffix, and quoted names."""
    for token in tokens(text):
        if DATE_LINE.match(_line_of(text, token.start)):
            continue  # "2025.11.13 | 디지털지역부": the paper's desk, not a body of the story
        pieces = token.text.split("·")  # 개소·새만금ICT진흥원: a headline's list
        token = Token(pieces[-1], stem(pieces[-1]), token.start) if len(pieces) > 1 else token
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


UNIT_HEADS = ("본부장", "센터장", "팀장", "과장", "실장", "국장", "단장", "소장")


def glued_unit(word: str) -> tuple[str, str] | None:
    """ "데이터사업본부장" → (본부장, 데이터사업본부): a unit's name glued to its head's title;
    "경제관광위원장" → (위원장, 경제관광위원회): a committee's chair."""
    if word.endswith("위원장") and len(word) >= 5 and word not in gz.TITLES:
        return "위원장", word[:-1] + "회"
    for title in UNIT_HEADS:
        if word.endswith(title) and len(word) >= len(title) + 2 and word not in gz.TITLES:
            unit = word[:-1]
            return (title, unit) if _place(word[: -len(title)]) is None else None
    return None


def _common_gu(word: str) -> bool:
    """ "연구", "공동연구", "지역구": a word ending in 구 that is no district (영도구 is one)."""
    return word in gz.NOT_DISTRICTS or word.endswith(("연구", "탐구", "요구"))


def _place(word: str) -> tuple[str, str] | None:
    word = word.removesuffix("지역")
    if re.fullmatch(r"[가-힣]{2,6}(?:특구|구역|단지|지구)", word) or INDUSTRIAL_ESTATE.fullmatch(
        word
    ):
        return word, "zone"
    if re.fullmatch(r"[가-힣]{2,3}구", word) and not _common_gu(word):
        return word, "district"
    for full, shorts in gz.PROVINCES.items():
        if word == full or word in shorts:
            return full, "province"
    for city in gz.CITIES:
        if word in (city, f"{city}시"):
            return f"{city}시", "city"
    if word.endswith("군") and word[:-1] in gz.COUNTY_PROVINCE:
        return word, "county"
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
            and _acting(after, ("가", "이", "로부터", "도", "는", "은"))
            and _acting(token, None)
        ):
            acting[i] = acting[i + 1] = f"{token.text} {after.text}"
        elif _acting(token) and token.text.endswith("로부터"):
            acting.setdefault(i, token.text)
        elif after is not None and after.stem in GOVERNMENT_WORDS and _acting(token, ("",)):
            acting.setdefault(i, f"{token.text} {after.stem}")
        elif (
            _acting(token, ("", "가", "이", "의", "와", "과"))
            and after is not None
            and (after.text.startswith(GOVERNMENT_ACTS) or glued_unit(after.stem))
        ):  # 군산시 출연으로, 제천시의 지원을, 울산시와 협의해, 제주특별자치도 미래산업과장
            acting.setdefault(i, f"{token.text} {after.text}")
        elif _acting(token, ("는", "은", "가", "이", "도")) and _acts_later(text, words, i):
            acting.setdefault(i, token.text)  # 울산시는 … 리모델링비를 지원했다
    for line in LABELLED.finditer(text):  # 후원 : 김해시, 경상남도
        for j, token in enumerate(words):
            if line.start("list") <= token.start < line.end() and _acting(token, ("",)):
                acting.setdefault(j, token.text)
    for i in sorted(acting):  # "강원특별자치도와 태백시의 출연금": both act
        if i and i - 1 not in acting and _acting(words[i - 1], ("와", "과")):
            acting[i - 1] = f"{words[i - 1].text} {words[i].text}"
    for i, quote in sorted(acting.items()):
        yield _government_of(words[i], quote)


# "우리 시가 … 출연해": a city's (county's, province's) own newsletter names itself so.
OURS = re.compile(r"우리\s?(?P<level>시|군|도)(?:가|는|이|도|에서)\s")


def our_government(text: str, home: Callable[[str], str | None]) -> Iterator[Found]:
    """The government a city's own publication calls 우리 시 when it acts (출연해 세운, 지정한);
    ``home`` gives the 시, 군 or 도 the article is about (from its agency's name)."""
    for match in OURS.finditer(text):
        end = min((e for e in (text.find(". ", match.end()), text.find("\n", match.end()))
                   if e > 0), default=len(text))  # fmt: skip
        rest = text[match.end() : end]
        acts = ACTIVE_VERB.search(rest) or any(verb in rest for verb in GOVERNMENT_VERBS)
        place = home(match["level"]) if acts else None
        if place is not None and _place(place) is not None:
            yield _government_of(Token(place, place, match.start()), match.group(0).strip())


def _government_of(token: Token, quote: str) -> Found:
    written = _bare(token)  # 대구시: 대구광역시청, also known as 대구시청
    place = _place(written)
    assert place is not None
    alt = [written + "청", written] if written != place[0] else []
    return Found("organization", place[0] + "청", "medium", "a city or province that acts",
                 [quote], {"kind": "government", "territory": place[0]}, alt_ko=alt)  # fmt: skip


def acting_government(word: str, particles: tuple[str, ...]) -> Found | None:
    """ "창원시가", "경상남도로부터", "마포구가": the government of a city, province or
    district written with one of ``particles`` (its subject or source), else None."""
    token = Token(word, stem(word), 0)
    bare = _bare(token)
    district = _place(bare) is not None and _place(bare)[1] == "district"  # type: ignore[index]
    if not (_acting(token, particles) or district and word[len(bare) :] in particles):
        return None
    return _government_of(token, word)


GOVERNMENT_ACTS = ("출연", "지원을", "지원으로", "지원해", "협의", "분담", "예산")
GOVERNMENT_VERBS = ("지원했", "지원한다", "지원하기로", "분담", "출연했", "출연한", "부담했",
                    "약속했", "지원을 약속")  # fmt: skip
# Active verbs of a body that designates, selects or founds (지정했, 선정한, 설립해, 세운):
# a city or province their subject acts; the passive (선정됐, 지정된) is a place chosen.
ACTIVE_VERB = re.compile(
    r"(?:지정|선정|설립|출연|승인|위탁)(?:했|한|해|하[였여고며기는])|세[웠운워]"
)
LABELLED = re.compile(r"(?:후원|주최|주관|출연기관)\s*[:：|]\s*(?P<list>[^\n/]+)")


def _acts_later(text: str, words: list[Token], i: int) -> bool:
    """A government verb later in the sentence a city or province is the subject of."""
    end = min((e for e in (text.find(". ", words[i].start), text.find("\n", words[i].start))
               if e > 0), default=len(text))  # fmt: skip
    return any(w.text.startswith(GOVERNMENT_VERBS) or ACTIVE_VERB.match(w.text)
               for w in words[i + 1 : i + 12] if w.start < end)  # fmt: skip


def _acting(token: Token, particles: tuple[str, ...] | None = ("가", "이", "로부터")) -> bool:
    """ "전주시가", "부산시로부터": a city or province, by its full name, before a subject
    particle (``particles``; None: any particle)."""
    bare = _bare(token)
    place = _place(bare)
    particle = token.text[len(bare) :]
    if place is None or place[1] not in ("city", "province", "county"):
        return False
    return bare.endswith(("시", "도", "군")) and (particles is None or particle in particles)


def _bare(token: Token) -> str:
    """The place a token names: 경상남도 whole (its 도 is no particle), 전주시가 → 전주시."""
    return token.text if _place(token.text) else token.stem
