"""Article → :class:`Extraction`: the agencies, their dated history, units, names in the text.

A 연혁 timeline the graph's own parser reads (:mod:`kg.build.timeline`, every verb known)
gives events bound to their line; every other dated happening — a timeline of another
shape, a table, a date in prose (:mod:`kg.ingest.dates`) — gives an event of its own. What
an event is about becomes a unit, an agency, a zone or an ordinance; the acting body is
"(정보통신부)", "…부로부터" or a body named first. Nothing readable is refused: what the
rules cannot read becomes a note of the review with its line.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from kg.build.timeline import DEFAULT_VERBS, TimelineEntry, parse_timeline
from kg.core.errors import InputError, TimelineError
from kg.core.files import read_text
from kg.ingest.agencies import find_agencies, nearest
from kg.ingest.assemble import Assembly
from kg.ingest.clauses import (
    _unit_topic,
    agreement,
    clause_actor,
    each_agency,
    funder,
    governs,
    listed_agencies,
    merger,
    opened_name,
    sentence_topic,
    short_after,
    what_was_named,
)
from kg.ingest.datelines import find_verb
from kg.ingest.dates import Dated, dated
from kg.ingest.footnotes import marked_date
from kg.ingest.model import Extraction, Found, Repeat
from kg.ingest.names import acting_government
from kg.ingest.subjects import (
    ACTING_VERBS,
    body_or_acronym,
    subject,
)
from kg.ingest.tables import table_foundings

# What is held, not opened: "기념식을 열고" is a ceremony of the agency (a HistoryEvent).
CEREMONY = re.compile(
    r"(?:[가-힣]{1,8}(?<!개소|개관|개원|준공|개장)(?:식|회)|행사|포럼|세미나|축제|콘퍼런스|컨퍼런스|페스티벌)"
    r"[’'”\"」』]?(?:을|를)?\s*"
    r"(?:열|개최|가졌|가진|진행)"  # 착수 보고회를 열었다 (but 센터 개소식을 열었다: an opening)
)


# A ceremony for a building begun (착공식, 기공식, 상량식) is about the building it names.
BUILDING_CEREMONY = re.compile(
    r"[‘'“\"「『](?P<name>[^‘’'“”\"「」『』]{2,40})[’'”\"」』]\s*(?:착공|기공|상량)식"
)


def read_article(path: Path) -> str:
    """The article's text; an empty, binary or non-UTF-8 file is an InputError naming it."""
    text = read_text(Path(path))
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    if "\x00" in text or controls > len(text) // 100:
        raise InputError(f"{path}: not a text file (binary data)")
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


def graph_timeline(text: str, verbs: dict[str, list[str]]) -> list[TimelineEntry]:
    """The 연혁 lines the graph's parser binds (all or none): every verb known, every
    bracketed actor a body; else [] and every dated line becomes a free event."""
    try:
        entries = parse_timeline(text, tuple(sorted(set(DEFAULT_VERBS) | set(verbs))))
    except TimelineError:
        return []
    for entry in entries:
        actor = entry.actor_text
        if entry.verb not in verbs or (actor and not body_or_acronym(actor)):
            return []
    return entries


def extract(text: str, path: str = "", verbs: dict[str, list[str]] | None = None) -> Extraction:
    """Everything the rules find in ``text``, each fact once, each with its quotes."""
    from kg.ingest.vocabulary import event_kinds

    verbs = verbs if verbs is not None else event_kinds()
    entries = graph_timeline(text, verbs)
    agencies = find_agencies(text, entries)
    assembly = Assembly(text, agencies)
    if not agencies:
        assembly.notes.append("no organization found that the article profiles: add it by hand")
    for entry in entries:
        timeline_event(assembly, entry, verbs)
    bound = {o.line_number for e in entries for o in e.occurrences}
    for item in dated(text, assembly.notes):
        if not (item.timeline and item.line in bound):
            dated_event(assembly, item, verbs)
    table_foundings(assembly)
    assembly.add_text_names()
    assembly.add_regions()
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Extraction(
        path, text, sha[:16], sha, repeated_lines(text), assembly.items(), assembly.notes
    )


