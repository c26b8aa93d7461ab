"""The catalogue of bundled SPARQL queries in ``queries/``: names, headers, parameters.

Each ``.rq`` file opens with comment lines that explain it::

    # title: Units by opening date
    # description: 개소일 순 조직 단위 / Every unit with its opening date, oldest first
    # columns: unit, label, opened
    # param: year xsd:gYear  the year to list
    # param: org iri default=kg:org/jeonju-ict-culture-agency  the organization

A parameter without ``default=`` must be given (``kg query NAME --param year=2017``).
Its TYPE (``xsd:gYear``, ``iri``, ``entity`` …) says how :mod:`kg.sparql.query` checks and
binds the value. This module reads those headers only; it imports no RDF library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.core.config import BASE, CANONICAL_BASE
from kg.core.errors import QueryError
from kg.core.paths import QUERIES_DIR

NAME = re.compile(r"[a-z0-9_-]+")  # always fullmatch: "$" would accept "history\\n"
MAX_BYTES = 400_000  # a query file larger than this is not a query
HEADER = re.compile(r"^#\s*(?P<key>[a-z]+)\s*:\s*(?P<value>.*?)\s*$")
PARAM = re.compile(
    r"^(?P<name>[a-z_][a-z0-9_]*)\s+(?P<type>\S+)"
    r"(?:\s+default=(?P<default>\S+))?(?:\s+(?P<doc>.*))?$"
)


@dataclass(frozen=True)
class Param:
    """A parameter a query takes: ``# param: NAME TYPE documentation``."""

    name: str
    type: str
    doc: str = ""
    default: str | None = None

    @property
    def required(self) -> bool:
        """A parameter with no default must be given."""
        return self.default is None


@dataclass(frozen=True)
class CatalogueQuery:
    """A bundled query and what its header says about it."""

    name: str
    path: Path
    text: str
    title: str
    description: list[str]
    columns: list[str]
    params: list[Param] = field(default_factory=list)

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
        raise QueryError(f"{path}: cannot read: {e.strerror}") from e
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
    return CatalogueQuery(
        path.stem, path, text, title, header.get("description", []), columns, params
    )


def _param(path: Path, value: str) -> Param:
    match = PARAM.match(value)
    if not match:
        raise QueryError(f"{path}: bad '# param:' line {value!r} (want: NAME TYPE doc)")
    doc = match.group("doc") or ""
    return Param(match.group("name"), match.group("type"), doc, match.group("default"))


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
    catalogue = load_catalogue(directory)
    if name not in catalogue:
        import difflib  # only for a name not found: not on the path of every query

        close = difflib.get_close_matches(name, list(catalogue), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see kg query --list"
        raise QueryError(f"no bundled query named {name!r}{hint}")
    return catalogue[name]
