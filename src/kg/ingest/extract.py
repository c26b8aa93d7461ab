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
from kg.ingest.dates import Dated, dated, find_verb
from kg.ingest.model import Extraction, Found, Repeat

# What is held, not opened: "기념식을 열고" is a ceremony of the agency (a HistoryEvent).
CEREMONY = re.compile(
    r"(?:기념식|선포식|협약식|개소식|개관식|발대식|출범식|행사|포럼|설명회|세미나|축제|전시회"
    r"|박람회|공유회|간담회|토론회|시상식)(?:을|를)?\s*(?:열|개최|가졌|가진|진행)"
)
ACRONYM = re.compile(r"\([A-Z][A-Za-z]{1,9}\)")
# How an article names the agency it is about without its name.
SELF = {"진흥원", "재단", "기관", "본원", "당원"}
ACTING_VERBS = {"지정", "선정", "등록", "인정", "인증"}
# Verbs whose "…으로" names a role or a new name (거점으로 지정), not a means (출연으로 문을 연).
MEANS_KEPT = ACTING_VERBS | {"명칭개정", "명칭변경", "이전", "통합"}
RENAMING = {"명칭개정", "명칭변경"}
FROM_BODY = re.compile(r"(?P<body>[\w·]+?)(?:으로부터|로부터|에서|이|가)\s")
TRAILING = re.compile(r"^\s*\((?P<inside>[^()]+)\)")
PARTICLE_END = re.compile(r"(?:으로|로|을|를|이|가|은|는|에|의|과|와)?\s*[,.]?\s*$")
HEAD_NOISE = re.compile(
    r"^(?:(?:지난|올해|지난해|이어|또|또한|이후|그리고|함께|새로|처음|봄|여름|가을|겨울|초|중순|말|초순|하순"
    r"|상반기|하반기|연초|연말)(?:\s+|$))+"  # "2007년 가을 문을 연": a season is no name
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
    from kg.ingest.names import body_suffix

    try:
        entries = parse_timeline(text, tuple(sorted(set(DEFAULT_VERBS) | set(verbs))))
    except TimelineError:
        return []
    for entry in entries:
        actor = entry.actor_text
        if entry.verb not in verbs or (actor and not _body_or_acronym(actor, body_suffix)):
            return []
    return entries


def _body_or_acronym(word: str, body_suffix) -> bool:
    return body_suffix(word) == "body" or re.fullmatch(r"[A-Z]{2,8}", word) is not None


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
        event.fields["actor"] = assembly.body(actor, "named as the acting body in the line")
    _opened(assembly.add(event))


def _opened(event: Found) -> None:
    about, kind = event.fields.get("about"), event.fields.get("event_kind")
    if about is not None and about.kind == "unit" and kind in DATED_KINDS:
        about.fields.setdefault("date", event.fields["date"])


DATED_KINDS = {"FoundingEvent", "EstablishmentEvent", "OpeningEvent"}


def dated_event(assembly: Assembly, item: Dated, verbs: dict[str, list[str]]) -> None:
    """A dated line of another shape, or a date in prose with its verb → an event."""
    text = assembly.text
    verb, v_start, v_end = find_verb(item.text, last=item.timeline)
    assembly.focus(nearest(text, assembly.agencies, item.verb_at if verb else item.start))
    head, tail = (item.text[:v_start], item.text[v_end:]) if verb else (item.text, "")
    actor, rest = _subject(assembly, verb, head, tail, item.line)
    if not rest and not item.timeline:  # "문을 연 ○○센터는": the name after the verb
        after = re.match(r"[가-힣]{0,3}\s+(?P<name>[\w·]+)", tail)
        rest = _stem(after.group("name")) if after else ""
        rest = rest if _named(rest) else ""
    kinds = verbs.get(verb or "", [])
    entry = TimelineEntry(item.date, item.precision, item.text, rest, verb, None)
    ceremony = CEREMONY.search(item.text) is not None  # 기념식을 열고: the agency held it
    about = assembly.agency if ceremony else assembly.about(entry, rest, kinds)
    kind = "HistoryEvent" if ceremony else pick_kind(kinds, about) or "HistoryEvent"
    quote = text[item.start : item.end].strip()
    if _told_already(assembly, kind, about, item.date, quote, item.precision):
        return
    event = Found(
        "event",
        item.text if item.timeline else (head + (verb or "")).strip() or quote,
        "high" if verb and about is not None and not item.relative else "medium",
        f"{'dated line' if item.timeline else 'date in prose'}, verb {verb or '?'}",
        [quote, *assembly.date_line_quotes(item.relative)],
        {"date": item.date, "precision": item.precision, "event_kind": kind, "verb": verb,
         "about": about, "at": item.start, "line": quote},
    )  # fmt: skip
    if actor is not None:
        event.fields["actor"] = actor
    if verb is None:
        assembly.notes.append(
            f"line {item.line}: no known event verb in {item.text!r}: drafted as a generic "
            "HistoryEvent (set kind, or add the verb to def:verb in ontology/kg.ttl)"
        )
    _opened(assembly.add(event))


def _subject(
    assembly: Assembly, verb: str | None, head: str, tail: str, line: int
) -> tuple[Found | None, str]:
    """(acting body, what the event is about) from the words before the verb, without
    places and locatives ("청주 오송에"), the actor or the particles."""
    from kg.ingest.names import _place, body_suffix

    head = ACRONYM.sub("", head)  # 한국인터넷진흥원(KISA)으로부터: the body, not its acronym
    actor, head = _actor(assembly, head, tail, line, verb)
    head = re.sub(r"^(?:에는|에도|에|부터|까지|경|께)(?=\s)", "", head.strip())
    words = [w.strip(",") for w in head.split() if w.strip(",")]
    if actor is None and verb in ACTING_VERBS and words and _government(words[0]):
        actor = assembly.body(words[0], "the body that grants it")  # 과기정통부 인증 취득
        words = words[1:]
    kept: list[str] = []
    for i, word in enumerate(words):
        bare = _stem(word)
        place = _place(word) or _place(bare)
        if body_suffix(bare) is None and (place or word.endswith(("에", "에서"))):
            if _name_prefix(word, words[i + 1 :]):
                kept.append(word)  # 강원 SW융합센터: a region's short name starts a name
            continue  # where it happened: 청주 오송에, 전라남도 순천시에
        if body_suffix(bare) is None and word.endswith("로") and verb not in MEANS_KEPT:
            kept.clear()  # by what means, and whose: 군산시 출연으로 문을 연
            continue
        kept.append(word)
    if len(kept) > 1 and _stem(kept[0]) in SELF:
        kept = kept[1:]  # 진흥원 서울사무소: the agency's own office
    return actor, PARTICLE_END.sub("", HEAD_NOISE.sub("", " ".join(kept))).strip()


def _name_prefix(word: str, following: list[str]) -> bool:
    """A region's bare short name (강원, 나주; not 춘천시, 오송에) before a name with a suffix
    (강원 SW융합센터, 제주 실감콘텐츠 스튜디오); any 시·도 name before an ordinance."""
    from kg.ingest import gazetteer as gz
    from kg.ingest.names import _place

    rest = _stem(" ".join(following))
    if not following or word.endswith(("에", "에서")) or following[0].endswith(("에", "에서")):
        return False  # 청주 오송에 …센터: where, not a name
    if rest.endswith(gz.LAW_SUFFIXES):  # 전라남도 드론산업 육성 조례
        return True
    place = _place(word)
    town = word.endswith(("시", "도", "군", "구", "동", "읍", "면"))
    return not town and place is not None and place[1] in ("province", "city") and _named(rest)


def _actor(
    assembly: Assembly, head: str, tail: str, line: int, verb: str | None
) -> tuple[Found | None, str]:
    """The acting body ("…부로부터", "(정보통신부)" after the verb, a body first); a place in
    brackets is a place, not an actor."""
    from kg.ingest.names import _place, body_suffix

    trailing = TRAILING.match(tail)
    if trailing:
        inside = trailing.group("inside").strip()
        if _body_or_acronym(inside, body_suffix):
            return assembly.body(inside, "named as the acting body in the line"), head
        place = _place(inside)
        if place:
            assembly.named("place", place[0], f"a {place[1]} in brackets", "medium", kind=place[1])
            assembly.notes.append(f"line {line}: ({inside}) read as a place, not as the actor")
    for match in FROM_BODY.finditer(head + " "):
        body = match.group("body")
        if verb in RENAMING and match.group(0).rstrip().endswith("에서"):  # "A에서 B로": A is
            old = assembly.agency  # the agency's former name
            if old is not None and body_suffix(body) == "body" and body not in old.alt_ko:
                old.alt_ko.append(body)
            return None, head[match.end() :]
        if _body_or_acronym(body, body_suffix) and not _is_agency(assembly, body):
            rest = head[: match.start()] + head[match.end() :]
            return assembly.body(body, "the body an event comes from (…로부터)"), rest
    return None, head


def _government(word: str) -> bool:
    from kg.ingest.names import body_suffix

    return body_suffix(word) == "body" and word.endswith(("부", "청", "처", "위원회"))


def _is_agency(assembly: Assembly, name: str) -> bool:
    found = assembly.find(name)
    return found is not None and found.fields.get("agency") is True


def _named(word: str) -> bool:
    from kg.ingest.names import body_suffix

    return body_suffix(word) is not None


def _stem(word: str) -> str:
    from kg.ingest.names import stem

    return stem(word)


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
        same_kind = f.get("event_kind") == kind or {kind, f.get("event_kind")} <= DATED_KINDS
        if same_kind and f.get("about") is about and same_date:
            if "timeline" not in f and quote not in event.quotes:
                event.quotes.append(quote)
            if len(date) > len(f["date"]):  # "2007년 가을" in prose, "2007년 10월" in the list
                _more_precise(event, about, date, precision)
            return True
    return False


def acting_body(entry: TimelineEntry) -> tuple[str | None, str]:
    """The acting body and the rest of the subject: "(정보통신부)" or a leading body name."""
    from kg.ingest.names import body_suffix

    subject = entry.subject
    actor = entry.actor_text or ""
    if _body_or_acronym(actor, body_suffix):
        return entry.actor_text, subject
    words = [w.strip(",") for w in subject.split() if w.strip(",")]  # "산업통상자원부, …"
    if entry.verb in ACTING_VERBS and len(words) > 1 and _body_or_acronym(words[0], body_suffix):
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
