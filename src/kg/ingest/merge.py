"""Merge a reviewed draft into the data: link what we have, keep disagreements as claims.

An entity of the draft whose name, former name or alias (ko, alt_ko) is already a name
of a curated entity of the same kind is not added again: references to it are
rewritten to the curated slug. A timeline event that tells an event we already have
(same kind, same subject, same date) corroborates it (``corroborates = "<slug>"``:
one resource, evidence from both sources); one with another date is kept as a
separate claim with its own source, and ``kg validate`` reports the conflict.

Nothing is written unless the merged data builds; then the article, its metadata and
the records are written atomically to data/sources/ and data/records/<source>.toml.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from kg.build.records import SEGMENT
from kg.build.regions import curated_records
from kg.build.sources import SOURCE_FIELDS, SOURCE_OPTIONAL, read_toml
from kg.core.errors import DraftNotReviewed, InputError, KgError
from kg.core.files import write_atomic
from kg.ingest import gazetteer as gz
from kg.ingest.names import plain_name

LINKED_KINDS = ("organization", "unit", "person", "place", "legislation", "project")
SLUG_REFS = {  # field → kind of the record it names by slug
    "unit_of": "organization", "post_in": "organization", "held_by": "person",
    "parent": "organization", "funders": "organization", "partners": "organization",
    "actor": "organization", "organizer": "organization", "contained_in": "place",
    "jurisdiction": "place", "area_served": "place",
}  # fmt: skip
GENERIC = set(gz.BODY_SUFFIXES) | set(gz.UNIT_SUFFIXES)
HEADER = "# Merged by `kg ingest --merge` from a reviewed draft of source {slug}.\n"


@dataclass
class Merged:
    """What a merge did: files written, entities linked, events corroborated or in conflict."""

    source: str
    files: list[Path] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    corroborated: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    def to_text(self) -> str:
        lines = [f"merged source {self.source}"]
        lines += [f"  linked       {line}" for line in self.linked]
        lines += [f"  renamed      {line}" for line in self.renamed]
        lines += [f"  corroborates {line}" for line in self.corroborated]
        lines += [f"  conflict     {line} (kept as a separate claim)" for line in self.conflicts]
        lines += [f"wrote {path}" for path in self.files]
        if self.files:
            lines.append("next: kg build && kg validate   (then kg query / kg serve to look at it)")
        return "\n".join(lines)


def merge_draft(draft_path: Path, data_dir: Path) -> Merged:
    """Add a reviewed draft (and its article) to ``data_dir``; InputError if it cannot be."""
    draft = read_toml(Path(draft_path))
    if not isinstance(draft.get("document"), list) or not draft["document"]:
        raise InputError(f"{draft_path}: not a draft of `kg ingest` (no [[document]] table)")
    doc = dict(draft["document"][0])
    text = _article(doc, Path(draft_path))
    records_dir, sources_dir = Path(data_dir) / "records", Path(data_dir) / "sources"
    slug = doc["slug"]
    if (records_dir / f"{slug}.toml").exists() or (sources_dir / f"{slug}.toml").exists():
        raise InputError(f"{draft_path}: source {slug} is already in {data_dir}")
    merged = Merged(slug)
    existing = curated_records(records_dir)
    links = link_entities(draft, existing, merged)
    check_reviewed(draft, draft_path, frozenset(links))
    renamed = taken_slugs(draft, existing, links, merged)
    records = rewrite(draft, links, renamed)
    doc["author"] = _rewrite_ref(doc.get("author", ""), links | renamed)
    compare_events(records, text, records_dir, sources_dir, merged)
    files = {
        sources_dir / f"{slug}.txt": text,
        sources_dir / f"{slug}.toml": HEADER.format(slug=slug) + tomli_w.dumps(_meta(doc)),
        records_dir / f"{slug}.toml": HEADER.format(slug=slug) + tomli_w.dumps(records),
    }
    _check_builds(Path(data_dir), files, draft_path)
    try:
        for path, content in files.items():
            merged.files.append(write_atomic(path, content))
    except KgError:
        for path in merged.files:  # all three files or none
            path.unlink(missing_ok=True)
        raise
    return merged


def check_reviewed(draft: dict[str, Any], where: Path, linked: frozenset = frozenset()) -> None:
    """A draft is reviewed when it has its document, an author and no empty English label
    (but on the ``linked`` records, which the data has); every problem is reported at once,
    each with the draft's file and line (:class:`DraftNotReviewed`)."""
    if not isinstance(draft.get("document"), list) or not draft["document"]:
        raise InputError(f"{where}: not a draft of `kg ingest` (no [[document]] table)")
    lines = table_lines(Path(where))
    problems = []
    if not draft["document"][0].get("author"):
        line = lines.get(("document", draft["document"][0].get("slug")), 0)
        problems.append(
            f'{where}:{line}: the document names no author: set author = "person/<slug>"'
        )
    for kind, tables in draft.items():
        for table in tables if isinstance(tables, list) else []:
            for name in ("en", "variable_en"):
                linked_one = (kind, table.get("slug")) in linked
                if name in table and not str(table[name]).strip() and not linked_one:
                    slug = table.get("slug")
                    line = lines.get((kind, slug), 0)
                    problems.append(f"{where}:{line}: {kind} {slug!r} has no {name}")
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        raise DraftNotReviewed(
            f"{where}: {count} to fix before merging (review the draft)", problems
        )


