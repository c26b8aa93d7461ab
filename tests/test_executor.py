"""Query workers: answers, errors, and a time limit that kills the work."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from kg.core.errors import QueryError
from kg.sparql.executor import QueryPool, QueryTimeout, QueryTooLarge

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def run_in_pool(nquads: Path, steps):
    """Run ``steps(pool)`` in a fresh one-worker pool (1 s limit, 100 rows), then stop it."""

    async def main():
        pool = QueryPool(nquads, workers=1, timeout=1.0, max_rows=100)
        pool.start()
        try:
            return await steps(pool)
        finally:
            pool.close()

    return asyncio.run(main())


def test_answers_errors_and_limits(nquads: Path) -> None:
    async def steps(pool: QueryPool):
        outcomes, first = [], pool._all[0].process
        for query in ("ASK { ?s ?p ?o }", "SELECT ?s WHERE { ?s }", "SELECT * { ?s ?p ?o }", SLOW):
            try:
                result = await pool.run(query, ["json"])
                outcomes.append(json.loads(result.body))
            except (QueryError, QueryTimeout) as e:
                outcomes.append(e)
        outcomes.append(await pool.run("ASK { ?s ?p ?o }", ["sparql-xml"]))
        try:
            await pool.run("CONSTRUCT WHERE { ?s ?p ?o }", ["turtle"])
        except QueryTooLarge as e:
            outcomes.append(e)
        outcomes.append(await pool.run("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 100", ["ntriples"]))
        now = [w.process for w in pool._all]
        return outcomes, (first.is_alive(), len(now), now[0] is first, now[0].is_alive())

    outcomes, workers = run_in_pool(nquads, steps)
    assert outcomes[0] == {"head": {}, "boolean": True}
    assert isinstance(outcomes[1], QueryError) and "line 1, column" in str(outcomes[1])
    assert isinstance(outcomes[2], QueryTooLarge) and "more than 100 rows" in str(outcomes[2])
    assert isinstance(outcomes[3], QueryTimeout) and "time limit of 1 s" in str(outcomes[3])
    assert b"<boolean>true</boolean>" in outcomes[4].body
    assert isinstance(outcomes[5], QueryTooLarge) and "more than 100 rows" in str(outcomes[5])
    assert outcomes[6].kind == "graph" and len(outcomes[6].body.decode().splitlines()) == 100
    assert workers == (False, 1, False, True)  # the runaway worker was killed and replaced


def _raise_query_error(store, text: str):
    raise QueryError(text)


def _count_triples(store, limit: int) -> int:
    return min(len(store), limit)


def _spin(store) -> None:
    list(store.query(SLOW, use_default_graph_as_union=True))


@pytest.mark.parametrize("runner", ["oneshot", "spawned"])
def test_run_once_returns_raises_and_stops(nquads: Path, runner: str) -> None:
    from kg.sparql.executor import run_spawned
    from kg.sparql.oneshot import run_once as forked

    run_once = forked if runner == "oneshot" else run_spawned  # forked: as kg query runs it

    assert run_once(nquads, _count_triples, (10,), timeout=30) == 10
    with pytest.raises(QueryError, match="^no such thing$"):
        run_once(nquads, _raise_query_error, ("no such thing",), timeout=30)
    with pytest.raises(QueryTimeout, match="time limit of 0.5 s") as info:
        run_once(nquads, _spin, (), timeout=0.5)
    assert info.value.exit_code == 2  # bad input: narrow the query or raise the limit


def _ask_service(store, url: str):
    """A SERVICE query given straight to Oxigraph, as if kg.sparql.guard had missed it."""
    return len(list(store.query(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}")))


def _isolation_works() -> bool:
    import multiprocessing as mp

    from kg.sparql.oneshot import isolate_network

    with mp.get_context("spawn").Pool(1) as pool:
        return pool.apply(isolate_network)


def test_a_worker_cannot_reach_out_even_past_the_guard(nquads: Path) -> None:
    from kg.core.errors import KgError
    from kg.sparql.oneshot import run_once
    from tests.outbound import Canary

    if not _isolation_works():
        pytest.skip("this system refuses unprivileged user namespaces; the guard alone stands")
    with Canary() as canary:
        with pytest.raises(KgError, match="query failed: OSError"):
            run_once(nquads, _ask_service, (canary.url,), timeout=30)
        assert canary.hits == []
