"""The 17 시·도 (data/reference/regions.toml): the one registry of Korea's regions.

Every build writes all 17 as places of kind ``region`` (``def:Region``), whatever the
articles say; ``kg synth`` places its agencies in them and ``kg ingest`` gives a 시·도
an article names the registry's slug. A curated place record with a region's slug (the
article's ``place/jeonbuk``) is the same resource: it adds evidence, a Wikidata match
and a note, and may not restate what the registry says (names, kind, code).

Example::

    >>> region_named("전라북도").slug, region_named("전북").iso, region_named("전주시")
    ('jeonbuk', 'KR-45', None)
    >>> len(load_regions())
    17
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.build.sources import Record, Records, load_records, read_toml
from kg.core.errors import RecordError, SourceError
from kg.core.paths import RECORDS_DIR, REGIONS_FILE

#: What a curated record of a region may not say: the registry says it.
REGISTRY_FIELDS = ("kind", "ko", "en", "alt_ko", "alt_en", "identifier")
_FIELDS = {"slug", "ko", "en", "short_ko", "short_en", "alt_ko", "alt_en", "iso", "source"}
_FIELDS |= {"same_as", "note"}


@dataclass(frozen=True)
class Region:
    """One 시·도: today's official names, short forms, former names, ISO 3166-2:KR code."""

    slug: str
    ko: str
    en: str
    short_ko: str
    short_en: str
    alt_ko: tuple[str, ...]
    alt_en: tuple[str, ...]
    iso: str
    sources: tuple[str, ...]
    same_as: tuple[str, ...] = ()
    note: str | None = None

    def alt_names(self, lang: str) -> list[str]:
        """The short form and former names in ``lang`` (``skos:altLabel``), label left out."""
        label = self.ko if lang == "ko" else self.en
        short, alts = (self.short_ko, self.alt_ko) if lang == "ko" else (self.short_en, self.alt_en)
        return [n for n in dict.fromkeys((short, *alts)) if n and n != label]

    def names(self) -> set[str]:
        """Every Korean name an article may use for it."""
        return {self.ko, self.short_ko, *self.alt_ko}

    def fields(self) -> dict[str, Any]:
        """The region as the fields of a place record."""
        fields: dict[str, Any] = {"slug": self.slug, "kind": "region", "ko": self.ko}
        fields |= {"en": self.en, "identifier": self.iso, "source": list(self.sources)}
        fields |= {"alt_ko": self.alt_names("ko"), "alt_en": self.alt_names("en")}
        fields |= {"same_as": list(self.same_as)} if self.same_as else {}
        return fields | ({"note": self.note} if self.note else {})


@lru_cache(maxsize=4)
def load_regions(path: Path = REGIONS_FILE) -> tuple[Region, ...]:
    """The 17 regions of ``path``, in file order; a bad table names the file and slug."""
    content = read_toml(path)
    shared = tuple(content.get("sources", []))
    regions = []
    for table in content.get("region", []):
        unknown = sorted(table.keys() - _FIELDS)
        if unknown or not {"slug", "ko", "en", "iso"} <= table.keys():
            raise SourceError(f"{path}: region {table.get('slug')!r}: bad fields {unknown}")
        own = tuple(table.get("source", []))
        regions.append(
            Region(
                table["slug"],
                table["ko"],
                table["en"],
                table.get("short_ko", ""),
                table.get("short_en", ""),
                tuple(table.get("alt_ko", [])),
                tuple(table.get("alt_en", [])),
                table["iso"],
                shared + own,
                tuple(table.get("same_as", [])),
                table.get("note"),
            )  # fmt: skip
        )
    return tuple(regions)


def region_named(name: str, regions: tuple[Region, ...] | None = None) -> Region | None:
    """The region an article calls ``name`` (전라북도, 전북, 전북특별자치도 …), else None."""
    wanted = name.strip()
    return next((r for r in regions or load_regions() if wanted in r.names()), None)


def with_regions(records: Records) -> Records:
    """``records`` with the 17 regions among the places, each merged with its curated record."""
    places = {record.slug: record for record in records.of("place")}
    merged: list[Record] = []
    for region in load_regions():
        curated = places.pop(region.slug, None)
        merged.append(_merged(region, curated))
    kept = [r for r in records.of("place") if r.slug in places]
    by_kind = dict(records.by_kind)
    by_kind["place"] = kept + merged
    return Records(by_kind)


def curated_records(directory: Path = RECORDS_DIR) -> Records:
    """The records of ``directory`` with the regions of the registry merged in."""
    return with_regions(load_records(directory))


def _merged(region: Region, curated: Record | None) -> Record:
    fields = region.fields()
    if curated is None:
        return Record("place", region.slug, fields, "", REGIONS_FILE)
    for name in REGISTRY_FIELDS:
        if name in curated.fields:
            raise RecordError(
                f"{curated.where}: {name} of a 시·도 is the registry's "
                f"({REGIONS_FILE.name}): remove it from the record"
            )
    extra = {k: v for k, v in curated.fields.items() if k != "slug"}
    if "same_as" in extra:
        extra["same_as"] = list(dict.fromkeys([*fields.get("same_as", []), *extra["same_as"]]))
    return Record("place", region.slug, fields | extra, curated.source, curated.file)
