"""The packaged map of the 17 시·도: small, complete, keyed like the data."""

from __future__ import annotations

from kg.build import regions as registry
from kg.core.geo import Marker, extent, find_region, load_regions, map_svg, project
from kg.core.paths import REGIONS_MAP


def test_seventeen_regions_with_our_slugs_and_iso_codes() -> None:
    regions = load_regions()
    assert [(r.slug, r.iso) for r in regions] == [(r.slug, r.iso) for r in registry.load_regions()]
    assert len({r.iso for r in regions}) == 17 and all(r.iso.startswith("KR-") for r in regions)
    assert find_region(regions, "KR-49").slug == "jeju"
    assert find_region(regions, "https://w3id.org/kr-ict-kg/id/place/seoul").iso == "KR-11"
    assert find_region(regions, "KR-99") is None
    assert REGIONS_MAP.stat().st_size < 300_000
    assert (REGIONS_MAP.parent / "kr-regions.LICENSE.md").exists()


def test_anchors_lie_on_the_map_and_markers_link() -> None:
    width, height = extent()
    for region in load_regions():
        x, y = project(region.anchor)
        assert 0 < x < width and 0 < y < height, region.slug
    svg = map_svg(load_regions(), [Marker("jeonbuk", "전주 <기관>", 2, "/id/org/x")])
    assert svg.count("<path") == 17 and 'href="/id/org/x"' in svg
    assert "전주 &lt;기관&gt;" in svg and ">2</text>" in svg