def table_lines(path: Path) -> dict[tuple[str, Any], int]:
    """(kind, slug) → the line of the draft that gives that table's slug."""
    found: dict[tuple[str, Any], int] = {}
    kind = ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        header = line.strip()
        if header.startswith("[[") and header.endswith("]]"):
            kind = header[2:-2].strip()
        elif header.startswith("slug") and "=" in header:
            found.setdefault((kind, header.split("=", 1)[1].strip().strip('"')), number)
    return found


def _article(doc: dict[str, Any], draft_path: Path) -> str:
    for path in (Path(doc["article"]), draft_path.parent / doc["article"]):
        if path.is_file():
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest() != doc["sha256"]:
                raise InputError(f"{path}: the article changed since it was ingested")
            return data.decode("utf-8")
    raise InputError(f"{draft_path}: the article {doc['article']!r} is not found")


def _names(table: dict[str, Any]) -> set[str]:
    names = {plain_name(n) for n in [table.get("ko", ""), *table.get("alt_ko", [])] if n}
    return {n for n in names if n not in GENERIC}


def link_entities(draft: dict[str, Any], existing, merged: Merged) -> dict[tuple, tuple]:
    """(kind, draft slug) → (kind, curated slug) for every entity the data already has."""
    links: dict[tuple, tuple] = {}
    for kind in LINKED_KINDS:
        known = {name: r for r in existing.of(kind) for name in _names(r.fields)}
        quoted = {r.slug: r for r in existing.of(kind) if r.source}  # not reference data only
        for table in draft.get(kind, []):
            match = next((known[n] for n in sorted(_names(table)) if n in known), None)
            match = quoted.get(table["slug"], match)  # a 시·도, named by its slug
            if match is not None:
                links[(kind, table["slug"])] = (kind, match.slug)
                name = table.get("ko", table["slug"])
                merged.linked.append(f"{kind} {name} → {SEGMENT[kind]}/{match.slug}")
    return links


def _rewrite_ref(value: str, links: dict[tuple, tuple]) -> str:
    segment, _, slug = value.partition("/")
    kind = {seg: k for k, seg in SEGMENT.items()}.get(segment)
    target = links.get((kind, slug))
    return f"{SEGMENT[target[0]]}/{target[1]}" if target else value


def taken_slugs(draft: dict[str, Any], existing, links: dict, merged: Merged) -> dict:
    """(kind, slug) → (kind, slug-<source>) for a new record whose slug the data already uses."""
    renamed = {}
    for kind, tables in draft.items():
        used = {r.slug for r in existing.of(kind)} if kind not in ("source", "document") else ()
        for table in tables if isinstance(tables, list) else []:
            key = (kind, table.get("slug"))
            if key not in links and key[1] in used:
                renamed[key] = (kind, f"{key[1]}-{draft['source'][:8]}")
                merged.renamed.append(f"{kind} {key[1]} → {renamed[key][1]} (the slug is taken)")
    return renamed


def rewrite(
    draft: dict[str, Any], links: dict[tuple, tuple], renamed: dict[tuple, tuple] | None = None
) -> dict[str, Any]:
    """The draft's records without linked entities, references pointing to the curated ones,
    new records whose slug is taken renamed (``renamed``)."""
    renamed = renamed or {}
    records: dict[str, Any] = {"source": draft["source"]}
    for kind, tables in draft.items():
        if kind in ("source", "document"):
            continue
        kept = []
        for table in tables:
            if (kind, table["slug"]) in links:
                continue
            table = dict(table, slug=renamed.get((kind, table["slug"]), (kind, table["slug"]))[1])
            for name, target_kind in SLUG_REFS.items():
                if name in table:
                    table[name] = _slug_ref(table[name], target_kind, links | renamed)
            if "about" in table:
                table["about"] = _rewrite_ref(table["about"], links | renamed)
            kept.append(table)
        if kept:
            records[kind] = kept
    return records


def _slug_ref(value: Any, kind: str, links: dict[tuple, tuple]) -> Any:
    if isinstance(value, list):
        return [_slug_ref(v, kind, links) for v in value]
    return links.get((kind, value), (kind, value))[1]


def compare_events(records, text, records_dir, sources_dir, merged: Merged) -> None:
    """Mark timeline events we already have as corroborating; name the disagreeing ones."""
    from kg.ingest.events_index import draft_event_facts, graph_events

    known = graph_events(records_dir, sources_dir)
    for table, about, kind, date in draft_event_facts(records, text):
        same = [e for e in known if e.about == about and e.kind == kind]
        agreeing = [e for e in same if e.date == date]
        if agreeing:
            table["corroborates"] = agreeing[0].slug
            merged.corroborated.append(f"event/{agreeing[0].slug} ({kind} on {date})")
        elif same:
            others = ", ".join(f"{e.date} (event/{e.slug})" for e in same)
            merged.conflicts.append(f"{kind} of {about} on {date}; the graph has {others}")


def _meta(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k in SOURCE_FIELDS | SOURCE_OPTIONAL}


def _check_builds(data_dir: Path, files: dict[Path, str], draft_path: Path) -> None:
    """Build the merged data in a temporary copy; nothing is written if it fails."""
    from kg.build.assemble import build_parts

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "data"
        for part in ("records", "sources"):
            shutil.copytree(data_dir / part, copy / part)
        for path, content in files.items():
            write_atomic(copy / path.parent.name / path.name, content)
        try:
            build_parts(copy / "records", copy / "sources")
        except KgError as e:  # name the user's files, never the temporary copy
            message = str(e)
            for path in files:
                mine = draft_path if path.parent.name == "records" else path
                message = message.replace(str(copy / path.parent.name / path.name), str(mine))
            message = message.replace(str(copy), str(data_dir))
            raise InputError(f"{draft_path}: the merged data does not build: {message}") from e
