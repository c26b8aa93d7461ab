"""Which result format a client wants (``format=`` or the Accept header), and serializing to it.

Formats have short keys: ``json``, ``xml``, ``csv``, ``tsv`` for SELECT and ASK;
``turtle``, ``jsonld``, ``ntriples``, ``rdfxml`` for CONSTRUCT and DESCRIBE (and for
linked-data pages). A client's wishes become an ordered list of keys; the first one
that fits the kind of result wins, else the kind's default (JSON, Turtle).

Example::

    >>> wanted(None, "text/csv;q=0.5, application/sparql-results+xml")
    ['xml', 'csv']
    >>> wanted("ttl", "application/json")
    ['turtle']
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.core.config import PREFIXES

SOLUTION_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
MEDIA_TYPES = {
    "application/sparql-results+json": ["json"],
    "application/json": ["json", "jsonld"],
    "application/sparql-results+xml": ["xml"],
    "application/xml": ["xml", "rdfxml"],
    "text/xml": ["xml", "rdfxml"],
    "text/csv": ["csv"],
    "text/tab-separated-values": ["tsv"],
    "text/turtle": ["turtle"],
    "application/x-turtle": ["turtle"],
    "application/ld+json": ["jsonld"],
    "application/n-triples": ["ntriples"],
    "text/plain": ["ntriples"],
    "application/rdf+xml": ["rdfxml"],
}
NAMES = {
    "json": ["json", "jsonld"],
    "xml": ["xml", "rdfxml"],
    "csv": ["csv"],
    "tsv": ["tsv"],
    "turtle": ["turtle"],
    "ttl": ["turtle"],
    "jsonld": ["jsonld"],
    "json-ld": ["jsonld"],
    "ntriples": ["ntriples"],
    "nt": ["ntriples"],
    "rdfxml": ["rdfxml"],
    "rdf": ["rdfxml"],
}
SUFFIXES = {".ttl": "turtle", ".jsonld": "jsonld", ".nt": "ntriples", ".rdf": "rdfxml"}


def wanted(format_param: str | None, accept: str | None) -> list[str]:
    """The format keys a client asked for, best first (``format=`` wins over Accept)."""
    if format_param:
        name = format_param.strip().lower()
        return NAMES.get(name) or MEDIA_TYPES.get(name.split(";")[0].strip(), [])
    keys: list[str] = []
    for media_type in accepted_media_types(accept):
        for key in MEDIA_TYPES.get(media_type, []):
            if key not in keys:
                keys.append(key)
    return keys


def accepted_media_types(accept: str | None) -> list[str]:
    """Media types of an Accept header, by decreasing q (stable), without q=0 ones."""
    ranked = []
    for index, part in enumerate((accept or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        quality = 1.0
        for field in fields[1:]:
            if field.startswith("q="):
                try:
                    quality = float(field[2:])
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranked.append((-quality, index, fields[0].lower()))
    return [media_type for _, _, media_type in sorted(ranked)]


def prefers_html(accept: str | None) -> bool:
    """True when a browser asks: text/html ranks above every RDF or results format."""
    for media_type in accepted_media_types(accept):
        if media_type in ("text/html", "application/xhtml+xml"):
            return True
        if media_type in MEDIA_TYPES:
            return False
    return False


def pick(keys: list[str], table: dict, default: str) -> str:
    """The first key that ``table`` has, else ``default``."""
    return next((key for key in keys if key in table), default)


def serialize_result(result, keys: list[str]) -> tuple[str, str, bytes]:
    """``(kind, media type, body)`` of a pyoxigraph query result in the best wanted format."""
    if isinstance(result, ox.QueryTriples):
        return ("graph", *serialize_triples(list(result), keys))
    kind = "boolean" if isinstance(result, ox.QueryBoolean) else "solutions"
    fmt = SOLUTION_FORMATS[pick(keys, SOLUTION_FORMATS, "json")]
    return kind, _media_type(fmt), result.serialize(format=fmt)


def serialize_triples(
    triples: list, keys: list[str], prefixes: dict[str, str] | None = None
) -> tuple[str, bytes]:
    """``(media type, body)`` of triples in the best wanted RDF format (Turtle by default)."""
    fmt = GRAPH_FORMATS[pick(keys, GRAPH_FORMATS, "turtle")]
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML):
        prefixes = {**PREFIXES, **(prefixes or {})}
    else:
        prefixes = None
    return _media_type(fmt), ox.serialize(triples, format=fmt, prefixes=prefixes)


def _media_type(fmt) -> str:
    media_type = fmt.media_type
    return media_type if "charset" in media_type else f"{media_type}; charset=utf-8"
