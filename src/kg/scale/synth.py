"""A synthetic graph of our exact shape, of about N triples, for benchmarks and scale tests.

Agencies in all 17 시·도, each with its units, timeline events (founding, openings,
a designation by the ministry, an ordinance), its director (a person and a post),
programs with their figures (observations), subjects from a concept scheme, and a
source document: a generated Korean text in which every entity is quoted, and one
``oa:Annotation`` per quote with computed offsets — as ``kg build`` writes them.

The texts are written next to the output, in ``<stem>.texts/``; each document's
``schema:contentUrl`` is the text's path relative to the output's folder, so
``kg.validate.pyshacl_engine.validate(graph, root=output.parent)`` checks every offset.
Same N → byte-identical output (a seeded generator, no hash order). Example::

    >>> path, quads = write_synth(100, Path("dist/synth.nq"))
    >>> path.name, quads > 5000
    ('synth.nq', True)
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.build.evidence import evidence_at
from kg.build.regions import Region, load_regions
from kg.core.config import DEF_BASE, FACTS_GRAPH_IRI, PREFIXES, PROVENANCE_GRAPH_IRI, entity_iri
from kg.core.files import write_atomic
from kg.core.generated import GENERATED_SYNTH
from kg.scale.synth_data import CONCEPTS

RDF, RDFS, XSD = PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["xsd"]
SCHEMA, ORG, OA, SKOS = PREFIXES["schema"], PREFIXES["org"], PREFIXES["oa"], PREFIXES["skos"]
DCT = PREFIXES["dcterms"]
FACTS, PROV_G = ox.NamedNode(FACTS_GRAPH_IRI), ox.NamedNode(PROVENANCE_GRAPH_IRI)

UNIT_KINDS = [
    ("센터", "Center"),
    ("랩", "Lab"),
    ("스튜디오", "Studio"),
    ("지원단", "Support Office"),
]
SYLLABLES = "김이박최정강조윤장임한오서신권황안송류홍민수영진현준호성희경"

# Classes and properties with every standard term above them (from ontology/kg.ttl).
T = {
    "agency": [f"{DEF_BASE}PromotionAgency", f"{ORG}FormalOrganization", f"{ORG}Organization",
               f"{SCHEMA}GovernmentOrganization", f"{SCHEMA}Organization"],
    "ministry": [f"{ORG}FormalOrganization", f"{ORG}Organization",
                 f"{SCHEMA}GovernmentOrganization", f"{SCHEMA}Organization"],
    "unit": [f"{ORG}Organization", f"{ORG}OrganizationalUnit", f"{SCHEMA}Organization"],
    "program": [f"{DEF_BASE}Program", f"{SCHEMA}Organization", f"{SCHEMA}Project"],
    "person": [f"{SCHEMA}Person"], "post": [f"{ORG}Post"],
    "observation": [f"{SCHEMA}Observation"], "legislation": [f"{SCHEMA}Legislation"],
    "place": [f"{DEF_BASE}Region", f"{SCHEMA}AdministrativeArea", f"{SCHEMA}Place"],
    "concept": [f"{SKOS}Concept"], "scheme": [f"{SKOS}ConceptScheme"],
}  # fmt: skip
CHANGE = [f"{ORG}ChangeEvent", f"{PREFIXES['prov']}Activity", f"{SCHEMA}Event",
          f"{DEF_BASE}HistoryEvent"]  # fmt: skip
EVENTS = {
    "FoundingEvent": CHANGE, "OpeningEvent": CHANGE,
    "DesignationEvent": CHANGE[1:], "EnactmentEvent": CHANGE[1:],
}  # fmt: skip


def _node(value: str | ox.Literal | ox.NamedNode) -> ox.NamedNode | ox.Literal:
    return ox.NamedNode(value) if isinstance(value, str) else value


def lit(value: str | int, datatype: str | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(value, language=lang)
    if datatype:
        return ox.Literal(str(value), datatype=ox.NamedNode(f"{XSD}{datatype}"))
    return ox.Literal(value)


@dataclass
class Document:
    """One synthetic source: its text, grown sentence by sentence, and the quotes to ground."""

    slug: str
    parts: list[str] = field(default_factory=list)
    length: int = 0
    quotes: list[tuple[str, int, int]] = field(default_factory=list)  # (body, start, end)

    def say(self, sentence: str, grounds: list[tuple[str, str]]) -> None:
        """Append ``sentence``; each (body IRI, quote) is grounded where it occurs in it."""
        for body, quote in grounds:
            at = sentence.index(quote)
            self.quotes.append((body, self.length + at, self.length + at + len(quote)))
        self.parts.append(sentence)
        self.length += len(sentence)

    @property
    def text(self) -> str:
        return "".join(self.parts)


class Synth:
    """Writes quads in a fixed order: the same N always gives the same graph."""

    def __init__(self, texts_dir: Path, texts_url: str) -> None:
        self.quads: list[ox.Quad] = []
        self.regions = load_regions()
        self.rng = random.Random(7)
        self.texts_dir, self.texts_url = texts_dir, texts_url
        self.texts: dict[Path, str] = {}

    def add(self, s: str, p: str, o, graph: ox.NamedNode = FACTS) -> None:
        self.quads.append(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), _node(o), graph))

    def entity(self, iri: str, kind: str, ko: str, en: str) -> str:
        for cls in T[kind]:
            self.add(iri, f"{RDF}type", cls)
        self.add(iri, f"{RDFS}label", lit(ko, lang="ko"))
        self.add(iri, f"{RDFS}label", lit(en, lang="en"))
        return iri

    def event(self, slug: str, kind: str, labels: tuple[str, str], date: str, about: str) -> str:
        iri = entity_iri("event", slug)
        for cls in [f"{DEF_BASE}{kind}", *EVENTS[kind]]:
            self.add(iri, f"{RDF}type", cls)
        self.add(iri, f"{RDFS}label", lit(labels[0], lang="ko"))
        self.add(iri, f"{RDFS}label", lit(labels[1], lang="en"))
        self.add(iri, f"{SCHEMA}startDate", lit(date, "date"))
        self.add(iri, f"{SCHEMA}about", about)
        self.add(iri, f"{DEF_BASE}timelineLine", lit(f"{date} {labels[0]}", lang="ko"))
        if kind in ("FoundingEvent", "OpeningEvent"):
            self.add(iri, f"{ORG}resultingOrganization", about)
            self.add(about, f"{ORG}resultedFrom", iri)
            self.add(about, f"{SCHEMA}foundingDate", lit(date, "date"))
        return iri

    def date(self, start: int = 1995) -> str:
        r = self.rng
        return f"{r.randint(start, 2024)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"

    def name(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(3))

    # --- shared vocabulary ------------------------------------------------
    def shared(self) -> None:
        scheme = self.entity(entity_iri("scheme", "technologies"), "scheme", "기술", "Technologies")
        for slug, ko, en in CONCEPTS:
            iri = self.entity(entity_iri("concept", slug), "concept", ko, en)
            self.add(iri, f"{SKOS}inScheme", scheme)
            self.add(iri, f"{SKOS}prefLabel", lit(ko, lang="ko"))
            self.add(iri, f"{SKOS}prefLabel", lit(en, lang="en"))
            self.add(iri, f"{SKOS}topConceptOf", scheme)
            self.add(scheme, f"{SKOS}hasTopConcept", iri)
        for lang, label in (("ko", "기술"), ("en", "Technologies")):
            self.add(scheme, f"{SKOS}prefLabel", lit(label, lang=lang))
        for region in self.regions:
            self.region(region)
        ministry = entity_iri("org", "msit")
        self.entity(ministry, "ministry", "과학기술정보통신부", "Ministry of Science and ICT")

    def region(self, region: Region) -> None:
        """A 시·도 as ``kg build`` writes it from data/reference/regions.toml."""
        iri = self.entity(entity_iri("place", region.slug), "place", region.ko, region.en)
        for lang in ("ko", "en"):
            for name in region.alt_names(lang):
                self.add(iri, f"{SKOS}altLabel", lit(name, lang=lang))
        self.add(iri, f"{SCHEMA}identifier", lit(region.iso))
        for official in region.sources:
            self.add(iri, f"{DCT}source", official)

    # --- one agency and its source document --------------------------------
    def agency(self, i: int) -> None:
        place = self.regions[i % len(self.regions)]
        region, region_ko, region_en = place.slug, place.ko, place.short_en
        doc = Document(f"a{i:05d}")
        slug, ko, en = f"a{i:05d}", f"{region_ko}정보산업진흥원{i}", f"{region_en} ICT Agency {i}"
        agency = self.entity(entity_iri("org", slug), "agency", ko, en)
        self.add(agency, f"{SCHEMA}areaServed", entity_iri("place", region))
        for concept in self.rng.sample(CONCEPTS, 2):
            self.add(agency, f"{DCT}subject", entity_iri("concept", concept[0]))
        founded = self.date(1995)
        labels = (f"{ko} 설립", f"Founding of the {en}")
        event = self.event(f"{slug}-founding", "FoundingEvent", labels, founded, agency)
        doc.say(f"{founded} {ko} 설립. ", [(agency, ko), (event, f"{founded} {ko} 설립")])
        for j in range(1, self.rng.randint(3, 6) + 1):
            self.unit(doc, agency, f"{slug}-u{j}", (ko, en), j)
        self.director(doc, agency, slug, ko)
        for k in range(1, self.rng.randint(1, 3) + 1):
            self.program(doc, agency, f"{slug}-p{k}", ko, k)
        self.designation(doc, agency, slug, ko, en)
        self.ordinance(doc, slug, (region, region_ko), ko, en)
        self.source(doc, ko, en)

    def unit(self, doc: Document, agency: str, slug: str, parent: tuple[str, str], j: int) -> None:
        kind_ko, kind_en = UNIT_KINDS[j % len(UNIT_KINDS)]
        ko, en = f"{parent[0]} 제{j}{kind_ko}", f"{kind_en} {j} of the {parent[1]}"
        unit = self.entity(entity_iri("unit", slug), "unit", ko, en)
        self.add(unit, f"{ORG}unitOf", agency)
        self.add(agency, f"{ORG}hasUnit", unit)
        self.add(unit, f"{DCT}subject", entity_iri("concept", self.rng.choice(CONCEPTS)[0]))
        date = self.date(2000)
        event = self.event(f"{slug}-opening", "OpeningEvent", (f"{ko} 개소", f"Opening of {en}"),
                           date, unit)  # fmt: skip
        doc.say(f"{date} {ko} 개소. ", [(unit, ko), (event, f"{date} {ko} 개소")])

    def director(self, doc: Document, agency: str, slug: str, agency_ko: str) -> None:
        name = self.name()
        person = self.entity(entity_iri("person", f"{slug}-director"), "person", name,
                             f"Director {slug}")  # fmt: skip
        post = self.entity(entity_iri("post", f"{slug}-director"), "post", "원장", "Director")
        self.add(post, f"{ORG}postIn", agency)
        self.add(post, f"{ORG}heldBy", person)
        self.add(person, f"{ORG}holds", post)
        self.add(post, f"{ORG}role", f"{ORG}Head")
        self.add(person, f"{ORG}headOf", agency)
        self.add(person, f"{ORG}memberOf", agency)
        doc.say(f"{agency_ko} 원장 {name}은 말했다. ", [(post, "원장"), (person, name)])

    def program(self, doc: Document, agency: str, slug: str, agency_ko: str, k: int) -> None:
        ko, en = f"{agency_ko} 육성사업{k}", f"Growth program {k} of {slug}"
        program = self.entity(entity_iri("project", slug), "program", ko, en)
        self.add(program, f"{SCHEMA}parentOrganization", agency)
        self.add(agency, f"{SCHEMA}subOrganization", program)
        self.add(program, f"{SCHEMA}funder", entity_iri("org", "msit"))
        self.add(program, f"{DCT}subject", entity_iri("concept", self.rng.choice(CONCEPTS)[0]))
        value = self.rng.randint(5, 400)
        obs = self.entity(entity_iri("observation", f"{slug}-companies"), "observation",
                          f"{ko} 지원기업", f"Companies supported by {en}")  # fmt: skip
        self.add(obs, f"{SCHEMA}observationAbout", program)
        self.add(obs, f"{SCHEMA}value", lit(value, "integer"))
        self.add(obs, f"{SCHEMA}unitText", lit("개사"))
        self.add(obs, f"{SCHEMA}unitCode", lit("C62"))
        self.add(obs, f"{SCHEMA}variableMeasured", lit("지원기업 수", lang="ko"))
        self.add(obs, f"{SCHEMA}variableMeasured", lit("companies supported", lang="en"))
        doc.say(f"{ko}으로 {value}개사를 지원했다. ", [(program, ko), (obs, f"{value}개사")])

    def designation(self, doc: Document, agency: str, slug: str, ko: str, en: str) -> None:
        ministry, date = entity_iri("org", "msit"), self.date(2005)
        labels = (f"{ko} 지정(과학기술정보통신부)", f"Designation of the {en} by the ministry")
        event = self.event(f"{slug}-designation", "DesignationEvent", labels, date, agency)
        self.add(event, f"{DEF_BASE}actor", ministry)
        self.add(event, f"{PREFIXES['prov']}wasAssociatedWith", ministry)
        doc.say(f"{date} {labels[0]}. ", [(event, f"{date} {labels[0]}"),
                                          (ministry, "과학기술정보통신부")])  # fmt: skip

    def ordinance(
        self, doc: Document, slug: str, region: tuple[str, str], ko: str, en: str
    ) -> None:
        law_ko, law_en = f"{region[1]} {ko} 지원조례", f"Ordinance supporting the {en}"
        law = self.entity(entity_iri("legislation", f"{slug}-ordinance"), "legislation",
                          law_ko, law_en)  # fmt: skip
        self.add(law, f"{SCHEMA}legislationJurisdiction", entity_iri("place", region[0]))
        self.add(law, f"{SCHEMA}about", entity_iri("org", slug))  # the agency it supports
        date = self.date(2010)
        labels = (f"{law_ko} 제정", f"Enactment of the {law_en}")
        event = self.event(f"{slug}-ordinance-enactment", "EnactmentEvent", labels, date, law)
        doc.say(f"{date} {law_ko} 제정.\n", [(event, f"{date} {law_ko} 제정")])

    def source(self, doc: Document, ko: str, en: str) -> None:
        """The document, its reporter and stored text, and one annotation per quote."""
        reporter = self.name()
        author = self.entity(entity_iri("person", f"{doc.slug}-reporter"), "person", reporter,
                             f"Reporter {doc.slug}")  # fmt: skip
        doc.say(f"{reporter} 기자", [(author, reporter)])
        text, iri = doc.text, entity_iri("document", doc.slug)
        data = text.encode("utf-8")
        self.texts[self.texts_dir / f"{doc.slug}.txt"] = text
        media = f"{iri}/text"
        for cls in (f"{SCHEMA}NewsArticle", f"{SCHEMA}CreativeWork"):
            self.add(iri, f"{RDF}type", cls, PROV_G)
        self.add(iri, f"{RDFS}label", lit(f"{ko} 소개 기사", lang="ko"), PROV_G)
        self.add(iri, f"{RDFS}label", lit(f"Article about the {en}", lang="en"), PROV_G)
        self.add(iri, f"{SCHEMA}inLanguage", lit("ko"), PROV_G)
        self.add(iri, f"{SCHEMA}author", author, PROV_G)
        self.add(iri, f"{SCHEMA}encoding", media, PROV_G)
        self.add(media, f"{RDF}type", f"{SCHEMA}MediaObject", PROV_G)
        self.add(media, f"{SCHEMA}contentUrl", lit(f"{self.texts_url}/{doc.slug}.txt"), PROV_G)
        self.add(media, f"{SCHEMA}sha256", lit(hashlib.sha256(data).hexdigest()), PROV_G)
        self.add(media, f"{SCHEMA}encodingFormat", lit("text/plain; charset=utf-8"), PROV_G)
        self.add(media, f"{SCHEMA}contentSize", lit(len(text), "integer"), PROV_G)
        for body, start, end in doc.quotes:
            self.annotation(iri, doc.slug, body, evidence_at(text, start, end))

    def annotation(self, doc: str, doc_slug: str, body: str, ev) -> None:
        kind_slug = "/".join(body.rsplit("/", 2)[-2:])
        ann = entity_iri("annotation", f"{doc_slug}/{ev.start}-{ev.end}/{kind_slug}")
        target, quote, position = (f"{ann}#{part}" for part in ("target", "quote", "position"))
        for s, p, o in (
            (ann, f"{RDF}type", f"{OA}Annotation"), (ann, f"{OA}motivatedBy", f"{OA}identifying"),
            (ann, f"{OA}hasBody", body), (ann, f"{OA}hasTarget", target),
            (target, f"{RDF}type", f"{OA}SpecificResource"), (target, f"{OA}hasSource", doc),
            (target, f"{OA}hasSelector", quote), (target, f"{OA}hasSelector", position),
            (quote, f"{RDF}type", f"{OA}TextQuoteSelector"), (quote, f"{OA}exact", lit(ev.exact)),
            (quote, f"{OA}prefix", lit(ev.prefix)), (quote, f"{OA}suffix", lit(ev.suffix)),
            (position, f"{RDF}type", f"{OA}TextPositionSelector"),
            (position, f"{OA}start", lit(ev.start, "nonNegativeInteger")),
            (position, f"{OA}end", lit(ev.end, "nonNegativeInteger")),
        ):  # fmt: skip
            self.add(s, p, o, PROV_G)


def synthesize(n: int, output: Path) -> Synth:
    """Generate (in memory) at least 17 agencies and about ``n`` triples in all."""
    texts_dir = output.parent / f"{output.stem}.texts"
    synth = Synth(texts_dir, texts_dir.name)
    synth.shared()
    i = 0
    while i < len(synth.regions) or len(synth.quads) < n:
        i += 1
        synth.agency(i)
    return synth


def write_synth(n: int, output: Path) -> tuple[Path, int]:
    """Write the texts, then the graph (N-Quads, or N-Triples for a ``.nt`` name), atomically."""
    synth = synthesize(n, output)
    for path, text in synth.texts.items():
        write_atomic(path, text)
    quads: list[ox.Quad] | list[ox.Triple] = synth.quads
    if output.suffix == ".nt":
        fmt, quads = ox.RdfFormat.N_TRIPLES, [ox.Triple(*q.triple) for q in synth.quads]
    else:
        fmt = ox.RdfFormat.N_QUADS
    body = ox.serialize(quads, format=fmt)
    assert body is not None, "serialize returns the bytes when given no output"
    data = GENERATED_SYNTH.format(n=n).encode("utf-8") + body
    write_atomic(output, data)
    return output, len(synth.quads)
