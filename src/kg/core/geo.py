"""The map of Korea's 17 시·도: boundaries from the packaged GeoJSON, one projection, SVG.

The boundaries (:data:`kg.core.paths.REGIONS_MAP`, NGII open data, see
``kr-regions.LICENSE.md`` beside it) are read once; every map (``kg viz --map``, the
explorer, the ``kg serve`` front page) projects them the same way: longitude scaled by
the cosine of 36° N, so that Korea keeps its shape. A region is known by its slug
(``jeonbuk``) and its ISO 3166-2 code (``KR-45``); its ``anchor`` is where a marker
goes (the most inland point of its largest part). Pure Python: no GIS library.

Example::

    >>> regions = load_regions()
    >>> len(regions), regions[0].slug, regions[0].iso
    (17, 'seoul', 'KR-11')
    >>> find_region(regions, "KR-45").slug
    'jeonbuk'
    >>> "<path" in map_svg(regions, [])
    True
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path

from kg.core.paths import REGIONS_MAP

Point = tuple[float, float]
Ring = list[Point]
WEST, NORTH = 124.5, 38.7  # the map's top-left corner (longitude, latitude)
SCALE = 100.0  # SVG units per degree of latitude
ASPECT = math.cos(math.radians(36.0))


@dataclass(frozen=True)
class Region:
    """One 시·도: its slug, ISO 3166-2 code, polygons (rings of lon/lat) and anchor."""

    slug: str
    iso: str
    polygons: tuple[tuple[Ring, ...], ...]
    anchor: Point


@cache
def load_regions(path: Path = REGIONS_MAP) -> tuple[Region, ...]:
    """The 17 regions of the packaged GeoJSON, in its order (KOSTAT code order)."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    regions = []
    for feature in doc["features"]:
        props, geometry = feature["properties"], feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = tuple(tuple([(x, y) for x, y in ring] for ring in poly) for poly in polygons)
        x, y = props["anchor"]
        regions.append(Region(props["slug"], props["iso"], rings, (x, y)))
    return tuple(regions)


def find_region(regions: tuple[Region, ...], key: str) -> Region | None:
    """The region whose ISO code or slug is ``key`` (or ends an IRI ``…/place/<slug>``)."""
    slug = key.rstrip("/").rsplit("/", 1)[-1]
    for region in regions:
        if key == region.iso or slug == region.slug:
            return region
    return None


def project(point: Point) -> Point:
    """Longitude/latitude to map units (x right, y down)."""
    lon, lat = point
    return ((lon - WEST) * ASPECT * SCALE, (NORTH - lat) * SCALE)


def extent() -> Point:
    """The width and height of the whole map in map units."""
    return project((131.0, 33.0))


def svg_path(region: Region) -> str:
    """The region's outline as SVG path data (map units, one decimal)."""
    parts = []
    for polygon in region.polygons:
        for ring in polygon:
            xy = [project(p) for p in ring]
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + "Z")
    return "".join(parts)


@dataclass(frozen=True)
class Marker:
    """A marker on the web map: a region's agencies (count, names and where to go)."""

    region: str  # slug
    title: str
    count: int
    href: str


def map_svg(regions: tuple[Region, ...], markers: list[Marker], css_class: str = "kg-map") -> str:
    """An inline SVG of the regions, a numbered dot per marker linking to ``href``."""
    width, height = extent()
    marked = {m.region for m in markers}
    out = [
        f'<svg class="{css_class}" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}"><title>시·도 · Regions of Korea</title>'
    ]
    for region in regions:
        fill = "#f3d9d0" if region.slug in marked else "#eeeeee"
        out.append(
            f'<path data-region="{region.slug}" d="{svg_path(region)}" fill="{fill}" '
            f'stroke="#888888" stroke-width="0.6"><title>{region.iso}</title></path>'
        )
    by_slug = {r.slug: r for r in regions}
    for marker in markers:
        x, y = project(by_slug[marker.region].anchor)
        out.append(
            f'<a href="{escape(marker.href)}" data-region="{marker.region}">'
            f"<title>{escape(marker.title)}</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="9" fill="#d62728"/>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}" font-size="11" text-anchor="middle" '
            f'fill="white">{marker.count}</text></a>'
        )
    out.append("</svg>")
    return "".join(out)
