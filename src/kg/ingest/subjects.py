"""The subject of a dated sentence or line: who acted ("…로부터", "(정보통신부)", a body named
first) and what the event is about, without places, locatives, means, seasons or particles."""

from __future__ import annotations

import re

from kg.ingest.assemble import Assembly
from kg.ingest.datelines import find_verb
from kg.ingest.model import Found
from kg.ingest.names import _place, acting_government, body_suffix, stem

ACTING_VERBS = {"지정", "선정", "등록", "인정", "인증", "평가"}  # 평가: a grade received
RENAMING = {"명칭개정", "명칭변경"}
ACRONYM = re.compile(r"\([A-Z][A-Za-z]{1,9}\)")
GLOSS = re.compile(r"(?<=[^\s(])\((?![재사]\))[^()]{1,60}\)(?=[\s가-힣'’”\"」』,]|$)")
# How an article names the agency it is about without its name.
SELF = {"진흥원", "재단", "기관", "본원", "당원", "재단법인", "법인"}
# Verbs whose "…으로" names a role or a new name (거점으로 지정), not a means (출연으로 문을 연).
MEANS_KEPT = ACTING_VERBS | {"명칭개정", "명칭변경", "이전", "통합"}
FROM_BODY = re.compile(r"(?P<body>[\w·]+?)(?:으로부터|로부터|에서|이|가)\s")
# "문화체육관광부는 진흥원을 …으로 선정": a ministry as the topic of what it grants.
MINISTRY_IS = re.compile(r"(?:^|\s)(?P<body>[\w·]+(?:부|처|청))(?:은|는)\s(?=.*(?:을|를)\s)")
TRAILING = re.compile(r"^\s*\((?P<inside>[^()]+)\)")
PARTICLE_END = re.compile(r"(?:으로|로|을|를|이|가|은|는|에|의|과|와)?\s*[,.]?\s*$")
# A verb form that links to the next verb (출연해, 내걸고, 거쳐, 바꾸며): no part of a name.
CONNECTIVE = re.compile(
    r"(?:[^\s'‘\"“]{1,6}(?:해|해서|하여|하고|하며|면서)|[^\s'‘\"“]{0,4}(?:내걸고|거쳐|받아|맞춰))$"
)
FUNDED = {"출연", "출자"}  # 속초시 출연 재단법인: who funded it, before what it is
ADVERBS = {"공식", "공식적으로", "정식", "정식으로", "본격", "함께", "공동", "공동으로", "새롭게"}
HEAD_NOISE = re.compile(
    r"^(?:(?:지난|올해|지난해|이어|또|또한|이후|그리고|함께|새로|처음|봄|여름|가을|겨울|초|중순|말|초순|하순"
    r"|상반기|하반기|연초|연말)(?:\s+|$))+"  # "2007년 가을 문을 연": a season is no name
)


def subject(
    assembly: Assembly, verb: str | None, head: str, tail: str, line: int
) -> tuple[Found | None, str]:
    """(acting body, what the event is about) from the words before the verb, without
    places and locatives ("청주 오송에"), the actor or the particles."""
    head = ACRONYM.sub("", head)  # 한국인터넷진흥원(KISA)으로부터: the body, not its acronym
    head = GLOSS.sub("", head)  # 제주특별자치도(Jeju …)가: a gloss glued to a name, no part of it
    actor, head = _actor(assembly, head, tail, line, verb)
    if actor is not None:  # read without its gloss: "제주특별자치도가" is printed "…도(Jeju …)가"
        actor.quotes = [q if q in assembly.text else stem(q) for q in actor.quotes]
    head = re.sub(  # 작년 말에는: the part of the year, no name; "— ", "1) ": a list's marks
        r"^(?:(?:말|초|초순|중순|하순)?(?:에는|에도|엔|에)|부터|까지|경|께|말|초)(?=\s)|^\s*(?:[—–:-]+|\d{1,2}\))\s*",
        "",
        head.strip(),
    )
    cited = re.match(r"(?P<by>\S+),\s*(?=[「『])", head)  # a note's "○○의회, 「…조례」 제정"
    head = head[cited.end() :] if cited and body_suffix(cited["by"]) == "body" else head
    words = [w.strip(",") for w in head.rstrip("( ").split() if w.strip(",")]
    if actor is None and verb in ACTING_VERBS and words:
        actor, words = _granting(assembly, words)
    kept: list[str] = []
    for i, word in enumerate(words):
        bare = stem(word)
        place = _place(word) or _place(bare)
        if body_suffix(bare) is None and (place or word.endswith(("에", "에서"))):
            if _name_prefix(word, words[i + 1 :], verb in OPENED):
                kept.append(word)  # 강원 SW융합센터: a region's short name starts a name
            elif word.endswith(("에", "에서")):
                kept.clear()  # "새 청사 1층에 ○○": the words before a locative say where
            continue  # where it happened: 청주 오송에, 전라남도 순천시에
        if verb in ("설립", "출범") and i == len(words) - 1 and _former(assembly, word):
            kept.clear()  # "○○센터로 출발한 진흥원": the agency, under the name it began with
            continue
        if body_suffix(bare) is None and word.endswith("로") and verb not in MEANS_KEPT:
            kept.clear()  # by what means, and whose: 군산시 출연으로 문을 연
            continue
        if body_suffix(bare) is None and (CONNECTIVE.search(word) or word in ADVERBS | FUNDED):
            kept.clear()  # a verb or an adverb of its own, no name: 출연해 설립한, 공식 출범
            continue
        kept.append(word)
    if len(kept) > 1 and stem(kept[0]) in SELF:
        kept = kept[1:]  # 진흥원 서울사무소: the agency's own office
    if kept and all(stem(w).removesuffix("의") in SELF | {"새", "통합"} for w in kept):
        kept = []  # "새 재단의 설립": the agency itself, named by what it is
    rest = PARTICLE_END.sub("", HEAD_NOISE.sub("", " ".join(kept))).strip()
    first = re.match(r"(?P<name>[^,\s]+)\s+등(?:\s|$)", rest)  # "○○팀 등 2개 팀": the one named
    return actor, first["name"] if first and named(first["name"]) else rest


