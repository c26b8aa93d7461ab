"""Helpers of the ingest tests: the fixtures folder, and a reviewer that fills a draft."""

from __future__ import annotations

from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PROFILES = [
    "suwon-digital-agency",
    "haeundae-ict-agency",
    "gwangju-culture-tech-agency",
    "daejeon-info-agency",
]


def review_draft(draft: dict[str, Any]) -> dict[str, Any]:
    """What a reviewer does before merging: write every empty English label."""
    for tables in draft.values():
        for table in tables if isinstance(tables, list) else []:
            for name in ("en", "variable_en"):
                if name in table and not table[name]:
                    table[name] = f"Reviewed {table['slug']}"
    return draft


def event_tuples(text: str) -> list[tuple[str, str, str, str]]:
    """The events extracted from ``text`` as (date, kind, about, actor), "-" where none."""
    from kg.ingest.extract import extract

    return [
        (
            e.fields["date"],
            e.fields["event_kind"],
            e.fields["about"].ko if e.fields.get("about") else "-",
            e.fields["actor"].ko if "actor" in e.fields else "-",
        )
        for e in extract(text, "x.txt").of("event")
    ]
