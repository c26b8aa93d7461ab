"""Docstring examples run (pytest --doctest-modules over src/kg, see pyproject's testpaths).

An example is skipped (``# doctest: +SKIP``) only where it cannot run cheaply in a
test; each such module is listed here with the reason, so a new skip is a choice.
"""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).parents[1] / "src"

SKIPPED = {
    "kg/pipeline/build.py": "a whole build: pyshacl on the graph, ~7 s",
    "kg/pipeline/validate.py": "pyshacl on the whole built graph",
    "kg/serve/app.py": "uvicorn.run serves until stopped",
    "kg/sparql/executor.py": "await at the top level, which doctest does not run",
    "kg/sparql/remote.py": "a SPARQL server to push to",
    "kg/sparql/remotequery.py": "a SPARQL endpoint to query",
}


def test_only_the_listed_modules_skip_their_examples() -> None:
    skipping = {
        path.relative_to(SRC).as_posix()
        for path in (SRC / "kg").rglob("*.py")
        if "doctest: +SKIP" in path.read_text(encoding="utf-8")
    }
    assert skipping <= set(SKIPPED), (
        f"skipped examples not listed: {sorted(skipping - set(SKIPPED))}"
    )
