"""What a curated record may say: the fields of each kind, and how references resolve.

A typo in a field name is an error, not a silently ignored fact.
"""

from __future__ import annotations

from kg.build.sources import Record, Records
from kg.core.config import entity_iri
from kg.core.errors import RecordError

# The IRI segment of each record kind: <base>id/<segment>/<slug>.
SEGMENT = {
    "organization": "org",
    "unit": "unit",
    "person": "person",
    "post": "post",
    "place": "place",
    "legislation": "legislation",
    "scheme": "scheme",
    "concept": "concept",
    "project": "project",
    "observation": "observation",
    "event": "event",
}
KIND_OF_SEGMENT = {segment: kind for kind, segment in SEGMENT.items()}

COMMON = {"slug", "ko", "en", "alt_ko", "alt_en", "evidence", "note", "same_as", "source"}
DESCRIBED = {"description_ko", "description_en", "subjects"}
FIELDS: dict[str, set[str]] = {
    "organization": {"kind", "legal_form", "area_served"} | DESCRIBED,
    "unit": {"unit_of", "also_project"} | DESCRIBED,
    "person": {"job_title_ko", "job_title_en"},
    "post": {"post_in", "held_by", "head"},
    "place": {"kind", "contained_in", "identifier"},
    "legislation": {"jurisdiction"},
    "scheme": set(),
    "concept": {"broader", "scheme"},
    "project": {"kind", "parent", "funders", "partners", "part_of"} | DESCRIBED,
    "observation": {"about", "value", "unit_text", "unit_code", "variable_ko", "variable_en"},
    "event": {"timeline", "about", "actor", "kind", "date", "organizer", "corroborates"},
}
REQUIRED: dict[str, set[str]] = {
    "organization": {"kind"},
    "unit": {"unit_of"},
    "post": {"post_in", "held_by"},
    "place": {"kind"},
    "observation": {"about", "value", "unit_text", "variable_ko", "variable_en"},
    "event": {"about"},
}
KIND_VALUES = {
    "organization": {"agency", "government"},
    "place": {"region", "city", "province", "district", "zone"},
    "project": {"program", "strategy"},
    # "fair", or a history event told in prose (no 연혁 line): its class in ontology/kg.ttl
    "event": {"fair", "HistoryEvent", "FoundingEvent", "EstablishmentEvent", "OpeningEvent",
              "RenamingEvent", "DesignationEvent", "SelectionEvent", "RegistrationEvent",
              "AccreditationEvent", "EnactmentEvent", "MergerEvent", "RelocationEvent"},
}  # fmt: skip


def check_record(record: Record) -> None:
    """Raise RecordError if a record has an unknown kind, field or kind value."""
    if record.kind not in FIELDS:
        known = ", ".join(sorted(FIELDS))
        raise RecordError(f"{record.where}: unknown record kind (known: {known})")
    allowed = COMMON | FIELDS[record.kind]
    unknown = sorted(record.fields.keys() - allowed)
    if unknown:
        raise RecordError(f"{record.where}: unknown field(s): {', '.join(unknown)}")
    needed = set(REQUIRED.get(record.kind, set()))
    if not (record.kind == "event" and "timeline" in record.fields):
        needed |= {"ko", "en"} | ({"evidence"} if quoted(record) else set())
    else:
        needed |= {"en"}
    missing = sorted(needed - record.fields.keys())
    if missing:
        raise RecordError(f"{record.where}: missing field(s): {', '.join(missing)}")
    value = record.get("kind")
    if value is not None and record.kind in KIND_VALUES and value not in KIND_VALUES[record.kind]:
        choices = ", ".join(sorted(KIND_VALUES[record.kind]))
        raise RecordError(f"{record.where}: kind {value!r} is not one of {choices}")


def quoted(record: Record) -> bool:
    """Whether a record needs evidence: all but schemes and the 시·도 of the reference data."""
    region = record.kind == "place" and record.get("kind") == "region"
    return record.kind != "scheme" and not region


class Index:
    """Resolves slugs and ``kind/slug`` references to IRIs, naming the record on failure."""

    def __init__(self, records: Records) -> None:
        self.records = records
        self.by_key: dict[tuple[str, str], Record] = {}
        for record in records.all():
            check_record(record)
            self.by_key[(record.kind, record.slug)] = record

    def iri(self, kind: str, slug: str) -> str:
        return entity_iri(SEGMENT[kind], slug)

    def ref(self, record: Record, field: str, kind: str, slug: str | None = None) -> str:
        """The IRI of the ``kind`` record named by ``field`` (or ``slug``) of ``record``."""
        target = slug if slug is not None else record.get(field)
        if (kind, target) not in self.by_key:
            raise RecordError(f"{record.where}: {field} = {target!r}: no {kind} with that slug")
        return self.iri(kind, target)

    def path_ref(self, record: Record, field: str) -> tuple[str, str]:
        """Resolve a ``segment/slug`` reference such as ``unit/sos-lab``: (kind, IRI)."""
        value = str(record.get(field, ""))
        segment, _, slug = value.partition("/")
        kind = KIND_OF_SEGMENT.get(segment)
        if kind is None or (kind, slug) not in self.by_key:
            raise RecordError(f"{record.where}: {field} = {value!r}: no such entity")
        return kind, self.iri(kind, slug)

    def get(self, kind: str, slug: str) -> Record:
        return self.by_key[(kind, slug)]