OPENED = {"개소", "개관", "개원", "설치"}


def _former(assembly: Assembly, word: str) -> bool:
    """ "○○센터로" right before a founding verb: the name the agency began with (kept as
    its alias), not a unit it set up."""
    name = re.sub(r"(?:으로|로)$", "", word.strip("'‘’\"“”"))
    agency = assembly.agency
    if name == word or body_suffix(name) is None or agency is None or agency.ko == name:
        return False
    if name not in agency.alt_ko:
        agency.alt_ko.append(name)
    return True


def _granting(assembly: Assembly, words: list[str]) -> tuple[Found | None, list[str]]:
    """The body that designates, selects or accredits, named without a particle before
    what it grants (과기정통부 인증 취득, 경상북도 '…' 선정) or with 의 (행정안전부의 '…')."""
    bare = next((w for w in words if _government(w)), None)  # 처음으로 과기정통부 '…'에 선정
    if bare is not None:
        return assembly.body(bare, "the body that grants it"), [w for w in words if w is not bare]
    ministry = next((w for w in words if _of_government(w)), None)
    if ministry is not None:
        actor = assembly.body(ministry[:-1], "the body whose designation it is (…의)")
        return actor, [w for w in words if w is not ministry]
    government = acting_government(words[0], ("",))
    if government is None:
        return None, words
    return assembly.government(government), words[1:]


def _name_prefix(word: str, following: list[str], opened: bool = False) -> bool:
    """A region's bare short name (강원, 나주; not 춘천시, 오송에) before a name with a suffix
    (강원 SW융합센터, 제주 실감콘텐츠 스튜디오); any 시·도 name before an ordinance."""
    from kg.ingest import gazetteer as gz

    rest = stem(" ".join(following))
    if not following or word.endswith(("에", "에서")) or following[0].endswith(("에", "에서")):
        return False  # 청주 오송에 …센터: where, not a name
    if rest.endswith(gz.LAW_SUFFIXES):  # 전라남도 드론산업 육성 조례
        return True
    place = _place(word)
    if place is None or place[1] not in ("province", "city"):
        return False
    town = word == place[0] or word.endswith(("동", "읍", "면"))  # 춘천시: the full name, a where
    opened = opened and len(following) <= 2 and _place(rest) is None  # 포항 메이커스페이스 개소
    return not town and (named(rest) or opened)


def _actor(
    assembly: Assembly, head: str, tail: str, line: int, verb: str | None
) -> tuple[Found | None, str]:
    """The acting body ("…부로부터", "(정보통신부)" after the verb, a body first); a place in
    brackets is a place, not an actor."""
    trailing = TRAILING.match(tail)
    if trailing:
        inside = trailing.group("inside").strip()
        if body_or_acronym(inside):
            return assembly.body(inside, "named as the acting body in the line"), head
        place = _place(inside)
        if place:
            assembly.named("place", place[0], f"a {place[1]} in brackets", "medium", kind=place[1])
            assembly.notes.append(f"line {line}: ({inside}) read as a place, not as the actor")
    ministry = MINISTRY_IS.search(head) if verb in ACTING_VERBS else None
    if ministry and body_suffix(ministry["body"]) == "body":
        rest = head[: ministry.start()] + " " + head[ministry.end() :]
        return assembly.body(ministry["body"], "the ministry that grants it (…부는)"), rest
    for match in FROM_BODY.finditer(head + " "):
        body = match.group("body")
        if verb in RENAMING and match.group(0).rstrip().endswith("에서"):  # "A에서 B로": A is
            old = assembly.agency  # the agency's former name
            if old is not None and body_suffix(body) == "body" and body not in old.alt_ko:
                old.alt_ko.append(body)
            return None, head[match.end() :]
        rest = head[: match.start()] + head[match.end() :]
        if body_or_acronym(body) and not _is_agency(assembly, body):
            return assembly.body(body, "the body an event comes from (…로부터)"), rest
        government = subject_government(match.group(0).strip(), GOVERNMENT_PARTICLES)
        bare = match.group(0).strip() in ("시가", "군이", "도가")  # 시가 출연하여: the city
        bare = bare and (match.start() == 0 or head[match.start() - 1].isspace())
        if bare or re.search(r"우리\s*$", head[: match.start()]):  # 우리 시가: its own city
            government = our_government(assembly, match.group(0).strip())
        if government is not None and not _joint(head[: match.start()]):
            return assembly.government(government), rest  # 창원시가 설립한, 경상남도로부터
    return None, head


