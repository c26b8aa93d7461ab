"""Linked-data pages: what the graph says about one IRI, as triples and as HTML for people.

An entity's description is its own triples (and those of its ``#fragment`` parts,
such as an annotation's target and selectors), the triples that point at it, and
the annotations whose body it is, with their targets and selectors: so a page shows
the sentence behind the entity. HTML (the template ``entity.html``) links every IRI of
ours to its own page and other http(s) IRIs to themselves; any other IRI is only text.

Example::

    >>> from kg.build.assemble import build_parts
    >>> from kg.rdf.writing import to_nquads
    >>> store = ox.Store()  # what kg serve loads from dist/kg.nq
    >>> store.load(to_nquads(build_parts().dataset()), format=ox.RdfFormat.N_QUADS)
    >>> len(describe(store, ID_BASE + "unit/sos-lab")) > 10
    True
    >>> "SOS랩" in entity_html(store, ID_BASE + "unit/sos-lab")
    True
"""

from __future__ import annotations

from typing import NamedTuple

import pyoxigraph as ox

from kg.core.config import ID_BASE, PREFIXES, compact_iri
from kg.core.html import render, web_href
from kg.rdf.oxigraph import Term, select

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
OA = "http://www.w3.org/ns/oa#"
EVIDENCE = f"""SELECT ?entity ?annotation ?exact ?prefix ?suffix ?start ?end ?source WHERE {{
  ?annotation <{OA}hasBody> ?entity ; <{OA}hasTarget> ?target .
  ?target <{OA}hasSource> ?source ; <{OA}hasSelector> ?quote, ?position .
  ?quote <{OA}exact> ?exact .
  OPTIONAL {{ ?quote <{OA}prefix> ?prefix }} OPTIONAL {{ ?quote <{OA}suffix> ?suffix }}
  ?position <{OA}start> ?start ; <{OA}end> ?end .
}} ORDER BY ?start ?annotation"""


def local_path(iri: str) -> str | None:
    """``/id/unit/sos-lab`` for an IRI of ours, None for anyone else's."""
    return "/id/" + iri[len(ID_BASE) :] if iri.startswith(ID_BASE) else None


def exists(store: ox.Store, iri: str) -> bool:
    """True when the graph says anything about ``iri`` (as a subject)."""
    return next(store.quads_for_pattern(ox.NamedNode(iri), None, None), None) is not None


def describe(store: ox.Store, iri: str) -> list[ox.Triple]:
    """Own triples, fragment parts, incoming links and the evidence annotations, deduplicated."""
    node = ox.NamedNode(iri)
    triples = {q.triple for q in store.quads_for_pattern(node, None, None)}
    triples |= {q.triple for q in store.quads_for_pattern(None, None, node)}
    for subject in _fragments(store, iri) + _annotation_parts(store, node):
        triples |= {q.triple for q in store.quads_for_pattern(subject, None, None)}
    return sorted(triples, key=str)


def _fragments(store: ox.Store, iri: str) -> list[ox.NamedNode]:
    query = "SELECT DISTINCT ?s ?prefix WHERE { ?s ?p ?o FILTER STRSTARTS(STR(?s), ?prefix) }"
    rows = select(store, query, {ox.Variable("prefix"): ox.Literal(iri + "#")})
    return [row[0] for row in rows]


def _annotation_parts(store: ox.Store, node: ox.NamedNode) -> list[ox.NamedNode]:
    query = f"""SELECT DISTINCT ?a ?t ?sel ?entity WHERE {{ ?a <{OA}hasBody> ?entity
      OPTIONAL {{ ?a <{OA}hasTarget> ?t OPTIONAL {{ ?t <{OA}hasSelector> ?sel }} }} }}"""
    rows = select(store, query, {ox.Variable("entity"): node})
    found = {term for row in rows for term in (row["a"], row["t"], row["sel"]) if term}
    return sorted((t for t in found if isinstance(t, ox.NamedNode)), key=str)


def labels(store: ox.Store, iris: set[str]) -> dict[str, dict[str, str]]:
    """``{iri: {lang: label}}`` of the rdfs:labels of the given IRIs."""
    found: dict[str, dict[str, str]] = {}
    for iri in sorted(iris):
        for quad in store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(LABEL), None):
            if isinstance(quad.object, ox.Literal):  # a label that is an IRI is not a name
                found.setdefault(iri, {})[quad.object.language or ""] = quad.object.value
    return found


def sparql_prefixes(*names: str) -> str:
    """``PREFIX`` lines for the project's prefixes ``names``."""
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in names)


class Link(NamedTuple):
    """An entity as a link: where it goes, its name, and a date to show before it."""

    href: str | None
    name: str
    date: str = ""


