"""The agencies of the networkx view: which there are, where they are, and what is theirs.

An agency (display class ``Agency``, ``def:PromotionAgency``) is named by its IRI, the
end of it (``org/jicia``) or a Korean or English label. Its region is the place it
serves (``schema:areaServed``, a ``def:Region`` with its ISO 3166-2 code in
``schema:identifier``). Its members are itself, its units and programs (``org:hasUnit``,
``schema:subOrganization``, followed down) and the people and posts that head it; a
history event is an agency's when it is about one of its members, or, failing that,
about something linked to the members of exactly one agency (a zone), or to the
region of exactly one agency (a regional ordinance). In a graph
with one agency every event is that agency's.

Example::

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", cls="Agency", label_ko="가기관", label_en="A", types=[], literals={})
    >>> g.add_node("u", cls="Unit", label_ko="가센터", label_en="U", types=[], literals={})
    >>> iso = {"schema:identifier": ["KR-45"]}
    >>> g.add_node("p", cls="Place", label_ko="전북", label_en="Jeonbuk", types=[], literals=iso)
    >>> _ = g.add_edge("a", "u", key="org:hasUnit"), g.add_edge("a", "p", key="schema:areaServed")
    >>> agencies(g), find_agency(g, "가기관"), region_of(g, "a"), region_iso(g, "p")
    (['a'], 'a', 'p', 'KR-45')
    >>> sorted(members(g, "a"))
    ['a', 'u']
"""

from __future__ import annotations

import networkx as nx

from kg.core.errors import InputError, KgError

DOWN = ("org:hasUnit", "schema:subOrganization")
HEADS = ("org:headOf", "org:postIn")
REGION_LINK = "schema:areaServed"


def agencies(nxg: nx.MultiDiGraph) -> list[str]:
    """Every agency, ordered by region (ISO code), then Korean label, then IRI."""
    found = [n for n, cls in nxg.nodes(data="cls") if cls == "Agency"]
    return sorted(found, key=lambda a: (region_iso(nxg, region_of(nxg, a)) or "~", _ko(nxg, a), a))


def _ko(nxg: nx.MultiDiGraph, node: str) -> str:
    return nxg.nodes[node]["label_ko"] or nxg.nodes[node]["label_en"]


def find_agency(nxg: nx.MultiDiGraph, name: str) -> str:
    """The agency named ``name`` (IRI, its end, or a ko/en label, case-insensitive)."""
    wanted = name.strip().casefold()
    everyone = agencies(nxg)
    for agency in everyone:
        data = nxg.nodes[agency]
        names = {agency, data["label_ko"], data["label_en"], agency.split("/id/", 1)[-1]}
        if wanted in {n.casefold() for n in names if n}:
            return agency
    known = ", ".join(_ko(nxg, a) for a in everyone[:5]) + (" …" if len(everyone) > 5 else "")
    raise InputError(f"no agency named {name!r} in the graph (agencies: {known or 'none'})")


def region_of(nxg: nx.MultiDiGraph, agency: str) -> str | None:
    """The place the agency serves (its 시·도), or None when the graph does not say."""
    places = sorted(v for _, v, k in nxg.out_edges(agency, keys=True) if k == REGION_LINK)
    return places[0] if places else None


def region_iso(nxg: nx.MultiDiGraph, place: str | None) -> str:
    """The ISO 3166-2 code of a place (``KR-45``), or "" when unknown."""
    if place is None:
        return ""
    codes = nxg.nodes[place].get("literals", {}).get("schema:identifier", [])
    return next((c for c in codes if c.startswith("KR-")), "")


def members(nxg: nx.MultiDiGraph, agency: str) -> set[str]:
    """The agency, its units and programs (followed down) and who or what heads it."""
    found, todo = {agency}, [agency]
    while todo:
        node = todo.pop()
        for _, child, key in nxg.out_edges(node, keys=True):
            if key in DOWN and child not in found:
                found.add(child)
                todo.append(child)
    found |= {u for u, _, k in nxg.in_edges(agency, keys=True) if k in HEADS}
    return found


def is_event(nxg: nx.MultiDiGraph, node: str) -> bool:
    """True for a dated history event (``def:HistoryEvent``)."""
    return "def:HistoryEvent" in nxg.nodes[node]["types"]


def event_owners(nxg: nx.MultiDiGraph) -> dict[str, str]:
    """Each history event's agency (events that belong to none are left out)."""
    everyone = agencies(nxg)
    if not everyone:
        raise KgError("the graph has no agency (def:PromotionAgency)")
    member_of = {m: a for a in reversed(everyone) for m in members(nxg, a)}
    serving: dict[str, list[str]] = {}
    for agency in everyone:
        serving.setdefault(region_of(nxg, agency) or "", []).append(agency)
    owners = {}
    for event in (n for n in nxg.nodes if is_event(nxg, n)):
        about = [v for _, v, k in nxg.out_edges(event, keys=True) if k == "schema:about"]
        direct = {member_of[v] for v in about if v in member_of}
        near = {member_of[w] for v in about for w in nx.all_neighbors(nxg, v) if w in member_of}
        served = {a for v in about for w in nx.all_neighbors(nxg, v) for a in serving.get(w, [])}
        candidates = direct or near or served or (set(everyone) if len(everyone) == 1 else set())
        if len(candidates) == 1:
            owners[event] = candidates.pop()
    return owners
