"""Shared fixtures: the built graph once per session, and a private copy of the data.

Each pytest-xdist worker is a session of its own: it builds once, into its own
temporary folder (never dist/). Tests are marked by what they need (registered in
pyproject.toml): ``server`` and ``browser`` are added here to every test that uses
a fixture of that name (an Oxigraph, Virtuoso or ``kg serve`` process, a Chromium);
``slow`` is written on the test.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph

from kg.build.assemble import BuiltGraph, build_parts
from kg.core.paths import RECORDS_DIR, SOURCES_DIR
from kg.validate.report import Report
from tests.helpers import free_port

SEED = SOURCES_DIR / "c0befe44ac966333.txt"
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


# A test using one of these fixtures (directly or through another) gets the marker.
MARKED_FIXTURES = {"server": {"server", "virtuoso"}, "browser": {"browser", "browser_page"}}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for marker, fixtures in MARKED_FIXTURES.items():
            if fixtures & set(getattr(item, "fixturenames", ())):
                item.add_marker(marker)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A plain Oxigraph server on 127.0.0.1 (its default graph empty, as a user starts it),
    its data in a temporary folder."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):  # bounded: 10 s
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the Oxigraph server did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Virtuoso Open-Source server on 127.0.0.1 (one per session), from an ini file in a
    temporary folder, its Graph Store endpoint opened; its root URL."""
    if not shutil.which(VIRTUOSO) or not shutil.which(ISQL):
        pytest.skip(f"{VIRTUOSO} is not installed (Debian: apt-get install virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql, http = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(sql=sql, http=http))
    log = (folder / "console.log").open("wb")
    process = subprocess.Popen([VIRTUOSO, "-f", "-c", "virtuoso.ini"], cwd=folder,
                               stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    url = f"http://127.0.0.1:{http}"
    try:
        _wait_for(f"{url}/sparql?query=ASK%7B%7D", process, 60.0, folder / "console.log")
        grant = 'GRANT SPARQL_UPDATE TO "SPARQL";'  # opens /sparql-graph-crud (no auth)
        subprocess.run([ISQL, str(sql), "dba", "dba", f"exec={grant}"], check=True,
                       capture_output=True, timeout=30)  # fmt: skip
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


VIRTUOSO, ISQL = "virtuoso-t", "isql-vt"
# The least Virtuoso needs: its files in the folder, two ports of ours, small buffers.
VIRTUOSO_INI = """[Database]
DatabaseFile = virtuoso.db
ErrorLogFile = virtuoso.log
LockFile = virtuoso.lck
TransactionFile = virtuoso.trx
xa_persistent_file = virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = virtuoso-temp.db
TransactionFile = virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 0
DirsAllowed = .
NumberOfBuffers = 2000
MaxDirtyBuffers = 1500
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = .
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""


def _wait_for(url: str, process: subprocess.Popen, seconds: float, log: Path) -> None:
    """Until ``url`` answers; fails with the server's log if it exits or takes too long."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"the server did not start: {log.read_text(errors='replace')[-500:]}")


@pytest.fixture(scope="session")
def parts() -> BuiltGraph:
    return build_parts()


@pytest.fixture(scope="session")
def graph(parts: BuiltGraph) -> Graph:
    return parts.union()


@pytest.fixture(scope="session")
def report(build_result) -> Report:
    """pyshacl's report on the built graph: the one the session's build made."""
    return build_result.report


@pytest.fixture(scope="session")
def build_result(tmp_path_factory: pytest.TempPathFactory):
    """`kg build` once per session, into a temporary folder (dist/ is never touched).

    Tests that need the build's outputs take this (or ``built_dir``, ``nquads``,
    ``store``) rather than building again; only a test of the build itself under
    changed inputs, signals or hash seeds runs another one (and is marked ``slow``).
    """
    from kg.pipeline.build import BuildResult, build

    result: BuildResult = build(tmp_path_factory.mktemp("dist"))
    return result


@pytest.fixture(scope="session")
def built_dir(build_result) -> Path:
    """The folder of the session's build: kg.ttl, kg.jsonld, kg.nq and nothing else."""
    return build_result.files[0].parent


@pytest.fixture(scope="session")
def nquads(built_dir: Path) -> Path:
    """The built kg.nq (read-only: take ``nquads_copy`` to change it)."""
    return built_dir / "kg.nq"


@pytest.fixture
def nquads_copy(nquads: Path, tmp_path: Path) -> Path:
    """A private, writable copy of the built kg.nq in this test's folder."""
    return Path(shutil.copy(nquads, tmp_path / "kg.nq"))


@pytest.fixture(scope="session")
def store(nquads: Path):
    """The built graph (kg.nq) in an Oxigraph store, as `kg query` and `kg serve` see it."""
    from kg.sparql.store import load_store

    return load_store(nquads)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ (records and sources) to break on purpose."""
    root = tmp_path / "data"
    shutil.copytree(RECORDS_DIR, root / "records")
    shutil.copytree(SOURCES_DIR, root / "sources")
    return root


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact snippet in a file; fails loudly if the snippet is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"snippet not in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def outbound_guard():
    """The audit hook of tests/outbound.py, active for this test; ``.allow(port)`` its server."""
    from tests.outbound import guard

    active = guard()
    active.start()
    try:
        yield active
    finally:
        active.stop()


@pytest.fixture
def no_outbound(outbound_guard):
    """The URL of a loopback canary; the test fails if anything reached it or went outside.

    Put the URL in hostile inputs (SERVICE <url>, FROM <url>, a JSON-LD @context):
    the canary records every connection, and the audit hook refuses urllib requests,
    name lookups, connections and opens outside the repository and tmp (tests/outbound.py).
    """
    from tests.outbound import Canary

    with Canary() as canary:
        yield canary.url
        refused = outbound_guard.stop()
    assert canary.hits == [], f"the canary was contacted: {canary.hits}"
    assert refused == [], f"outbound access during the test: {refused}"