def timeline_event(assembly: Assembly, entry: TimelineEntry, verbs: dict[str, list[str]]) -> None:
    """One 연혁 line the graph's parser reads → an event bound to that line."""
    actor, rest = acting_body(entry)
    kinds = verbs.get(entry.verb or "", [])
    at = entry.occurrences[0].start
    assembly.focus(nearest(assembly.text, assembly.agencies, at))
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
            "at": at,
            "occurrences": [(o.start, o.end) for o in entry.occurrences],
        },
    )
    if actor:
        government = acting_government(actor, ("",))
        event.fields["actor"] = (
            assembly.government(government)
            if government is not None
            else assembly.body(actor, "named as the acting body in the line")
        )
    elif entry.verb == "설립" and (funded := funder(assembly, entry.subject)) is not None:
        event.fields["actor"] = funded  # "나래시 출연으로 (재)○○센터 설립"
    _opened(assembly.add(event))


def _opened(event: Found) -> None:
    about, kind = event.fields.get("about"), event.fields.get("event_kind")
    if about is not None and about.kind == "unit" and kind in DATED_KINDS:
        about.fields.setdefault("date", event.fields["date"])


# A merger that gives the agency its name: also a renaming.
NEW_NAME = re.compile(r"(?:지금|현재)의\s*(?:이름|명칭)|(?:으로|로)\s*(?:새롭게|새로)?\s*출범")
UNKNOWN_VERB = "set kind, or add the verb to def:verb in ontology/kg.ttl"
DATED_KINDS = {"FoundingEvent", "EstablishmentEvent", "OpeningEvent"}
SAME_HAPPENING = DATED_KINDS | {"MergerEvent"}  # 통합 출범 and 출범식: one launch


def dated_event(assembly: Assembly, item: Dated, verbs: dict[str, list[str]]) -> None:
    """A dated line of another shape, or a date in prose with its verb → an event."""
    text = assembly.text
    verb, v_start, v_end = find_verb(item.text, last=item.timeline)
    assembly.focus(nearest(text, assembly.agencies, item.verb_at if verb else item.start))
    head, tail = (item.text[:v_start], item.text[v_end:]) if verb else (item.text, "")
    actor, rest = subject(assembly, verb, head, tail, item.line)
    actor, permitted = clause_actor(assembly, item, verb, head, tail, actor)
    rest = rest or what_was_named(item, verb, tail, text)
    rest = opened_name(assembly, verb, head) or rest  # "'○○ 라운지'가 …에 문을 열었다"
    rest = (verb == "이전" and _unit_topic(item.before, True, text)) or rest  # 제작소는 … 옮겼다
    kinds = verbs.get(verb or "", [])
    entry = TimelineEntry(item.date, item.precision, item.text, rest, verb, None)
    ceremony = CEREMONY.search(item.text) is not None  # 기념식을 열고: the agency held it
    about = assembly.agency if ceremony else assembly.about(entry, rest, kinds)
    built = BUILDING_CEREMONY.search(item.text) if ceremony else None
    if built:  # "'○○센터' 착공식을 열었다": about the building begun, not yet a unit
        about = assembly.named("project", built["name"], "a building begun", "medium")
    about = agreement(assembly, item.text[:v_end]) if verb == "협약" else about
    if not item.timeline and about is not None and about is assembly.agency:  # 센터는 2019년 …
        partner = re.sub(r"\S+(?:과|와)(?=\s|$)", "", rest) if verb == "협약" else rest
        topic = sentence_topic(assembly, item, partner)  # not the partner of an agreement
        about = short_after(assembly, tail, item.start) or topic or about
    funded = verb == "개소" and governs(actor) and "출연" in head  # 시가 출연해 문을 연
    if about is not None and about.kind == "unit" and (verb == "설립" or funded) and governs(actor):
        about.kind = "organization"  # 원주시가 세운 ○○지원센터: a body, not a unit
        about.fields.setdefault("kind", "government")
    kind = "HistoryEvent" if ceremony or permitted else pick_kind(kinds, about) or "HistoryEvent"
    kind = "FoundingEvent" if funded and kind == "OpeningEvent" else kind
    merged = merger(assembly, item.before + head, verb, about)  # A와 B를 통합한 ○○진흥원이 출범
    kind = "MergerEvent" if merged else kind
    quote = text[item.start : item.end].strip()
    if item.again and _same_day(assembly, item.date, quote):
        return
    if _told_already(assembly, kind, about, item.date, quote, item.precision):
        return
    event = Found(
        "event",
        item.text if item.timeline else (head + (verb or "")).strip() or quote,
        "high" if verb and about is not None and not item.relative else "medium",
        f"{'dated line' if item.timeline else 'date in prose'}, verb {verb or '?'}",
        [quote, *assembly.anchor_quotes(item, quote)],
        {"date": item.date, "precision": item.precision, "event_kind": kind, "verb": verb,
         "about": about, "at": item.start, "line": quote},
    )  # fmt: skip
    if actor is not None:
        event.fields["actor"] = actor
    if verb is None:
        assembly.notes.append(f"line {item.line}: no known event verb in {item.text!r}: "
                              f"drafted as a generic HistoryEvent ({UNKNOWN_VERB})")  # fmt: skip
    noted = marked_date(text, item.text)  # "…지정하였다.³⁾" and "3) 고시(2023. 1. 9.)"
    if noted and noted[0].startswith(item.date) and len(noted[0]) > len(item.date):
        _more_precise(event, about, *noted)
    _opened(assembly.add(event))
    each_agency(assembly, event, item.before + head)
    listed_agencies(assembly, event, head)
    if kind == "MergerEvent" and (merged or NEW_NAME.search(item.text)):  # …으로 새롭게 출범
        renamed = Found("event", event.ko, event.confidence, "a merger that gives the name",
                        list(event.quotes), {**event.fields, "event_kind": "RenamingEvent",
                                             "verb": "명칭변경"})  # fmt: skip
        assembly.add(renamed)


