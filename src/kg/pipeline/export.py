"""Exporting: the writer of each ``kg export`` format of :mod:`kg.rdf.formats`, and writing.

The format table (name, aliases, suffix, media type, writer) is :mod:`kg.rdf.formats`;
here each export row's writer (a ``"module:function"`` reference, imported when used)
is given what it takes: the union of the built graph (facts and provenance,
:class:`BuiltGraph`), its dataset (two named graphs), or its networkx view in the
display language. A writer returns the text of each file it makes: one, except CSV
(a nodes file and an edges file). Turtle and TriG are written by Oxigraph
(:mod:`kg.rdf.oxigraph_writers`, 5× faster than rdflib on the bundled graph and at
10^5 triples); N-Triples and N-Quads by rdflib with sorted lines; JSON-LD (compacted
with our context) and RDF/XML by rdflib.

Example::

    >>> from kg.build.assemble import build_parts
    >>> [p.name for p in export(build_parts(), "turtle", Path("dist/kg.ttl"))]
    ['kg.ttl']
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from rdflib import Dataset, Graph

from kg.core.errors import ExportError, InputError
from kg.core.files import write_atomic
from kg.core.paths import DIST_DIR
from kg.rdf import formats
from kg.rdf.formats import Format

if TYPE_CHECKING:
    from networkx import MultiDiGraph

EXPORTS = formats.names("export")


class GraphParts(Protocol):
    """What the exporters take: a graph as one union and as its named graphs.

    Both :class:`kg.build.assemble.BuiltGraph` and :class:`kg.rdf.convert.InputGraph` are one.
    """

    def union(self) -> Graph:
        """Every triple in one graph."""
        ...

    def dataset(self) -> Dataset:
        """The triples in their named graphs."""
        ...


def get_format(name: str) -> Format:
    """The export format called ``name`` (or an alias); an unknown name lists the known ones."""
    try:
        fmt = formats.get(name)
    except InputError:
        fmt = None
    if fmt is None or "export" not in fmt.uses:
        raise ExportError(f"unknown export format {name!r} (known: {', '.join(EXPORTS)})")
    return fmt


def paths(fmt: Format, path: Path) -> list[Path]:
    """The files written for ``path``: itself, or ``STEM-PART.SUFFIX`` per part (CSV)."""
    if fmt.parts == ("",):
        return [path]
    stem = path.name[: -len(fmt.suffix)] if path.name.endswith(fmt.suffix) else path.name
    return [path.with_name(f"{stem}-{part}{fmt.suffix}") for part in fmt.parts]


def default_path(fmt: Format, out_dir: Path = DIST_DIR) -> Path:
    """Where a format goes by default: ``dist/kg.SUFFIX``."""
    return Path(out_dir) / f"kg{fmt.suffix}"


def render(parts: GraphParts, name: str, lang: str = "en") -> tuple[str | bytes, ...]:
    """The text (bytes for xlsx) of every file of format ``name``, in memory."""
    fmt = get_format(name)
    source: Graph | MultiDiGraph
    if fmt.source == "union":
        source = parts.union()
    elif fmt.source == "dataset":
        source = parts.dataset()
    else:
        from kg.network.view import to_networkx

        source = to_networkx(parts.union(), lang)
    return tuple(formats.load(writer)(source) for writer in fmt.writer)


def export(
    parts: GraphParts, name: str | None, path: Path | None = None, lang: str = "en"
) -> list[Path]:
    """Write ``parts`` in format ``name`` to ``path`` (default ``dist/kg.SUFFIX``), atomically.

    Without ``name`` the format is the suffix's; a suffix that means another format
    is an error (:func:`kg.rdf.formats.for_file`). Every file's text is made before
    the first is written, so a failing writer leaves all previous files as they were.
    """
    if path is not None:
        name = formats.for_file(path, name, "export").name
    if name is None:
        raise ExportError("give --format FORMAT, -o FILE with a known suffix, or --all")
    fmt = get_format(name)
    texts = render(parts, name, lang)
    targets = paths(fmt, Path(path) if path else default_path(fmt))
    pairs = zip(targets, texts, strict=True)
    return [write_atomic(target, fmt.file_data(text)) for target, text in pairs]


def export_all(parts: GraphParts, out_dir: Path = DIST_DIR, lang: str = "en") -> list[Path]:
    """Every export format to ``out_dir`` under its default name."""
    written: list[Path] = []
    for name in EXPORTS:
        written += export(parts, name, default_path(formats.FORMATS[name], out_dir), lang)
    return written
