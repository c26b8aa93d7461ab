"""What a dated sentence of prose says beyond its verb: who acted (a council, a government
named before the date, a permission), what was opened or founded when the words before the
verb do not name it (after the verb, before a bracketed date, made before the date), and an
agreement signed."""

from __future__ import annotations

import re

from kg.core import numerals
from kg.ingest.agencies import GOVERNMENT_ENDS
from kg.ingest.assemble import Assembly
from kg.ingest.dates import Dated
from kg.ingest.model import Found
from kg.ingest.names import _place, acting_government, body_suffix, stem
from kg.ingest.subjects import (
    ACTING_VERBS,
    GOVERNMENT_ACTED,
    SELF,
    _joint,
    government_before,
    named,
    subject_government,
)

BUILT_BEFORE = re.compile(
    r"[‘'“\"]?(?P<name>[^‘’'“”\"\s][^‘’'“”\"]{1,38}?)[’'”\"]?(?:을|를)\s+"
    r"(?:만들어|만들고|짓고|지어|조성해|조성하고|구축해|구축하고|꾸며)\s+$"
)
COUNCIL = re.compile(r"([가-힣]{2,8}의회)(?:는|은|가|이|에서|,)\s")
# "…의 설립을 허가했다": the permission is the event (a HistoryEvent), not the founding.
PERMITTED = re.compile(r"[가-힣]{0,2}?(?:을|를)\s*(?:허가|인가|승인)")
QUOTED = re.compile(r"[‘'“\"「『]([^‘’'“”\"「」『』]{2,40})[’'”\"」』]")
# "A과 B를 통합한 (○○진흥원이)": the bodies merged into the agency a founding names.
MERGED_INTO = re.compile(
    r"(?P<parts>\S+(?:과|와)\s+\S+?)(?:을|를)?\s*통합(?:한|해|하여|하고|돼|된)"
)


def clause_actor(
    assembly: Assembly, item: Dated, verb: str | None, head: str, tail: str, actor: Found | None
) -> tuple[Found | None, bool]:
    """(the acting body, whether the event is a permission): a council that passed an
    ordinance, a government named as the subject before the date (or as the topic of a
    permission, "전라남도는 … 설립을 허가했다")."""
    permitted = verb is not None and PERMITTED.match(tail) is not None
    council = COUNCIL.search(item.before + head) if verb == "제정" and actor is None else None
    if council:  # 여수시의회는 지난해 9월 통합 조례안을 의결했고
        actor = assembly.body(council[1], "the council that passed it")
    if actor is None and (verb in GOVERNMENT_ACTED or permitted) and item.before:
        # "충청남도는 2023년 5월 진흥원을 …로 지정했다": with the designee as the object
        # (을/를), the topic before the date is who designates
        topic = permitted or verb in GOVERNMENT_ACTED and OBJECT.search(head) is not None
        actor = government_before(assembly, item.before, topic=topic)
    ministry = MINISTRY_TOPIC.search(item.before) if actor is None else None
    if ministry and verb in ACTING_VERBS and body_suffix(ministry["name"]) == "body":
        actor = assembly.body(ministry["name"], "the ministry the sentence is about (…부는)")
    if actor is None and verb == "설립":
        actor = funder(assembly, head + " " + " ".join(FUNDED_AFTER.findall(tail[:30])))
    funded = FOUNDED_BY.search(head + " ") if actor is None and verb == "개소" else None
    if funded:  # "남원시가 출연해 문을 연" (the city the subject; "…시 출연으로" names no actor)
        government = subject_government(funded["who"], ("가", "이"))
        actor = assembly.government(government) if government is not None else None
    if actor is None and verb == "설립":
        actor = founder_before(assembly, item.start)
    return actor, permitted


