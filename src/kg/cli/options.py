"""Options several commands share, so that one name always means one thing.

Each is declared once in :mod:`kg.cli.declared` (click-free, so that ``kg query`` can
read it without click); :func:`click_param` makes click's parameter of a declaration.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg.cli.declared import GRAPH, STORE, Option

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def click_param(option: Option) -> Decorator:
    """click's argument or option for a declaration of :mod:`kg.cli.declared`."""
    if option.argument:
        return click.argument(option.dest, metavar=option.metavar, required=False)
    details: dict[str, Any] = {"help": option.help, "default": option.default}
    if option.kind == "flag":
        details["is_flag"] = True
    elif option.kind == "float":
        details["type"] = click.FloatRange(min=option.minimum)
    elif option.kind == "choice":
        details["type"] = click.Choice(option.choices, case_sensitive=False)
    elif option.kind in ("file", "folder"):
        folder = option.kind == "folder"
        details["type"] = click.Path(file_okay=not folder, dir_okay=folder, path_type=Path)
    if option.metavar:
        details["metavar"] = option.metavar
    if option.multiple:
        details["multiple"] = True
    if option.show_default:
        details["show_default"] = True
    return click.option(*option.decls, option.dest, **details)


def click_params(options: tuple[Option, ...]) -> Decorator:
    """All of a command's declared parameters, in their order (``--help`` shows them so)."""

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(options):
            function = click_param(option)(function)
        return function

    return decorate


def graph_option(help_text: str) -> Decorator:
    """``--graph FILE``: the graph file a command reads instead of its default."""
    return click_param(GRAPH.helped(help_text))


store_option = click_param(STORE)
