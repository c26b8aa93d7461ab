"""Readable slugs and proposed English labels, by Revised Romanization (korean-romanizer).

A person 김하늘 gets the slug ``gim-haneul`` and the proposed label "Gim Haneul"; a place
or body its romanized name (``hanbit-ict-jinheungwon``); a 시·도 the slug every graph
uses (``jeonbuk``); an event its date and kind (``2015-07-01-opening``). Proposals are
machine-made: the review lists them as such.
"""

from __future__ import annotations

import re

from kg.ingest import gazetteer as gz
from kg.ingest.model import Extraction, Found

EVENT_WORDS = {
    "FoundingEvent": "founding", "EstablishmentEvent": "establishment",
    "OpeningEvent": "opening", "RenamingEvent": "renaming", "DesignationEvent": "designation",
    "SelectionEvent": "selection", "RegistrationEvent": "registration",
    "AccreditationEvent": "accreditation", "EnactmentEvent": "enactment",
    "MergerEvent": "merger", "RelocationEvent": "relocation", "HistoryEvent": "event",
    "fair": "fair",
}  # fmt: skip
LONGEST = 48


def romanize(text: str) -> str:
    """Hangul runs in Revised Romanization; other letters and digits kept."""
    from korean_romanizer.romanizer import Romanizer  # type: ignore[import-untyped]

    parts = re.findall(r"[가-힣]+|[A-Za-z0-9]+", text)
    return " ".join(Romanizer(p).romanize() if re.match(r"[가-힣]", p) else p for p in parts)


def person_parts(name: str) -> tuple[str, str]:
    """(family name, given name): a two-syllable family name when the list has it."""
    cut = 2 if len(name) >= 3 and name[:2] in gz.SURNAMES else 1
    return name[:cut], name[cut:]


def proposed_en(item: Found) -> str | None:
    """An English label proposed for a person or a place, else None."""
    if item.kind == "person":
        family, given = person_parts(item.ko)
        return f"{romanize(family).title()} {romanize(given).capitalize()}"
    if item.kind == "place" and item.ko not in gz.REGION_SLUGS:  # 시·도: the graph has them
        for suffix, english in PLACE_SUFFIXES.items():
            if item.ko.endswith(suffix) and len(item.ko) > len(suffix) + 1:
                return romanize(item.ko[: -len(suffix)]).title() + english
        return romanize(item.ko).title()
    return None


PLACE_SUFFIXES = {"시": "", "구": "-gu", "군": "-gun", "특구": " Special Zone"}


def slug_text(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", romanize(text).lower()).strip("-")
    return slug[:LONGEST].rsplit("-", 1)[0] if len(slug) > LONGEST else slug


def base_slug(item: Found) -> str:
    f = item.fields
    if item.kind == "place" and item.ko in gz.REGION_SLUGS:
        return gz.REGION_SLUGS[item.ko]
    if item.kind == "person":
        return "-".join(slug_text(p) for p in person_parts(item.ko) if p)
    if item.kind == "event":
        return f"{f['date']}-{EVENT_WORDS.get(f.get('event_kind') or '', 'event')}"
    if item.kind == "post":
        return f"{f['held_by'].slug}-{slug_text(item.ko)}"
    if item.kind == "observation":
        return f"{slug_text(str(f['variable_ko']))}-{f['value']}".replace(".", "-")
    return slug_text(item.ko) or item.kind


def assign_slugs(extraction: Extraction) -> None:
    """Readable, unique slugs for every item (posts after the people they are of)."""
    used: set[tuple[str, str]] = set()
    for item in sorted(extraction.items, key=lambda i: i.kind in ("post", "observation")):
        base = base_slug(item) or item.kind
        slug, n = base, 2
        while (item.kind, slug) in used:
            slug, n = f"{base}-{n}", n + 1
        used.add((item.kind, slug))
        item.slug = slug
