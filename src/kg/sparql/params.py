"""Query parameters: ``--param name=value`` checked against the ``# param:`` type, bound as terms.

A value never enters the query text: it becomes an RDF term (a typed literal or an
IRI) that pyoxigraph substitutes for the variable of the same name. Types:

    xsd:string  xsd:integer  xsd:decimal  xsd:boolean  xsd:date  xsd:gYear  xsd:gYearMonth
    iri     an IRI: <https://…>, https://…, kg:org/mic, or kind/slug (org/mic); or else
            a name, which must be the label of exactly one entity (:mod:`kg.sparql.names`)
    entity  an IRI as above, or else a label (a plain string the query matches)

Example::

    >>> from kg.sparql.catalogue import Param
    >>> to_term(Param("year", "xsd:gYear"), "2017")
    <Literal value=2017 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#gYear>>
    >>> to_term(Param("year", "xsd:gYear"), "2017년")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.core.errors.QueryError: parameter year: '2017년' is not an xsd:gYear (want a year ...)
"""

from __future__ import annotations

import itertools
import re
import unicodedata

import pyoxigraph as ox

from kg.core.config import ID_BASE, PREFIXES
from kg.core.errors import QueryError
from kg.sparql.catalogue import Param
from kg.sparql.guard import tokens
from kg.sparql.subselects import subquery_groups

XSD = PREFIXES["xsd"]
XSD_STRING = ox.NamedNode(XSD + "string")
LITERAL_TYPES: dict[str, tuple[str | None, str]] = {
    "xsd:string": (None, "any text"),
    "xsd:integer": (r"[+-]?\d+", "an integer such as 42"),
    "xsd:decimal": (r"[+-]?(\d+(\.\d*)?|\.\d+)", "a decimal number such as 11.5"),
    "xsd:boolean": (r"true|false|1|0", "true or false"),
    "xsd:date": (r"\d{4}-\d{2}-\d{2}", "a date such as 2017-05-30"),
    "xsd:gYear": (r"\d{4}", "a year such as 2017"),
    "xsd:gYearMonth": (r"\d{4}-(0[1-9]|1[0-2])", "a year and month such as 2017-05"),
}
TYPES = (*LITERAL_TYPES, "iri", "entity")
# The kinds of entity IRIs (<base>id/<kind>/<slug>), so that `org/mic` reads as an IRI.
KINDS = [
    "annotation",
    "concept",
    "document",
    "event",
    "legislation",
    "observation",
    "org",
    "person",
    "place",
    "post",
    "project",
    "scheme",
    "unit",
]
# compiled (and cached by re) when first used: only for an iri or entity parameter
SLUG_PATH = rf"^(?:{'|'.join(KINDS)})/[A-Za-z0-9._~/-]+$"
SCHEME = r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):(?P<rest>\S*)$"


