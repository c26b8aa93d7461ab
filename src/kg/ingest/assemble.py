"""Collect found items once each: names are matched without spaces or legal form, and a
name that ends another (비즈니스센터 in 1인 창조기업 비즈니스센터) is the same one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.build.timeline import TimelineEntry
from kg.ingest import agencies, localities, names
from kg.ingest import figures as fig
from kg.ingest import gazetteer as gz
from kg.ingest.datelines import date_line
from kg.ingest.model import Found
from kg.ingest.posts import add_people

if TYPE_CHECKING:
    from kg.ingest.dates import Dated

NAMED_KINDS = ("organization", "unit", "place", "legislation", "project")


class Assembly:
    """The items found so far, keyed by kind and plain name."""

    def __init__(self, text: str, agencies: list[Found]) -> None:
        self.text = text
        self.agencies = agencies
        self._focus: Found | None = None
        self._items: list[Found] = list(agencies)
        self.notes: list[str] = []

    @property
    def agency(self) -> Found | None:
        """The agency a finding is about: the one named nearest (:meth:`focus`), else the first."""
        return self._focus or (self.agencies[0] if self.agencies else None)

    def focus(self, agency: Found | None) -> None:
        self._focus = agency

    def anchor_quotes(self, item: Dated, quote: str) -> list[str]:
        """What a relative date is told against, quoted beside the event's ``quote``: the
        sentence that prints the date before (같은 해, 이듬해), else the article's date line
        (지난 1일, 재작년 3월) that :func:`~kg.ingest.datelines.article_date` reads."""
        quotes: list[str] = []
        for span in item.anchor:
            told = date_line(self.text) if span is None else self.text[span[0] : span[1]].strip()
            if told and told not in quote and told not in quotes:
                quotes.append(told)
        return quotes

    def items(self) -> list[Found]:
        return list(self._items)

    def of(self, kind: str) -> list[Found]:
        return [item for item in self._items if item.kind == kind]

    def add(self, item: Found) -> Found:
        self._items.append(item)
        return item

    def find(self, name: str, kinds: tuple[str, ...] = NAMED_KINDS) -> Found | None:
        """The item named ``name`` (or ending with it), by plain name, ko or alt_ko."""
        key = names.plain_name(name)
        key = gz.SHORT_NAMES.get(key, key)  # 과기정통부 is 과학기술정보통신부
        for item in self._items:
            if item.kind not in kinds:
                continue
            keys = {gz.SHORT_NAMES.get(k, k) for n in [item.ko, *item.alt_ko]
                    if (k := names.plain_name(n))}  # fmt: skip
            if key in keys or (len(key) >= 4 and any(k.endswith(key) for k in keys)):
                return item
            if len(key) >= 3 and item.ko.endswith(" " + name):  # 실증랩 of 수원 … 실증랩
                return item
        return None

    def named(self, what: str, name: str, why: str, confidence: str = "high", **fields) -> Found:
        """The item of that name, made if new; ``name`` is quoted as its evidence."""
        found = self.find(name)
        if found is None:
            plain = names.plain_name(name) if what == "organization" else name
            found = self.add(Found(what, plain, confidence, why, [], dict(fields)))
        if name in self.text and name not in found.quotes:
            found.quotes.append(name)
        return found

    def body(self, name: str, why: str) -> Found:
        """A body that acts or employs: the agency, or another (government) organization."""
        return self.named("organization", name, why, kind="government")

    def about(self, entry: TimelineEntry, rest: str, kinds: list[str]) -> Found | None:
        """What a timeline event concerns, from the words before its verb."""
        operated = OPERATOR.search(rest) and names.body_suffix(rest.split()[0]) != "unit"
        quoted = QUOTED_NAME.search(rest)
        if operated:  # "'○○지구'의 운영기관으로 지정": the agency (a unit's operator: the unit)
            if quoted and quoted[1].endswith(gz.ZONE_SUFFIXES):
                self.named("place", quoted[1], "designated zone", kind="zone")
            return self.agency
        special = self._role_or_annex(entry.verb, rest)
        if special is not None:
            return special
        if quoted and (names.body_suffix(quoted[1]) or quoted[1].endswith(gz.ZONE_SUFFIXES)):
            rest = quoted[1]  # "구미시 임수동에 'AI 제조혁신센터'를": the name is the quoted part
        rest = " ".join(QUOTES.sub(" ", rest.replace("|", " ")).split()).strip("○●■□◆▪•·-– ")
        predecessor = self._predecessor(entry.verb, rest)
        if predecessor is not None:
            return predecessor
        renamed = RENAMED.fullmatch(rest) if entry.verb in RENAMING_VERBS else None
        if renamed and names.body_suffix(renamed.group("new")) == "unit":
            return self._renamed_unit(renamed.group("old"), renamed.group("new"))
        if entry.verb == "통합":  # "A와 B 통합 (출범)": the agency, and the bodies merged into it
            self.merged(rest)
            return self.agency
        if not rest or entry.verb in gz.AGENCY_VERBS and names.body_suffix(rest) == "body":
            known = self.find(rest, ("organization",)) if rest else None
            return known if known is not None and "merged" in known.why else self.agency
        first = rest.split()[0]
        if entry.verb == "지정" and rest.endswith(gz.ZONE_SUFFIXES):
            return self.named("place", rest, "designated zone", kind="zone")
        rest = rest.removesuffix("안") if rest.endswith("조례안") else rest  # 조례안을 의결
        if entry.verb == "제정" and rest.endswith(gz.LAW_SUFFIXES):
            return self.named("legislation", rest, "enacted ordinance or law")
        if names.body_suffix(rest) == "unit" and set(kinds) & set(OPENING_KINDS):
            return self.named("unit", rest, "opened, established or run by the agency")
        if names.body_suffix(first) == "unit":
            return self.named("unit", first, "operated by the agency")
        if set(kinds) & set(OPENING_KINDS) and names.body_suffix(rest) is None:
            return self.named("unit", rest, "opened by the agency (no name suffix)", "medium")
        return self.agency

    def _role_or_annex(self, verb: str | None, rest: str) -> Found | None:
        """ "'○○ 우수기관(S등급)'으로 선정": the agency in a role; "○○센터 2관": a unit."""
        role = ROLE.search(QUOTES.sub("", rest).strip()) and not OPERATOR.search(rest)
        if verb in ("지정", "선정") and role:
            return self.agency
        annex = ANNEX.fullmatch(rest)
        if annex and names.body_suffix(annex["name"]) == "unit":
            return self.named("unit", rest, "a numbered annex of a unit")
        return None

    def _predecessor(self, verb: str | None, rest: str) -> Found | None:
        """ "(재)춘천정보문화산업지원센터 설립": a foundation set up, under a name no other
        agency of the article has, is the agency under its former name."""
        if verb not in ("설립", "출범") or not rest.startswith(tuple(gz.LEGAL_FORMS)):
            return None
        known = self.find(rest, ("organization",))
        if known is not None and known.fields.get("agency") is True:
            return known
        agency = self.agency
        if known is None and agency is not None and len(rest.split()) == 1:
            for name in (rest, names.plain_name(rest)):
                if name not in agency.alt_ko:
                    agency.alt_ko.append(name)
            agency.quotes.append(rest)
        return agency if known is None else None

    def merged(self, rest: str) -> None:
        for part in re.split(r"(?:와|과|및|,)\s+|\s+및\s+", rest + " "):
            name = names.stem(part.strip())
            known = self.find(name)
            if names.body_suffix(name) and (known is None or known is not self.agency):
                self.named("organization", name, "merged into the agency", kind="government")

    def _renamed_unit(self, old: str, new: str) -> Found:
        """ "대전SW센터, 대전디지털혁신센터로 명칭변경": the unit keeps one record, new name."""
        unit = self.find(old, ("unit",))
        if unit is None:
            unit = self.named("unit", new, "renamed unit")
            unit.alt_ko.append(old)
            return unit
        unit.alt_ko.append(unit.ko)
        unit.ko = new
        unit.quotes.append(new)
        return unit

    def add_text_names(self) -> None:
        """Bodies, units, projects, people, places, fairs and figures of the running text."""
        for found in names.organizations(self.text):
            self._merge_name(found)
        for found in localities.places(self.text):
            self._merge_name(found)
        for found in names.governments(self.text):
            self.government(found)
        if self.agencies:  # 우리 시가 … 출연해: the city of the agency's name
            ours = self.agencies[0].ko
            for found in names.our_government(self.text, lambda level: agencies.home(ours, level)):
                self.government(found)
        add_people(self)
        for fair in fig.fairs(self.text):
            self._fair(fair)
        self._figures()

    def _merge_name(self, found: Found) -> None:
        key = names.plain_name(found.ko)
        for agency in self.agencies:
            if key in {names.plain_name(n) for n in agency.alt_ko} | {agency.ko}:
                self.quote(agency, found.quotes)
                return
        existing = self.find(found.ko, ("place",) if found.kind == "place" else NAMED_KINDS)
        if existing is None:  # a place, even if its government (창원시청, alias 창원시) is known
            if found.kind == "organization":
                found.fields.setdefault("kind", "government")
                found.ko = names.plain_name(found.ko)
            self.add(found)
        elif existing.kind == found.kind or existing.ko == found.ko:
            self.quote(existing, found.quotes)
            if key in gz.SHORT_NAMES and key not in existing.alt_ko:
                existing.alt_ko.append(key)

    def government(self, found: Found) -> Found:
        """A 시청 or 도청, serving its territory (the place of the same name)."""
        government = self.find(found.ko, ("organization",))
        if government is None:
            government = self.add(found)
            found.alt_ko.append(found.fields["territory"])
        else:
            self.quote(government, found.quotes)
        territory = self.find(found.fields["territory"], ("place",))
        if territory is not None:
            government.fields["region"] = territory
        return government

    def quote(self, item: Found, quotes: list[str]) -> None:
        for quote in quotes:
            if quote not in item.quotes and not any(quote in q for q in item.quotes):
                item.quotes.append(quote)

    def _fair(self, fair: Found) -> None:
        program = self.named(
            "project", fair.fields["program"], "a fair held every year", "medium", kind="program"
        )
        fair.fields["about"] = program
        fair.fields["organizer"] = agencies.nearest(self.text, self.agencies, fair.fields["at"])
        self.add(fair)

    def _figures(self) -> None:
        seen: dict[tuple, Found] = {}
        found_all = [*fig.figures(self.text), *fig.table_figures(self.text)]
        for found in [*found_all, *fig.spelled_figures(self.text)]:
            key = (found.fields["value"], found.fields["unit_text"], found.ko)
            if key in seen:
                self.quote(seen[key], found.quotes)
                continue
            found.fields["about"] = self._figure_subject(found.fields["at"])
            if found.fields["about"] is None:  # the agency named nearest, to be checked
                found.fields["about"] = agencies.nearest(
                    self.text, self.agencies, found.fields["at"]
                )
                found.confidence, found.why = "low", found.why + "; about the agency named nearest"
            seen[key] = self.add(found)

    def _figure_subject(self, at: int) -> Found | None:
        start, end = fig.sentence_span(self.text, at)
        for item in self._items:
            if item.kind == "event" and start <= item.fields.get("at", -1) < end:
                return item
        phrase = fig.program_phrase(self.text, at)
        if phrase:
            return self.named(
                "project", phrase, "the program a figure is reported for", "medium", kind="program"
            )
        return None

    def add_regions(self) -> None:
        """Each agency's 시·도, a place it serves (``area_served``)."""
        for agency in self.agencies:
            province = agencies.region_of(self.text, agency)
            if province is None:
                self.notes.append(f"{agency.ko}: no 시·도 found for it (set area_served)")
                continue
            place = self.find(province, ("place",))
            if place is None:
                why = "the 시·도 of an agency (from its name or its sentence)"
                former = list(gz.FORMER_NAMES.get(province, ()))
                place = self.add(Found("place", province, "medium", why, list(agency.quotes[:1]),
                                       alt_ko=former))  # fmt: skip
            place.fields["kind"] = "province"
            agency.fields["region"] = place


QUOTES = re.compile(r"[‘’'“”\"「」『』]")
QUOTED_NAME = re.compile(r"[‘'“\"「『]([^‘’'“”\"「」『』]{2,40})[’'”\"」』]")
ROLE = re.compile(r"(?:기관|거점|거점기관|대상자?|사업자)(?:\s*\([^()]*\))?$")
ANNEX = re.compile(r"(?P<name>\S+)\s+제?\d+(?:관|호관|캠퍼스)")
OPERATOR = re.compile(r"운영\s*기관|수행\s*기관|전담\s*기관|주관\s*기관")
OPENING_KINDS = ("FoundingEvent", "EstablishmentEvent", "OpeningEvent")
RENAMING_VERBS = {"명칭개정", "명칭변경"}
# "A, B로", "A를 B로", "A에서 B로": a unit's old and new names before 명칭변경.
RENAMED = re.compile(r"(?P<old>.+?)(?:,|을|를|에서)\s*(?P<new>.+?)(?:으로|로)")
