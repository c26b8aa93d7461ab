"""``kg export``: the graph in every RDF and graph format."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kg.cli.options import graph_option
from kg.rdf import formats  # the standard library only: `kg --help` loads no RDF library


@click.command(name="export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats.choices("export"), case_sensitive=False),
    help="Output format: RDF (turtle … rdfxml) or a graph for other tools (graphml … csv); "
    "the old spellings nt, nq, xml … still work.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="File to write (default: dist/kg.SUFFIX; '-' for standard output). With --all: "
    "the folder (default: dist/). Its suffix names the format when --format is not given, "
    "and must agree with --format. CSV writes STEM-nodes.csv and STEM-edges.csv.",
)
@click.option(
    "--lang",
    type=click.Choice(["ko", "en"]),
    default="en",
    show_default=True,
    help="Language of the display labels in graph formats (both are always kept).",
)
@click.option(
    "--subset",
    default=None,
    help="Export part of the graph: a bundled query name (CONSTRUCT, or SELECT whose "
    "first column lists resources) or a class such as org:OrganizationalUnit.",
)
@click.option("--all", "all_formats", is_flag=True, help="Write every format to dist/.")
@graph_option(
    "Convert this RDF file (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) "
    "instead of the built graph; read with the same checks as `kg validate FILE`."
)
def export(
    fmt: str | None,
    output: Path | None,
    lang: str,
    subset: str | None,
    all_formats: bool,
    graph_file: Path | None,
) -> None:
    """Export the graph built from the sources (or --graph FILE) in an RDF or graph format.

    RDF: turtle, jsonld (compact, with ontology/context.jsonld inline), ntriples,
    nquads and trig (facts and provenance as two named graphs), rdfxml (RDF/XML).
    Graphs for Gephi, yEd, Cytoscape, Graphviz and spreadsheets: graphml, gexf,
    dot, csv; their nodes are the typed entities (not the annotations), their
    literals are attributes. Output is deterministic and written atomically.

    Example:

    \b
        kg export -o dist/kg.ttl
        kg export --format xlsx -o dist/kg.xlsx
        kg export --format graphml --lang ko --subset org:OrganizationalUnit
        kg export --all
        kg export --graph mydata.jsonld --format turtle -o mydata.ttl
    """
    from kg.build.assemble import build_parts
    from kg.core.errors import InputError
    from kg.core.paths import DIST_DIR
    from kg.pipeline.export import GraphParts, export_all, render
    from kg.pipeline.export import export as write_format
    from kg.pipeline.subset import select

    if all_formats and fmt:
        raise InputError("give either --format FORMAT or --all, not both")
    if not (fmt or all_formats or (output and str(output) != "-")):
        raise InputError("give --format FORMAT, -o FILE (its suffix names the format) or --all")
    if graph_file and subset:
        raise InputError("--subset works on the built graph, not on --graph")
    if output and str(output) != "-" and not all_formats:
        formats.for_file(output, fmt, "export")  # a suffix --format contradicts: before any work
    parts: GraphParts
    if graph_file:
        from kg.rdf.convert import read_input

        parts = read_input(graph_file, lambda w: click.echo(f"kg: warning: {w}", err=True))
    else:
        built = build_parts()
        parts = select(built, subset) if subset else built
    if all_formats:
        written = export_all(parts, output or DIST_DIR, lang)
    elif str(output) == "-":
        texts = render(parts, str(fmt), lang)
        if len(texts) != 1:
            raise InputError(f"--format {fmt} writes several files: give -o FILE, not -")
        _stdout(texts[0])
        return
    else:
        written = write_format(parts, fmt, output, lang)
    for path in written:
        click.echo(f"wrote {os.path.relpath(path)}")


def _stdout(data: str | bytes) -> None:
    """Text as it is; a workbook's bytes only into a pipe or file, never onto a terminal."""
    from kg.core.errors import InputError

    if isinstance(data, str):
        sys.stdout.write(data)
    elif sys.stdout.isatty():
        raise InputError("an Excel workbook is not for the terminal: give -o FILE.xlsx")
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)


COMMANDS = [export]
