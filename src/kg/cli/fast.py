"""``kg query …`` with plain arguments, answered without importing click.

Importing click (and what it imports: typing, inspect …) takes ~35 ms, more than a
small query. A command line of the form ``kg query [NAME] [--option VALUE | --option=VALUE
| --flag] …`` is read here by the declarations of :data:`kg.cli.declared.QUERY`, the
same ones click's command is built from, and run by :func:`kg.cli.query_answer.answer`;
errors go through :func:`kg.cli.failures.exit_code`, as under click. Anything else
(``--help``, an unknown option, a value click might refuse or read otherwise, options
before ``query``, shell completion) returns None: click then reads the whole line.

Example::

    >>> parsed(["history", "--format=CSV", "--param", "a=1", "--param", "b=2"])["fmt"]
    'csv'
    >>> parsed(["history", "--help"]) is None
    True
"""

from __future__ import annotations

import os
import signal

from kg.cli.declared import QUERY, Option


def answered(argv: list[str]) -> int | None:
    """Run ``kg query`` for ``argv`` (what follows ``kg``); its exit code, or None for click."""
    if argv[:1] != ["query"] or "_KG_COMPLETE" in os.environ:
        return None
    given = parsed(argv[1:])
    if given is None:
        return None
    from kg.cli.failures import exit_code, terminate
    from kg.cli.query_answer import answer

    signal.signal(signal.SIGTERM, terminate)
    try:
        answer(**given)  # type: ignore[arg-type]  # converted as QUERY declares
    except (KeyboardInterrupt, EOFError):
        import click  # Ctrl-C: what click's own main does

        click.echo(err=True)
        click.echo("Aborted!", err=True)
        return 1
    except Exception as e:
        return exit_code(e, debug=False)  # --debug goes before `query`: click's line
    return 0


def parsed(words: list[str], options: tuple[Option, ...] = QUERY) -> dict[str, object] | None:
    """The values of ``options`` the words give (defaults for the rest); None if unsure."""
    values = {o.dest: o.default for o in options}
    named = {name: o for o in options for name in o.decls}
    positional = [o for o in options if o.argument]
    words = list(words)
    while words:
        word = words.pop(0)
        if not word.startswith("-") or word == "-":
            if not positional or word == "-":
                return None  # an extra argument (click names it), or "-"
            values[positional.pop(0).dest] = word
            continue
        name, equals, inline = word.partition("=") if word.startswith("--") else (word, "", "")
        option = named.get(name)
        if option is None or (option.kind == "flag" and equals):
            return None
        if option.kind == "flag":
            values[option.dest] = True
            continue
        if not equals and not words:
            return None  # a value is missing: click says so
        value = option.convert(inline if equals else words.pop(0))
        if value is None:
            return None
        values[option.dest] = (*values[option.dest], value) if option.multiple else value  # type: ignore[misc]
    return values