OBJECT = re.compile(r"(?:^|\s)[^\s'‘\"“]+(?:을|를)\s")
# "문화체육관광부(이하 문체부)는 3일, …를 지정했다": the ministry, the topic right before the date.
MINISTRY_TOPIC = re.compile(r"(?P<name>[\w·]+(?:부|처|청))(?:\([^()]*\))?(?:은|는|이|가)\s*$")
# "…시가 출연한 재단법인으로, …": the founder named earlier in the paragraph.
FOUNDED_BY = re.compile(r"(?P<who>\S+(?:가|이))\s+(?:출연|출자)(?:한|해|하여|해서)\s")


def founder_before(assembly: Assembly, at: int) -> Found | None:
    """The government a paragraph names as funder ("여주시가 출연한 재단법인으로") before a
    founding told without its actor in a later sentence of that paragraph."""
    start = assembly.text.rfind("\n", 0, at) + 1
    found = [m for m in FOUNDED_BY.finditer(assembly.text[start:at])]
    for match in reversed(found):
        government = subject_government(match["who"], ("가", "이"))
        if government is not None:
            return assembly.government(government)
    return None


FUNDED_AFTER = re.compile(r"^\s*\((\S+\s*출연)\)")  # "○○센터 설립 (군산시 출연)"


def funder(assembly: Assembly, head: str) -> Found | None:
    """The government that funds a founding, named after the date: "고양시 출연으로 …
    설립", "순천시가 출연해 설립한", "통영시, (재)○○재단 설립"."""
    words = head.split()
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        if word.endswith(",") or after.startswith("출연"):
            government = acting_government(word.rstrip(","), ("",))
        else:
            government = subject_government(word, ("가", "이"))
        if government is not None:  # "경상북도와 구미시가 함께 세운": two founders, no one actor
            return None if _joint(" ".join(words[:i])) else assembly.government(government)
    return None


def what_was_named(item: Dated, verb: str | None, tail: str, text: str = "") -> str:
    """What an event is about when the words before its verb do not say: the name after
    the verb, before "(2017년 개소)", or made before the date ("'○○랩'을 만들어 지난 4월")."""
    rest = "" if item.timeline else _name_after(tail, verb in ("개소", "개관", "개원"))
    bracketed = re.search(r"([\w·]+)\($", item.before)  # "○○센터(2017년 개소)"
    quoted = re.search(r"[‘'“\"「『]([^‘’'“”\"「」『』]{2,40})[’'”\"」』]\($", item.before)
    if not rest and bracketed and named(bracketed[1]):
        rest = bracketed[1]
    elif not rest and quoted and (named(quoted[1]) or verb in ("개소", "개관", "개원")):
        rest = quoted[1]
    built = BUILT_BEFORE.search(item.before) if verb in ("개소", "개관") else None
    if not rest and built and named(built["name"]):
        rest = built["name"]
    return rest or _unit_topic(item.before, verb in ("개소", "개관", "개원", "이전"), text)


def _unit_topic(before: str, opened: bool = False, text: str = "") -> str:
    """ "○○센터는 2019년 5월 개소했다": a unit named as the sentence's subject before the date;
    with an opening, any topic ("교육관은 작년 3월 문을 열었으며") that is no name of the
    agency or a place, by its longest name in the article ("평택AI교육관")."""
    words = re.sub(r"\([^()]*\)", "", before).split()  # 허브동(연면적 3,400㎡)은
    last = stem(words[-1]) if words and re.search(r"(?:은|는|이|가)$", words[-1]) else ""
    unit = body_suffix(last) == "unit"
    if not unit and (not opened or len(last) < 2 or not re.fullmatch(r"[가-힣A-Za-z0-9]+", last)):
        return ""
    if not unit and (last in SELF or body_suffix(last) == "body" or _place(last)):
        return ""
    longer = [m[1] for m in QUOTED.finditer(text) if m[1].replace(" ", "").endswith(last)]
    longer += re.findall(rf"[\w·]*{last}", text)
    return max(longer, key=lambda n: len(n.replace(" ", "")), default=last)


