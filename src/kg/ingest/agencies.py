"""The agencies an article is about, each with the 시·도 it serves.

The first is the one the article profiles: "X(이하 Y)", a "(재)X", the timeline's founded
or renamed body, else a body named in the headline or the first sentence. Others are
the regional agencies it names too (a brief about three agencies in three regions): a
진흥원, 재단 or 테크노파크 whose name starts with a region's or a city's name.
"""

from __future__ import annotations

import re

from kg.build.timeline import TimelineEntry
from kg.ingest import gazetteer as gz
from kg.ingest.model import Found
from kg.ingest.names import body_suffix, plain_name, tokens

ALIAS = re.compile(r"(?P<name>(?:\((?:재|사)\))?[\w·]+)\(이하\s*(?P<alias>[^)\s]+)\)")
RENAMING_VERBS = {"명칭개정", "명칭변경"}
# A body named as what the agency was ("…으로 출발", "…에서 … 바뀌었다") or merged into it
# ("A과 B가 통합"): a former body, not another agency of the article.
_NAME = r"((?:\((?:재|사)\))?[\w·]+?)"
FORMER = re.compile(
    rf"{_NAME}(?:으로|로)\s*(?:출발|설립|창립)|{_NAME}에서\s+(?:\S+\s+){{0,3}}?(?:바뀌|바꾸|변경|명칭)"
    rf"|{_NAME}(?:과|와)\s+(?:{_NAME}(?:가|이|을|를)\s+)?(?:통합|합쳐)"
)
# A brief's lead: "◇ 충남 아산 = ○○센터는 …": the body the paragraph is about.
LEAD = re.compile(
    r"^\s*[◇◆■□▲△▶●○]\s*[^=\n]{1,20}=\s*(?P<name>(?:\((?:재|사)\))?[\w·]+?)(?:은|는|이|가)\s",
    re.M,
)
# A foundation's founding in a list: the agency under a former name, not another agency.
FOUNDED_AS = re.compile(r"\((?:재|사)\)([\w·]+?)(?:으로|로)?\s*(?:설립|창립|출범)")
GOVERNMENT_ENDS = ("부", "청", "처", "위원회", "의회", "공사", "공단", "협회")


def _government(name: str) -> bool:
    """A ministry or office ("문화체육관광부(이하 문체부)는"): the one that tells of the agencies
    in its press release, never one of them."""
    return plain_name(name).endswith(GOVERNMENT_ENDS)


def is_agency_name(name: str) -> bool:
    core = plain_name(name)
    return body_suffix(core) == "body" and core.endswith(gz.AGENCY_SUFFIXES)


def province_of(name: str, text: str = "") -> str | None:
    """The 시·도 (the gazetteer's full name) a name starts with: 부산…, 전주… → 전라북도; a
    county whose name is also a word counts when ``text`` names it as a county (고창군)."""
    core = plain_name(name)
    names = [(full, full) for full in gz.PROVINCES]
    names += [(short, full) for full, shorts in gz.PROVINCES.items() for short in shorts]
    names += [(city, province) for city, province in gz.CITY_PROVINCE.items()]
    names += [(county, province) for county, province in gz.COUNTY_PROVINCE.items()
              if county not in gz.COMMON_COUNTY_WORDS or county + "군" in text]  # fmt: skip
    for prefix, province in sorted(names, key=lambda p: -len(p[0])):
        if core.startswith(prefix) and len(core) > len(prefix) + 1:
            return province
    return None


def home(name: str, level: str) -> str | None:
    """The 시 (``level`` 시), 군 or 도 an agency's name starts with: 당진…진흥원 → 당진시."""
    core = plain_name(name)
    if level == "도":
        return province_of(core)
    names = gz.CITIES if level == "시" else [c for c in gz.COUNTY_PROVINCE
                                             if c not in gz.COMMON_COUNTY_WORDS]  # fmt: skip
    found = [n for n in names if core.startswith(n) and len(core) > len(n) + 1]
    return max(found, key=len) + level if found else None


def _headline_names(text: str) -> list[str]:
    """Bodies of the first line and the first sentence, agencies first."""
    lines = [line for line in text.splitlines() if line.strip()]
    head = " ".join(lines[:2])[:300]
    names = [t.stem for t in tokens(head) if body_suffix(t.stem) == "body"]
    names = [n for n in names if not plain_name(n).endswith(GOVERNMENT_ENDS)]
    return sorted(names, key=lambda n: not is_agency_name(n))


def primary_names(text: str, entries: list[TimelineEntry]) -> tuple[list[str], re.Match | None]:
    """The names the profiled agency is printed with, first the most telling one."""
    alias = next((a for a in ALIAS.finditer(text) if not _government(a["name"])), None)
    names = [alias.group("name")] if alias and body_suffix(alias.group("name")) else []
    names += [e.subject for e in entries if e.verb in gz.AGENCY_VERBS and body_suffix(e.subject)]
    formers = {plain_name(g) for m in FORMER.finditer(text) for g in m.groups() if g}
    marked = [n for n in _foundations(text) if plain_name(n) not in formers]  # not the merged
    names += [n for n in marked if is_agency_name(n)][:1] or marked[:1]
    names = [n for n in names if body_suffix(n) == "body"]
    return (names or _headline_names(text)[:1] or _most_named(text) or _ours(text)), alias


def _most_named(text: str) -> list[str]:
    """The agency named most often (twice at least) when neither the headline nor a marker
    names one (a transcript whose header names the programme)."""
    named = [plain_name(t.stem) for t in tokens(text) if is_agency_name(t.stem)]
    best = max(set(named), key=lambda n: (named.count(n), -named.index(n)), default=None)
    return [best] if best is not None and named.count(best) > 1 else []


