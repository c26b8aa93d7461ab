"""`kg push` and `kg query --endpoint` on a REAL Virtuoso Open-Source server: a second engine.

One Virtuoso per session (conftest's ``virtuoso`` fixture, marked ``server``; skipped when
Debian's virtuoso-opensource is not installed). Every bundled query, run generically from
the catalogue with its sample parameters, must give the same set of rows on Virtuoso as
on Oxigraph (the local store), after the normalisation the README explains.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.sparql.catalogue import CatalogueQuery, load_catalogue
from kg.sparql.query import run as run_local
from kg.sparql.remote import DEFAULT_GRAPH, RemoteError, push
from kg.sparql.remotequery import run_remote
from tests.helpers import run


@pytest.fixture(scope="module")
def pushed(virtuoso: str, nquads: Path) -> str:
    """The built graph pushed with `kg push` into Virtuoso's Graph Store; its query URL."""
    result = run("push", nquads, "--endpoint", f"{virtuoso}/sparql-graph-crud")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("pushed ") and f"<{DEFAULT_GRAPH}>" in result.stdout
    assert result.stderr == f"read it back: kg query history --endpoint {virtuoso}/sparql\n"
    return f"{virtuoso}/sparql"


def sample(query: CatalogueQuery) -> dict[str, str]:
    """The catalogue's sample parameters: defaults, else examples (optional ones left out)."""
    return {p.name: p.sample for p in query.params if p.sample is not None}


# What differs between the engines, and is explained in the README ("Other SPARQL stores"):
# Oxigraph's store writes integers of derived types (xsd:nonNegativeInteger …) as
# xsd:integer, Virtuoso keeps the data's datatype; and Virtuoso 7.2 leaves ?until unbound
# in names-over-time (a FILTER NOT EXISTS inside an OPTIONAL, inside a UNION branch).
DERIVED = (
    "nonNegativeInteger positiveInteger nonPositiveInteger negativeInteger long int short byte"
)
INTEGER = re.compile(
    rf"\^\^<http://www\.w3\.org/2001/XMLSchema#(?:(?:unsigned)?(?:{'|'.join(DERIVED.split())}))>$",
    re.IGNORECASE,
)
XSD_INTEGER = "^^<http://www.w3.org/2001/XMLSchema#integer>"
UNBOUND_ON_VIRTUOSO = {"names-over-time": {"until"}}
# Virtuoso 7.2 gives no class for events reached through the city the agency serves (the
# last branches of "whose event"): 소프트타운's designation of 2003-01-20 in history, and
# also the city ordinance's enactment of 2001-05-30 in events-per-kind, so their kind
# reads "Event" and the counts of those kinds differ; not understood yet (README).
DIFFERING_ON_VIRTUOSO = {
    "history": ("2003-01-20",),
    "events-per-kind": ('"Designation"', '"Enactment"', '"Event"'),
}


def rows(results, name: str) -> set:
    """A set of rows (or triples, or one boolean), terms in N-Triples form, normalised."""
    if isinstance(results, ox.QueryBoolean):
        return {bool(results)}
    if isinstance(results, ox.QueryTriples):
        return {tuple(INTEGER.sub(XSD_INTEGER, str(term)) for term in t) for t in results}
    left_out = UNBOUND_ON_VIRTUOSO.get(name, set())
    names = [v.value for v in results.variables if v.value not in left_out]
    return {
        tuple("" if row[n] is None else INTEGER.sub(XSD_INTEGER, str(row[n])) for n in names)
        for row in results
    }


@pytest.mark.parametrize("name", sorted(load_catalogue()))
def test_every_bundled_query_answers_as_on_oxigraph(pushed: str, store, name: str) -> None:
    query = load_catalogue()[name]
    local = rows(run_local(store, query, sample(query)), name)
    remote = rows(run_remote(pushed, query, sample(query)), name)
    differing = DIFFERING_ON_VIRTUOSO.get(name)
    if differing:  # only the rows of that one event (or its kind's count) differ
        assert all(any(d in cell for d in differing for cell in row) for row in remote ^ local)
        return
    assert remote == local, (name, sorted(remote ^ local)[:6])


def test_kg_query_reads_back_what_kg_push_printed(pushed: str, nquads: Path) -> None:
    """The command `kg push` printed answers on Virtuoso as the local graph does."""
    command = shlex.split(f"kg query history --endpoint {pushed}")  # as the fixture checked
    remote = run(*command[1:], "--format", "csv")
    local = run("query", "history", "--graph", nquads, "--format", "csv", "--timeout", "0")
    assert remote.exit_code == 0 and remote.stderr == "", remote.output
    differing = set(remote.stdout.splitlines()) ^ set(local.stdout.splitlines())
    # only the rows of the one event whose kind Virtuoso 7.2 leaves unknown (above)
    assert all(any(d in row for d in DIFFERING_ON_VIRTUOSO["history"]) for row in differing)
    assert remote.stdout.count("\n") == local.stdout.count("\n") > 10


def test_credentials_from_netrc_open_the_digest_endpoint(
    virtuoso: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Virtuoso's /sparql-graph-crud-auth asks HTTP Digest: the user's ~/.netrc answers."""
    one = tmp_path / "one.nt"
    one.write_text('<https://e.org/a> <https://e.org/p> "가" .\n', encoding="utf-8")
    store_url = f"{virtuoso}/sparql-graph-crud-auth"
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.netrc: refused
    with pytest.raises(RemoteError, match="HTTP 401"):
        push(one, store_url, "https://example.org/auth")
    netrc = tmp_path / ".netrc"
    netrc.write_text("machine 127.0.0.1 login dba password dba\n")
    netrc.chmod(0o600)
    result = push(one, store_url, "https://example.org/auth", f"{virtuoso}/sparql-auth")
    assert result.sent == result.stored == 1
    netrc.chmod(0o644)  # readable by others: refused, as curl and ftp refuse it
    with pytest.raises(RemoteError, match="netrc"):
        push(one, store_url, "https://example.org/auth")
