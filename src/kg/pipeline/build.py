"""``kg build``: sources → graph → SHACL → the files of ``dist/``; nothing written unless valid.

Example::

    >>> from kg.pipeline.build import build
    >>> result = build()               # doctest: +SKIP
    >>> result.report.conforms         # doctest: +SKIP
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.build.assemble import build_parts
from kg.build.summary import Summary, summarize
from kg.core.errors import NotConformingError
from kg.core.files import write_atomic
from kg.core.paths import DIST_DIR, RECORDS_DIR, SOURCES_DIR
from kg.rdf.writing import save_graph, to_nquads
from kg.validate.pyshacl_engine import validate
from kg.validate.report import Report


@dataclass
class BuildResult:
    """What ``kg build`` made: the graph, its validation report and the files written."""

    graph: Graph
    report: Report
    files: list[Path]
    summary: Summary


def build(
    out_dir: Path = DIST_DIR,
    records_dir: Path = RECORDS_DIR,
    sources_dir: Path = SOURCES_DIR,
) -> BuildResult:
    """Sources → graph → SHACL → artefacts. Writes nothing if the graph does not conform."""
    parts = build_parts(records_dir, sources_dir)
    graph = parts.union()
    report = validate(graph)
    if not report.conforms:
        raise NotConformingError(report.to_text(), report)
    out_dir = Path(out_dir)
    files = [
        save_graph(graph, out_dir / "kg.ttl", "turtle"),
        save_graph(graph, out_dir / "kg.jsonld", "jsonld"),
        write_atomic(out_dir / "kg.nq", to_nquads(parts.dataset())),
    ]
    return BuildResult(graph, report, files, summarize(graph, report.conforms))