def parse_assignments(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``["year=2017"]`` → ``{"year": "2017"}``; a pair without ``=`` or given twice is an error."""
    given: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise QueryError(f"--param {pair!r}: want NAME=VALUE, e.g. --param year=2017")
        if name in given:
            raise QueryError(f"--param {name} is given twice")
        given[name] = value
    return given


def bind(params: list[Param], given: dict[str, str], source: str) -> dict[ox.Variable, object]:
    """The substitutions for a query: every given or default value as a term of its type."""
    known = {p.name: p for p in params}
    for name in given:
        if name not in known:
            names = ", ".join(known) if known else "none"
            raise QueryError(f"{source} has no parameter {name!r} (its parameters: {names})")
    bindings: dict[ox.Variable, object] = {}
    for param in params:
        if param.type not in TYPES:
            raise QueryError(
                f"{source}: parameter {param.name} has unknown type {param.type!r} "
                f"(known: {', '.join(TYPES)})"
            )
        value = given.get(param.name, param.default)
        if value is None and param.optional:
            continue
        if value is None:
            doc = f": {param.doc}" if param.doc else ""
            raise QueryError(f"{source} needs --param {param.name}=… ({param.type}{doc})")
        bindings[ox.Variable(param.name)] = to_term(param, value)
    return bindings


def to_term(param: Param, value: str) -> ox.NamedNode | ox.Literal:
    """``value`` as the RDF term ``param.type`` asks for, or a QueryError saying why not."""
    if param.type in ("iri", "entity"):
        iri = to_iri(value)
        if iri is None and (value.strip().startswith("<") or not value.strip()):
            raise QueryError(
                f"parameter {param.name}: {value!r} is not an IRI "
                "(want <https://…>, kg:org/mic or org/mic, or a name such as 정보통신부)"
            )
        # a name: kg.sparql.names looks it up in the graph before the query runs
        return iri or ox.Literal(_nfc(value.strip()))
    pattern, want = LITERAL_TYPES[param.type]
    text = value.strip()
    if pattern is None:
        return ox.Literal(_nfc(value))
    if not re.fullmatch(pattern, text) or not _valid_date(param.type, text):
        raise QueryError(f"parameter {param.name}: {value!r} is not an {param.type} (want {want})")
    return ox.Literal(text, datatype=ox.NamedNode(XSD + param.type.removeprefix("xsd:")))


def to_iri(value: str) -> ox.NamedNode | None:
    """An IRI from ``<…>``, a full IRI, a prefixed name of ours or ``kind/slug``; else None."""
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    elif re.match(SLUG_PATH, text):
        text = ID_BASE + text
    else:
        match = re.match(SCHEME, text)
        if not match:
            return None
        if match.group("scheme") in PREFIXES:
            text = PREFIXES[match.group("scheme")] + match.group("rest")
    try:
        return ox.NamedNode(text)
    except ValueError:
        return None


def _nfc(text: str) -> str:
    """Text as composed Unicode (NFC), like the graph's labels: decomposed Hangul (jamo,
    as macOS file names and some keyboards give it) would otherwise match nothing."""
    return unicodedata.normalize("NFC", text)


def _valid_date(type_: str, text: str) -> bool:
    if type_ != "xsd:date":
        return True
    from datetime import date  # only for a date: not on every query's path

    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


NAMES = [  # what a var= entity parameter may be given as: a label, another name, a code (KR-45)
    ox.NamedNode(PREFIXES[prefix] + local)
    for prefix, local in (("rdfs", "label"), ("skos", "altLabel"), ("schema", "identifier"))
]


def resolve_labels(
    store: ox.Store, params: list[Param], bindings: dict[ox.Variable, object]
) -> dict[ox.Variable, object]:
    """``bindings`` with the name given for an ``entity`` parameter replaced by the IRIs
    that bear it exactly (its rdfs:label, skos:altLabel or schema:identifier, in ko, en or
    no language, as given or upper-cased: ``kr-45``): exact-term lookups in the store's
    indexes, never a scan of every label. A name nothing bears exactly is left as it is
    (for the label index, :func:`kg.sparql.lookup.resolve_names`).
    """
    resolved = dict(bindings)
    for param in params:
        name = bindings.get(ox.Variable(param.name))
        if param.type not in ("entity", "iri") or not isinstance(name, ox.Literal):
            continue
        texts = dict.fromkeys([name.value, name.value.upper()])
        terms = [ox.Literal(t, language=lang) for t in texts for lang in ("ko", "en", None)]
        iris = {
            quad.subject
            for term in terms
            for predicate in NAMES
            for quad in store.quads_for_pattern(None, predicate, term)
            if isinstance(quad.subject, ox.NamedNode)
        }
        if iris:
            resolved[ox.Variable(param.name)] = sorted(iris, key=str)
    return resolved


def to_variables(
    params: list[Param], bindings: dict[ox.Variable, object]
) -> dict[ox.Variable, object]:
    """``bindings`` keyed by the variable each parameter binds (``var=org``: ``?org``)."""
    renamed = {p.name: ox.Variable(p.variable) for p in params}
    return {renamed.get(v.value, v): term for v, term in bindings.items()}


FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")


def with_values(text: str, bindings: dict[ox.Variable, object], source: str = "the query") -> str:
    """``text`` with its parameters bound by a ``VALUES`` block opening its WHERE group.

    Each subquery that projects a parameter's variable gets the block too, for its own
    variables (:mod:`kg.sparql.subselects`): Oxigraph evaluates a subquery on its own.

    A value may be a list of terms (a name that several entities bear): one row each.

    Each value is written in its N-Triples form (escaped by pyoxigraph), never as
    user text. Oxigraph evaluates this much faster than ``substitutions`` (which it
    does not push into UNIONs: 1.1 s vs 1 ms for ``technologies`` at 10^5 triples),
    and any SPARQL 1.1 endpoint understands it. The line numbers do not change.
    A plain string is written with its datatype (``"센터"^^xsd:string``, the same RDF 1.1
    term): Virtuoso 7.2 turns ``STR(?text)`` of a plain non-ASCII VALUES literal into "??".
    """
    if not bindings:
        return text
    places = [(where_group(text, source), list(bindings))]
    for at, projected in subquery_groups(text):
        inner = [v for v in bindings if v.value in projected]
        places += [(at, inner)] if inner else []
    for at, variables in sorted(places, key=lambda place: place[0], reverse=True):
        text = f"{text[:at]} {_values(variables, bindings)}{text[at:]}"
    return text


def _values(variables: list[ox.Variable], bindings: dict[ox.Variable, object]) -> str:
    """``VALUES (?a ?b) { … }``: a row for each combination of the variables' values."""
    names = " ".join(str(v) for v in variables)
    values = [bindings[v] for v in variables]
    choices = [value if isinstance(value, list) else [value] for value in values]
    rows = " ".join("(" + " ".join(map(_nt, row)) + ")" for row in itertools.product(*choices))
    return f"VALUES ({names}) {{ {rows} }}"


def _nt(term: object) -> str:
    """The term in N-Triples form; a plain string with its ``xsd:string`` datatype."""
    if isinstance(term, ox.Literal) and term.datatype == XSD_STRING and not term.language:
        return f"{term}^^{XSD_STRING}"
    return str(term)


def where_group(text: str, source: str = "the query") -> int:
    """The offset just after the ``{`` that opens the query's WHERE group.

    That is the first top-level ``{`` after the keyword WHERE, or, without the
    keyword, the first top-level ``{`` after the query form (the second for
    CONSTRUCT, whose first is its template). Strings, IRIs and comments are skipped.
    """
    depth, form, groups, after_where = 0, "", 0, False
    for match in tokens(text):
        kind, token = match.lastgroup, match.group()
        if kind == "word" and depth == 0:
            word = token.upper()
            form = form or (word if word in FORMS else "")
            after_where = after_where or (word == "WHERE" and bool(form))
        elif kind == "open":
            if depth == 0 and token == "{" and form:
                groups += 1
                if after_where or form != "CONSTRUCT" or groups == 2:
                    return match.end()
            depth += 1
        elif kind == "close":
            depth = max(0, depth - 1)
    raise QueryError(f"{source} has no WHERE group to bind its parameters in")
