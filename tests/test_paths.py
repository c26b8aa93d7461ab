"""Where resources and project data are found: in a checkout, with KG_ROOT, from a wheel."""

from __future__ import annotations

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
