"""Linked-data pages: what the graph says about one IRI, as triples and as HTML for people.

An entity's description is its own triples (and those of its ``#fragment`` parts,
such as an annotation's target and selectors), the triples that point at it, and
the annotations whose body it is, with their targets and selectors: so a page shows
the sentence behind the entity. HTML links every IRI of ours to its own page.

Example::

    >>> from kg.build.assemble import build_parts
    >>> from kg.rdf.writing import to_nquads
    >>> store = ox.Store()  # what kg serve loads from dist/kg.nq
    >>> store.load(to_nquads(build_parts().dataset()), format=ox.RdfFormat.N_QUADS)
    >>> len(describe(store, ID_BASE + "unit/sos-lab")) > 10
    True
    >>> "SOS랩" in entity_html(store, ID_BASE + "unit/sos-lab")
    True
"""

from __future__ import annotations

from html import escape

import pyoxigraph as ox

from kg.core.config import ID_BASE, compact_iri

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
OA = "http://www.w3.org/ns/oa#"
STYLE = """body{font-family:"Noto Sans CJK KR","Noto Sans",sans-serif;max-width:60rem;
margin:1.5rem auto;padding:0 1rem;line-height:1.5;color:#222}
a{color:#0b57a4}code{font-size:.9em}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{width:14rem;font-weight:600}.lang{color:#777;font-size:.8em}.muted{color:#777}
blockquote{margin:.5rem 0;padding:.4rem .8rem;border-left:4px solid #0b57a4;background:#f4f7fb}
mark{background:#ffe58a}nav{margin-bottom:1rem}"""

EVIDENCE = f"""SELECT ?entity ?annotation ?exact ?prefix ?suffix ?start ?end ?source WHERE {{
  ?annotation <{OA}hasBody> ?entity ; <{OA}hasTarget> ?target .
  ?target <{OA}hasSource> ?source ; <{OA}hasSelector> ?quote, ?position .
  ?quote <{OA}exact> ?exact .
  OPTIONAL {{ ?quote <{OA}prefix> ?prefix }} OPTIONAL {{ ?quote <{OA}suffix> ?suffix }}
  ?position <{OA}start> ?start ; <{OA}end> ?end .
}} ORDER BY ?start ?annotation"""


def local_path(iri: str) -> str | None:
    """``/id/unit/sos-lab`` for an IRI of ours, None for anyone else's."""
    return "/id/" + iri[len(ID_BASE) :] if iri.startswith(ID_BASE) else None


def exists(store: ox.Store, iri: str) -> bool:
    """True when the graph says anything about ``iri`` (as a subject)."""
    return next(store.quads_for_pattern(ox.NamedNode(iri), None, None), None) is not None


def describe(store: ox.Store, iri: str) -> list[ox.Triple]:
    """Own triples, fragment parts, incoming links and the evidence annotations, deduplicated."""
    node = ox.NamedNode(iri)
    triples = {q.triple for q in store.quads_for_pattern(node, None, None)}
    triples |= {q.triple for q in store.quads_for_pattern(None, None, node)}
    for subject in _fragments(store, iri) + _annotation_parts(store, node):
        triples |= {q.triple for q in store.quads_for_pattern(subject, None, None)}
    return sorted(triples, key=str)


def _fragments(store: ox.Store, iri: str) -> list[ox.NamedNode]:
    query = "SELECT DISTINCT ?s ?prefix WHERE { ?s ?p ?o FILTER STRSTARTS(STR(?s), ?prefix) }"
    rows = store.query(
        query,
        use_default_graph_as_union=True,
        substitutions={ox.Variable("prefix"): ox.Literal(iri + "#")},
    )
    return [row[0] for row in rows]


def _annotation_parts(store: ox.Store, node: ox.NamedNode) -> list[ox.NamedNode]:
    query = f"""SELECT DISTINCT ?a ?t ?sel ?entity WHERE {{ ?a <{OA}hasBody> ?entity
      OPTIONAL {{ ?a <{OA}hasTarget> ?t OPTIONAL {{ ?t <{OA}hasSelector> ?sel }} }} }}"""
    rows = store.query(
        query, use_default_graph_as_union=True, substitutions={ox.Variable("entity"): node}
    )
    found = {term for row in rows for term in (row["a"], row["t"], row["sel"]) if term}
    return sorted((t for t in found if isinstance(t, ox.NamedNode)), key=str)


def labels(store: ox.Store, iris: set[str]) -> dict[str, dict[str, str]]:
    """``{iri: {lang: label}}`` of the rdfs:labels of the given IRIs."""
    found: dict[str, dict[str, str]] = {}
    for iri in sorted(iris):
        for quad in store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(LABEL), None):
            found.setdefault(iri, {})[quad.object.language or ""] = quad.object.value
    return found


