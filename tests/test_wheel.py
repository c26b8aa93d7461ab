"""A built wheel works outside the checkout: it carries the ontology, shapes and queries.

The test builds the wheel from a copy of the files an sdist holds, installs it with
``--no-deps`` into a fresh virtualenv made *without* ``--system-site-packages``, and runs
``kg`` there from a folder that is not a checkout.

Why the third-party dependencies come from a ``.pth`` file: installing rdflib, pyshacl,
pyoxigraph, matplotlib … into the new environment takes ~23 s from the registry (measured)
and needs it reachable, and proves nothing about our package. A ``.pth`` line appends the
test's own site-packages to ``sys.path``; ``.pth`` files found *there* are not executed, so
an editable install of ``kg`` in that environment stays invisible, and the venv's own
site-packages comes first anyway. The test asserts that ``kg`` is imported from the
wheel's files in the venv, so the proof holds: the package itself comes only from the wheel.

Building: without build isolation, with the environment's setuptools (the dev extra asks
for the ``setuptools>=77`` that ``pyproject.toml`` needs), so nothing is fetched.
Measured on the 2-core machine: building and installing ~8 s, the four ``kg`` runs ~15 s
(two pyshacl validations), plus the session's ``kg build`` if no other test made it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import pytest

from kg.core.paths import PACKAGE_DIR, SOURCES_DIR

pytestmark = pytest.mark.slow

CHECKOUT = PACKAGE_DIR.parents[1]
# What the sdist holds (MANIFEST.in adds ontology/ and queries/ to the package sources).
SDIST_FILES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md")
SDIST_DIRS = ("src", "ontology", "queries", "data/reference")


def clean_env() -> dict[str, str]:
    """The environment without our PYTHONPATH (it would import the checkout's kg) or KG_ROOT."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KG_ROOT")}
    env["PYTHONNOUSERSITE"] = "1"
    return env


def pip(*args: str, python: str = sys.executable) -> None:
    subprocess.run(
        [python, "-m", "pip", *args], check=True, env=clean_env(), capture_output=True, timeout=300
    )


def build_wheel(tmp: Path) -> Path:
    """The wheel of a fresh copy of the project's sdist files (the checkout stays untouched)."""
    source = tmp / "source"
    source.mkdir()
    for name in SDIST_FILES:
        shutil.copy2(CHECKOUT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in SDIST_DIRS:
        shutil.copytree(CHECKOUT / name, source / name, ignore=ignore)
    pip("wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp / "wheels"), str(source))
    (wheel,) = (tmp / "wheels").glob("kr_ict_kg-*.whl")
    return wheel


def install(wheel: Path, venv: Path) -> Path:
    """A plain venv with only our wheel installed; third-party packages via a .pth line."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    pip("--python", str(python), "install", "--no-deps", "--no-index", str(wheel))
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True, capture_output=True, text=True, env=clean_env(),
        ).stdout.strip()
    )  # fmt: skip
    shared = {sysconfig.get_paths()[key] for key in ("purelib", "platlib")}
    (site / "_test_shared_deps.pth").write_text("\n".join(sorted(shared)) + "\n")
    return venv / "bin"


def kg(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [bin_dir / "kg", *args], cwd=cwd, capture_output=True, text=True, env=clean_env(),
        timeout=120,
    )  # fmt: skip


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the wheel, the venv's bin/) — built and installed once for this module."""
    tmp = tmp_path_factory.mktemp("wheel")
    wheel = build_wheel(tmp)
    return wheel, install(wheel, tmp / "venv")


def test_the_wheel_carries_the_ontology_shapes_context_and_every_query(
    installed: tuple[Path, Path],
) -> None:
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("kg.ttl", "shapes.ttl", "labels.ttl", "context.jsonld"):
        assert f"kg/bundled/ontology/{name}" in names
    queries = sorted(p.name for p in (CHECKOUT / "queries").glob("*.rq"))
    assert queries and all(f"kg/bundled/queries/{q}" in names for q in queries)
    assert {"kg/py.typed", "kg/web/templates/explorer.html", "kg/web/query.js"} <= names
    assert not (PACKAGE_DIR / "bundled").exists(), "nothing generated belongs in src/"


def test_kg_comes_from_the_wheel_not_the_checkout(installed: tuple[Path, Path]) -> None:
    _, bin_dir = installed
    code = "import kg.core.paths as p; print(p.__file__); print(p.SHAPES_FILE); print(p.DIST_DIR)"
    out = subprocess.run(
        [bin_dir / "python", "-c", code], cwd=bin_dir.parent, capture_output=True, text=True,
        env=clean_env(), check=True,
    ).stdout.splitlines()  # fmt: skip
    venv = bin_dir.parent.resolve()
    assert all(Path(line).is_relative_to(venv) for line in out[:2]), out
    assert "/bundled/ontology/shapes.ttl" in out[1]
    assert out[2] == str(venv / "dist")  # outside a checkout: the current directory's dist/


def test_query_and_validate_run_outside_the_checkout(
    installed: tuple[Path, Path], built_dir: Path, tmp_path: Path
) -> None:
    _, bin_dir = installed
    shutil.copy2(built_dir / "kg.nq", tmp_path / "graph.nq")

    history = kg(bin_dir, tmp_path, "query", "history", "--graph", "graph.nq")
    assert history.returncode == 0, history.stderr
    rows = history.stdout.splitlines()
    assert rows[0].startswith("date,kind,event") and len(rows) > 20
    assert any("전주S/W지원센터 개소" in row for row in rows)

    # ./dist/kg.nq by default; built before the install, it is not called stale (the
    # installed ontology's files carry the install time, not an edit time).
    (tmp_path / "dist").mkdir()
    shutil.copy2(built_dir / "kg.nq", tmp_path / "dist" / "kg.nq")
    day_ago = time.time() - 86_400
    os.utime(tmp_path / "dist" / "kg.nq", (day_ago, day_ago))
    default = kg(bin_dir, tmp_path, "query", "history")
    assert default.returncode == 0 and default.stdout == history.stdout, default.stderr
    assert default.stderr == ""

    # The stored texts are not here: one warning names the text, the rest is checked.
    missing = kg(bin_dir, tmp_path, "validate", "graph.nq")
    assert missing.returncode == 0, missing.stdout + missing.stderr
    assert missing.stdout.startswith("conforms: yes (0 violation(s), 1 warning(s))")
    assert "The stored text data/sources/c0befe44ac966333.txt is not under" in missing.stdout
    assert "Traceback" not in missing.stderr

    # With the texts under the current directory (the project root outside a checkout),
    # every offset is checked and holds.
    shutil.copytree(SOURCES_DIR, tmp_path / "data" / "sources")
    full = kg(bin_dir, tmp_path, "validate", "graph.nq")
    assert (full.returncode, full.stdout.strip()) == (0, "conforms: yes (0 violations)")
