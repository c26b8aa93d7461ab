"""What ingestion finds: items with their evidence, and the article they come from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CONFIDENCE = ("high", "medium", "low")


@dataclass
class Found:
    """One item found in the article: a name, an event, a figure.

    ``kind`` is a record kind of :mod:`kg.build.records` (organization, unit, person, post,
    place, legislation, project, observation, event); ``quotes`` are exact spans of the
    text that ground it; ``fields`` hold what the record needs beyond its names.
    """

    kind: str
    ko: str
    confidence: str
    why: str
    quotes: list[str]
    fields: dict[str, Any] = field(default_factory=dict)
    slug: str = ""
    alt_ko: list[str] = field(default_factory=list)

    def ref(self) -> str:
        """``segment/slug``, as records refer to it (``unit/x``, ``org/y``)."""
        from kg.build.records import SEGMENT

        return f"{SEGMENT[self.kind]}/{self.slug}"


@dataclass(frozen=True)
class Repeat:
    """A run of lines printed again: ``count`` lines from ``again`` repeat ``first``."""

    first: int
    again: int
    count: int


@dataclass
class Extraction:
    """Everything found in one article, each fact once."""

    path: str
    text: str
    source_slug: str
    sha256: str
    repeats: list[Repeat]
    items: list[Found]
    notes: list[str] = field(default_factory=list)

    def of(self, kind: str) -> list[Found]:
        return [item for item in self.items if item.kind == kind]

    @property
    def agency(self) -> Found | None:
        return next((i for i in self.items if i.fields.get("agency")), None)
