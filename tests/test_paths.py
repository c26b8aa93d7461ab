"""Where resources and project data are found: in a checkout, with KG_ROOT, from a wheel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kg.core.paths as paths

CHECKOUT = Path(__file__).resolve().parents[1]


@pytest.fixture
def no_kg_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_ROOT", raising=False)


@pytest.mark.usefixtures("no_kg_root")
def test_in_the_checkout_everything_comes_from_the_repository() -> None:
    assert paths.checkout_root() == CHECKOUT
    assert paths.project_root() == CHECKOUT
    assert paths.resource_dir("ontology") == CHECKOUT / "ontology"
    assert paths.resource_dir("queries") == CHECKOUT / "queries"
    assert paths.ONTOLOGY_DIR in paths.BUILD_INPUT_DIRS  # an edit makes dist/kg.nq stale


def test_kg_root_moves_the_project_data_but_not_the_resources(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KG_ROOT", str(tmp_path))
    assert paths.project_root() == tmp_path.resolve()
    assert paths.resource_dir("ontology") == CHECKOUT / "ontology"


@pytest.mark.usefixtures("no_kg_root")
def test_an_installed_package_reads_its_bundled_copies_and_the_current_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    package = tmp_path / "venv" / "lib" / "site-packages" / "kg"
    monkeypatch.setattr(paths, "PACKAGE_DIR", package)
    monkeypatch.setattr(paths, "BUNDLED_DIR", package / "bundled")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert paths.checkout_root() is None
    assert paths.project_root() == work.resolve()
    assert paths.resource_dir("queries") == package / "bundled" / "queries"


def test_a_project_is_found_from_the_current_directory_upward(tmp_path: Path) -> None:
    (tmp_path / "p" / "data" / "records").mkdir(parents=True)
    (tmp_path / "p" / "data" / "sources").mkdir()
    assert paths.find_project(tmp_path / "p" / "data" / "sources") == (tmp_path / "p").resolve()
    assert paths.find_project(tmp_path) is None
    assert paths.find_project(CHECKOUT / "src" / "kg") == CHECKOUT


def test_outside_a_project_commands_that_need_one_say_how_to_name_it(
    monkeypatch, tmp_path: Path
) -> None:
    from kg.build.sources import load_sources
    from kg.core.errors import InputError
    from kg.sparql.store import require_graph

    monkeypatch.setattr(paths, "PROJECT_FOUND", False)
    monkeypatch.setattr("kg.sparql.store.BUILT_NQUADS", tmp_path / "dist" / "kg.nq")
    built = tmp_path / "dist" / "kg.nq"
    for attempt in (lambda: load_sources(paths.SOURCES_DIR), lambda: require_graph(built)):
        with pytest.raises(InputError, match=r"no kg project in .* give kg --project DIR"):
            attempt()


def kg_in(folder: Path, *args: str | Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KG_ROOT"}
    env["PYTHONPATH"] = str(CHECKOUT / "src")
    command = [sys.executable, "-m", "kg.cli", *map(str, args)]
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)


def test_kg_works_on_the_project_of_the_current_directory_or_of_project(
    nquads: Path, tmp_path: Path
) -> None:
    project = tmp_path / "mine"
    (project / "data" / "records").mkdir(parents=True)
    (project / "dist").mkdir()
    shutil.copy(nquads, project / "dist" / "kg.nq")
    inside = kg_in(project / "data", "query", "history", "--timeout", "0")
    assert inside.returncode == 0 and "전주S/W지원센터 개소" in inside.stdout, inside.stderr
    outside = kg_in(tmp_path, "query", "history")
    assert outside.returncode == 2 and "no kg project in" in outside.stderr
    named = kg_in(tmp_path, "--project", project, "query", "history", "--timeout", "0")
    assert named.returncode == 0 and named.stdout == inside.stdout, named.stderr
