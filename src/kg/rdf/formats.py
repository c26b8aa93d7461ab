"""Every file and result format the project reads, writes or serves, in one table.

A row gives a format's canonical name, the other spellings it accepts (aliases),
its file suffixes and media types (the first of each is the one written), its
pyoxigraph format (``RdfFormat`` or ``QueryResultsFormat`` member, by name), its
writer (``"module:function"`` paths, imported only when used) and the places it
is offered (:data:`USES`). There is no reader column: every RDF row is read the same
way, by :func:`kg.rdf.parsing.read_quads` (or a store's bulk loader), after the same
checks, with Oxigraph's parser for the row's ``rdf`` member. The CLI's ``--format``
choices, ``kg export``, ``--graph FILE`` reading, ``kg validate``, the server's content
negotiation and the remote client all read this table; nothing else maps a name,
suffix or media type to a format.

One name per format: ``turtle``, ``ntriples``, ``nquads``, ``trig``, ``jsonld``,
``rdfxml``; ``graphml``, ``gexf``, ``dot``, ``csv``, ``xlsx``; ``table``, ``tsv``,
``sparql-json``, ``sparql-xml``, ``json-rows``. The old spellings (``ttl``,
``nt``, ``nq``, ``json-ld``, ``xml``, ``rdf``, ``excel``) resolve to them.

A file's suffix means its format: :func:`for_file` picks the format of a file to
write from its suffix, and refuses a ``--format`` the suffix does not mean. CSV
*files* open with a UTF-8 BOM (:attr:`Format.bom`), which Excel needs to read
Korean as UTF-8 and csvkit, pandas and Python's ``utf-8-sig`` skip; CSV on standard
output has none, so pipes get plain SPARQL CSV. ``xlsx`` is a real Excel workbook.

``json`` means one thing everywhere: the W3C SPARQL 1.1 Query Results JSON format
(an alias of ``sparql-json``, media type ``application/sparql-results+json``), as
in every SPARQL endpoint's ``format=json``. The plain rows ``kg query`` used to
call ``json`` (a list of objects, numbers as numbers) are ``json-rows``. Likewise
``xml`` is RDF/XML (``rdfxml``); SPARQL XML results are ``sparql-xml``.

Importing this module imports nothing but the standard library (``kg --help``
and the query path read it).

Example::

    >>> get("nt").name, get("xml").name, get("json").name
    ('ntriples', 'rdfxml', 'sparql-json')
    >>> by_suffix(Path("kg.ttl"), "read").name
    'turtle'
    >>> [f.name for f in with_use("serve") if f.rdf][:2]
    ['turtle', 'ntriples']
    >>> for_file(Path("h.xlsx"), None, "query").name
    'xlsx'
    >>> for_file(Path("kg.xlsx"), "csv", "export")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.core.errors.InputError: kg.xlsx: the suffix .xlsx means xlsx, not csv: change ...
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import NamedTuple, overload

from kg.core.errors import InputError

# Where a format is offered:
#   read   -- an RDF file any --graph FILE, kg validate or kg push reads
#   export -- kg export --format
#   query  -- kg query --format (results of SELECT/ASK, or triples of CONSTRUCT)
#   serve  -- kg serve: format=, Accept, and the /id/… and /void suffixes
USES = ("read", "export", "query", "serve")


class Format(NamedTuple):  # not a dataclass: that module costs a one-shot query ~10 ms
    """One format: how it is named, recognised, parsed and written, and where it is offered."""

    name: str
    title: str
    aliases: tuple[str, ...]
    suffixes: tuple[str, ...]
    media_types: tuple[str, ...]
    uses: tuple[str, ...]
    rdf: str | None = None  # pyoxigraph.RdfFormat member
    results: str | None = None  # pyoxigraph.QueryResultsFormat member
    writer: tuple[str, ...] = ()  # "module:function" per file written (csv: nodes, edges)
    source: str = ""  # what the export writer takes: union, dataset or network
    parts: tuple[str, ...] = ("",)  # one file, or one file per part
    bom: bool = False  # files (never standard output) open with a UTF-8 BOM, for Excel

    @overload
    def file_data(self, data: bytes) -> bytes: ...
    @overload
    def file_data(self, data: str) -> str: ...
    def file_data(self, data: bytes | str) -> bytes | str:
        """What a file of this format holds: ``data``, after a UTF-8 BOM if :attr:`bom`."""
        if not self.bom:
            return data
        return "\ufeff" + data if isinstance(data, str) else BOM + data

    @property
    def suffix(self) -> str:
        """The suffix written (``.ttl``); "" for a format never written to a file of its own."""
        return self.suffixes[0] if self.suffixes else ""

    @property
    def media_type(self) -> str:
        """The media type served and sent."""
        return self.media_types[0]

    @property
    def dataset(self) -> bool:
        """True for formats with named graphs (N-Quads, TriG)."""
        return self.rdf in ("N_QUADS", "TRIG")

    def oxigraph(self):
        """The pyoxigraph ``RdfFormat`` or ``QueryResultsFormat`` (pyoxigraph imported here)."""
        import pyoxigraph as ox

        if self.rdf:
            return getattr(ox.RdfFormat, self.rdf)
        if self.results:
            return getattr(ox.QueryResultsFormat, self.results)
        raise InputError(f"{self.name}: not a format pyoxigraph reads or writes")


BOM = b"\xef\xbb\xbf"


def load(reference: str):
    """The function a ``"module:function"`` reference names (its module imported now)."""
    module, _, name = reference.partition(":")
    return getattr(importlib.import_module(module), name)


_RDF = ("read", "export", "query", "serve")
# fmt: off
TABLE = (
    Format("turtle", "Turtle", ("ttl",), (".ttl",), ("text/turtle", "application/x-turtle"),
           _RDF, rdf="TURTLE",
           writer=("kg.rdf.oxigraph_writers:to_turtle",), source="union"),
    Format("ntriples", "N-Triples", ("nt",), (".nt",), ("application/n-triples", "text/plain"),
           ("read", "export", "serve"), rdf="N_TRIPLES",
           writer=("kg.rdf.writing:to_ntriples",), source="union"),
    Format("nquads", "N-Quads", ("nq",), (".nq",), ("application/n-quads",),
           ("read", "export"), rdf="N_QUADS",
           writer=("kg.rdf.writing:to_nquads",), source="dataset"),
    Format("trig", "TriG", (), (".trig",), ("application/trig",),
           ("read", "export"), rdf="TRIG",
           writer=("kg.rdf.oxigraph_writers:to_trig",), source="dataset"),
    Format("jsonld", "JSON-LD", ("json-ld",), (".jsonld", ".json"),
           ("application/ld+json", "application/json"),
           ("read", "export", "serve"), rdf="JSON_LD",
           writer=("kg.rdf.writing:to_jsonld",), source="union"),
    Format("rdfxml", "RDF/XML", ("xml", "rdf"), (".rdf", ".xml", ".owl"),
           ("application/rdf+xml", "application/xml", "text/xml"),
           ("read", "export", "serve"), rdf="RDF_XML",
           writer=("kg.rdf.writing:to_rdfxml",), source="union"),
    Format("graphml", "GraphML", (), (".graphml",), ("application/graphml+xml",), ("export",),
           writer=("kg.network.writers:to_graphml",), source="network"),
    Format("gexf", "GEXF", (), (".gexf",), ("application/gexf+xml",), ("export",),
           writer=("kg.network.writers:to_gexf",), source="network"),
    Format("dot", "Graphviz DOT", (), (".dot",), ("text/vnd.graphviz",), ("export",),
           writer=("kg.network.writers:to_dot",), source="network"),
    Format("csv", "CSV", (), (".csv",), ("text/csv",), ("export", "query", "serve"),
           results="CSV", writer=("kg.network.writers:to_csv_nodes",
                                  "kg.network.writers:to_csv_edges"),
           source="network", parts=("nodes", "edges"), bom=True),
    Format("xlsx", "Excel workbook", ("excel",), (".xlsx",),
           ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",),
           ("export", "query"), writer=("kg.network.writers:to_xlsx",), source="network"),
    Format("tsv", "TSV", (), (".tsv",), ("text/tab-separated-values",), ("query", "serve"),
           results="TSV"),
    Format("table", "text table", (), (".txt",), ("text/plain",), ("query",)),
    Format("sparql-json", "SPARQL JSON results", ("json", "srj"), (".srj", ".json"),
           ("application/sparql-results+json", "application/json"), ("query", "serve"),
           results="JSON"),
    Format("sparql-xml", "SPARQL XML results", ("srx",), (".srx", ".xml"),
           ("application/sparql-results+xml", "application/xml", "text/xml"),
           ("query", "serve"), results="XML"),
    Format("json-rows", "plain JSON rows", (), (), ("application/json",), ("query",)),
)
# fmt: on
FORMATS: dict[str, Format] = {f.name: f for f in TABLE}
ALIASES: dict[str, str] = {alias: f.name for f in TABLE for alias in (f.name, *f.aliases)}


def get(name: str) -> Format:
    """The format called ``name`` or one of its aliases (any case); else an error."""
    try:
        return FORMATS[ALIASES[name.strip().lower()]]
    except KeyError:
        raise InputError(f"unknown format {name!r} (known: {', '.join(FORMATS)})") from None


def find(name: str) -> Format | None:
    """The format called ``name`` (or an alias), or None."""
    canonical = ALIASES.get(name.strip().lower())
    return FORMATS[canonical] if canonical else None


def with_use(use: str) -> list[Format]:
    """The formats offered for ``use`` (one of :data:`USES`), in table order."""
    assert use in USES, use
    return [f for f in TABLE if use in f.uses]


def names(use: str) -> tuple[str, ...]:
    """The canonical names offered for ``use`` (the CLI's ``--format`` choices)."""
    return tuple(f.name for f in with_use(use))


def choices(use: str) -> tuple[str, ...]:
    """Canonical names, then the aliases, offered for ``use`` (what ``--format`` accepts)."""
    offered = with_use(use)
    return tuple(f.name for f in offered) + tuple(a for f in offered for a in f.aliases)


def by_suffix(path: Path | str, use: str, rdf_only: bool = False) -> Format:
    """The format of a file, from its last suffix, among those offered for ``use``."""
    found = suffix_format(Path(path).suffix, use, rdf_only)
    if found is None:
        known = ", ".join(s for f in with_use(use) if f.rdf or not rdf_only for s in f.suffixes)
        raise InputError(f"{path}: unknown file suffix (known: {known})")
    return found


def suffix_format(suffix: str, use: str, rdf_only: bool = False) -> Format | None:
    """The format with file suffix ``suffix`` (``.ttl``) offered for ``use``, or None.

    A suffix names one format within a use (``.json`` is JSON-LD for ``read``, SPARQL
    JSON for ``query``); ``rdf_only`` keeps RDF formats (``serve``: the /id/ suffixes).
    """
    suffix = suffix.lower()
    offered = (f for f in with_use(use) if f.rdf or not rdf_only)
    return next((f for f in offered if suffix in f.suffixes), None)


def for_file(path: Path | str, name: str | None, use: str) -> Format:
    """The format to write the file ``path`` in: ``name`` (``--format``), else its suffix's.

    A file is never written in a format its suffix does not mean: ``--format csv -o
    kg.xlsx`` is an error, as is a suffix that names no format of ``use`` without
    ``--format`` (``-o out.dat``). A suffix no format has (or none) takes any ``--format``.
    """
    path = Path(path)
    meant = suffix_format(path.suffix, use) or next(
        (f for f in TABLE if path.suffix.lower() in f.suffixes), None
    )
    if name is None:
        if meant is None or use not in meant.uses:
            known = " ".join(dict.fromkeys(s for f in with_use(use) for s in f.suffixes))
            raise InputError(f"{path}: no format has this suffix; give --format (or: {known})")
        return meant
    chosen = get(name)
    # A format without a suffix of its own (json-rows) goes where its media type does (.json).
    agree = path.suffix.lower() in chosen.suffixes or (
        not chosen.suffixes
        and meant is not None
        and set(chosen.media_types) & set(meant.media_types)
    )
    if meant is not None and not agree:
        raise InputError(
            f"{path}: the suffix {path.suffix} means {meant.name}, not {chosen.name}: "
            "change --format or the file name"
        )
    return chosen


def by_media_type(media_type: str, use: str) -> list[Format]:
    """The formats offered for ``use`` with ``media_type`` (parameters ignored), best first."""
    bare = media_type.split(";")[0].strip().lower()
    return [f for f in with_use(use) if bare in f.media_types]
