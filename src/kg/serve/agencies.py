"""The agencies on the server's pages: listed by region on ``/``, and what is theirs.

The front page groups the agencies (``def:PromotionAgency``) by the 시·도 they serve
(``schema:areaServed``; the region's ISO 3166-2 code in ``schema:identifier``) and
shows them on the map of :mod:`kg.core.geo`. (An agency's own page lists its units,
programs and events: :func:`kg.serve.pages.agency_parts`.)

Example::

    >>> store = ox.Store()
    >>> store.load(input='''
    ... <https://w3id.org/kr-ict-kg/id/org/a> a <https://w3id.org/kr-ict-kg/def/PromotionAgency> ;
    ...   <http://www.w3.org/2000/01/rdf-schema#label> "가기관"@ko ;
    ...   <https://schema.org/areaServed> <https://w3id.org/kr-ict-kg/id/place/jeonbuk> .
    ... ''', format=ox.RdfFormat.TURTLE)
    >>> [(g.slug, g.iso, g.agencies) for g in agencies_by_region(store)]
    [('jeonbuk', 'KR-45', [Link(href='/id/org/a', name='가기관', date='')])]
"""

from __future__ import annotations

from typing import NamedTuple

import pyoxigraph as ox

from kg.core.geo import Marker, find_region, load_regions, map_svg
from kg.rdf.oxigraph import select
from kg.serve.pages import Link, local_path, sparql_prefixes

AGENCIES = (
    sparql_prefixes("def", "schema", "rdfs")
    + """SELECT ?agency ?ko ?en ?region ?rko ?ren ?iso WHERE {
  ?agency a def:PromotionAgency .
  OPTIONAL { ?agency rdfs:label ?ko FILTER(LANG(?ko) = "ko") }
  OPTIONAL { ?agency rdfs:label ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?agency schema:areaServed ?region .
    OPTIONAL { ?region rdfs:label ?rko FILTER(LANG(?rko) = "ko") }
    OPTIONAL { ?region rdfs:label ?ren FILTER(LANG(?ren) = "en") }
    OPTIONAL { ?region schema:identifier ?iso FILTER STRSTARTS(STR(?iso), "KR-") } }
} ORDER BY ?iso ?ko ?agency"""
)


class RegionGroup(NamedTuple):
    """One 시·도 (or "region not given") and its agencies."""

    slug: str
    name: str
    iso: str
    agencies: list[Link]


def _text(term: ox.NamedNode | ox.Literal | None) -> str:
    return term.value if term is not None else ""


def agencies_by_region(store: ox.Store) -> list[RegionGroup]:
    """The agencies grouped by region, regions by ISO code (those without one last)."""
    regions = load_regions()
    groups: dict[str, RegionGroup] = {}
    for row in select(store, AGENCIES):
        iri, iso = row["agency"].value, _text(row["iso"])
        place = _text(row["region"])
        region = find_region(regions, iso or place) if place else None
        slug = region.slug if region else ""
        if slug not in groups:
            name = " · ".join(t for t in (_text(row["rko"]), _text(row["ren"])) if t)
            name = name or "지역 미상 · region not given"
            groups[slug] = RegionGroup(slug, name, iso or (region.iso if region else ""), [])
        if all(a.href != local_path(iri) for a in groups[slug].agencies):
            label = " · ".join(t for t in (_text(row["ko"]), _text(row["en"])) if t) or iri
            groups[slug].agencies.append(Link(local_path(iri), label))
    return sorted(groups.values(), key=lambda g: (not g.iso, g.iso, g.name))


def regions_map(groups: list[RegionGroup]) -> str:
    """The 시·도 map, a numbered dot per region linking to its list on the page."""
    markers = [
        Marker(g.slug, " · ".join(a.name for a in g.agencies), len(g.agencies), f"#{g.slug}")
        for g in groups
        if g.slug
    ]
    return map_svg(load_regions(), markers)
