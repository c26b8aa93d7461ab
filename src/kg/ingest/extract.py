"""Article → :class:`Extraction`: the timeline, the agency, its units, and names in the text.

The 연혁 timeline (:mod:`kg.build.timeline`) is the backbone: each line is one dated event
whose kind comes from its verb and whose acting body is the trailing "(정보통신부)" or a
body named first ("중소벤처기업부 액셀러레이터 등록"). What an event is about becomes a
unit, the agency, a zone or an ordinance. The running text adds bodies, people,
places and figures (:mod:`kg.ingest.names`, :mod:`kg.ingest.figures`).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from kg.build.timeline import DEFAULT_VERBS, TimelineEntry, parse_timeline
from kg.core.errors import InputError, TimelineError
from kg.core.files import read_text
from kg.ingest import gazetteer as gz
from kg.ingest.assemble import Assembly
from kg.ingest.model import Extraction, Found, Repeat

ALIAS = re.compile(r"(?P<name>(?:\((?:재|사)\))?[\w·]+)\(이하\s*(?P<alias>[^)\s]+)\)")
ACTING_VERBS = {"지정", "선정", "등록", "인정", "인증"}
RENAMING_VERBS = {"명칭개정", "명칭변경"}


def read_article(path: Path) -> str:
    """The article's text; an empty or non-UTF-8 file is an InputError naming it."""
    text = read_text(Path(path))
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    return text


def repeated_lines(text: str, shortest: int = 15) -> list[Repeat]:
    """Runs of lines (of ``shortest`` characters or more) printed a second time."""
    seen: dict[str, int] = {}
    pairs: list[tuple[int, int]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        key = line.strip()
        if len(key) < shortest:
            continue
        if key in seen:
            pairs.append((seen[key], number))
        else:
            seen[key] = number
    runs: list[Repeat] = []
    for first, again in pairs:
        last = runs[-1] if runs else None
        if last and again - (last.again + last.count) <= 1 and first > last.first:
            runs[-1] = Repeat(last.first, last.again, again - last.again + 1)
        else:
            runs.append(Repeat(first, again, 1))
    return runs


def extract(text: str, path: str = "", verbs: dict[str, list[str]] | None = None) -> Extraction:
    """Everything the rules find in ``text``, each fact once, each with its quotes."""
    from kg.ingest.vocabulary import event_kinds

    verbs = verbs if verbs is not None else event_kinds()
    try:
        entries = parse_timeline(text, tuple(sorted(set(DEFAULT_VERBS) | set(verbs))))
    except TimelineError as e:
        raise TimelineError(f"{path or 'the article'}: {e}") from e
    agency = find_agency(text, entries, path)
    assembly = Assembly(text, agency)
    for entry in entries:
        timeline_event(assembly, entry, verbs)
    assembly.add_text_names()
    data = text.encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    return Extraction(
        path, text, sha[:16], sha, repeated_lines(text), assembly.items(), assembly.notes
    )


def find_agency(text: str, entries: list[TimelineEntry], path: str = "") -> Found:
    """The organization the article profiles: "X(이하 Y)", a "(재)X", or the timeline's."""
    from kg.ingest.names import body_suffix, plain_name, tokens

    alias = ALIAS.search(text)
    names = [alias.group("name")] if alias and body_suffix(alias.group("name")) else []
    names += [t.stem for t in tokens(text) if t.stem.startswith(("(재)", "(사)"))]
    names += [e.subject for e in entries if e.verb in gz.AGENCY_VERBS and body_suffix(e.subject)]
    names = [n for n in names if body_suffix(n) == "body"]
    if not names:
        raise InputError(f"{path}: no organization found that the article profiles")
    renamed = [e.subject for e in entries if e.verb in RENAMING_VERBS and body_suffix(e.subject)]
    current = renamed[-1] if renamed else names[0]
    agency = Found(
        "organization",
        plain_name(current),
        "high",
        "the body the article profiles",
        [current],
        {"agency": True, "kind": "agency"},
    )
    for marker, form in gz.LEGAL_FORMS.items():
        if any(n.startswith(marker) for n in names):
            agency.fields["legal_form_ko"] = form
    for name in [current, *names, *([alias.group("alias")] if alias else [])]:
        for variant in (name, plain_name(name)):
            if variant != agency.ko and variant not in agency.alt_ko:
                agency.alt_ko.append(variant)
    if alias:
        agency.quotes.append(alias.group(0))
    return agency


def timeline_event(assembly: Assembly, entry: TimelineEntry, verbs: dict[str, list[str]]) -> None:
    """One timeline line → an event, and the unit, zone or ordinance it is about."""
    actor, rest = acting_body(entry)
    kinds = verbs.get(entry.verb or "", [])
    about = assembly.about(entry, rest, kinds)
    kind = pick_kind(kinds, about)
    event = Found(
        "event",
        entry.text,
        "high" if kind and about else "low",
        f"timeline line, verb {entry.verb or '?'}",
        [],
        {
            "timeline": entry.text,
            "date": entry.date,
            "precision": entry.precision,
            "event_kind": kind,
            "verb": entry.verb,
            "about": about,
            "line": entry.line,
            "occurrences": [(o.start, o.end) for o in entry.occurrences],
        },
    )
    if actor:
        event.fields["actor"] = assembly.body(actor, "named as the acting body in the line")
    assembly.add(event)
    if kind is None:
        where = "def:verb in ontology/kg.ttl"
        assembly.notes.append(f"{entry.line!r}: its verb names no event kind ({where})")
    if about is not None and about.kind == "unit" and kind in DATED_KINDS:
        about.fields.setdefault("date", entry.date)


DATED_KINDS = {"FoundingEvent", "EstablishmentEvent", "OpeningEvent"}


def acting_body(entry: TimelineEntry) -> tuple[str | None, str]:
    """The acting body and the rest of the subject: "(정보통신부)" or a leading body name."""
    from kg.ingest.names import body_suffix

    subject = entry.subject
    actor = entry.actor_text or ""
    if body_suffix(actor) == "body" or re.fullmatch(r"[A-Z]{2,8}", actor):
        return entry.actor_text, subject
    words = subject.split()
    if entry.verb in ACTING_VERBS and len(words) > 1:
        first = words[0]
        if body_suffix(first) == "body" or re.fullmatch(r"[A-Z]{2,8}", first):
            return first, " ".join(words[1:])
    return None, subject


def pick_kind(kinds: list[str], about: Found | None) -> str | None:
    """설립 names a founding for an organization and an establishment for a unit."""
    if len(kinds) <= 1:
        return kinds[0] if kinds else None
    wanted = "FoundingEvent" if about is not None and about.kind == "organization" else None
    wanted = wanted or "EstablishmentEvent"
    return wanted if wanted in kinds else kinds[0]