def merger(assembly: Assembly, before: str, verb: str | None, about: Found | None) -> bool:
    """ "A와 B를 통합한 ○○진흥원이 … 출범": a merger; A and B are added as merged bodies."""
    merged = MERGED_INTO.search(before) if verb in ("출범", "설립") else None
    if merged is None or about is None or about.fields.get("agency") is not True:
        return False
    assembly.merged(merged.group("parts"))
    return True


def agreement(assembly: Assembly, text: str) -> Found | None:
    """ "'○○ 업무협약'을 맺었다": the agreement named, else the agency's act."""
    named_as = QUOTED.search(text)
    if named_as is None:
        return assembly.agency
    name = named_as[1].removesuffix("(MOU)")
    return assembly.named("project", name, "an agreement", kind="agreement")


def _name_after(tail: str, opened: bool = False) -> str:
    """The name right after a verb ("세운 원주테크노밸리 지원센터다", "문을 연 '○○ 체험관'은",
    "문을 연 ○○센터였다"): a quoted name (any, after an opening: "개관한 '○○ 스테이지'"),
    else one or two words without copula."""
    quoted = re.match(
        r"[가-힣]{0,3}\s+[‘'“\"「『](?P<name>[^‘’'“”\"「」『』]{2,40})[’'”\"」』]", tail
    )
    if quoted:
        return quoted["name"] if opened or named(quoted["name"]) else ""
    after = re.match(r"[가-힣]{0,3}\s+(?P<one>[\w·]+)(?:\s+(?P<two>[\w·]+))?", tail)
    if after is None:
        return ""
    two = f"{after['one']}{after['two']}" if after["two"] else ""
    for name in (two, after["one"]):
        name = stem(COPULA.sub("", name))
        if name and named(name):
            return name
    return ""


COPULA = re.compile(r"(?:이었|였)(?:다|고|으며|는데)?$|이(?:다|며|고)$|(?<=[가-힣])다$")


def governs(actor: Found | None) -> bool:
    return actor is not None and "territory" in actor.fields


# A quoted name as the subject or object of an opening ("'○○ 라운지'가 …에 문을 열었다",
# "'○○단지'를 조성해 문을 열었다", "'○○ Lab' open"); not a place where (…'에서, …'의).
OPENED_NAME = re.compile(
    r"[‘'“\"「『](?P<name>[^‘’'“”\"「」『』]{2,40})[’'”\"」』](?!\s*(?:에|의|와|과|로|으로|처럼))"
)


def opened_name(assembly: Assembly, verb: str | None, head: str) -> str:
    """What was opened, named in quotes before an opening verb; "" when that is the agency."""
    if verb not in ("개소", "개관", "개원"):
        return ""
    found = list(OPENED_NAME.finditer(head))
    if not found:
        return ""
    name = re.sub(r"\([^()]*\)$", "", found[-1]["name"]).strip()
    known = assembly.find(name)
    return "" if known is not None and known.fields.get("agency") is True else name


# "…센터는 2019년 …", "○ ○○센터: 2023년 …": the one the sentence or the list item is about.
TOPIC = re.compile(
    r"(?:^|\s)[‘'“\"]?(?P<name>[\w·]+?)[’'”\"]?(?:\([^()]*\))?(?:은|는|이|가)(?=\s|,)"
)
LABEL = re.compile(r"[\s○●◇◆■□▶▷•·\-]*(?P<name>[\w·]+)\s*:\s")
SHORT = ("센터", "진흥원", "재단")


def sentence_topic(assembly: Assembly, item: Dated, rest: str) -> Found | None:
    """Another body than the focused agency when the sentence (or the list item, or the
    paragraph that opens with it) is about it: a short form (센터는) of a body named before,
    or a named body or unit that is no government ("○○센터는 …", "○ ○○센터: …")."""
    agency = assembly.agency
    said = {agency.ko, *agency.alt_ko, *SELF} if agency is not None else SELF
    if any(name in rest for name in said):
        return None  # the words before the verb name the agency itself
    topics = [m["name"] for m in TOPIC.finditer(item.before)]
    text = assembly.text
    line_start = text.rfind("\n", 0, item.start) + 1
    opening = PARAGRAPH_TOPIC.match(text, line_start) if line_start < item.start else None
    label = LABEL.match(text, line_start) or opening
    name = stem(topics[-1]) if topics else label["name"] if label else ""
    if name in SHORT:  # 센터는: the body of that kind named last before
        return _short_form(assembly, name, item.start)
    return _named_topic(assembly, name)


