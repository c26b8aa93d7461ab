"""The query store: the built graph loaded into Oxigraph (pyoxigraph), fast and rdflib-free.

``kg build`` writes ``dist/kg.nq`` (facts and provenance as two named graphs);
this module loads it into an in-memory :class:`pyoxigraph.Store`, or opens a
persistent one on disk. Queries see the union of the named graphs as their
default graph.

Example::

    >>> store = load_store()                       # doctest: +SKIP
    >>> len(store) > 1000                          # doctest: +SKIP
    True
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, ParseError
from kg.paths import DIST_DIR

BUILT_NQUADS = DIST_DIR / "kg.nq"


def load_store(nquads: Path = BUILT_NQUADS, store_path: Path | None = None) -> ox.Store:
    """An Oxigraph store holding the built graph (in memory, or persistent at ``store_path``)."""
    if not nquads.exists():
        raise InputError(f"{nquads}: no built graph here; run `kg build` first")
    store = ox.Store(str(store_path)) if store_path else ox.Store()
    try:
        if store_path:
            store.clear()
        store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    except (SyntaxError, ValueError, OSError) as e:
        raise ParseError(f"{nquads}: {' '.join(str(e).split())}") from e
    return store
