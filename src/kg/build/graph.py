"""Records → RDF: the facts graph, every standard type and super-property written out.

The builder writes our own term and, from the ontology, every term above it
(``def:OpeningEvent`` → ``schema:Event``, ``org:ChangeEvent`` …): explicit
inference, done once here, so that consumers need none.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kg.build.events import FOUNDING_KINDS, ResolvedEvent
from kg.build.evidence import Evidence, ground
from kg.build.ontology import supers
from kg.build.records import Index
from kg.build.sources import Record, Source
from kg.core import numerals
from kg.core.errors import RecordError
from kg.core.namespaces import DCTERMS, DEF, ORG, SCHEMA, WD, bind_prefixes

DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
ORGANIZATION_TYPES = {"agency": DEF.PromotionAgency, "government": SCHEMA.GovernmentOrganization}
PLACE_TYPES = {
    "region": [DEF.Region],  # a 시·도 (data/reference/regions.toml)
    "city": [SCHEMA.City, SCHEMA.AdministrativeArea],
    "province": [SCHEMA.AdministrativeArea],
    "district": [SCHEMA.AdministrativeArea],  # a 자치구 such as 해운대구
    "zone": [DEF.DesignatedZone],
}
PROJECT_TYPES = {"program": DEF.Program, "strategy": DEF.Strategy}


class FactsBuilder:
    """Writes the facts of the records into one graph and keeps each entity's evidence."""

    def __init__(self, index: Index, sources: dict[str, Source], ontology: Graph) -> None:
        self.index = index
        self.sources = sources
        self.ontology = ontology
        self.graph = bind_prefixes(Graph())
        self.evidence: dict[URIRef, list[tuple[str, Evidence]]] = {}

    # --- primitives -------------------------------------------------------
    def typed(self, iri: URIRef, *classes: URIRef) -> None:
        """State each class and every class above it."""
        for cls in classes:
            for each in supers(self.ontology, cls):
                self.graph.add((iri, RDF.type, each))

    def link(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        """State a triple and the same with every super-property of ``p``."""
        for prop in supers(self.ontology, p, RDFS.subPropertyOf):
            self.graph.add((s, prop, o))

    def ref(self, record: Record, field: str, kind: str, slug: str | None = None) -> URIRef:
        return URIRef(self.index.ref(record, field, kind, slug))

    def entity(self, record: Record, *classes: URIRef) -> URIRef:
        """The common part of every record: types, labels, notes, matches, evidence."""
        iri = URIRef(self.index.iri(record.kind, record.slug))
        self.typed(iri, *classes)
        self.labels(iri, record.get("ko"), record.get("en"))
        for lang in ("ko", "en"):
            for alt in record.list(f"alt_{lang}"):
                self.graph.add((iri, SKOS.altLabel, Literal(alt, lang=lang)))
            if record.get(f"description_{lang}"):
                self.graph.add(
                    (iri, SCHEMA.description, Literal(record.get(f"description_{lang}"), lang=lang))
                )
        if record.get("note"):
            self.graph.add((iri, SKOS.editorialNote, Literal(record.get("note"), lang="en")))
        for qid in record.list("same_as"):
            self.graph.add((iri, SKOS.exactMatch, WD[qid]))
        for official in record.list("source"):  # where an editorial addition comes from
            self.graph.add((iri, DCTERMS.source, URIRef(official)))
        for concept in record.list("subjects"):
            self.graph.add((iri, DCTERMS.subject, self.ref(record, "subjects", "concept", concept)))
        if record.list("evidence"):
            self.ground(iri, record, record.list("evidence"))
        return iri

    def labels(self, iri: URIRef, ko: str, en: str) -> None:
        self.graph.add((iri, RDFS.label, Literal(ko, lang="ko")))
        self.graph.add((iri, RDFS.label, Literal(en, lang="en")))

    def ground(self, iri: URIRef, record: Record, quotes: list[str]) -> None:
        found = ground(self.sources[record.source].text, quotes, record.where)
        self.add_evidence(iri, record.source, found)

    def add_evidence(self, iri: URIRef, source: str, found: list[Evidence]) -> None:
        kept = self.evidence.setdefault(iri, [])
        kept.extend(item for item in ((source, e) for e in found) if item not in kept)

    # --- kinds -----------------------------------------------------------
    def organization(self, record: Record) -> None:
        iri = self.entity(record, ORG.FormalOrganization, ORGANIZATION_TYPES[record.get("kind")])
        self.typed(iri, SCHEMA.GovernmentOrganization)
        for place in record.list("area_served"):
            self.graph.add(
                (iri, SCHEMA.areaServed, self.ref(record, "area_served", "place", place))
            )
        if record.get("legal_form"):
            self.graph.add((iri, ORG.classification, self.ref(record, "legal_form", "concept")))

    def unit(self, record: Record) -> None:
        iri = self.entity(record, ORG.OrganizationalUnit, SCHEMA.Organization)
        parent = self.ref(record, "unit_of", "organization")
        self.graph.add((iri, ORG.unitOf, parent))
        self.graph.add((parent, ORG.hasUnit, iri))
        if record.get("also_project"):
            self.typed(iri, DEF.Program)
            self.graph.add((iri, SCHEMA.parentOrganization, parent))
            self.graph.add((parent, SCHEMA.subOrganization, iri))

    def person(self, record: Record) -> None:
        iri = self.entity(record, SCHEMA.Person)
        for lang in ("ko", "en"):
            if record.get(f"job_title_{lang}"):
                self.graph.add(
                    (iri, SCHEMA.jobTitle, Literal(record.get(f"job_title_{lang}"), lang=lang))
                )

    def post(self, record: Record) -> None:
        iri = self.entity(record, ORG.Post)
        unit = ("unit", record.get("post_in")) in self.index.by_key  # 팀장 of a team
        org = self.ref(record, "post_in", "unit" if unit else "organization")
        person = self.ref(record, "held_by", "person")
        self.graph.add((iri, ORG.postIn, org))
        self.graph.add((iri, ORG.heldBy, person))
        self.graph.add((person, ORG.holds, iri))
        if record.get("head"):
            self.graph.add((iri, ORG.role, ORG.Head))
            self.link(person, ORG.headOf, org)

    def place(self, record: Record) -> None:
        iri = self.entity(record, *PLACE_TYPES[record.get("kind")])
        if record.get("identifier"):  # a 시·도's ISO 3166-2:KR code
            self.graph.add((iri, SCHEMA.identifier, Literal(record.get("identifier"))))
        if record.get("contained_in"):
            self.graph.add(
                (iri, SCHEMA.containedInPlace, self.ref(record, "contained_in", "place"))
            )

    def legislation(self, record: Record) -> None:
        iri = self.entity(record, SCHEMA.Legislation)
        if record.get("jurisdiction"):
            place = self.ref(record, "jurisdiction", "place")
            self.graph.add((iri, SCHEMA.legislationJurisdiction, place))

    def scheme(self, record: Record) -> None:
        iri = self.entity(record, SKOS.ConceptScheme)
        self.graph.add((iri, SKOS.prefLabel, Literal(record.get("ko"), lang="ko")))
        self.graph.add((iri, SKOS.prefLabel, Literal(record.get("en"), lang="en")))

    def concept(self, record: Record) -> None:
        iri = self.entity(record, SKOS.Concept)
        scheme = self.ref(record, "scheme", "scheme", record.get("scheme", "technologies"))
        self.graph.add((iri, SKOS.inScheme, scheme))
        self.graph.add((iri, SKOS.prefLabel, Literal(record.get("ko"), lang="ko")))
        self.graph.add((iri, SKOS.prefLabel, Literal(record.get("en"), lang="en")))
        if record.get("broader"):
            broader = self.ref(record, "broader", "concept")
            self.graph.add((iri, SKOS.broader, broader))
            self.graph.add((broader, SKOS.narrower, iri))
        else:
            self.graph.add((iri, SKOS.topConceptOf, scheme))
            self.graph.add((scheme, SKOS.hasTopConcept, iri))

    def project(self, record: Record) -> None:
        iri = self.entity(record, PROJECT_TYPES[record.get("kind", "program")])
        if record.get("parent"):
            parent = self.ref(record, "parent", "organization")
            self.graph.add((iri, SCHEMA.parentOrganization, parent))
            self.graph.add((parent, SCHEMA.subOrganization, iri))
        for funder in record.list("funders"):
            self.graph.add(
                (iri, SCHEMA.funder, self.ref(record, "funders", "organization", funder))
            )
        for partner in record.list("partners"):
            self.graph.add(
                (iri, SCHEMA.member, self.ref(record, "partners", "organization", partner))
            )
        if record.get("part_of"):
            whole = self.ref(record, "part_of", "project")
            self.graph.add((iri, DCTERMS.isPartOf, whole))
            self.graph.add((whole, DCTERMS.hasPart, iri))

    def observation(self, record: Record) -> None:
        iri = self.entity(record, SCHEMA.Observation)
        _, about = self.index.path_ref(record, "about")
        value = record.get("value")
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise RecordError(f"{record.where}: value {value!r} is not a number")
        for _, found in self.evidence[iri]:  # 4.2 억원 is printed in "4억 2천만 원"
            if not numerals.writes(found.exact, value, record.get("unit_text") or ""):
                raise RecordError(
                    f"{record.where}: value {value} is not printed in {found.exact!r}"
                )
        self.graph.add((iri, SCHEMA.observationAbout, URIRef(about)))
        self.graph.add((iri, SCHEMA.value, Literal(value)))
        self.graph.add((iri, SCHEMA.unitText, Literal(record.get("unit_text"))))
        if record.get("unit_code"):
            self.graph.add((iri, SCHEMA.unitCode, Literal(record.get("unit_code"))))
        for lang in ("ko", "en"):
            variable = Literal(record.get(f"variable_{lang}"), lang=lang)
            self.graph.add((iri, SCHEMA.variableMeasured, variable))

    def event(self, event: ResolvedEvent) -> None:
        iri = event.iri
        if event.corroborating:  # told by another source too: its evidence, nothing else
            self.add_evidence(iri, event.record.source, event.evidence)
            return
        self.typed(iri, event.cls)
        self.labels(iri, event.ko, event.record.get("en"))
        date = Literal(event.date, datatype=DATE_TYPES[event.precision])
        self.graph.add((iri, SCHEMA.startDate, date))
        self.graph.add((iri, SCHEMA.about, event.about))
        if event.line:
            self.link(iri, DEF.timelineLine, Literal(event.line, lang="ko"))
        if event.actor is not None:
            self.link(iri, DEF.actor, event.actor)
        if event.organizer is not None:
            self.graph.add((iri, SCHEMA.organizer, event.organizer))
        if event.record.get("note"):
            self.graph.add((iri, SKOS.editorialNote, Literal(event.record.get("note"), lang="en")))
        if event.cls in FOUNDING_KINDS | {DEF.RenamingEvent}:
            self.graph.add((iri, ORG.resultingOrganization, event.about))
            self.graph.add((event.about, ORG.resultedFrom, iri))
        if event.cls in FOUNDING_KINDS:
            self.graph.add((event.about, SCHEMA.foundingDate, date))
        self.add_evidence(iri, event.record.source, event.evidence)
