"""Shared fixtures: the built graph once per session, and a private copy of the data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph

from kg.paths import RECORDS_DIR, SOURCES_DIR
from kg.pipeline import BuiltGraph, build_parts
from kg.report import Report
from kg.validation import validate

SEED = SOURCES_DIR / "c0befe44ac966333.txt"


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