def short_after(assembly: Assembly, tail: str, at: int) -> Found | None:
    """ "2014년 ○○시가 세운 센터의 …": the body the verb's short object names (센터)."""
    after = re.match(r"\s*(?P<short>센터|재단)(?:의|는|은|이|가|를|을|에|로)?(?=\s|$)", tail)
    return _short_form(assembly, after["short"], at) if after else None


# A paragraph that opens with its topic: "○○센터는 세 기관 가운데 …".
PARAGRAPH_TOPIC = re.compile(r"[\s○●◇◆■□▶▷•·\-]*(?P<name>[\w·]+?)(?:은|는)\s")


def _named_topic(assembly: Assembly, name: str) -> Found | None:
    if body_suffix(name) is None or name in SELF or name.endswith(GOVERNMENT_ENDS):
        return None
    known = assembly.find(name, ("organization", "unit"))
    if known is not None:
        governing = "territory" in known.fields or known.ko.endswith(GOVERNMENT_ENDS)
        return None if governing else known
    if body_suffix(name) == "unit" and len(name) > 4:
        return assembly.named("unit", name, "the body the sentence is about", "medium")
    return None


def _short_form(assembly: Assembly, short: str, at: int) -> Found | None:
    """The agency, else the regional body, ending with ``short`` named last before ``at``."""
    from kg.ingest.agencies import province_of

    text = assembly.text
    kind = [a for a in assembly.agencies if a.ko.endswith(short)]
    named_at = [(max(text.rfind(n, 0, at) for n in {a.ko, *a.alt_ko}), a) for a in kind]
    best = max(named_at, key=lambda p: p[0], default=(-1, None))
    if best[1] is not None and best[0] >= 0:
        return best[1]
    bodies = [m[1] for m in re.finditer(rf"([\w·]{{2,30}}{short})(?![\w·])", text[:at])]
    regional = [b for b in bodies if province_of(b) is not None]
    return _named_topic(assembly, regional[-1]) if regional else None


# "두 기관은 모두 2015년 … 선정됐다": one happening told once for the article's agencies.
EACH = re.compile(
    r"(?P<n>두|세|네)\s*(?:기관|곳|진흥원|재단|센터)(?:은|는|이|가)?\s*(?:모두|함께|나란히|동시에)"
)


def each_agency(assembly: Assembly, event: Found, before: str) -> None:
    """The same event for every other agency when the subject counts them all."""
    told = EACH.search(before)
    count = numerals.WORDS[told["n"]] if told else 0
    about = event.fields.get("about")
    if count != len(assembly.agencies) or about not in assembly.agencies:
        return
    others = [a for a in assembly.agencies if a is not about]
    _told_for(assembly, event, others, "told for each agency")


def listed_agencies(assembly: Assembly, event: Found, head: str) -> None:
    """ "A, B, C 등 3개 기관을 지정했다": the same event for each agency the clause lists."""
    listed = [a for a in assembly.agencies if any(n in head for n in {a.ko, *a.alt_ko} if n)]
    if len(listed) < 2 or event.fields.get("about") not in assembly.agencies:
        return
    event.fields["about"] = listed[0]
    _told_for(assembly, event, listed[1:], "one of the agencies listed")


def _told_for(assembly: Assembly, event: Found, others: list[Found], why: str) -> None:
    """The same event, told once, about each of ``others`` too (``why`` says so in its note)."""
    for other in others:
        fields = {**event.fields, "about": other}
        assembly.add(Found("event", event.ko, event.confidence, f"{event.why}, {why}",
                           list(event.quotes), fields))  # fmt: skip
