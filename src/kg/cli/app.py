"""The ``kg`` click group: each command's module imported when that command runs.

Errors become one line and an exit code in :mod:`kg.cli.failures` (see :mod:`kg.cli`).
"""

from __future__ import annotations

import importlib
import os
import signal
import sys
from pathlib import Path
from typing import Any

import click

from kg.cli.failures import exit_code, terminate

# Each command's module, imported only when that command runs (or for `kg --help`): a
# `kg query` then loads neither the build nor the pictures code. Modules list theirs in COMMANDS.
COMMAND_MODULES = {
    "build": "build_commands",
    "validate": "build_commands",
    "query": "query_commands",
    "export": "export_commands",
    "ingest": "ingest_commands",
    "serve": "serve_commands",
    "viz": "viz_commands",
    "graph": "viz_commands",
    "synth": "scale_commands",
    "push": "scale_commands",
}


class KgGroup(click.Group):
    """A click group that turns the project's errors into one line and an exit code."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMAND_MODULES, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            module = importlib.import_module(f"kg.cli.{COMMAND_MODULES[cmd_name]}")
            for command in module.COMMANDS:
                self.add_command(command)
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as e:
            ctx.exit(exit_code(e, "--debug" in sys.argv[1:]))


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show the traceback when a command fails.")
@click.option(
    "--project",
    "-C",
    metavar="DIR",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="The project to work on (a folder holding data/records/). Default: KG_ROOT, else "
    "the nearest such folder from the current directory upward, as git finds a repository.",
)
@click.version_option(package_name="kr-ict-kg", prog_name="kg")
def main(debug: bool, project: Path | None) -> None:
    """kr-ict-kg: a knowledge graph of Korea's regional ICT organizations.

    Every fact is grounded in the sentence it came from. Start with `kg build`.

    Exit codes: 0 ok, 1 the data does not conform, 2 bad input or usage,
    3 internal failure.

    Works on the project found from the current directory upward (a folder holding
    data/records/, as git finds .git), or the one --project DIR or KG_ROOT names.

    Example:

    \b
        kg build && kg validate
        kg --project . query history
    """
    signal.signal(signal.SIGTERM, terminate)
    if project is not None:
        _use_project(project.resolve())


def _use_project(root: Path) -> None:
    """Set the project before kg.core.paths reads it (it is read once, when first imported)."""
    loaded = sys.modules.get("kg.core.paths")
    if loaded is not None and root != loaded.ROOT:
        raise click.UsageError(f"--project {root}: this process already works on {loaded.ROOT}")
    os.environ["KG_ROOT"] = str(root)
