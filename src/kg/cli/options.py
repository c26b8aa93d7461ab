"""Options several commands share, so that one name always means one thing."""

from __future__ import annotations

from pathlib import Path

import click


def graph_option(help_text: str):
    """``--graph FILE``: the graph file a command reads instead of its default."""
    return click.option(
        "--graph",
        "graph_file",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=help_text,
    )


store_option = click.option(
    "--store",
    "store_path",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="A persistent Oxigraph store (a folder): built from the graph when missing or "
    "older than it, then opened read-only, so a big graph is loaded once.",
)
