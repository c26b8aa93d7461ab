"""The ``kg`` command line: thin commands over the library, errors handled here only.

Exit codes: 0 success, 1 the data does not conform, 2 bad input or usage,
3 internal failure; 141 (as Unix tools killed by SIGPIPE) when the reader of the
output went away (``kg query … | head``), quietly. ``--debug`` shows the traceback.
"""

from __future__ import annotations

import importlib
import os
import signal
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from kg.core.errors import KgError, NotConformingError

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
        debug = "--debug" in sys.argv[1:]
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except NotConformingError as e:
            click.echo(str(e), err=True)
            ctx.exit(e.exit_code)
        except KgError as e:
            if debug:
                _print_traceback()
            click.echo(f"kg: error: {_one_line(str(e))}", err=True)
            ctx.exit(e.exit_code)
        except BrokenPipeError:
            _silence_stdout()  # the reader is gone: no message, and no second error at exit
            ctx.exit(141)
        except RecursionError as e:
            if debug:
                _print_traceback()
            click.echo("kg: error: input nested too deep", err=True)
            ctx.exit(2)
            raise AssertionError from e  # unreachable: ctx.exit raises
        except OSError as e:
            if e.filename is None:
                _internal(ctx, e, debug)
            if debug:
                _print_traceback()
            reason = "no such file" if isinstance(e, FileNotFoundError) else e.strerror
            click.echo(f"kg: error: {e.filename}: {(reason or str(e)).lower()}", err=True)
            ctx.exit(2)  # a file the user named (or forgot to make): bad input, not our failure
        except Exception as e:
            _internal(ctx, e, debug)


def _internal(ctx: click.Context, error: Exception, debug: bool) -> NoReturn:
    """An error we did not expect: one line (the traceback above it with --debug), exit 3."""
    message = _one_line(f"{type(error).__name__}: {error}")
    if debug:
        _print_traceback()
        click.echo(f"kg: internal error: {message}", err=True)
    else:
        click.echo(f"kg: internal error: {message} (run with --debug for details)", err=True)
    ctx.exit(3)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a real file (tests): nothing will flush to a closed pipe


def _one_line(text: str) -> str:
    return " ".join(text.split())


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
    # SIGTERM unwinds like Ctrl-C, so half-written temporary files are removed.
    signal.signal(signal.SIGTERM, _terminate)
    if project is not None:
        _use_project(project.resolve())


def _use_project(root: Path) -> None:
    """Set the project before kg.core.paths reads it (it is read once, when first imported)."""
    loaded = sys.modules.get("kg.core.paths")
    if loaded is not None and root != loaded.ROOT:
        raise click.UsageError(f"--project {root}: this process already works on {loaded.ROOT}")
    os.environ["KG_ROOT"] = str(root)


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _print_traceback() -> None:
    import traceback

    traceback.print_exc()
