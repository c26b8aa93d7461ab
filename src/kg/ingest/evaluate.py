"""Precision and recall of an extraction against curated data or expected answers.

Both sides become sets of comparable tuples per category (events: date, kind, what
it is about, acting body; units: name, opening date; …). Names are compared through
the gold side's names and aliases (label, altLabel), so 과기부 and KOLAS count as the
ministry and the accreditation body the curated data calls by its full name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.build.sources import read_toml
from kg.ingest.model import Extraction, Found
from kg.ingest.names import plain_name

CATEGORIES = ("events", "units", "organizations", "people", "posts", "figures", "places")
NONE = "-"


@dataclass
class Gold:
    """The expected tuples per category, and every name variant → its canonical name."""

    sets: dict[str, set[tuple]] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)

    def name(self, variants: list[str], category: str | None = None) -> str:
        """The canonical name of the first variant the gold side knows (one of
        ``category``'s if it has one: 전라북도 the place, not the government), else the first."""
        within = {t[0] for t in self.sets.get(category or "", set())}
        for variant in variants:
            known = self.names.get(plain_name(variant), [])
            preferred = [k for k in known if k in within] or known
            if preferred:
                return preferred[0]
        return plain_name(variants[0]) if variants else NONE

    def know(self, canonical: str, variants: list[str]) -> str:
        for variant in [canonical, *variants]:
            known = self.names.setdefault(plain_name(variant), [])
            if plain_name(canonical) not in known:
                known.append(plain_name(canonical))
        return plain_name(canonical)


@dataclass(frozen=True)
class Score:
    category: str
    expected: int
    found: int
    correct: int
    missed: tuple
    wrong: tuple

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0


def figure_key(value: Any, unit: str) -> tuple[str, str]:
    number = float(value)
    shown = str(int(number)) if number.is_integer() else str(number)
    return shown, "".join(str(unit).split())


def predicted(extraction: Extraction, gold: Gold) -> dict[str, set[tuple]]:
    """The extraction's tuples, its names mapped to the gold side's canonical names."""

    def name(item: Found | None, category: str | None = None) -> str:
        return gold.name([item.ko, *item.alt_ko], category) if item is not None else NONE

    sets: dict[str, set[tuple]] = {c: set() for c in CATEGORIES}
    for item in extraction.items:
        f = item.fields
        if item.kind == "event":
            kind = f.get("event_kind") or NONE
            kind = "ExhibitionEvent" if kind == "fair" else kind
            actor = name(f.get("actor"), "organizations")
            sets["events"].add((f["date"], kind, name(f.get("about")), actor))
        elif item.kind == "unit":
            sets["units"].add((name(item, "units"), f.get("date", NONE)))
        elif item.kind == "organization":
            sets["organizations"].add((name(item, "organizations"),))
        elif item.kind == "person":
            sets["people"].add((name(item, "people"),))
        elif item.kind == "post":
            sets["posts"].add((name(f["held_by"]), item.ko, name(f["post_in"])))
        elif item.kind == "observation":
            sets["figures"].add(figure_key(f["value"], f["unit_text"]))
        elif item.kind == "place":
            sets["places"].add((name(item, "places"),))
    return sets


def score(extraction: Extraction, gold: Gold) -> list[Score]:
    found = predicted(extraction, gold)
    scores = []
    for category in CATEGORIES:
        want, got = gold.sets.get(category, set()), found[category]
        scores.append(
            Score(
                category,
                len(want),
                len(got),
                len(want & got),
                tuple(sorted(want - got)),
                tuple(sorted(got - want)),
            )  # fmt: skip
        )
    return scores


def expected_gold(path: Path) -> Gold:
    """Expected answers written by hand (tests/fixtures/ingest/*.expected.toml)."""
    data = read_toml(Path(path))
    gold = Gold({c: set() for c in CATEGORIES})
    for table in data.get("organization", []):
        gold.sets["organizations"].add((gold.know(table["name"], table.get("alt", [])),))
    for table in data.get("unit", []):
        name = gold.know(table["name"], table.get("alt", []))
        gold.sets["units"].add((name, table.get("date", NONE)))
    for table in data.get("place", []):
        gold.sets["places"].add((gold.know(table["name"], table.get("alt", [])),))
    for table in data.get("person", []):
        gold.sets["people"].add((gold.know(table["name"], []),))
    for table in data.get("other", []):  # named things the events are about
        gold.know(table["name"], table.get("alt", []))
    for t in data.get("post", []):
        gold.sets["posts"].add((gold.name([t["person"]]), t["title"], gold.name([t["org"]])))
    for t in data.get("event", []):
        about, actor = gold.name([t["about"]]), gold.name([t["actor"]]) if t.get("actor") else NONE
        gold.sets["events"].add((t["date"], t["kind"], about, actor))
    for t in data.get("figure", []):
        gold.sets["figures"].add(figure_key(t["value"], t["unit"]))
    return gold


def to_text(scores: list[Score], title: str) -> str:
    """A small table: expected, found, correct, precision and recall per category."""
    lines = [title, f"  {'category':<14}{'expected':>9}{'found':>7}{'correct':>8}  P      R"]
    for s in scores:
        lines.append(
            f"  {s.category:<14}{s.expected:>9}{s.found:>7}{s.correct:>8}"
            f"  {s.precision:.2f}  {s.recall:.2f}"
        )
    total = [sum(getattr(s, a) for s in scores) for a in ("expected", "found", "correct")]
    p = total[2] / total[1] if total[1] else 1.0
    r = total[2] / total[0] if total[0] else 1.0
    lines.append(f"  {'all':<14}{total[0]:>9}{total[1]:>7}{total[2]:>8}  {p:.2f}  {r:.2f}")
    return "\n".join(lines)
