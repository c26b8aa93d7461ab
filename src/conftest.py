"""Docstring examples (``pytest --doctest-modules src/kg``) run in a temporary folder.

So an example that writes ``dist/graph.svg`` writes it there, never into the
repository's dist/ (and two pytest-xdist workers never write the same file).
Not part of the package (it is beside it); the suite's fixtures are in tests/conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _examples_in_a_temporary_folder(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if isinstance(request.node, pytest.DoctestItem):
        monkeypatch.chdir(tmp_path)
