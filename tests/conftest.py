"""Shared fixtures: the built graph once per session, and a private copy of the data."""

from __future__ import annotations

import shutil
import socket
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
from kg.validate.pyshacl_engine import validate
from kg.validate.report import Report

SEED = SOURCES_DIR / "c0befe44ac966333.txt"
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An Oxigraph server on 127.0.0.1, its data in a temporary folder."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
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
def parts() -> BuiltGraph:
    return build_parts()


@pytest.fixture(scope="session")
def graph(parts: BuiltGraph) -> Graph:
    return parts.union()


@pytest.fixture(scope="session")
def report(graph: Graph) -> Report:
    return validate(graph)


@pytest.fixture(scope="session")
def built_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`kg build` once per session, into a temporary folder (dist/ is never touched)."""
    from kg.pipeline.build import build

    out = tmp_path_factory.mktemp("dist")
    build(out)
    return out


@pytest.fixture(scope="session")
def store(built_dir: Path):
    """The built graph (kg.nq) in an Oxigraph store, as `kg query` sees it."""
    from kg.sparql.store import load_store

    return load_store(built_dir / "kg.nq")


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
