"""Answers kept for a query asked again: the same bytes, never across a reload, never for RAND."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.sparql.answers import AnswerCache, counted, repeatable
from kg.sparql.executor import QueryPool, QueryTooLarge
from kg.sparql.worker import answer

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
ROWS = "SELECT ?s ?o WHERE { ?s <http://x/p> ?o } ORDER BY ?s ?o"


def _graph(path: Path, triples: int) -> Path:
    lines = [f'<http://x/s{i}> <http://x/p> "{i}"^^<{XSD_INTEGER}> .' for i in range(triples)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _store(triples: int) -> ox.Store:
    store = ox.Store()
    for i in range(triples):
        subject, predicate = ox.NamedNode(f"http://x/s{i}"), ox.NamedNode("http://x/p")
        store.add(ox.Quad(subject, predicate, ox.Literal(i)))
    return store


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (COUNT, True),
        ("SELECT ?now WHERE { ?now <http://x/rand> ?uuid } # NOW() RAND()", True),
        ('SELECT * WHERE { ?s ?p "BNODE()" }', True),
        ("SELECT (now() AS ?t) {}", False),
        ("SELECT * { ?s ?p ?o FILTER(RAND() < 0.5) }", False),
        ("SELECT (STRUUID() AS ?u) (ex: UUID() AS ?v) {}", False),
        ("SELECT (\\u0052AND() AS ?r) {}", False),  # an escape the engine decodes
    ],
)
def test_only_texts_that_give_one_result_are_repeatable(query: str, expected: bool) -> None:
    assert repeatable(query) is expected


def test_the_cache_is_bounded_and_keyed_by_generation() -> None:
    cache = AnswerCache(max_bytes=800)
    for n in range(10):
        cache.put(0, n, f"value {n}", size=100)
    cache.put(0, "big", "too big", size=101)  # over an eighth of the cache: not kept
    assert cache.used <= 800 and len(cache) == 8 and cache.get(0, "big") is None
    assert cache.get(0, 0) is None and cache.get(0, 9) == "value 9"  # the oldest went first
    assert cache.get(1, 9) is None  # another graph
    cache.clear()
    assert len(cache) == 0 and cache.used == 0


def test_a_worker_counts_a_text_once_and_keeps_the_row_limit() -> None:
    small, large = _store(3), _store(5)
    first = answer(small, ROWS, ["json"], 4)
    assert counted(small, ROWS) == 3
    assert answer(small, ROWS, ["json"], 4) == first  # counted: run once, the same bytes
    assert len(json.loads(first[-1])["results"]["bindings"]) == 3
    assert answer(small, ROWS, ["json"], 2)[0] == "too-large"  # a lower limit counts again
    # the count belongs to its store: another graph is counted again, and refused past 4
    assert answer(large, ROWS, ["json"], 4)[0] == "too-large"
    assert counted(large, ROWS) is None
    random = "SELECT ?s WHERE { ?s ?p ?o FILTER(RAND() < 2) }"
    assert answer(large, random, ["json"], 10)[0] == "ok" and counted(large, random) is None


def test_the_pool_answers_again_from_the_cache_until_the_graph_is_reloaded(
    tmp_path: Path,
) -> None:
    graph = _graph(tmp_path / "g.nq", 2)

    async def steps():
        pool = QueryPool(graph, workers=1, timeout=10, max_rows=100, cache_bytes=1 << 20)
        pool.start()
        try:
            first = await pool.run(ROWS, ["json"])
            again = await pool.run(ROWS, ["json"])
            other = await pool.run(ROWS, ["csv"])  # another format is another answer
            now = await pool.run("SELECT (NOW() AS ?t) {}", ["json"])
            kept = len(pool.answers)
            old = await pool.run(COUNT, ["json"])
            _graph(graph, 3)
            pool.reload()
            stale = await pool.run(COUNT, ["json"])  # the old worker, until its successor loads
            kept_stale = len(pool.answers)
            await asyncio.gather(*pool._tasks)
            fresh = await pool.run(COUNT, ["json"])
            return first, again, other, now, kept, old, stale, kept_stale, fresh
        finally:
            pool.close()

    first, again, other, now, kept, old, stale, kept_stale, fresh = asyncio.run(steps())
    fresh_store = _store(2)
    assert first.body == answer(fresh_store, ROWS, ["json"], 100)[-1]  # what a worker gives
    assert again is first and other.media_type.startswith("text/csv")
    assert now.kind == "solutions" and kept == 2  # ROWS twice (json, csv); NOW() not kept

    def n(result) -> str:
        return json.loads(result.body)["results"]["bindings"][0]["n"]["value"]

    assert (n(old), n(stale), kept_stale, n(fresh)) == ("2", "2", 0, "3")


def test_a_result_over_the_limit_is_refused_each_time(tmp_path: Path) -> None:
    graph = _graph(tmp_path / "g.nq", 5)

    async def steps():
        pool = QueryPool(graph, workers=1, timeout=10, max_rows=4, cache_bytes=1 << 20)
        pool.start()
        try:
            refused = []
            for _ in range(2):
                with pytest.raises(QueryTooLarge) as e:
                    await pool.run(ROWS, ["json"])
                refused.append(str(e.value))
            return refused, len(pool.answers)
        finally:
            pool.close()

    refused, kept = asyncio.run(steps())
    assert all("more than 4 rows" in message for message in refused) and kept == 0
