"""Is a literal a valid value of a datatype? The XSD lexical rules our shapes rely on.

Used by the fast SHACL engine (:mod:`kg.fastshacl`) to judge ``sh:datatype`` the way
pyshacl does: the datatype must match and the lexical form must be valid for it
(``"2019-13-40"^^xsd:date`` is not a date). Like pyshacl (through rdflib), the
reference, it does not check the lexical forms of ``xsd:gYear`` and ``xsd:gYearMonth``
(rdflib has no converter for them): the fast engine gives the same results, even there.
Example::

    >>> import pyoxigraph as ox
    >>> well_formed(ox.Literal("2019-13-40", datatype=ox.NamedNode(XSD + "date")), {XSD + "date"})
    False
"""

from __future__ import annotations

import datetime
import re

import pyoxigraph as ox

from kg.config import PREFIXES

XSD = PREFIXES["xsd"]
LANG_STRING = PREFIXES["rdf"] + "langString"
TZ = r"(Z|[+-](0\d|1[0-4]):[0-5]\d)?"
PATTERNS = {
    "integer": r"[+-]?\d+",
    "nonNegativeInteger": r"(\+?\d+|-0+)",
    "decimal": r"[+-]?(\d+(\.\d*)?|\.\d+)",
    "double": r"([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)",
    "date": rf"-?\d{{4,}}-\d\d-\d\d{TZ}",
    "boolean": r"(true|false|1|0)",
}
COMPILED = {XSD + name: re.compile(pattern) for name, pattern in PATTERNS.items()}


def well_formed(term: object, datatypes: frozenset[str] | set[str]) -> bool:
    """True when ``term`` is a literal of one of ``datatypes`` with a valid lexical form."""
    if not isinstance(term, ox.Literal):
        return False
    datatype = LANG_STRING if term.language else term.datatype.value
    if datatype not in datatypes:
        return False
    pattern = COMPILED.get(datatype)
    if pattern is None:
        return True
    if not pattern.fullmatch(term.value):
        return False
    return datatype != XSD + "date" or _real_date(term.value)


def _real_date(text: str) -> bool:
    """A date that exists on the calendar (2019-02-30 does not)."""
    if text.startswith("-"):
        return True
    try:
        datetime.date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True
