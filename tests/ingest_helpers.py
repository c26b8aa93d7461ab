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
