"""The ``kg`` command line: thin commands over the library, errors handled here only.

Exit codes: 0 success, 1 the data does not conform, 2 bad input or usage,
3 internal failure; 141 (as Unix tools killed by SIGPIPE) when the reader of the
output went away (``kg query … | head``), quietly. ``--debug`` shows the traceback.

``main`` is the click group (:mod:`kg.cli.app`, imported when first named here);
:func:`run`, the ``kg`` console script, answers a plain ``kg query …`` without
importing click (:mod:`kg.cli.fast`) and hands any other command line to ``main``.
"""

from __future__ import annotations

import sys
from typing import NoReturn

LAZY = ("main", "COMMAND_MODULES")  # names of kg.cli.app, imported when first asked for


def __getattr__(name: str) -> object:
    if name in LAZY:
        from kg.cli import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run() -> int:
    """The ``kg`` command: the fast path of ``kg query`` if it takes the arguments, else click."""
    if sys.argv[1:2] == ["query"]:  # other commands do not import the fast path at all
        from kg.cli.fast import answered

        code = answered(sys.argv[1:])
        if code is not None:
            _exit_now(code)
    from kg.cli.app import main

    return main()


def _exit_now(code: int) -> NoReturn:
    """Exit after the fast path without tearing down the interpreter (its modules and the
    graph in memory: ~6 ms of a one-shot query); exit handlers run and output is flushed."""
    import atexit
    import os

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            code = code or 120  # as Python's own exit does when it cannot flush
    os._exit(code)
