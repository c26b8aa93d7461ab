"""The export formats as one table (format → writer, suffix, media type), and exporting.

Each writer takes the built graph (facts and provenance, :class:`BuiltGraph`) and
the display language, and returns the text of each file it makes: one, except CSV
(a nodes file and an edges file). To move a format to another engine, point its
row at another writer. Turtle and TriG are written by Oxigraph (:mod:`kg.rdf.oxigraph_writers`,
5× faster than rdflib on the bundled graph and at 10^5 triples); N-Triples and
N-Quads by rdflib with sorted lines (Oxigraph gives the same bytes, but converting
rdflib's terms costs more than its writer saves); JSON-LD (compacted with our
context) and RDF/XML by rdflib.

Example::

    >>> from kg.build.assemble import build_parts
    >>> [p.name for p in export(build_parts(), "turtle", Path("dist/kg.ttl"))]
    ['kg.ttl']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.build.assemble import BuiltGraph
from kg.core.errors import ExportError
from kg.core.files import write_atomic
from kg.core.paths import DIST_DIR
from kg.network import writers as graphwriters
from kg.network.view import to_networkx
from kg.rdf import oxigraph_writers as oxexport
from kg.rdf import writing as rdf

Writer = Callable[[BuiltGraph, str], tuple[str, ...]]


@dataclass(frozen=True)
class Format:
    """One export format: its writer, file suffix, media type, and the files it makes."""

    name: str
    suffix: str
    media_type: str
    writer: Writer
    parts: tuple[str, ...] = ("",)  # one file, or a file per part ("nodes", "edges")

    def paths(self, path: Path) -> list[Path]:
        """The files written for ``path``: itself, or ``STEM-PART.SUFFIX`` per part."""
        if self.parts == ("",):
            return [path]
        stem = path.name[: -len(self.suffix)] if path.name.endswith(self.suffix) else path.name
        return [path.with_name(f"{stem}-{part}{self.suffix}") for part in self.parts]


def _on_union(write: Callable) -> Writer:
    return lambda parts, lang: (write(parts.union()),)


def _on_dataset(write: Callable) -> Writer:
    return lambda parts, lang: (write(parts.dataset()),)


def _on_network(*writes: Callable) -> Writer:
    def writer(parts: BuiltGraph, lang: str) -> tuple[str, ...]:
        network = to_networkx(parts.union(), lang)
        return tuple(write(network) for write in writes)

    return writer


# fmt: off
_TABLE = (
    # name     suffix      media type                 writer
    ("turtle",  ".ttl",     "text/turtle",             _on_union(oxexport.to_turtle)),
    ("jsonld",  ".jsonld",  "application/ld+json",     _on_union(rdf.to_jsonld)),
    ("nt",      ".nt",      "application/n-triples",   _on_union(rdf.to_ntriples)),
    ("nquads",  ".nq",      "application/n-quads",     _on_dataset(rdf.to_nquads)),
    ("trig",    ".trig",    "application/trig",        _on_dataset(oxexport.to_trig)),
    ("xml",     ".rdf",     "application/rdf+xml",     _on_union(rdf.to_rdfxml)),
    ("graphml", ".graphml", "application/graphml+xml", _on_network(graphwriters.to_graphml)),
    ("gexf",    ".gexf",    "application/gexf+xml",    _on_network(graphwriters.to_gexf)),
    ("dot",     ".dot",     "text/vnd.graphviz",       _on_network(graphwriters.to_dot)),
    ("csv",     ".csv",     "text/csv",                _on_network(graphwriters.to_csv_nodes,
                                                                   graphwriters.to_csv_edges),
     ("nodes", "edges")),
)
# fmt: on
FORMATS: dict[str, Format] = {row[0]: Format(*row) for row in _TABLE}
GRAPH_FORMATS = ("graphml", "gexf", "dot", "csv")


def get_format(name: str) -> Format:
    """The format called ``name``; an unknown name lists the known ones."""
    try:
        return FORMATS[name]
    except KeyError as e:
        raise ExportError(f"unknown export format {name!r} (known: {', '.join(FORMATS)})") from e


def default_path(fmt: Format, out_dir: Path = DIST_DIR) -> Path:
    """Where a format goes by default: ``dist/kg.SUFFIX``."""
    return Path(out_dir) / f"kg{fmt.suffix}"


def render(parts: BuiltGraph, name: str, lang: str = "en") -> tuple[str, ...]:
    """The text of every file of format ``name``, in memory."""
    return get_format(name).writer(parts, lang)


def export(parts: BuiltGraph, name: str, path: Path | None = None, lang: str = "en") -> list[Path]:
    """Write ``parts`` in format ``name`` to ``path`` (default ``dist/kg.SUFFIX``), atomically.

    Every file's text is made before the first is written, so a failing writer
    leaves all previous files as they were.
    """
    fmt = get_format(name)
    texts = fmt.writer(parts, lang)
    paths = fmt.paths(Path(path) if path else default_path(fmt))
    return [write_atomic(target, text) for target, text in zip(paths, texts, strict=True)]


def export_all(parts: BuiltGraph, out_dir: Path = DIST_DIR, lang: str = "en") -> list[Path]:
    """Every format to ``out_dir`` under its default name."""
    written: list[Path] = []
    for name, fmt in FORMATS.items():
        written += export(parts, name, default_path(fmt, out_dir), lang)
    return written