GOVERNMENT_PARTICLES = ("가", "이", "로부터")
# Verbs a city, province or district does as a government (founds, designates, selects).
GOVERNMENT_ACTED = {"설립", "지정", "선정", "인정", "인증", "등록"}


def government_before(assembly: Assembly, before: str, topic: bool = False) -> Found | None:
    """The government named as the subject earlier in the sentence than the date
    ("포항시가 … 2009년 3월 설립한"), after any earlier verb of that sentence."""
    while True:  # only the words after the sentence's last event verb before the date
        verb, _, end = find_verb(before, last=True)
        if verb is None:
            break
        before = before[end:]
    words = [w.strip(",'\"‘’“”") for w in before.split()]
    for i in reversed(range(len(words))):
        particles = (*GOVERNMENT_PARTICLES, "는", "은") if topic else GOVERNMENT_PARTICLES
        government = subject_government(words[i], particles)
        ours = i and words[i - 1] == "우리" or len(words[i]) == 2  # 우리 시가; 도는 (its own)
        if government is None and ours and words[i][1:] in particles:
            government = our_government(assembly, words[i])
        if government is None:
            continue
        return None if _joint(" ".join(words[:i])) else assembly.government(government)
    return None


UNLISTED = re.compile(r"(?P<bare>[가-힣]{2,4}(?:시|군))(?P<particle>가|이)")


def subject_government(word: str, particles: tuple[str, ...]) -> Found | None:
    """:func:`acting_government`, and a city or county the gazetteer does not list written
    as a subject ("○○시가", "○○군이" of three syllables or more): its government."""
    found = acting_government(word, particles)
    unlisted = UNLISTED.fullmatch(word) if found is None else None
    if unlisted is None or unlisted["particle"] not in particles:
        return found
    bare = unlisted["bare"]
    fields = {"kind": "government", "territory": bare}
    why = "a city or county that acts (not in the gazetteer)"
    return Found("organization", bare + "청", "medium", why, [word], fields, alt_ko=[bare])


def our_government(assembly: Assembly, word: str) -> Found | None:
    """ "우리 시가", "우리 군은" in a city's or county's own newsletter or speech: the
    government of the city an agency of the article is named after (당진… → 당진시청)."""
    from kg.ingest import gazetteer as gz

    kind = word[:1]
    if kind not in ("시", "군", "구", "도"):
        return None
    homes = gz.COUNTY_PROVINCE if kind == "군" else gz.CITY_PROVINCE  # 군이: a county's
    for agency in assembly.agencies:
        for city in sorted(homes, key=len, reverse=True):
            if agency.ko.startswith(city):  # 도는: the province of that city
                name = homes[city] if kind == "도" else city + kind
                found = acting_government(name + "가", ("가",))
                if found is None:
                    return None
                found.quotes = [_as_written(assembly.text, word)]  # not "경상북도가"
                return assembly.government(found)
    return None


def _as_written(text: str, word: str) -> str:
    """The words that name the government in the text: "우리 시가" if so written, else the
    word itself ("도는"), so that the quote is a span of the article."""
    ours = re.search(r"우리\s?" + re.escape(word), text)
    return ours.group(0) if ours else word


def _joint(before: str) -> bool:
    """ "충청북도와 청주시가 함께 세운": two founders, no one actor."""
    words = before.split()
    return bool(words) and acting_government(words[-1], ("와", "과")) is not None


def _of_government(word: str) -> bool:
    return word.endswith("의") and _government(word[:-1])


def _government(word: str) -> bool:
    return body_suffix(word) == "body" and word.endswith(("부", "청", "처", "위원회"))


def _is_agency(assembly: Assembly, name: str) -> bool:
    found = assembly.find(name)
    return found is not None and found.fields.get("agency") is True


def named(word: str) -> bool:
    return body_suffix(word) is not None


def body_or_acronym(word: str) -> bool:
    return body_suffix(word) == "body" or re.fullmatch(r"[A-Z]{2,8}", word) is not None
