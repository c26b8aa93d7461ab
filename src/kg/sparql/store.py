"""The query store: the built graph loaded into Oxigraph (pyoxigraph), fast and rdflib-free.

``kg build`` writes ``dist/kg.nq`` (facts and provenance as two named graphs);
this module loads it, or any RDF file ``--graph FILE`` names (every format
:mod:`kg.rdf.formats` reads, by suffix), into an in-memory :class:`pyoxigraph.Store`,
or keeps a persistent one on disk (``--store PATH``: built once, then opened
read-only). Queries see the union of the named graphs as their default graph.

N-Quads and N-Triples stream into the store (a file of any size); the other formats
pass the checks of :func:`kg.rdf.parsing.checked_format` first (size cap, no DTDs in
RDF/XML, no remote JSON-LD contexts, bounded nesting). Either way a syntax error is
one line naming ``FILE:LINE:COLUMN``.

Example::

    >>> from kg.build.assemble import build_parts
    >>> from kg.rdf.writing import to_nquads
    >>> _ = Path("kg.nq").write_text(to_nquads(build_parts().dataset()), "utf-8")
    >>> store = load_store(Path("kg.nq"))          # default: dist/kg.nq
    >>> len(store) > 4000
    True
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from kg.core.errors import InputError
from kg.core.paths import DIST_DIR, require_project

BUILT_NQUADS = DIST_DIR / "kg.nq"


def load_store(nquads: Path = BUILT_NQUADS, store_path: Path | None = None) -> ox.Store:
    """An Oxigraph store holding the graph file (in memory, or persistent at ``store_path``)."""
    from kg.rdf.parsing import bulk_load, checked_format  # not needed to open a --store

    require_graph(nquads)
    fmt = checked_format(nquads)  # refused before any work
    store = ox.Store(str(store_path)) if store_path else ox.Store()
    if store_path:
        try:
            store.clear()
        except OSError as e:
            raise InputError(f"{store_path}: the store cannot be cleared: {e}") from e
    return bulk_load(store, nquads, fmt)


def require_graph(path: Path) -> Path:
    """``path`` if it exists; else an error: run `kg build` (the built graph) or no such file."""
    if path.exists():
        return path
    if path == BUILT_NQUADS:
        require_project()
        raise InputError(f"{path}: no built graph here; run `kg build` first")
    raise InputError(f"cannot read {path}: no such file")


STAMP = "KG-SOURCE"  # inside a persistent store: which N-Quads file it holds, and its version


def open_store(nquads: Path = BUILT_NQUADS, store_path: Path | None = None) -> ox.Store:
    """The built graph: loaded in memory, or a persistent store at ``store_path``.

    A persistent store is (re)built from ``nquads`` when it is missing or the file
    changed since (size or modification time); otherwise it is opened read-only, so
    a big graph is loaded once and every later command starts at once. The label index
    (:mod:`kg.sparql.labels`) is built with it, in the same folder.
    """
    if store_path is None:
        return load_store(nquads)
    prepare_store(nquads, store_path)
    try:
        store = ox.Store.read_only(str(store_path))
    except OSError as e:
        raise InputError(f"{store_path}: the store cannot be opened: {e}") from e
    from kg.sparql.labels import INDEX_FILE, attach  # sqlite3: not on every query's path

    attach(store, store_path / INDEX_FILE)
    return store


def prepare_store(nquads: Path, store_path: Path) -> None:
    """(Re)build the persistent store at ``store_path`` if it is missing or older than
    ``nquads``; it is not opened. ``kg query`` calls it before its time limit starts."""
    require_graph(nquads)
    if _stamp(store_path) != _version(nquads):
        _rebuild(nquads, store_path)


def _version(nquads: Path) -> str:
    info = nquads.stat()
    # the last lines say what the store holds beside the graph: an older store is rebuilt
    return f"{nquads.resolve()}\n{info.st_size}\n{info.st_mtime_ns}\nlabels.sqlite\ncompacted\n"


def _stamp(store_path: Path) -> str | None:
    """The stamp of a store we made; None if there is none; an error for a foreign folder."""
    try:
        return (store_path / STAMP).read_text(encoding="utf-8")
    except FileNotFoundError:
        if store_path.exists() and (not store_path.is_dir() or any(store_path.iterdir())):
            raise InputError(
                f"{store_path}: exists and is not a kg store; remove it or give another --store"
            ) from None
        return None
    except OSError as e:
        raise InputError(f"{store_path}: the store cannot be read: {e}") from e


def _rebuild(nquads: Path, store_path: Path) -> None:
    """Bulk-load into a fresh folder next to ``store_path``, then swap it into place."""
    import shutil

    from kg.core.files import write_atomic

    fresh = store_path.with_name(f"{store_path.name}.new-{os.getpid()}")
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        _fill(nquads, fresh)
        write_atomic(fresh / STAMP, _version(nquads))
        old = store_path.with_name(f"{store_path.name}.old-{os.getpid()}")
        if store_path.exists():
            store_path.rename(old)
        fresh.rename(store_path)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def _fill(nquads: Path, folder: Path) -> None:
    """The store and its label index (:mod:`kg.sparql.labels`) in ``folder``.

    For N-Quads and N-Triples the index is built from the file in a thread while
    Oxigraph bulk-loads it (its loader releases the GIL); for other formats, and if
    that fails, from the loaded store. The load's own error comes first.
    """
    from concurrent.futures import ThreadPoolExecutor

    from kg.rdf.parsing import STREAMED, rdf_format
    from kg.sparql.labels import INDEX_FILE, build_file_index, build_index

    index_path, fmt = folder / INDEX_FILE, rdf_format(nquads)
    folder.mkdir(parents=True)
    with ThreadPoolExecutor(max_workers=1) as pool:
        loading = pool.submit(_load_compacted, nquads, folder)
        indexed = None
        if fmt in STREAMED:
            try:
                indexed = build_file_index(nquads, fmt, index_path)
            except (SyntaxError, OSError, ValueError):
                indexed = None  # the load reports a bad file; else the store is read below
        store = loading.result()
    store.flush()
    if indexed is None:
        index_path.unlink(missing_ok=True)
        indexed = build_index(store, index_path)
    indexed.db.close()
    del store  # closes the database before the folder moves


def _load_compacted(nquads: Path, folder: Path) -> ox.Store:
    """The graph bulk-loaded into ``folder``, then compacted (``optimize``).

    The bulk loader leaves many sorted files whose ranges overlap, and a lookup searches
    each of them: queries that look up many terms ran 1.4-2x slower at 10^6 triples and
    1.3-3.5x slower at 10^7 than after the compaction, which costs ~3 s and ~24 s once.
    """
    store = load_store(nquads, folder)
    store.optimize()
    return store
