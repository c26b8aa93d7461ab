"""``kg build`` and ``kg validate``."""

from __future__ import annotations

import os
from pathlib import Path

import click


@click.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the artefacts (default: dist/).",
)
def build(out_dir: Path | None) -> None:
    """Build the graph from the sources, validate it, and write the artefacts.

    Writes kg.ttl (Turtle), kg.jsonld (JSON-LD) and kg.nq (N-Quads, facts and
    provenance in two named graphs). Writes nothing and exits 1, listing the
    violations, when the graph does not conform.

    Example:

    \b
        kg build --out dist
    """
    from kg.core.paths import DIST_DIR
    from kg.pipeline.build import build as run_build

    result = run_build(out_dir or DIST_DIR)
    click.echo(result.summary.to_text())
    for path in result.files:
        click.echo(f"wrote {os.path.relpath(path)}")


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Report format: readable text, or JSON for machines.",
)
@click.option(
    "--engine",
    type=click.Choice(["auto", "pyshacl", "fast"]),
    default="auto",
    show_default=True,
    help="pyshacl (the reference) or fast (Oxigraph); auto: fast for a FILE over 50k lines.",
)
@click.option(
    "--shapes",
    default=None,
    metavar="FILE",
    help="SHACL shapes to use instead of ontology/shapes.ttl: a local file (no URL). "
    "Their SPARQL passes the query guard; SHACL-AF rules and targets are refused.",
)
def validate(file: Path | None, fmt: str, engine: str, shapes: str | None) -> None:
    """Validate the graph (built from the sources, or FILE) and explain each violation.

    Each violation shows the focus node, the path, the message in English and
    Korean, and the source quote of the focus node where there is one; a typed
    literal that is not valid for its XSD datatype is a violation too. FILE may
    be Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML; a syntax error names
    FILE:LINE:COLUMN (exit 2). Exits 1 when the graph does not conform.

    Example:

    \b
        kg validate
        kg validate dist/kg.ttl --format json
        kg validate dist/synth.nq --engine fast
        kg validate mydata.jsonld --shapes myshapes.ttl
    """
    from kg.pipeline.validate import validate_graph

    def warn(message: str) -> None:
        click.echo(f"kg: warning: {message}", err=True)

    report = validate_graph(file, engine, shapes, warn)
    click.echo(report.to_json() if fmt == "json" else report.to_text())
    if not report.conforms:
        raise SystemExit(1)


COMMANDS = [build, validate]
