"""Positions in a text, for error messages: ``LINE:COLUMN`` and the token found there.

Lines and columns count from 1; columns count characters (code points), as
Oxigraph's messages and Python's ``json`` errors do.

Example::

    >>> line_col("a\\nbc d", 2), token_at("a\\nbc d", 2, 1)
    ('2:1', 'bc')
"""

from __future__ import annotations

import re

TOKEN = r"<[^>\s]{0,60}>?|\"[^\"]{0,30}\"?|[^\s]{1,30}"  # compiled when first used (errors)


def line_col(text: str, offset: int) -> str:
    """``LINE:COLUMN`` of the character at ``offset``."""
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def token_at(text: str, line: int, column: int) -> str:
    """The token (an IRI, a string or a run of non-space) at ``line``:``column``, or ''."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return ""
    match = re.compile(TOKEN).match(lines[line - 1].rstrip("\r"), max(column - 1, 0))
    return match.group() if match else ""


def near(token: str) -> str:
    """`` (near 'token')`` for a message, or '' when there is no token."""
    return f" (near {token!r})" if token.strip() else ""


def locate(text: str, value: str) -> str:
    """``LINE:COLUMN`` of the first JSON string equal to ``value`` (1:1 if not found)."""
    import json  # only for JSON-LD's errors: not on every query's path

    at = text.find(json.dumps(value, ensure_ascii=False))
    if at == -1:
        at = text.find(json.dumps(value))
    return line_col(text, at) if at != -1 else "1:1"
