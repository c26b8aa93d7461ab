"""Events to compare on merge: those of the built graph, and those a draft tells."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.core.config import entity_iri


@dataclass(frozen=True)
class KnownEvent:
    slug: str
    about: str  # IRI
    kind: str  # local class name (OpeningEvent …)
    date: str


def graph_events(records_dir: Path, sources_dir: Path) -> list[KnownEvent]:
    """Every history event of the data as built now."""
    from rdflib.namespace import RDF

    from kg.build.assemble import build_parts
    from kg.core.namespaces import DEF, SCHEMA

    facts = build_parts(records_dir, sources_dir).facts
    found = []
    for event in sorted(facts.subjects(RDF.type, DEF.HistoryEvent), key=str):
        about = facts.value(event, SCHEMA.about)
        date = facts.value(event, SCHEMA.startDate)
        for cls in facts.objects(event, RDF.type):
            if str(cls).startswith(str(DEF)) and cls != DEF.HistoryEvent:
                kind = str(cls).removeprefix(str(DEF))
                found.append(KnownEvent(str(event).rsplit("/", 1)[-1], str(about), kind, str(date)))
    return found


def draft_event_facts(records: dict[str, Any], text: str):
    """(record, about IRI, kind, date) of each history event record of a draft: a timeline
    line's kind and date from the line, an event told in prose from its record."""
    from kg.build.records import KIND_OF_SEGMENT
    from kg.build.timeline import parse_timeline
    from kg.core.errors import TimelineError
    from kg.ingest.extract import pick_kind
    from kg.ingest.model import Found
    from kg.ingest.vocabulary import event_kinds

    verbs = event_kinds()
    try:
        entries = {e.text: e for e in parse_timeline(text, tuple(verbs))}
    except TimelineError:
        entries = {}
    for table in records.get("event", []):
        if "about" not in table:
            continue
        segment, _, slug = table["about"].partition("/")
        entry = entries.get(table.get("timeline", ""))
        if entry is not None:
            about_kind = KIND_OF_SEGMENT.get(segment, "")
            kind = pick_kind(verbs.get(entry.verb or "", []), Found(about_kind, "", "", "", []))
            yield table, entity_iri(segment, slug), kind, entry.date
        elif table.get("kind") not in (None, "fair", "HistoryEvent"):
            yield table, entity_iri(segment, slug), table["kind"], str(table["date"])
