"""The label index: every name in the graph, found without a scan, as Korean users search.

Every ``rdfs:label`` and ``skos:altLabel`` of an IRI goes into a SQLite table with
three search keys (:mod:`kg.sparql.hangul`): the folded name, its romanization and
its initial consonants, each indexed by an FTS5 table with the trigram tokenizer.
A query of three characters or more is a trigram lookup; a shorter one (one or two
characters, which trigrams cannot index) looks up a second FTS5 table, of the pairs of
adjacent characters of each folded name and its initials (each written as hexadecimal
code points, so a pair is one token and a single character a prefix query).
An ASCII query also matches romanizations (``jeonju``); a query of initial consonants
only matches the 초성 key (``ㅈㅈㅈㅂ``). A plain query finds at least what the
``search`` query's SPARQL scan finds (the same names, whitespace aside).

A persistent store (``--store``) keeps its index in ``labels.sqlite`` inside its
folder, built with it; an in-memory store gets one in memory when first asked.

Example::

    >>> store = ox.Store()
    >>> org, label = ox.NamedNode(ID_BASE + "org/j"), ox.NamedNode(LABEL)
    >>> store.add(ox.Quad(org, label, ox.Literal("전주정보문화산업진흥원", language="ko")))
    >>> index = index_for(store)
    >>> found = [index.search(query) for query in ("정보문화", "jeonju", "ㅈㅈㅈㅂ")]
    >>> found[0] == found[1] == found[2]
    True
    >>> [hit.node for hit in index.search("ㅈㅈㅈㅂ")], index.named("전주정보문화산업진흥원")
    (['https://w3id.org/kr-ict-kg/id/org/j'], ['https://w3id.org/kr-ict-kg/id/org/j'])
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pyoxigraph as ox

from kg.core.config import ID_BASE, PREFIXES
from kg.sparql.hangul import fold, initials, is_initials, romanize

if TYPE_CHECKING:
    import sqlite3  # imported when an index is opened: not on every query's path

LABEL = PREFIXES["rdfs"] + "label"
ALT_LABEL = PREFIXES["skos"] + "altLabel"
INDEX_FILE = "labels.sqlite"  # inside a persistent store's folder
SCHEMA = """
CREATE TABLE names (id INTEGER PRIMARY KEY, node TEXT NOT NULL, term TEXT NOT NULL,
  label TEXT NOT NULL, lang TEXT NOT NULL, alt INTEGER NOT NULL,
  folded TEXT NOT NULL, roman TEXT NOT NULL, initials TEXT NOT NULL);
CREATE VIRTUAL TABLE grams USING fts5 (folded, roman, initials, content='names',
  content_rowid='id', tokenize='trigram case_sensitive 1');
CREATE VIRTUAL TABLE pairs USING fts5 (tokens, content='', detail='none');
"""
# made after the rows are in: one sort each, not a B-tree grown row by row
INDEXES = """
CREATE INDEX names_folded ON names (folded);
CREATE INDEX names_node ON names (node);
CREATE INDEX names_roman ON names (roman);
CREATE INDEX names_initials ON names (initials);
"""
COLUMNS = "node, term, label, lang, alt"


class Hit(NamedTuple):
    """A name that matched: the IRI it names, the literal (N-Triples form) and its text."""

    node: str
    term: str
    label: str
    lang: str
    alt: bool


class LabelIndex:
    """Lookups in one label database (thread-safe: the server's threads share it)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.lock = threading.Lock()

    def search(self, text: str, limit: int | None = None) -> list[Hit]:
        """The names that contain ``text`` (folded), or whose romanization or 초성 does.

        In index order (the graph's order of labels, then alternative labels); the
        first ``limit`` of them when a limit is given.
        """
        query = fold(text)
        if not query:
            return []
        keys = _keys(query)
        if len(query) >= 3:
            phrase = '"' + query.replace('"', '""') + '"'
            table, match = "grams", "{" + " ".join(keys) + "}: " + phrase
        else:  # too short for trigrams: a pair of characters, or the first of a pair
            table, match = "pairs", query.translate(HEX) + ("" if len(query) == 2 else "*")
        # FTS5 gives its rows in rowid order as it finds them: a LIMIT stops it early
        rows = f"SELECT rowid AS found FROM {table} WHERE {table} MATCH ? ORDER BY rowid"
        args: tuple = (match,) if limit is None else (match, limit)
        rows += "" if limit is None else " LIMIT ?"
        return self._hits(
            f"SELECT {COLUMNS} FROM ({rows}) JOIN names ON id = found ORDER BY id", args
        )

    def best(self, text: str, limit: int) -> list[Hit]:
        """Up to ``limit`` names that are ``text`` (folded, romanized or 초성), shortest first,
        then as many that begin with it, then as many that contain it (some more than once)."""
        query = fold(text)
        if not query:
            return []
        keys = _keys(query)
        exact = " OR ".join(f"{key} = ?" for key in keys)
        begins = " OR ".join(f"({key} >= ? AND {key} < ?)" for key in keys)
        order = "ORDER BY length(label), id LIMIT ?"
        found = self._hits(
            f"SELECT {COLUMNS} FROM names WHERE {exact} {order}", (*[query] * len(keys), limit)
        )
        bounds = (query, query + chr(0x10FFFF)) * len(keys)
        found += self._hits(f"SELECT {COLUMNS} FROM names WHERE {begins} {order}", (*bounds, limit))
        return found + self.search(text, limit)

    def named(self, name: str) -> list[str]:
        """The IRIs one of whose names is ``name`` (case and whitespace aside), in order."""
        sql = "SELECT DISTINCT node FROM names WHERE folded = ? ORDER BY node"
        with self.lock:
            return [row[0] for row in self.db.execute(sql, (fold(name),))]

    def labels_of(self, nodes: list[str]) -> dict[str, list[Hit]]:
        """The rdfs:labels (not the alternative ones) of each IRI, in index order."""
        found: dict[str, list[Hit]] = {}
        sql = f"SELECT {COLUMNS} FROM names WHERE node = ? AND alt = 0 ORDER BY id"
        with self.lock:
            for node in dict.fromkeys(nodes):
                for iri, term, label, lang, alt in self.db.execute(sql, (node,)):
                    found.setdefault(node, []).append(Hit(iri, term, label, lang, bool(alt)))
        return found

    def _hits(self, sql: str, args: tuple) -> list[Hit]:
        with self.lock:
            rows = self.db.execute(sql, args).fetchall()
        return [Hit(node, term, label, lang, bool(alt)) for node, term, label, lang, alt in rows]


def build_index(store: ox.Store, path: Path | None = None) -> LabelIndex:
    """Index every label and alternative label of an IRI in ``store``, at ``path`` or in memory."""
    return _write(_store_terms(store), path)


def build_file_index(graph: Path, fmt: ox.RdfFormat, path: Path) -> LabelIndex:
    """The index of the names in an N-Quads or N-Triples file, read from the file itself
    (:mod:`kg.rdf.linescan`, no store needed): the same names as :func:`build_index` of
    its store, labels in file order, then alternative labels."""
    from kg.rdf.linescan import statements_with

    later = []

    def terms():
        needles = [f"<{iri}>".encode() for iri in (LABEL, ALT_LABEL)]
        for statement in statements_with(graph, fmt, needles):
            predicate = statement.predicate.value
            if predicate == LABEL:
                yield 0, statement.subject, statement.object
            elif predicate == ALT_LABEL:
                later.append((1, statement.subject, statement.object))
        yield from later

    return _write(terms(), path)


def _write(terms, path: Path | None) -> LabelIndex:
    import sqlite3

    db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False)
    # built in a fresh folder that is swapped into place whole: no journal needed
    db.executescript(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY;"
        "PRAGMA cache_size = -262144;" + SCHEMA
    )
    db.executemany(
        "INSERT INTO names (node, term, label, lang, alt, folded, roman, initials) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        _rows(terms),
    )
    db.executescript(INDEXES)
    db.execute("INSERT INTO grams (grams) VALUES ('rebuild')")
    keys = db.execute("SELECT id, folded, initials FROM names")  # read while pairs are written
    db.executemany("INSERT INTO pairs (rowid, tokens) VALUES (?, ?)", _pairs(keys))
    db.commit()
    db.execute("PRAGMA cache_size = -2000")
    return LabelIndex(db)


