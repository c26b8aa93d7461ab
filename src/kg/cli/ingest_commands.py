"""``kg ingest``: a Korean article → a draft of records to review; merge a reviewed draft."""

from __future__ import annotations

import os
from pathlib import Path

import click


@click.command()
@click.argument("file", metavar="ARTICLE|DRAFT", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--source-meta",
    type=click.Path(dir_okay=False, path_type=Path),
    help="TOML with the article's metadata (ko, en, author, publisher, date, url …).",
)
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Draft file to write (default: dist/ingest/<source>.toml; .review.txt beside it).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["toml", "turtle"]),
    default="toml",
    show_default=True,
    help="toml: write the draft and its review; turtle: print the draft as RDF.",
)
@click.option("--merge", is_flag=True, help="The argument is a reviewed draft: add it to the data.")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="The data folder to merge into (default: data/).",
)
@click.option(
    "--evaluate",
    is_flag=True,
    help="Print precision and recall against the curated graph (or --expected).",
)
@click.option(
    "--expected",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Expected answers (TOML) to evaluate against instead of the curated graph.",
)
def ingest(file, source_meta, out, fmt, merge, data_dir, evaluate, expected) -> None:
    """Read a Korean article (ARTICLE) and write a draft of records to review.

    The draft is in the format of data/records/ (TOML), every item with its evidence
    quote; the review report lists what was found, where (offsets) and how sure.
    Readable text is never refused: what the rules cannot read (an impossible date, an
    unknown verb) is a note of the review with its line. Nothing is written when the file
    is not text (empty, not UTF-8, binary). With --merge, DRAFT is a reviewed draft, added
    to data/ with its article (every problem is listed at once, with the draft's line):
    entities already in the graph are linked by name, former name or alias; a disagreeing
    date is kept as a separate claim that `kg validate` reports.

    Example:

    \b
        kg ingest article.txt -o drafts/article.toml
        kg ingest article.txt --format turtle
        kg ingest data/sources/c0befe44ac966333.txt --evaluate
        kg ingest drafts/article.toml --merge
    """
    if merge:
        _merge(file, data_dir)
        return
    from kg.core.paths import DIST_DIR
    from kg.ingest import ingest as run_ingest
    from kg.ingest import write_draft

    result = run_ingest(file, source_meta)
    if evaluate:
        click.echo(_evaluate(result, expected))
        return
    if fmt == "turtle":
        _turtle(result, out)
        return
    if out is not None and out.suffix.lower() != ".toml":
        from kg.core.errors import InputError

        raise InputError(f"{out}: the draft is TOML: use .toml (--format turtle writes .ttl)")
    target = out or DIST_DIR / "ingest" / f"{result.extraction.source_slug}.toml"
    click.echo(result.review, nl=False)
    for path in write_draft(result, target):
        click.echo(f"wrote {os.path.relpath(path)}")


def _turtle(result, out: Path | None) -> None:
    text = result.turtle()
    if out:
        from kg.core.files import write_atomic
        from kg.rdf import formats

        formats.for_file(out, "turtle", "read")  # -o draft.toml is refused: it would be Turtle

        click.echo(f"wrote {os.path.relpath(write_atomic(out, text))}")
    else:
        click.echo(text, nl=False)


def _evaluate(result, expected: Path | None) -> str:
    from kg.ingest.evaluate import expected_gold, score, to_text

    if expected:
        gold, title = expected_gold(expected), f"against {expected}"
    else:
        from kg.build.assemble import build_graph
        from kg.ingest.gold_graph import graph_gold

        gold, title = graph_gold(build_graph()), "against the curated graph"
    return to_text(score(result.extraction, gold), f"{result.extraction.path} {title}")


def _merge(draft: Path, data_dir: Path | None) -> None:
    from kg.core.errors import DraftNotReviewed
    from kg.core.paths import DATA_DIR, require_project
    from kg.ingest.merge import merge_draft

    if data_dir is None:
        require_project()
    try:
        merged = merge_draft(draft, data_dir or DATA_DIR)
    except DraftNotReviewed as e:  # every problem at once, one line each
        click.echo(f"kg: error: {e}", err=True)
        for problem in e.problems:
            click.echo(f"  {problem}", err=True)
        raise click.exceptions.Exit(2) from e
    click.echo(merged.to_text())


COMMANDS = [ingest]
