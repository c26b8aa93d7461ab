"""JSON-LD a user gives us: refuse what a JSON-LD processor would fetch or drop silently.

A JSON-LD processor fetches a ``@context`` or ``@import`` given as a URL (or a
``file:`` path), and silently drops an ``@id`` with white space, a relative IRI
when there is no base, and every key the context does not map. So before
Oxigraph parses a document we walk it once and

- refuse remote contexts and ``@import`` ("remote context refused"),
- refuse an IRI with white space, and a relative IRI without ``@base``, naming
  the value and where it is,
- refuse nesting deeper than :data:`MAX_DEPTH`,
- return the keys no context maps (a warning: they would be dropped).

Example::

    >>> check_jsonld(Path("a.jsonld"), b'{"@id": "http://x/a", "name": "x"}')
    ["a.jsonld: JSON-LD keys with no mapping in the context are dropped: 'name'"]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.core.errors import ParseError
from kg.core.positions import locate, near, token_at

MAX_DEPTH = 64  # nested objects and arrays
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
IRI_TYPES = ("@id", "@vocab")
MAP_CONTAINERS = {"@language", "@index", "@id", "@type", "@graph"}


@dataclass
class _Context:
    """What the inline contexts of a document define, merged (good enough to check)."""

    terms: set[str] = field(default_factory=set)
    coerced: set[str] = field(default_factory=set)  # terms whose values are IRIs
    maps: set[str] = field(default_factory=set)  # terms whose values are maps (@language …)
    vocab: bool = False
    base: bool = False


def check_jsonld(path: Path, data: bytes) -> list[str]:
    """Raise ParseError for what we refuse; return warnings (unmapped keys)."""
    text = data.decode("utf-8")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as e:
        token = near(token_at(text, e.lineno, e.colno))
        raise ParseError(f"{path}:{e.lineno}:{e.colno}: invalid JSON: {e.msg}{token}") from e
    except RecursionError as e:
        raise ParseError(f"{path}: JSON nested too deep") from e
    context = _Context()
    nodes = _walk(path, document, context)
    unmapped: set[str] = set()
    for node in nodes:
        for key, value in node.items():
            _check_value(path, text, context, key, value)
            if not (key.startswith("@") or ":" in key or key in context.terms or context.vocab):
                unmapped.add(key)
    if not unmapped:
        return []
    keys = ", ".join(repr(k) for k in sorted(unmapped))
    return [f"{path}: JSON-LD keys with no mapping in the context are dropped: {keys}"]


def _walk(path: Path, document: object, context: _Context) -> list[dict]:
    """Every JSON object outside contexts; contexts are checked and merged on the way."""
    nodes: list[dict] = []
    stack = [(document, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ParseError(f"{path}: JSON-LD nested too deep (limit {MAX_DEPTH})")
        if isinstance(node, list):
            stack.extend((item, depth + 1) for item in node)
        elif isinstance(node, dict):
            nodes.append(node)
            if "@context" in node:
                _read_context(path, node["@context"], context)
            for key, value in node.items():
                if key in context.maps and isinstance(value, dict):  # keys: tags, ids …
                    stack.extend((item, depth + 2) for item in value.values())
                elif key != "@context":
                    stack.append((value, depth + 1))
    return nodes


def _read_context(path: Path, value: object, context: _Context, depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        raise ParseError(f"{path}: JSON-LD context nested too deep (limit {MAX_DEPTH})")
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            raise ParseError(f"{path}: remote context refused: {item!r}")
        if not isinstance(item, dict):
            continue
        if "@import" in item:
            raise ParseError(f"{path}: remote context refused: @import {item['@import']!r}")
        context.vocab |= item.get("@vocab") is not None
        context.base |= item.get("@base") is not None
        for term, definition in item.items():
            if term.startswith("@"):
                continue
            context.terms.add(term)
            if isinstance(definition, dict):
                if definition.get("@type") in IRI_TYPES:
                    context.coerced.add(term)
                if set(_strings(definition.get("@container"))) & MAP_CONTAINERS:
                    context.maps.add(term)
                if "@context" in definition:
                    _read_context(path, definition["@context"], context, depth + 1)


def _check_value(path: Path, text: str, context: _Context, key: str, value: object) -> None:
    """IRIs in ``@id``, ``@type`` and coerced terms: no white space, no relative IRI."""
    if key == "@id" or key in context.coerced:
        for iri in _strings(value):
            _check_iri(
                path, text, iri, relative_ok=context.base or (key != "@id" and context.vocab)
            )
    elif key == "@type":
        for iri in _strings(value):
            if iri not in context.terms:
                _check_iri(path, text, iri, relative_ok=context.vocab)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []  # a node object's @id is checked with that node


def _check_iri(path: Path, text: str, iri: str, relative_ok: bool) -> None:
    if any(c.isspace() for c in iri):
        raise ParseError(f"{path}:{locate(text, iri)}: IRI with white space refused: {iri!r}")
    if not relative_ok and not iri.startswith("_:") and not SCHEME.match(iri):
        raise ParseError(
            f"{path}:{locate(text, iri)}: relative IRI {iri!r} and no @base "
            "(write an absolute IRI, or set @base or @vocab in the context)"
        )
