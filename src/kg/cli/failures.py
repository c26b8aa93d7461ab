"""What a command's error becomes: one line on stderr and an exit code (click-free).

The click group (:mod:`kg.cli.app`) and the fast path of ``kg query``
(:mod:`kg.cli.fast`) both hand every exception a command raises to :func:`exit_code`.
Its lines are written by click (imported then, off the path of an answer).

Example::

    >>> from kg.core.errors import InputError
    >>> exit_code(InputError("x.ttl: no such file"), debug=False)
    2
"""

from __future__ import annotations

import os
import sys

from kg.core.errors import KgError, NotConformingError


def exit_code(error: BaseException, debug: bool) -> int:
    """Say what went wrong (one line; the traceback too with ``--debug``); the exit code."""
    if isinstance(error, NotConformingError):
        _say(str(error))
        return error.exit_code
    if isinstance(error, BrokenPipeError):
        _silence_stdout()  # the reader is gone: no message, and no second error at exit
        return 141
    if isinstance(error, (KgError, RecursionError)) or (
        isinstance(error, OSError) and error.filename is not None
    ):
        if debug:
            _print_traceback()
        _say(f"kg: error: {_known(error)}")
        return error.exit_code if isinstance(error, KgError) else 2
    message = one_line(f"{type(error).__name__}: {error}")  # an error we did not expect
    if debug:
        _print_traceback()
        _say(f"kg: internal error: {message}")
    else:
        _say(f"kg: internal error: {message} (run with --debug for details)")
    return 3


def _known(error: BaseException) -> str:
    """The message of an error we expect: ours, too deep a nesting, or a file the user named."""
    if isinstance(error, RecursionError):
        return "input nested too deep"
    if isinstance(error, OSError):  # a file the user named (or forgot to make): bad input
        reason = "no such file" if isinstance(error, FileNotFoundError) else error.strerror
        return f"{error.filename}: {(reason or str(error)).lower()}"
    return one_line(str(error))


def one_line(text: str) -> str:
    """``text`` with its runs of white space (newlines too) made single spaces."""
    return " ".join(text.split())


def terminate(signum: int, frame: object) -> None:
    """SIGTERM's handler: unwind like Ctrl-C, so half-written temporary files are removed."""
    raise SystemExit(128 + signum)


def _say(text: str) -> None:
    import click

    click.echo(text, err=True)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a real file (tests): nothing will flush to a closed pipe


def _print_traceback() -> None:
    import traceback

    traceback.print_exc()
