"""Collect found items once each: names are matched without spaces or legal form, and a
name that ends another (비즈니스센터 in 1인 창조기업 비즈니스센터) is the same one.
"""

from __future__ import annotations

import re

from kg.build.timeline import TimelineEntry
from kg.ingest import figures as fig
from kg.ingest import gazetteer as gz
from kg.ingest import names
from kg.ingest.model import Found

NAMED_KINDS = ("organization", "unit", "place", "legislation", "project")


class Assembly:
    """The items found so far, keyed by kind and plain name."""

    def __init__(self, text: str, agency: Found) -> None:
        self.text = text
        self.agency = agency
        self._items: list[Found] = [agency]
        self.notes: list[str] = []

    def items(self) -> list[Found]:
        return list(self._items)

    def add(self, item: Found) -> Found:
        self._items.append(item)
        return item

    def find(self, name: str, kinds: tuple[str, ...] = NAMED_KINDS) -> Found | None:
        """The item named ``name`` (or ending with it), by plain name, ko or alt_ko."""
        key = names.plain_name(name)
        for item in self._items:
            if item.kind not in kinds:
                continue
            keys = {names.plain_name(n) for n in [item.ko, *item.alt_ko]}
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

        rest = rest.strip()
        renamed = RENAMED.fullmatch(rest) if entry.verb in RENAMING_VERBS else None
        if renamed and names.body_suffix(renamed.group("new")) == "unit":
            return self._renamed_unit(renamed.group("old"), renamed.group("new"))
        if not rest or entry.verb in gz.AGENCY_VERBS and names.body_suffix(rest) == "body":
            return self.agency
        first = rest.split()[0]
        if entry.verb == "지정" and rest.endswith(gz.ZONE_SUFFIXES):
            return self.named("place", rest, "designated zone", kind="zone")
        if entry.verb == "제정" and rest.endswith(gz.LAW_SUFFIXES):
            return self.named("legislation", rest, "enacted ordinance or law")
        if names.body_suffix(rest) == "unit" and set(kinds) & set(OPENING_KINDS):
            return self.named("unit", rest, "opened, established or run by the agency")
        if names.body_suffix(first) == "unit":
            return self.named("unit", first, "operated by the agency")
        if set(kinds) & set(OPENING_KINDS) and names.body_suffix(rest) is None:
            return self.named("unit", rest, "opened by the agency (no name suffix)", "medium")
        return self.agency

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
        for found in names.places(self.text):
            self._merge_name(found)
        self._people()
        for fair in fig.fairs(self.text):
            self._fair(fair)
        self._figures()

    def _merge_name(self, found: Found) -> None:
        key = names.plain_name(found.ko)
        if key in {names.plain_name(n) for n in self.agency.alt_ko} | {self.agency.ko}:
            self._quote(self.agency, found.quotes)
            return
        existing = self.find(found.ko)
        if existing is None:
            if found.kind == "organization":
                found.fields.setdefault("kind", "government")
                found.ko = names.plain_name(found.ko)
            self.add(found)
        elif existing.kind == found.kind or existing.ko == found.ko:
            self._quote(existing, found.quotes)

    def _quote(self, item: Found, quotes: list[str]) -> None:
        for quote in quotes:
            if quote not in item.quotes and not any(quote in q for q in item.quotes):
                item.quotes.append(quote)

    def _people(self) -> None:
        for found in names.people(self.text):
            person = self.find(found.ko, ("person",))
            if person is None:
                person = self.add(Found("person", found.ko, found.confidence, found.why, []))
                person.fields["title"] = found.fields["title"]
            self._quote(person, found.quotes)
            if found.confidence == "high":
                person.confidence = "high"
            org, title = found.fields.get("org"), found.fields["title"]
            if org and title != "기자":
                self._post(person, title, org, found.quotes[0])
            elif title in gz.AGENCY_HEAD_TITLES:  # "김하늘 원장" in a profile of an agency
                self._post(person, title, self.agency.ko, found.quotes[0], "medium")
        for person in self.items():
            if person.kind == "person":
                short = names.short_references(self.text, person.ko, person.fields["title"])
                self._quote(person, short)

    def _post(
        self, person: Found, title: str, org_name: str, quote: str, confidence: str = "high"
    ) -> None:
        org = self.agency if self.find(org_name) is self.agency else self.body(org_name, "employs")
        for item in self._items:
            if item.kind == "post" and item.fields["held_by"] is person:
                self._quote(item, [quote])
                if confidence == "high":
                    item.confidence, item.fields["post_in"] = "high", org
                return
        self.add(
            Found(
                "post",
                title,
                confidence,
                "a title printed with a person and a body",
                [quote],
                {"post_in": org, "held_by": person, "head": title in gz.HEAD_TITLES},
            )
        )

    def _fair(self, fair: Found) -> None:
        program = self.named(
            "project", fair.fields["program"], "a fair held every year", "medium", kind="program"
        )
        fair.fields["about"] = program
        fair.fields["organizer"] = self.agency
        self.add(fair)

    def _figures(self) -> None:
        seen: dict[tuple, Found] = {}
        for found in fig.figures(self.text):
            key = (found.fields["value"], found.fields["unit_text"], found.ko)
            if key in seen:
                self._quote(seen[key], found.quotes)
                continue
            found.fields["about"] = self._figure_subject(found.fields["at"])
            if found.fields["about"] is None:
                found.confidence = "low"
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


OPENING_KINDS = ("FoundingEvent", "EstablishmentEvent", "OpeningEvent")
RENAMING_VERBS = {"명칭개정", "명칭변경"}
# "A, B로", "A를 B로", "A에서 B로": a unit's old and new names before 명칭변경.
RENAMED = re.compile(r"(?P<old>.+?)(?:,|을|를|에서)\s*(?P<new>.+?)(?:으로|로)")
