"""The catalogue of bundled SPARQL queries in ``queries/``: names, headers, parameters.

Each ``.rq`` file opens with comment lines that explain it::

    # title: Units by opening date
    # description: 개소일 순 조직 단위 / Every unit with its opening date, oldest first
    # columns: unit, label, opened
    # param: year xsd:gYear  the year to list
    # param: org iri default=kg:org/jeonju-ict-culture-agency  the organization
    # param: agency entity optional var=org  one agency; without it, every agency
    # param: text xsd:string example=센터  the text to look for
    # index: text  (optional) kg answers this search from its label index (kg.sparql.lookup)

A parameter without ``default=`` or ``optional`` must be given
(``kg query NAME --param year=2017``); an optional one not given is left unbound.
``example=`` is a value that gives rows, for tests and pages that run every query.
``var=org`` binds the value to ``?org`` rather than to the variable of the parameter's
name, so that the query can follow links from the agency's IRI (bound in ``?org``) and
still project a readable ``?agency`` column (its ko label).
Its TYPE (``xsd:gYear``, ``iri``, ``entity`` …) says how :mod:`kg.sparql.query` checks and
binds the value. This module reads those headers only; it imports no RDF library.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from kg.core.config import BASE, CANONICAL_BASE
from kg.core.errors import QueryError
from kg.core.files import cannot_read
from kg.core.paths import QUERIES_DIR

NAME = re.compile(r"[a-z0-9_-]+")  # always fullmatch: "$" would accept "history\\n"
MAX_BYTES = 400_000  # a query file larger than this is not a query
HEADER = re.compile(r"^#\s*(?P<key>[a-z]+)\s*:\s*(?P<value>.*?)\s*$")
PARAM = (  # compiled (and cached by re) when first used: only queries with parameters
    r"^(?P<name>[a-z_][a-z0-9_]*)\s+(?P<type>\S+)(?:\s+(?P<optional>optional)(?=\s|$))?"
    r"(?:\s+var=(?P<var>[a-z_][a-z0-9_]*)(?=\s|$))?"
    r"(?:\s+default=(?P<default>\S+))?(?:\s+example=(?P<example>\S+))?(?:\s+(?P<doc>.*))?$"
)


class Param(NamedTuple):  # not dataclasses: that module costs a one-shot query ~10 ms
    """A parameter a query takes: ``# param: NAME TYPE documentation``."""

    name: str
    type: str
    doc: str = ""
    default: str | None = None
    optional: bool = False  # not given: left unbound (e.g. `agency`: every agency)
    example: str | None = None  # a value that gives rows (tests, pages running every query)
    var: str | None = None  # ``var=org``: the value is bound to ?org, not ?NAME

    @property
    def variable(self) -> str:
        """The query variable the value is bound to: ``var=`` if given, else the name."""
        return self.var or self.name

    @property
    def required(self) -> bool:
        """A parameter with no default must be given, unless it is optional."""
        return self.default is None and not self.optional

    @property
    def sample(self) -> str | None:
        """A value to run the query with: its default, else its example (None: leave it)."""
        return self.default if self.default is not None else self.example


class CatalogueQuery(NamedTuple):
    """A bundled query and what its header says about it."""

    name: str
    path: Path
    text: str
    title: str
    description: list[str]
    columns: list[str]
    params: list[Param] = []  # one list shared by the queries without: never changed in place
    # ``# index: PARAM``: a name search kg answers from its label index (shadows tuple.index)
    index: str | None = None  # type: ignore[assignment]

    @property
    def is_violation(self) -> bool:
        """A ``*-violation`` query finds data-quality problems: rows mean failure."""
        return self.name.endswith("-violation")


def read_query(path: Path, strict: bool = True) -> CatalogueQuery:
    """Read a query file and its header.

    A bundled query (``strict``) must have a title, a description and columns; a
    user's own file may have no header at all. Bundled queries are written with the
    canonical base IRI, rewritten here to the configured one (``KG_BASE_IRI``).
    """
    try:
        text = path.read_text(encoding="utf-8")
        if strict:
            text = text.replace(CANONICAL_BASE, BASE)
    except UnicodeDecodeError as e:
        raise QueryError(f"{path}: not UTF-8 at byte {e.start}") from e
    except OSError as e:
        raise QueryError(cannot_read(path, e)) from e
    header: dict[str, list[str]] = {}
    for line in text.splitlines():
        match = HEADER.match(line)
        if not line.startswith("#"):
            break
        if match:
            header.setdefault(match.group("key"), []).append(match.group("value"))
    for key in ("title", "description", "columns"):
        if strict and key not in header:
            raise QueryError(f"{path}: the header has no '# {key}:' line")
    params = [_param(path, value) for value in header.get("param", [])]
    columns = [c.strip() for c in ",".join(header.get("columns", [])).split(",") if c.strip()]
    title = header.get("title", [path.stem])[0]
    index = header["index"][0].split()[0] if header.get("index", [""])[0] else None
    return CatalogueQuery(
        path.stem, path, text, title, header.get("description", []), columns, params, index
    )


def _param(path: Path, value: str) -> Param:
    match = re.match(PARAM, value)
    if not match:
        raise QueryError(f"{path}: bad '# param:' line {value!r} (want: NAME TYPE doc)")
    doc = match.group("doc") or ""
    name, type_, default = match.group("name"), match.group("type"), match.group("default")
    optional, var = bool(match.group("optional")), match.group("var")
    return Param(name, type_, doc, default, optional, match.group("example"), var)


def load_catalogue(directory: Path = QUERIES_DIR) -> dict[str, CatalogueQuery]:
    """Every bundled query, by name, in name order.

    Only regular files named NAME.rq directly in ``directory`` count: a symlink (which
    could point anywhere) or an odd name is not a bundled query, and is never read.
    """
    paths = sorted(directory.glob("*.rq"))
    bundled = [p for p in paths if NAME.fullmatch(p.stem) and _regular(p)]
    return {path.stem: read_query(path) for path in bundled}


def _regular(path: Path) -> bool:
    return not path.is_symlink() and path.is_file()


def find_query(name: str, directory: Path = QUERIES_DIR) -> CatalogueQuery:
    """A bundled query by name; an unsafe or unknown name is refused with close matches."""
    if not NAME.fullmatch(name):
        shown = name if len(name) <= 80 else name[:79] + "…"
        raise QueryError(f"query name {shown!r} is not allowed: names match ^[a-z0-9_-]+$")
    path = directory / f"{name}.rq"
    if _regular(path):  # only this file is read: the others cost a one-shot query ~2 ms
        return read_query(path)
    catalogue = load_catalogue(directory)
    if name not in catalogue:
        import difflib  # only for a name not found: not on the path of every query

        close = difflib.get_close_matches(name, list(catalogue), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see kg query --list"
        raise QueryError(f"no bundled query named {name!r}{hint}")
    return catalogue[name]