def _same_day(assembly: Assembly, date: str, quote: str) -> bool:
    """ "이날 개소식에는 …": more about an event of that day, told already; its quote."""
    for event in assembly.of("event"):
        if event.fields.get("date") == date:
            if quote not in event.quotes:
                event.quotes.append(quote)
            return True
    return False


def _more_precise(event: Found, about: Found | None, date: str, precision: str) -> None:
    if about is not None and about.fields.get("date") == event.fields["date"]:
        about.fields["date"] = date
    event.fields["date"], event.fields["precision"] = date, precision


def _told_already(
    assembly: Assembly, kind: str, about: Found | None, date: str, quote: str, precision: str
) -> bool:
    """A prose sentence telling an event the timeline has: one event, the sentence a quote."""
    for event in assembly.of("event"):
        f = event.fields
        same_date = f.get("date", "").startswith(date) or date.startswith(f.get("date", "-"))
        same_kind = f.get("event_kind") == kind or {kind, f.get("event_kind")} <= SAME_HAPPENING
        if same_kind and f.get("about") is about and same_date:
            if "timeline" not in f and quote not in event.quotes:
                event.quotes.append(quote)
            if len(date) > len(f["date"]):  # "2007년 가을" in prose, "2007년 10월" in the list
                _more_precise(event, about, date, precision)
            return True
    return False


def acting_body(entry: TimelineEntry) -> tuple[str | None, str]:
    """The acting body and the rest of the subject: "(정보통신부)" or a leading body name."""
    subject = entry.subject
    actor = entry.actor_text or ""
    if body_or_acronym(actor):
        return entry.actor_text, subject
    words = [w.strip(",") for w in subject.split() if w.strip(",")]  # "산업통상자원부, …"
    acting = body_or_acronym(words[0]) if words else False
    acting = acting or bool(words) and acting_government(words[0], ("",)) is not None
    if entry.verb in ACTING_VERBS and len(words) > 1 and acting:  # 경상북도 '…' 선정
        return words[0], " ".join(words[1:])
    return None, subject


def pick_kind(kinds: list[str], about: Found | None) -> str | None:
    """설립 names a founding for an organization and an establishment for a unit."""
    if kinds == ["OpeningEvent"] and about is not None and about.fields.get("agency") is True:
        return "FoundingEvent"  # "문을 연 진흥원은": the agency opened is the agency founded
    if len(kinds) <= 1:
        return kinds[0] if kinds else None
    wanted = "FoundingEvent" if about is not None and about.kind == "organization" else None
    wanted = wanted or "EstablishmentEvent"
    return wanted if wanted in kinds else kinds[0]
