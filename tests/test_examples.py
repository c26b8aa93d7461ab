"""The query page's tabs run as shown: every parameter bound to a sample, and said so."""

from __future__ import annotations

from kg.serve.examples import example
from kg.sparql.catalogue import load_catalogue


def test_every_tab_with_parameters_answers_something(store) -> None:
    for query in load_catalogue().values():
        if not any(not p.optional for p in query.params) or query.is_violation:
            continue
        tab = example(query)
        assert "# Sample value" in tab["text"], query.name
        result = store.query(tab["text"], use_default_graph_as_union=True)
        assert next(iter(result), None) is not None, query.name  # a row, or a triple
