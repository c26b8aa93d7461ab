"""Bind the parsed 주요연혁 timeline to the event records, and resolve each event.

The date, Korean label and kind of a timeline event come from the parsed line;
the record adds only what the line cannot say (its slug, what it is about, its
English label). Every line must have a record and every record a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import Graph, URIRef

from kg.build.evidence import Evidence, evidence_at, ground
from kg.build.ontology import event_verbs
from kg.build.records import Index
from kg.build.sources import Record, Source
from kg.build.timeline import TimelineEntry, parse_timeline
from kg.core import yearwords
from kg.core.errors import RecordError
from kg.core.namespaces import DEF, SCHEMA

FOUNDING_KINDS = {DEF.FoundingEvent, DEF.OpeningEvent, DEF.EstablishmentEvent}
YEAR = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass
class ResolvedEvent:
    """An event ready to be written: everything the graph needs, nothing to look up."""

    record: Record
    iri: URIRef
    cls: URIRef
    date: str
    precision: str
    ko: str
    about_kind: str
    about: URIRef
    actor: URIRef | None = None
    organizer: URIRef | None = None
    line: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    corroborating: bool = False  # another source's line telling an event we already have


def resolve_events(
    index: Index, sources: dict[str, Source], ontology: Graph
) -> list[ResolvedEvent]:
    """Every event of the records, timeline ones checked against the parsed timeline."""
    records = index.records.of("event")
    verbs = event_verbs(ontology)
    resolved: list[ResolvedEvent] = []
    for slug in sorted({r.source for r in records if r.get("timeline")}):
        source = _source(sources, slug, records)
        entries = parse_timeline(source.text, tuple(verbs))
        bound = _bind(entries, [r for r in records if r.source == slug and r.get("timeline")])
        for entry, record in bound:
            resolved.append(_timeline_event(index, verbs, source, entry, record))
    for record in records:
        if not record.get("timeline"):
            resolved.append(_free_event(index, _source(sources, record.source, [record]), record))
    return sorted(resolved, key=lambda e: (e.date, str(e.iri)))


def _source(sources: dict[str, Source], slug: str, records: list[Record]) -> Source:
    if slug not in sources:
        raise RecordError(f"{records[0].where}: source {slug!r} is not in data/sources/")
    return sources[slug]


def _bind(entries: list[TimelineEntry], records: list[Record]):
    by_text = {r.get("timeline"): r for r in records}
    texts = {e.text for e in entries}
    for record in records:
        if record.get("timeline") not in texts:
            raise RecordError(
                f"{record.where}: timeline = {record.get('timeline')!r} matches no line"
            )
    for entry in entries:
        if entry.text not in by_text:
            raise RecordError(f"timeline line {entry.line!r} has no event record (events.toml)")
        yield entry, by_text[entry.text]


def _timeline_event(index: Index, verbs, source: Source, entry: TimelineEntry, record: Record):
    about_kind, about = index.path_ref(record, "about")
    if entry.verb is None or entry.verb not in verbs:
        raise RecordError(f"{record.where}: the line {entry.line!r} ends with no known verb")
    same = record.get("corroborates")
    event = ResolvedEvent(
        record=record,
        iri=URIRef(
            index.ref(record, "corroborates", "event") if same else index.iri("event", record.slug)
        ),
        cls=_event_class(verbs[entry.verb], about_kind),
        date=entry.date,
        precision=entry.precision,
        ko=entry.text,
        about_kind=about_kind,
        about=URIRef(about),
        line=entry.text,
        corroborating=bool(same),
    )
    event.actor = _actor(index, record, entry)
    event.evidence = [evidence_at(source.text, o.start, o.end) for o in entry.occurrences]
    event.evidence += ground(source.text, record.list("evidence"), record.where)
    return event


def _event_class(classes: list[URIRef], about_kind: str) -> URIRef:
    """설립 names a founding for an organization and an establishment for a unit."""
    if len(classes) == 1:
        return classes[0]
    preferred = DEF.FoundingEvent if about_kind == "organization" else DEF.EstablishmentEvent
    return preferred if preferred in classes else classes[0]


def _actor(index: Index, record: Record, entry: TimelineEntry) -> URIRef | None:
    """The acting body: the record's, checked against the names the line prints."""
    if not record.get("actor"):
        if entry.actor_text:
            raise RecordError(
                f"{record.where}: the line names {entry.actor_text!r} as acting body; set actor"
            )
        return None
    actor = index.ref(record, "actor", "organization")
    org = index.get("organization", record.get("actor"))
    names = [org.get("ko")] + org.list("alt_ko") + org.list("alt_en")
    printed = entry.actor_text or entry.text
    if not any(name and name in printed for name in names):
        raise RecordError(f"{record.where}: actor {org.slug!r} is not named in {entry.line!r}")
    return URIRef(actor)


def _free_event(index: Index, source: Source, record: Record) -> ResolvedEvent:
    about_kind, about = index.path_ref(record, "about")
    date = str(record.get("date", ""))
    match = YEAR.match(date)
    if not match:
        raise RecordError(f"{record.where}: date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    evidence = ground(source.text, record.list("evidence"), record.where)
    printed = (match.group(1), f"'{match.group(1)[2:]}")  # 2015, or '15 as in '15.7
    if not any(year in e.exact for e in evidence for year in printed) and not _last_year(
        match.group(1), [e.exact for e in evidence]
    ):
        raise RecordError(f"{record.where}: the year {match.group(1)} is printed in no evidence")
    precision = "day" if match.group(3) else "month" if match.group(2) else "year"
    organizer = record.get("organizer")
    kind = record.get("kind", "fair")
    same = record.get("corroborates")  # told by another source too
    resolved = ResolvedEvent(
        record=record,
        iri=URIRef(
            index.ref(record, "corroborates", "event") if same else index.iri("event", record.slug)
        ),
        corroborating=bool(same),
        cls=SCHEMA.ExhibitionEvent if kind == "fair" else DEF[kind],
        date=date,
        precision=precision,
        ko=record.get("ko"),
        about_kind=about_kind,
        about=URIRef(about),
        organizer=URIRef(index.ref(record, "organizer", "organization")) if organizer else None,
        evidence=evidence,
    )
    if record.get("actor"):  # a history event told in prose: "…부로부터 지정"
        resolved.actor = URIRef(index.ref(record, "actor", "organization"))
    return resolved


def _last_year(year: str, quotes: list[str]) -> bool:
    """ "지난해 4월" quoted with the article's date line "2025. 11. 14.": the year before
    a year printed, told as last year; so too 재작년 (two years before) and 이듬해 (the
    year after: "2016년 6월 … 열었고, 이듬해 … 지정"). The words: :mod:`kg.core.yearwords`."""
    return any(
        str(int(year) - years) in printed
        for quote in quotes
        for _, years in yearwords.told_in(quote)
        for printed in quotes
    )
