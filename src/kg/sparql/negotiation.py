"""Which result format a client wants (``format=`` or the Accept header), and serializing to it.

The formats are the ``serve`` rows of :mod:`kg.rdf.formats`, by their canonical
names: ``sparql-json``, ``sparql-xml``, ``csv``, ``tsv`` for SELECT and ASK;
``turtle``, ``jsonld``, ``ntriples``, ``rdfxml`` for CONSTRUCT and DESCRIBE (and for
linked-data pages). ``format=`` takes a name or alias (``json`` is SPARQL JSON,
``xml`` RDF/XML, ``ttl`` Turtle) or a media type. A client's wishes become an
ordered list of names (a named format, then the formats sharing its media types);
the first one that fits the kind of result wins, else the kind's default (SPARQL
JSON, Turtle).

Example::

    >>> wanted(None, "text/csv;q=0.5, application/sparql-results+xml")
    ['sparql-xml', 'csv']
    >>> wanted("ttl", "application/json")
    ['turtle']
    >>> split_suffix("unit/x.rdf.ttl")
    ('unit/x.rdf', 'turtle')
"""

from __future__ import annotations

from posixpath import splitext

import pyoxigraph as ox

from kg.core.config import PREFIXES
from kg.rdf import formats
from kg.rdf.oxigraph import QueryResult, written

SERVED = formats.with_use("serve")
SOLUTIONS = [f.name for f in SERVED if f.results]
TRIPLES = [f.name for f in SERVED if f.rdf and not f.dataset]
DEFAULT_SOLUTIONS, DEFAULT_TRIPLES = "sparql-json", "turtle"


def wanted(format_param: str | None, accept: str | None) -> list[str]:
    """The format names a client asked for, best first (``format=`` wins over Accept).

    ``format=`` names a format (or an alias, or a media type), then the other served
    formats of its media types, as an Accept header would: ``format=xml`` (RDF/XML)
    on a SELECT gives SPARQL XML, ``format=json`` (SPARQL JSON) on a CONSTRUCT JSON-LD.
    """
    if format_param:
        named = formats.find(format_param)
        first = [named.name] if named and "serve" in named.uses else []
        return _by_media_types(first, named.media_types if named else [format_param])
    return _by_media_types([], accepted_media_types(accept))


def _by_media_types(names: list[str], media_types: list[str] | tuple[str, ...]) -> list[str]:
    for media_type in media_types:
        for fmt in formats.by_media_type(media_type, "serve"):
            if fmt.name not in names:
                names.append(fmt.name)
    return names


def split_suffix(path: str) -> tuple[str, str | None]:
    """``path`` without its last suffix and the RDF format that suffix names, once.

    Only the last suffix counts: ``x.rdf.ttl`` is ``x.rdf`` in Turtle. A suffix that
    names no served RDF format stays part of the path.
    """
    stem, suffix = splitext(path)
    found = formats.suffix_format(suffix, "serve", rdf_only=True) if suffix else None
    return (stem, found.name) if found else (path, None)


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
        if formats.by_media_type(media_type, "serve"):
            return False
    return False


def pick(names: list[str], offered: list[str], default: str) -> formats.Format:
    """The first of ``names`` (or aliases) in ``offered``, else ``default``."""
    for name in names:
        found = formats.find(name)
        if found is not None and found.name in offered:
            return found
    return formats.FORMATS[default]


def serialize_result(result: QueryResult, names: list[str]) -> tuple[str, str, bytes]:
    """``(kind, media type, body)`` of a pyoxigraph query result in the best wanted format."""
    if isinstance(result, ox.QueryTriples):
        return ("graph", *serialize_triples(list(result), names))
    kind = "boolean" if isinstance(result, ox.QueryBoolean) else "solutions"
    fmt = pick(names, SOLUTIONS, DEFAULT_SOLUTIONS).oxigraph()
    return kind, _media_type(fmt), written(result.serialize(format=fmt))


def serialize_triples(
    triples: list, names: list[str], prefixes: dict[str, str] | None = None
) -> tuple[str, bytes]:
    """``(media type, body)`` of triples in the best wanted RDF format (Turtle by default)."""
    fmt = pick(names, TRIPLES, DEFAULT_TRIPLES).oxigraph()
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML):
        prefixes = {**PREFIXES, **(prefixes or {})}
    else:
        prefixes = None
    return _media_type(fmt), written(ox.serialize(triples, format=fmt, prefixes=prefixes))


def _media_type(fmt) -> str:
    media_type = fmt.media_type
    return media_type if "charset" in media_type else f"{media_type}; charset=utf-8"