PARTS = (
    sparql_prefixes("def", "schema", "org", "rdfs")
    + """SELECT DISTINCT ?kind ?part ?ko ?en ?date ?agency WHERE {
  ?agency a def:PromotionAgency .
  { ?agency (org:hasUnit|schema:subOrganization)+ ?part .
    BIND(IF(EXISTS { ?part a org:OrganizationalUnit }, "unit", "program") AS ?kind) }
  UNION
  { ?agency (org:hasUnit|schema:subOrganization)* ?about . ?part schema:about ?about ;
      a def:HistoryEvent . BIND("event" AS ?kind) }
  OPTIONAL { ?part rdfs:label ?ko FILTER(LANG(?ko) = "ko") }
  OPTIONAL { ?part rdfs:label ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?part schema:startDate|schema:foundingDate ?date }
} ORDER BY ?kind ?date ?ko ?part"""
)
HEADINGS = {"unit": "Units · 조직 단위", "program": "Programs · 사업", "event": "Events · 연혁"}


def agency_parts(store: ox.Store, iri: str) -> list[tuple[str, list[Link]]]:
    """An agency's units and programs (followed down) and the events about it or them,
    as links by kind; empty for an entity that has none."""
    found: dict[str, list[Link]] = {}
    for row in select(store, PARTS, {ox.Variable("agency"): ox.NamedNode(iri)}):
        name = " · ".join(t.value for t in (row["ko"], row["en"]) if t is not None)
        part = row["part"].value
        link = Link(
            _path(part), name or compact_iri(part), row["date"].value if row["date"] else ""
        )
        if link not in found.setdefault(row["kind"].value, []):
            found[row["kind"].value].append(link)
    return [(HEADINGS[kind], found[kind]) for kind in HEADINGS if kind in found]


class Value(NamedTuple):
    """One value shown on a page: a link when ``href`` is set, with a language/datatype tag."""

    text: str
    href: str | None = None
    tag: str = ""


def entity_html(store: ox.Store, iri: str) -> str:
    """The HTML page of one entity: labels, relations as links, incoming links, evidence."""
    node = ox.NamedNode(iri)
    own = _own(store, node)
    incoming = sorted((q.triple for q in store.quads_for_pattern(None, None, node)), key=str)
    incoming = [t for t in incoming if t.predicate.value != OA + "hasBody"]
    parts = {f.value: _own(store, f) for f in _fragments(store, iri)}
    iris = {t.object.value for t in own if isinstance(t.object, ox.NamedNode)}
    iris |= {t.subject.value for t in incoming if isinstance(t.subject, ox.NamedNode)} | {iri}
    names = labels(store, iris)
    found = names.get(iri, {})
    return render(
        "entity.html",
        title=_title(found, iri),
        subtitle=found["en"] if "en" in found and "ko" in found else "",
        iri=iri,
        path=_path(iri),
        statements=_rows([(t.predicate.value, t.object) for t in own], names),
        parts=[
            {
                "anchor": f.rsplit("#", 1)[1],
                "rows": _rows([(t.predicate.value, t.object) for t in ts], names),
            }
            for f, ts in sorted(parts.items())
        ],
        incoming=_rows([(t.predicate.value, t.subject) for t in incoming], names),
        agency_parts=agency_parts(store, iri),
        evidence=_evidence(store, node),
    )


def _own(store: ox.Store, node: ox.NamedNode) -> list[ox.Triple]:
    return sorted((q.triple for q in store.quads_for_pattern(node, None, None)), key=str)


def _evidence(store: ox.Store, node: ox.NamedNode) -> list[dict]:
    """The quotes behind ``node``: text around the mention, its source and annotation."""
    rows = list(select(store, EVIDENCE, {ox.Variable("entity"): node}))
    names = labels(
        store, {r["source"].value for r in rows if isinstance(r["source"], ox.NamedNode)}
    )
    return [
        {
            "prefix": row["prefix"].value if row["prefix"] else "",
            "exact": row["exact"].value,
            "suffix": row["suffix"].value if row["suffix"] else "",
            "source": _value(row["source"], names),
            "start": row["start"].value,
            "end": row["end"].value,
            "annotation": _path(row["annotation"].value),
        }
        for row in rows
    ]


def _rows(pairs: list[tuple[str, Term]], names: dict) -> list[tuple[str, list[Value]]]:
    """One row per predicate (labels and types first), its values as links or literals."""
    grouped: dict[str, list[Value]] = {}
    for predicate, value in sorted(pairs, key=lambda p: (_rank(p[0]), p[0], str(p[1]))):
        grouped.setdefault(compact_iri(predicate), []).append(_value(value, names))
    return list(grouped.items())


def _rank(predicate: str) -> int:
    first = (LABEL, "http://www.w3.org/2004/02/skos/core#altLabel", RDF_TYPE)
    return first.index(predicate) if predicate in first else len(first)


def _value(term: Term, names: dict) -> Value:
    if isinstance(term, ox.NamedNode):
        name = names.get(term.value)
        text = _title(name, term.value) if name else compact_iri(term.value)
        return Value(text, _path(term.value))
    if isinstance(term, ox.Literal):
        return Value(term.value, tag=term.language or compact_iri(term.datatype.value))
    return Value(str(term))


def _title(names: dict[str, str] | None, iri: str) -> str:
    names = names or {}
    return names.get("ko") or names.get("en") or compact_iri(iri)


def _path(iri: str) -> str | None:
    """Where a link to ``iri`` goes: its page for ours, itself if http(s), else no link."""
    return local_path(iri) or web_href(iri)
