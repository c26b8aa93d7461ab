"""The order a person reads a Turtle file in: the agencies first, then entities by class,
the sources and their annotations last.

Each subject falls in the first section one of its ``rdf:type`` values names; a subject
with no known type goes to "Other resources", before the provenance. Within a section,
subjects keep the sorted N-Triples order, so the same graph always gives the same bytes.

Example::

    >>> section_of({"https://w3id.org/kr-ict-kg/def/PromotionAgency",
    ...             "https://schema.org/Organization"})
    0
    >>> SECTIONS[section_of({"http://www.w3.org/ns/oa#Annotation"})][0]
    'Annotations: the quote and the position each fact was read from'
"""

from __future__ import annotations

from kg.core.config import DEF_BASE, PREFIXES

RDF_TYPE = PREFIXES["rdf"] + "type"
_ORG, _SCHEMA, _SKOS, _OA = PREFIXES["org"], PREFIXES["schema"], PREFIXES["skos"], PREFIXES["oa"]

#: (title, the classes whose instances the section holds), in reading order.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Agencies", (DEF_BASE + "PromotionAgency",)),
    ("Units: centers, labs and facilities the agencies run", (_ORG + "OrganizationalUnit",)),
    ("Programs, projects and strategies", (_SCHEMA + "Project",)),
    (
        "Other organizations: ministries, governments, partners",
        (_ORG + "Organization", _SCHEMA + "Organization"),
    ),
    ("People and posts", (_SCHEMA + "Person", _ORG + "Post")),
    ("Events: the dated history", (_SCHEMA + "Event",)),
    ("Figures", (_SCHEMA + "Observation",)),
    ("Places", (_SCHEMA + "Place",)),
    ("Legislation", (_SCHEMA + "Legislation",)),
    ("Concepts: technologies, industries, legal forms", (_SKOS + "Concept",)),
    ("Concept schemes", (_SKOS + "ConceptScheme",)),
    ("Other resources", ()),
    (
        "Sources: the documents facts are read from",
        (_SCHEMA + "NewsArticle", _SCHEMA + "CreativeWork", _SCHEMA + "MediaObject"),
    ),
    (
        "Annotations: the quote and the position each fact was read from",
        (_OA + "Annotation", _OA + "SpecificResource", _OA + "TextPositionSelector")
        + (_OA + "TextQuoteSelector",),
    ),
)
_OTHER = next(i for i, (title, _) in enumerate(SECTIONS) if title == "Other resources")
_RANK = {cls: i for i, (_, classes) in reversed(list(enumerate(SECTIONS))) for cls in classes}


def section_of(types: set[str]) -> int:
    """The index in :data:`SECTIONS` of a subject with these ``rdf:type`` IRIs."""
    ranks = [_RANK[t] for t in types if t in _RANK]
    return min(ranks) if ranks else _OTHER


def sections_of(subjects_types: dict[str, set[str]]) -> dict[str, int]:
    """Every subject (N-Triples form) → its section index."""
    return {subject: section_of(types) for subject, types in subjects_types.items()}
