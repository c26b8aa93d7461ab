"""``kg query``: the bundled SPARQL catalogue, a user's file, or -e text, run on Oxigraph.

Only pyoxigraph is imported on this path (never rdflib, pyshacl or networkx), so a
query answers in a fraction of a second.
"""

from __future__ import annotations

import click

from kg.cli.declared import QUERY
from kg.cli.options import click_params
from kg.cli.query_answer import answer


@click.command("query")
@click_params(QUERY)
def query(**given: object) -> None:
    """Answer a question with SPARQL: a bundled query by NAME, a FILE.rq, or -e TEXT.

    Queries run on the built graph (dist/kg.nq; run `kg build` first), facts and
    provenance together. Parameters are bound as typed RDF terms, never pasted
    into the text; -e text may use the prefixes kg:, org:, schema:, oa: … without
    declaring them. Without --format, a terminal gets an aligned table and a pipe
    gets CSV (SPARQL 1.1 CSV: full IRIs, plain values). The query runs in a
    separate process, stopped after --timeout seconds: an error, never a partial
    answer.

    Example:

    \b
        kg query --list
        kg query history
        kg query units-opened-in --param year=2017
        kg query evidence --param entity=정보통신부 --format json-rows
        kg query search --param text=jeonju
        kg query -e 'SELECT ?unit WHERE { ?unit a org:OrganizationalUnit }'
        kg query describe --param entity=unit/sos-lab -o sos-lab.ttl
        kg query history -o history.xlsx
        kg query neighbours --param org=정보통신부
        kg query my-question.rq --timeout 120
        kg query history --store dist/kg.oxigraph
        kg query history --endpoint http://127.0.0.1:7878/query
        kg query history --endpoint http://127.0.0.1:8890/sparql --default-graph ''
    """
    answer(**given)  # type: ignore[arg-type]  # click converted each as QUERY declares


COMMANDS = [query]
