"""The review report of a draft: what was found, where (quote and offsets), how sure.

Offsets count code points of the article, end exclusive, as the graph's annotations
do; a quote printed several times shows its first span and how many times it occurs.
"""

from __future__ import annotations

from kg.build.evidence import find_quote
from kg.ingest.draft import not_drafted
from kg.ingest.model import CONFIDENCE, Extraction, Found
from kg.ingest.slugs import proposed_en

TITLES = {
    "organization": "organizations",
    "unit": "units (opened, established or run by the agency)",
    "person": "people",
    "post": "posts",
    "place": "places",
    "legislation": "legislation",
    "project": "programs and projects",
    "observation": "figures",
    "event": "dated events",
}


def review(extraction: Extraction) -> str:
    """The report as text: repeats, timeline, then every item by kind, then what to do."""
    lines = [f"kg ingest: {extraction.path} (source {extraction.source_slug})"]
    lines += _repeats(extraction)
    for kind, title in TITLES.items():
        items = extraction.of(kind)
        if items:
            lines.append(f"{title}: {len(items)}")
            lines += [f"  {_line(item, extraction.text, extraction.agency)}" for item in items]
        elif kind in ("organization", "event"):
            lines.append(f"{title}: none")
    lines += _todo(extraction)
    return "\n".join(lines) + "\n"


def _repeats(extraction: Extraction) -> list[str]:
    if not extraction.repeats:
        return ["repeated text: none"]
    lines = ["repeated text (told once below; every occurrence kept as evidence):"]
    for r in extraction.repeats:
        again, first = f"{r.again}-{r.again + r.count - 1}", f"{r.first}-{r.first + r.count - 1}"
        lines.append(f"  lines {again} repeat lines {first}")
    return lines


def _line(item: Found, text: str, agency: Found | None) -> str:
    where = _where(item, text)
    why_not = not_drafted(item, agency)
    what = _what(item) + (f" (not drafted: {why_not})" if why_not else "")
    return f"{item.confidence:<6} {item.slug:<24} {what}  [{item.why}] {where}"


def _what(item: Found) -> str:
    f = item.fields
    if item.kind == "event":
        actor = f" by {f['actor'].ko}" if f.get("actor") is not None else ""
        about = (
            f" about {f['about'].ref()}" if f.get("about") is not None else " about ? (not drafted)"
        )
        return (
            f"{f['date']} ({f['precision']}) {f.get('event_kind') or '?'}{actor}{about}: {item.ko}"
        )
    if item.kind == "observation":
        about = f["about"].ref() if f.get("about") is not None else "? (not drafted: no subject)"
        return f"{f['value']} {f['unit_text']} = {f['variable_ko']} of {about}"
    if item.kind == "unit" and f.get("date"):
        return f"{item.ko} (since {f['date']})"
    if item.kind == "post":
        return f"{item.ko} of {f['post_in'].ko}, held by {f['held_by'].ko}"
    if item.kind == "person" and f.get("title"):
        return f"{item.ko} ({f['title']})"
    alt = f" (also {', '.join(item.alt_ko)})" if item.alt_ko else ""
    return f"{item.ko}{alt}"


def _where(item: Found, text: str) -> str:
    spans = list(item.fields.get("occurrences", []))
    for quote in item.quotes:
        spans += [(e.start, e.end) for e in find_quote(text, quote)]
    if not spans:
        return "(no quote)"
    start, end = min(spans)
    return f"“{text[start:end]}” @{start}-{end} (x{len(spans)})"


def _todo(extraction: Extraction) -> list[str]:
    counts = {c: sum(1 for i in extraction.items if i.confidence == c) for c in CONFIDENCE}
    unsure = [i for i in extraction.items if i.confidence == "low"]
    proposed = [(i, en) for i in extraction.items if (en := proposed_en(i))]
    empty = len(extraction.items) - len(proposed)
    lines = [
        "to review:",
        "  confidence: " + ", ".join(f"{counts[c]} {c}" for c in CONFIDENCE),
        f'  English labels to write: {empty} records have en = ""',
    ]
    lines += [f"  check (low confidence): {i.slug} {i.ko}" for i in unsure]
    if proposed:
        lines.append("  machine-proposed (Revised Romanization, korean-romanizer): check them")
        lines += [f"    {i.kind} {i.slug}: en = {en!r} for {i.ko}" for i, en in proposed]
    lines += [f"  note: {note}" for note in extraction.notes]
    return lines
