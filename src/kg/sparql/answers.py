"""Answers kept for a query asked again: the same text on the same graph gives the same result.

Only a *repeatable* text qualifies: one that calls none of SPARQL's functions whose
value changes from one run to the next (``RAND``, ``NOW``, ``UUID``, ``STRUUID``,
``BNODE``), found as the engine reads the text (:func:`kg.sparql.guard.words`: not in
a comment or a string, ``\\u`` escapes decoded). Two uses:

- :class:`AnswerCache` keeps serialized results of ``kg serve`` (:mod:`kg.sparql.executor`),
  keyed by the graph's generation, the exact text and the wanted formats, bounded
  in bytes, least recently used dropped first; a reloaded graph empties it.
- :func:`counted` / :func:`remember_count`: a worker that has counted a text's rows
  against the row limit once need not count them again (its graph never changes).

Example::

    >>> cache = AnswerCache(max_bytes=100)
    >>> cache.put(0, ("ASK {}", ("json",)), "true", size=4)
    >>> cache.get(0, ("ASK {}", ("json",))), cache.get(1, ("ASK {}", ("json",)))
    ('true', None)
    >>> repeatable("SELECT (RAND() AS ?r) {}")
    False
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from kg.sparql.guard import words

CHANGING = frozenset({"RAND", "NOW", "UUID", "STRUUID", "BNODE"})
KNOWN_COUNTS = 1000  # texts whose row count a worker remembers
_counted: dict[str, Any] = {"store": None, "rows": OrderedDict()}  # one store's counts


def repeatable(query: str) -> bool:
    """True when running ``query`` twice on one graph must give the same result."""
    return not words(query) & CHANGING


class AnswerCache:
    """Values by (generation, key), at most ``max_bytes`` of them; the oldest used go first."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.used = 0
        self._entries: OrderedDict[tuple[int, Hashable], tuple[Any, int]] = OrderedDict()

    def get(self, generation: int, key: Hashable) -> Any:
        """The value kept for ``key`` on graph ``generation``, or None."""
        entry = self._entries.get((generation, key))
        if entry is None:
            return None
        self._entries.move_to_end((generation, key))
        return entry[0]

    def put(self, generation: int, key: Hashable, value: Any, size: int) -> None:
        """Keep ``value`` (``size`` bytes) unless it would take over an eighth of the cache."""
        if size > self.max_bytes // 8 or (generation, key) in self._entries:
            return
        self._entries[(generation, key)] = (value, size)
        self.used += size
        while self.used > self.max_bytes:
            _, (_, dropped) = self._entries.popitem(last=False)
            self.used -= dropped

    def clear(self) -> None:
        """Forget everything (the graph was reloaded)."""
        self._entries.clear()
        self.used = 0

    def __len__(self) -> int:
        return len(self._entries)


def counted(store: Any, query: str) -> int | None:
    """The rows ``query`` gave on ``store`` before (only repeatable texts are remembered)."""
    return _rows_on(store).get(query)


def remember_count(store: Any, query: str, rows: int) -> None:
    """``query`` has ``rows`` rows on ``store`` (kept for the last KNOWN_COUNTS texts)."""
    if repeatable(query):
        known = _rows_on(store)
        known[query] = rows
        known.move_to_end(query)
        if len(known) > KNOWN_COUNTS:
            known.popitem(last=False)


def _rows_on(store: Any) -> OrderedDict[str, int]:
    """The counts made on ``store``: those of another store are forgotten (the store is held,
    so its identity is never another's)."""
    if _counted["store"] is not store:
        _counted["store"], _counted["rows"] = store, OrderedDict()
    return _counted["rows"]