def _store_terms(store: ox.Store):
    for alt, predicate in enumerate((LABEL, ALT_LABEL)):
        for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), None):
            yield alt, quad.subject, quad.object


def _rows(terms):
    seen: set[tuple[str, str, bool]] = set()
    for alt, node, name in terms:
        if not isinstance(node, ox.NamedNode) or not isinstance(name, ox.Literal):
            continue
        key = (node.value, str(name), bool(alt))
        if key in seen:  # the same name in two graphs
            continue
        seen.add(key)
        text, folded = name.value, fold(name.value)
        roman, first = romanize(folded), initials(folded)
        # a name without Hangul has no other keys: its folded text already answers
        yield (*key[:2], text, name.language or "", alt, folded,
               "" if roman == folded else roman, "" if first == folded else first)  # fmt: skip


def _keys(query: str) -> list[str]:
    """The columns a folded query is looked up in: romanizations for ASCII, 초성 for jamo."""
    keys = ["folded"]
    if query.isascii() and query.isalnum():
        keys.append("roman")
    if is_initials(query):
        keys.append("initials")
    return keys


class _Hex(dict):
    """A str.translate table: each character as five hexadecimal digits (filled as used)."""

    def __missing__(self, code: int) -> str:
        self[code] = f"{code:05x}"
        return self[code]


HEX = _Hex()


def _pairs(keys):
    """``(id, tokens)``: every pair of adjacent characters of the keys, and the last one alone."""
    for id_, *texts in keys:
        tokens: set[str] = set()
        for text in texts:
            code = text.translate(HEX)
            tokens.update(code[i : i + 10] for i in range(0, len(code), 5))
        yield id_, " ".join(sorted(tokens))


def open_index(path: Path) -> LabelIndex:
    """A built index file, opened read-only."""
    import sqlite3

    db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False)
    return LabelIndex(db)


_INDEXES: dict[int, tuple[ox.Store, LabelIndex | Path]] = {}  # the store kept: its id stays


def attach(store: ox.Store, path: Path) -> None:
    """Use the index file at ``path`` for ``store`` (opened when first asked)."""
    if path.is_file():
        _INDEXES[id(store)] = (store, path)


def index_for(store: ox.Store) -> LabelIndex:
    """The label index of ``store``: the attached file, or one built in memory once."""
    entry = _INDEXES.get(id(store))
    if entry is None or entry[0] is not store:
        entry = (store, build_index(store))
    elif isinstance(entry[1], Path):
        entry = (store, open_index(entry[1]))
    _INDEXES[id(store)] = entry
    assert isinstance(entry[1], LabelIndex)
    return entry[1]


def kind_of(iri: str) -> str:
    """``org`` for ``<base>id/org/…``: the ``type`` column of the search query."""
    return iri[len(ID_BASE) :].split("/", 1)[0] if iri.startswith(ID_BASE) else ""
