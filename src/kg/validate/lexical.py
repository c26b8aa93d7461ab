"""XSD lexical forms: is a typed literal well-formed for its datatype?

:func:`check_typed_literals` reports each literal whose lexical form is not valid
for its XSD datatype (``"2019-13-40"^^xsd:date``, ``"12abc"^^xsd:integer``,
``"yes"^^xsd:boolean``), naming the value, whatever the shapes say; a 5000-digit
``xsd:integer`` is valid. The checks are regular expressions from XSD 1.1 plus
the calendar (months, days, leap years) and the ranges of the bounded integer
types: the value is never converted, so no lexical form is too long to check.

:func:`shacl_datatype_ok` is ``sh:datatype`` as pyshacl (the reference) judges it,
for the fast SHACL engine (:mod:`kg.validate.shacl_compiler`): the datatype must match and the
lexical form be valid, except for ``xsd:gYear``/``xsd:gYearMonth`` whose forms
rdflib (and so pyshacl) does not check; :func:`check_typed_literals` covers those.

Datatypes are IRIs as plain strings, so the module serves rdflib and pyoxigraph alike.

Example::

    >>> well_formed("2019-13-40", XSD + "date"), well_formed("1" * 5000, XSD + "integer")
    (False, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kg.core.config import PREFIXES, compact_iri
from kg.validate.report import Violation

if TYPE_CHECKING:
    from rdflib import Graph

XSD = PREFIXES["xsd"]
LANG_STRING = PREFIXES["rdf"] + "langString"
UNCHECKED_BY_PYSHACL = {XSD + "gYear", XSD + "gYearMonth"}

INTEGER = r"[+-]?[0-9]+"
DECIMAL = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
DOUBLE = r"(?:[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?INF|NaN)"
YEAR = r"-?(?:[1-9][0-9]{4,}|[0-9]{4})"
TZ = r"(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
TIME = r"(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?|24:00:00(?:\.0+)?"
DATE = rf"(?P<y>{YEAR})-(?P<m>[0-9]{{2}})-(?P<d>[0-9]{{2}})"
DURATION = (
    r"-?P(?=[0-9T])(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+D)?"
    r"(?:T(?=[0-9])(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\.[0-9]+)?S)?)?"
)
BOUNDS = {  # the integer types with a range: (least, greatest)
    XSD + "nonNegativeInteger": (0, None),
    XSD + "positiveInteger": (1, None),
    XSD + "nonPositiveInteger": (None, 0),
    XSD + "negativeInteger": (None, -1),
    XSD + "long": (-(2**63), 2**63 - 1),
    XSD + "int": (-(2**31), 2**31 - 1),
    XSD + "short": (-(2**15), 2**15 - 1),
    XSD + "byte": (-128, 127),
    XSD + "unsignedLong": (0, 2**64 - 1),
    XSD + "unsignedInt": (0, 2**32 - 1),
    XSD + "unsignedShort": (0, 2**16 - 1),
    XSD + "unsignedByte": (0, 255),
}
PATTERNS = {
    XSD + "integer": INTEGER,
    **dict.fromkeys(BOUNDS, INTEGER),
    XSD + "decimal": DECIMAL,
    XSD + "double": DOUBLE,
    XSD + "float": DOUBLE,
    XSD + "boolean": r"true|false|1|0",
    XSD + "date": DATE + TZ,
    XSD + "dateTime": rf"{DATE}T(?:{TIME}){TZ}",
    XSD + "time": rf"(?:{TIME}){TZ}",
    XSD + "gYear": YEAR + TZ,
    XSD + "gYearMonth": rf"{YEAR}-(?P<m>[0-9]{{2}}){TZ}",
    XSD + "gMonth": rf"--(?P<m>[0-9]{{2}}){TZ}",
    XSD + "gMonthDay": rf"--(?P<m>[0-9]{{2}})-(?P<d>[0-9]{{2}}){TZ}",
    XSD + "gDay": rf"---(?P<d>[0-9]{{2}}){TZ}",
    XSD + "duration": DURATION,
}
COMPILED = {datatype: re.compile(pattern) for datatype, pattern in PATTERNS.items()}


def well_formed(lexical: str, datatype: object) -> bool:
    """Is ``lexical`` in the lexical space of ``datatype``? (Unknown datatypes: yes.)"""
    datatype = str(datatype)
    pattern = COMPILED.get(datatype)
    if pattern is None:
        return True
    match = pattern.fullmatch(lexical)
    if match is None:
        return False
    return _in_range(lexical, datatype) and _real_date(match.groupdict())


def shacl_datatype_ok(term: object, datatypes: frozenset[str] | set[str]) -> bool:
    """``sh:datatype`` as pyshacl judges it: a literal of one of ``datatypes``, well-formed."""
    import pyoxigraph as ox

    if not isinstance(term, ox.Literal):
        return False
    datatype = LANG_STRING if term.language else term.datatype.value
    if datatype not in datatypes:
        return False
    return datatype in UNCHECKED_BY_PYSHACL or well_formed(term.value, datatype)


def _in_range(lexical: str, datatype: str) -> bool:
    if datatype not in BOUNDS:
        return True
    least, greatest = BOUNDS[datatype]
    if len(lexical.lstrip("+-0")) > 25:  # beyond every finite bound; int() would be slow
        return greatest is None if not lexical.startswith("-") else least is None
    value = int(lexical)
    return (least is None or value >= least) and (greatest is None or value <= greatest)


def _real_date(parts: dict[str, str | None]) -> bool:
    y, m, d = parts.get("y"), parts.get("m"), parts.get("d")
    month = int(m) if m else 1
    if not 1 <= month <= 12:
        return False
    if not d:
        return True
    year = int(y) if y else 2000  # --02-29 is a valid gMonthDay
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return 1 <= int(d) <= days


def check_typed_literals(graph: Graph) -> list[Violation]:
    """A violation for each literal whose lexical form is invalid for its XSD datatype."""
    from rdflib import Literal

    return typed_literal_violations(
        (str(s), str(p), str(o), str(o.datatype))
        for s, p, o in graph
        if isinstance(o, Literal) and o.datatype is not None
    )


def typed_literal_violations(rows: Iterable[tuple[str, str, str, str]]) -> list[Violation]:
    """The ill-formed ones among (subject, predicate IRI, lexical form, datatype IRI) rows.

    Both engines feed it: :func:`check_typed_literals` from rdflib, the fast engine
    (:mod:`kg.validate.fast_engine`) from the lossless parse of the file.

    Example::

        >>> [v.value for v in typed_literal_violations([("s", "p", "12abc", XSD + "integer")])]
        ['"12abc"^^xsd:integer']
    """
    found = set()
    for subject, predicate, lexical, datatype in rows:
        if well_formed(lexical, datatype):
            continue
        name = compact_iri(datatype)
        shown = lexical if len(lexical) <= 80 else lexical[:77] + "..."
        found.add(
            Violation(
                "datatype",
                compact_iri(subject),
                compact_iri(predicate),
                f"{shown!r} is not a valid {name}.",
                f"{shown!r}은(는) 올바른 {name} 값이 아닙니다.",
                value=f'"{shown}"^^{name}',
            )
        )
    return sorted(found, key=lambda v: (v.focus, v.path, v.value))


def unreported(typed: list[Violation], found: list[Violation]) -> list[Violation]:
    """The typed-literal violations whose (focus, path) no SHACL violation in ``found`` names."""
    shacl = {(v.focus, v.path) for v in found if v.check == "shacl"}
    return [v for v in typed if (v.focus, v.path) not in shacl]
