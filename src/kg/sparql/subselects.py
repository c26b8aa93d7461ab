"""Where a parameter's VALUES block may also go: the subqueries that project its variable.

Oxigraph evaluates a ``{ SELECT … }`` on its own and joins its rows by hash, so a
parameter bound only in the outer group does not reach it: a subquery that projects
``?org`` reads every agency's rows, and the join keeps one agency's afterwards. Binding
the same values inside such a subquery as well gives the same rows (the outer block
keeps only those values anyway, and a row whose ``?org`` is unbound inside gets it from
the block) while it reads only what it needs: ``history`` for one agency 1.5 s -> 0.06 s
at 10^6 triples. A subquery with LIMIT or OFFSET is left alone (which rows it keeps
depends on all of them), and so is one that only names the variable in an expression
(``(… AS ?org)``: a new variable of the same name) or projects ``*``.
"""

from __future__ import annotations

from kg.sparql.guard import tokens

# words after a subquery's WHERE group that make its rows depend on rows it drops
_SLICES = {"LIMIT", "OFFSET"}


class Subquery:
    """A nested SELECT: the variables it projects by name, and where its WHERE group opens.

    A plain class: ``dataclasses`` would cost every one-shot ``kg query`` ~10 ms to import.
    """

    __slots__ = ("depth", "opens_at", "parent", "projected", "skip")

    def __init__(self, depth: int, parent: Subquery | None = None) -> None:
        self.depth = depth
        self.parent = parent  # the subquery it is nested in, if any
        self.projected: set[str] = set()
        self.opens_at = -1  # offset just after the ``{`` of its WHERE group
        self.skip = False  # LIMIT/OFFSET after its WHERE group, or SELECT *


def subquery_groups(text: str) -> list[tuple[int, set[str]]]:
    """``(offset, variables)`` for each subquery of ``text`` a parameter may be bound in.

    ``offset`` is just after the ``{`` opening the subquery's WHERE group; ``variables``
    the names (without ``?``) it projects plainly, as every subquery around it does.
    Strings, IRIs and comments are skipped.

    >>> q = "SELECT * WHERE { { SELECT ?org (COUNT(*) AS ?n) WHERE { ?e ?p ?org } GROUP BY ?org } }"
    >>> [(q[:at][-7:], sorted(names)) for at, names in subquery_groups(q)]
    [('WHERE {', ['org'])]
    """
    found: list[Subquery] = []
    open_: list[Subquery] = []  # subqueries whose text is being read, innermost last
    depth = 0
    for match in tokens(text):
        kind, token = match.lastgroup, match.group()
        current = open_[-1] if open_ else None
        if kind == "word" and token.upper() == "SELECT" and depth > 0:
            open_.append(Subquery(depth, current))
        elif kind == "open":
            if current and current.opens_at < 0 and token == "{" and depth == current.depth:
                current.opens_at = match.end()
            depth += 1
        elif kind == "close":
            depth -= 1
            if current and depth < current.depth:
                found.append(open_.pop())
        elif current and depth == current.depth:
            _read(current, kind, token)
    reached = [(s.opens_at, _reached(s)) for s in found if s.opens_at > 0]
    return [(at, names) for at, names in reached if names]


def _reached(subquery: Subquery | None) -> set[str]:
    """The variables an outer binding reaches in ``subquery``: projected by it and by every
    subquery around it (elsewhere the name is another variable), none past a LIMIT."""
    if subquery is None or subquery.skip:
        return set()
    if subquery.parent is None:
        return subquery.projected
    return subquery.projected & _reached(subquery.parent)


def _read(subquery: Subquery, kind: str | None, token: str) -> None:
    """Note a token at the subquery's own depth: a projected variable, ``*``, LIMIT or OFFSET."""
    if subquery.opens_at < 0:
        if kind == "skip" and token[0] in "?$":
            subquery.projected.add(token[1:])
        elif token == "*":
            subquery.skip = True  # what SELECT * projects is not written out
    elif kind == "word" and token.upper() in _SLICES:
        subquery.skip = True