def entity_html(store: ox.Store, iri: str) -> str:
    """The HTML page of one entity: labels, relations as links, incoming links, evidence."""
    node = ox.NamedNode(iri)
    own = sorted((q.triple for q in store.quads_for_pattern(node, None, None)), key=str)
    incoming = sorted((q.triple for q in store.quads_for_pattern(None, None, node)), key=str)
    incoming = [t for t in incoming if t.predicate.value != OA + "hasBody"]
    parts = {f.value: _own(store, f) for f in _fragments(store, iri)}
    iris = {t.object.value for t in own if isinstance(t.object, ox.NamedNode)}
    iris |= {t.subject.value for t in incoming} | {iri}
    names = labels(store, iris)
    title = _title(names.get(iri, {}), iri)
    body = [
        '<nav><a href="/">Dataset</a> · <a href="/sparql">SPARQL</a></nav>',
        f"<h1>{escape(title)}</h1>",
        _subtitle(names.get(iri, {})),
        f'<p><code>{escape(iri)}</code> · <a href="{escape(_path(iri))}.ttl">Turtle</a>'
        f' · <a href="{escape(_path(iri))}.jsonld">JSON-LD</a></p>',
        "<h2>Statements</h2>",
        _table([(t.predicate.value, t.object) for t in own], names),
    ]
    for fragment, triples in sorted(parts.items()):
        anchor = fragment.rsplit("#", 1)[1]
        body.append(f'<h3 id="{escape(anchor)}">#{escape(anchor)}</h3>')
        body.append(_table([(t.predicate.value, t.object) for t in triples], names))
    if incoming:
        body.append("<h2>Referred to by</h2>")
        body.append(_table([(t.predicate.value, t.subject) for t in incoming], names, "← "))
    body.append(_evidence(store, node))
    return page(title, "\n".join(body))


def _own(store: ox.Store, node: ox.NamedNode) -> list[ox.Triple]:
    return sorted((q.triple for q in store.quads_for_pattern(node, None, None)), key=str)


def _evidence(store: ox.Store, node: ox.NamedNode) -> str:
    rows = list(
        store.query(
            EVIDENCE, use_default_graph_as_union=True, substitutions={ox.Variable("entity"): node}
        )
    )
    if not rows:
        return ""
    names = labels(store, {row["source"].value for row in rows})
    items = [
        "<h2>Evidence</h2>",
        '<p class="muted">The source sentences this entity comes from.</p>',
    ]
    for row in rows:
        prefix = row["prefix"].value if row["prefix"] else ""
        suffix = row["suffix"].value if row["suffix"] else ""
        source = row["source"].value
        items.append(
            f"<blockquote>…{escape(prefix)}<mark>{escape(row['exact'].value)}</mark>"
            f"{escape(suffix)}…<br><small class=muted>"
            f'<a href="{escape(_path(source))}">{escape(_title(names.get(source), source))}</a>, '
            f"characters {row['start'].value}–{row['end'].value} · "
            f'<a href="{escape(_path(row["annotation"].value))}">annotation</a></small>'
            "</blockquote>"
        )
    return "\n".join(items)


def _table(pairs: list[tuple[str, ox.Term]], names: dict, arrow: str = "") -> str:
    """One row per predicate (labels and types first), its values as links or literals."""
    grouped: dict[str, list[str]] = {}
    for predicate, value in sorted(pairs, key=lambda p: (_rank(p[0]), p[0], str(p[1]))):
        grouped.setdefault(predicate, []).append(_term(value, names))
    rows = [
        f"<tr><th>{arrow}{escape(compact_iri(predicate))}</th><td>{'<br>'.join(values)}</td></tr>"
        for predicate, values in grouped.items()
    ]
    return "<table>" + "".join(rows) + "</table>"


def _rank(predicate: str) -> int:
    first = (LABEL, "http://www.w3.org/2004/02/skos/core#altLabel", RDF_TYPE)
    return first.index(predicate) if predicate in first else len(first)


def _term(term: ox.Term, names: dict) -> str:
    if isinstance(term, ox.NamedNode):
        name = names.get(term.value)
        text = _title(name, term.value) if name else compact_iri(term.value)
        return f'<a href="{escape(_path(term.value))}">{escape(text)}</a>'
    if isinstance(term, ox.Literal):
        tag = term.language or compact_iri(term.datatype.value)
        return f'{escape(term.value)} <span class="lang">{escape(tag)}</span>'
    return escape(str(term))


def _title(names: dict[str, str] | None, iri: str) -> str:
    names = names or {}
    return names.get("ko") or names.get("en") or compact_iri(iri)


def _subtitle(names: dict[str, str]) -> str:
    if "en" in names and "ko" in names:
        return f'<p lang="en"><strong>{escape(names["en"])}</strong></p>'
    return ""


def _path(iri: str) -> str:
    return local_path(iri) or iri


def page(title: str, body: str, head: str = "") -> str:
    """A whole HTML document around ``body``, with the shared style and no external asset."""
    return (
        '<!DOCTYPE html>\n<html lang="ko"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} · kr-ict-kg</title><style>{STYLE}</style>{head}</head>"
        f"<body>{body}</body></html>\n"
    )
