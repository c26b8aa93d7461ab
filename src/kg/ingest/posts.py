"""People and their posts, added to an :class:`~kg.ingest.assemble.Assembly` (passed in: the
assembly imports this module): the title printed with each, the body, unit or team it is
held in, and references back (서 원장)."""

from __future__ import annotations

import re
from typing import Any

from kg.ingest import agencies, names, people
from kg.ingest import gazetteer as gz
from kg.ingest.model import Found

COUNCIL = re.compile(r"(?<![가-힣])[가-힣]{1,6}(?:특별자치시|특별자치도|광역시|시|도|군|구)의회")


# "순천시의회 경제관광위원회가", "국회 교육위원회": a committee of the legislature named before it.
COMMITTEE = re.compile(
    rf"(?P<body>(?<![가-힣])국회|{COUNCIL.pattern})(?:\s(?:임시회|정례회|제\d+차|\(임시회\)))*"
    rf"\s(?P<committee>\w{{2,15}}위원회)"  # "○○시의회 임시회 제2차 ○○위원회": a session's
)


def add_committees(assembly: Any) -> None:
    """Committees printed after their legislature: units of it, not bodies of their own."""
    for match in COMMITTEE.finditer(assembly.text):
        body = assembly.body(match["body"], "the legislature a committee belongs to")
        listed = assembly.find(match["committee"], ("organization",))
        if listed is not None:  # found first by its suffix (위원회)
            listed.kind, listed.why = "unit", "a committee of the legislature"
        unit = assembly.named("unit", match["committee"], "a committee of the legislature")
        unit.fields["unit_of"] = body


def add_people(assembly: Any) -> None:
    """People of the text, their posts, and their short references (서 원장)."""
    add_committees(assembly)
    for found in people.people(assembly.text):
        person = assembly.find(found.ko, ("person",))
        if person is None:
            person = assembly.add(Found("person", found.ko, found.confidence, found.why, []))
            person.fields["title"] = found.fields["title"]
        assembly.quote(person, found.quotes)
        if found.confidence == "high":
            person.confidence = "high"
        org, title = found.fields.get("org"), found.fields["title"]
        if title in gz.MEDIA_TITLES:  # a by-line, a host: the outlet is no body of the story
            continue
        at = assembly.text.find(found.quotes[0])
        assembly.focus(agencies.nearest(assembly.text, assembly.agencies, at))
        team = (
            people.contact_team(assembly.text, at)
            if not org and title in people.TEAM_TITLES
            else None
        )
        if team is not None:  # 담당부서: …콘텐츠산업팀 / 담당자: 팀장 정한결, 주임 오세린
            org, found.fields["unit"] = team, True
        if title == "의원" and (not org or org.endswith("위원회")):
            org = _legislature(assembly, org, at)  # 정한결 의원(○○동), 국회 ○○위원회 … 의원
        if org and found.fields.get("unit"):
            unit = assembly.named("unit", org, "a unit its head's title names", "medium")
            _of_government(assembly, unit)
            _post(assembly, person, title, unit, found.quotes[0])
        elif org:
            _post(assembly, person, title, org, found.quotes[0])
        elif assembly.agency is not None and (title in gz.AGENCY_TITLES or found.fields["formal"]):
            _post(assembly, person, title, assembly.agency.ko, found.quotes[0], "medium")
    assembly.focus(None)
    for person in assembly.items():
        if person.kind == "person":
            short = people.short_references(assembly.text, person.ko, person.fields["title"])
            assembly.quote(person, short)


def _legislature(assembly: Any, committee: str | None, at: int) -> str | None:
    """The 국회 or council a member (의원) sits in; the committee named is a unit of it."""
    text = assembly.text
    sentence = text[max(text.rfind("\n", 0, at), text.rfind(". ", 0, at)) + 1 : at]
    council = COUNCIL.search(sentence) or COUNCIL.search(text)
    national = re.search(r"(?<![가-힣])국회", sentence) or not council and "국회" in text
    body = "국회" if national else council[0] if council else None
    if body is not None:
        assembly.body(body, "the legislature a member sits in")
    if committee and body is not None:
        listed = assembly.find(committee, ("organization",))
        if listed is not None:  # found first by its suffix (위원회): a unit, not a body
            listed.kind, listed.why = "unit", "a committee of the legislature"
        unit = assembly.named("unit", committee, "a committee of the legislature", "medium")
        unit.fields["unit_of"] = assembly.find(body, ("organization",))
    return body


def _of_government(assembly: Any, unit: Found) -> None:
    """ "충청남도 문화체육관광국": a unit printed after a place is its government's."""
    name = re.escape(unit.ko)
    before = re.search(rf"(?<![가-힣])([가-힣]+)\s+{name}", assembly.text)
    place = names._place(before[1]) if before else None
    if place and place[1] in ("city", "province", "county"):
        government = assembly.body(place[0] + "청", "the government a unit belongs to")
        if place[0] not in government.alt_ko:
            government.alt_ko.append(place[0])
        unit.fields["unit_of"] = government


def _post(
    assembly: Any,
    person: Found,
    title: str,
    org_of: str | Found,
    quote: str,
    confidence: str = "high",
) -> None:
    """``org_of``: a body's name, or the unit a glued title names (데이터사업본부장)."""
    unit = org_of if isinstance(org_of, Found) else None
    named = assembly.find(org_of) if isinstance(org_of, str) else None
    if named is not None and named.kind == "unit":  # 센터장 of a unit: a post of its agency
        named = assembly.agency
    org = unit or (named if named is not None and named.kind == "organization" else None)
    org = org or assembly.body(str(org_of), "employs")
    for item in assembly.items():
        held = item.kind == "post" and item.fields["held_by"] is person
        in_unit = held and item.fields["post_in"].kind == "unit"
        same_body = held and unit is None and not in_unit and item.fields["post_in"] is org
        if held and (item.ko == title or same_body):  # 초대 이사장 … 전 시장: two posts
            assembly.quote(item, [quote])
            if confidence == "high":
                item.confidence, item.fields["post_in"] = "high", org
            return
    fields = {"post_in": org, "held_by": person, "head": title in gz.HEAD_TITLES}
    why = "a title printed with a person and a body"
    assembly.add(Found("post", title, confidence, why, [quote], fields))