def _ours(text: str) -> list[str]:
    """ "우리 진흥원은 …" with the one agency of that kind named once (a speech signed
    "○○진흥원장 홍길동"): the agency the text speaks for."""
    ours = re.search(r"우리\s*(진흥원|재단|센터)", text)
    if ours is None:
        return []
    named = {plain_name(t.stem) for t in tokens(text) if is_agency_name(t.stem)}
    named |= {m[1] for m in re.finditer(r"([\w·]+?(?:진흥원|재단|센터))장(?=\s|$)", text)}
    fitting = [n for n in named if n.endswith(ours[1]) and is_agency_name(n)]
    return fitting if len(fitting) == 1 else []


def _foundations(text: str) -> list[str]:
    """ "(재)…" names, in order: the first agency among them is the one profiled; another
    agency so marked (a brief about three agencies) is an agency of its own."""
    return list(dict.fromkeys(t.stem for t in tokens(text) if t.stem.startswith(("(재)", "(사)"))))


def agency(names: list[str], current: str, alias: re.Match | None) -> Found:
    """The profiled agency: its current name, former names and short forms as alt_ko."""
    found = Found(
        "organization",
        plain_name(current),
        "high",
        "the body the article profiles",
        [current],
        {"agency": True, "kind": "agency"},
    )
    for marker, form in gz.LEGAL_FORMS.items():
        if any(n.startswith(marker) for n in names):
            found.fields["legal_form_ko"] = form
    for name in [current, *names, *([alias.group("alias")] if alias else [])]:
        for variant in (name, plain_name(name)):
            if variant != found.ko and variant not in found.alt_ko:
                found.alt_ko.append(variant)
    if alias:
        found.quotes.append(alias.group(0))
    return found


def find_agencies(text: str, entries: list[TimelineEntry]) -> list[Found]:
    """The profiled agency (if any body is named) and the other regional agencies."""
    names, alias = primary_names(text, entries)
    found: list[Found] = []
    if names:
        renamed = [
            e.subject for e in entries if e.verb in RENAMING_VERBS and body_suffix(e.subject)
        ]
        found.append(agency(names, renamed[-1] if renamed else names[0], alias))
    known = {plain_name(n) for a in found for n in [a.ko, *a.alt_ko]}
    marked = {plain_name(n) for n in _foundations(text)}
    known |= {plain_name(g) for m in FORMER.finditer(text) for g in m.groups() if g}
    known |= {plain_name(m[1]) for m in FOUNDED_AS.finditer(text)}  # "(재)○○센터 설립"
    leads = {plain_name(m["name"]) for m in LEAD.finditer(text) if body_suffix(m["name"])}
    for token in tokens(text):
        name = plain_name(token.stem)
        regional = province_of(name, text) is not None or name in marked
        centre = body_suffix(name) == "unit" and (name in marked or name in leads)
        if name in known or not (is_agency_name(name) and regional or centre):
            continue  # (재)○○센터, or a brief's lead "◇ 충남 아산 = ○○센터는": an agency
        known.add(name)
        other = Found(
            "organization",
            name,
            "medium",
            "a regional agency named in the article",
            [token.stem],
            {"agency": True, "kind": "agency"},
        )
        found.append(other)
    return found


def region_of(text: str, found: Found) -> str | None:
    """The 시·도 an agency serves: from its name, else the first sentence naming it that
    names a 시·도 or a city, else the one the article names most."""
    for name in [found.ko, *found.alt_ko]:
        province = province_of(name)
        if province:
            return province
    for name in dict.fromkeys([found.ko, *found.quotes]):
        for match in re.finditer(re.escape(name), text):
            start = max(text.rfind("\n", 0, match.start()), text.rfind(". ", 0, match.start()))
            ends = [
                e for e in (text.find("\n", match.end()), text.find(". ", match.end())) if e > 0
            ]
            named = _provinces(text[start + 1 : min(ends, default=len(text))])
            if named:
                return named[0]
    named = _provinces(text)
    return max(dict.fromkeys(named), key=named.count) if named else None  # ties: the first


def _provinces(text: str) -> list[str]:
    """The 시·도 named in ``text`` (a city counts for its 도), in order."""
    found = []
    for token in tokens(text):
        for full, shorts in gz.PROVINCES.items():
            if token.stem in (full, *shorts) or token.text in (full, *shorts):
                found.append(full)
        city = token.stem.removesuffix("시")
        if city in gz.CITY_PROVINCE and token.stem in (city, city + "시"):
            found.append(gz.CITY_PROVINCE[city])
    return found


def nearest(text: str, agencies: list[Found], at: int) -> Found | None:
    """The agency named closest before offset ``at`` on its line (after it if none)."""
    if len(agencies) < 2:
        return agencies[0] if agencies else None
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    shared = {n for a in agencies for n in a.alt_ko if sum(n in b.alt_ko for b in agencies) > 1}
    best: tuple[int, Found] | None = None
    for item in agencies:
        for name in {item.ko, *item.alt_ko, *item.quotes} - shared:
            for match in re.finditer(re.escape(name), text[line_start:line_end]):
                where = line_start + match.start()
                distance = at - where if where <= at else 10_000 + where - at
                if best is None or distance < best[0]:
                    best = (distance, item)
    if best is None:  # none on its line: the one named last before it (its section's)
        before = [(text.rfind(n, 0, at), a) for a in agencies for n in {a.ko, *a.quotes}]
        where, agency = max(before, key=lambda p: p[0])
        return agency if where >= 0 else agencies[0]
    return best[1]
