"""Build hook: the hand-written ontology and queries become package data of the wheel.

``ontology/`` and ``queries/`` stay at the repository root (they are the sources people
edit), as does ``data/reference/`` (the 17 시·도); ``build_py`` copies them into the built
package under ``kg/bundled/``, where :mod:`kg.core.paths` finds them in an installed wheel.
Nothing is copied into ``src/``; an editable install reads the root folders directly.
Everything else about the package is declared in ``pyproject.toml``.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
# Folder at the repository root -> the files of it the package needs at run time.
BUNDLED = {
    "ontology": ("*.ttl", "*.jsonld"),
    "queries": ("*.rq",),
    "data/reference": ("*.toml",),  # the 17 시·도: kg synth needs them outside a checkout
}


class BuildPyWithResources(build_py):
    """``build_py`` that also copies the root resources into ``kg/bundled/``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for folder, patterns in BUNDLED.items():
            files = sorted(f for pattern in patterns for f in (HERE / folder).glob(pattern))
            if not files:
                raise SystemExit(f"setup.py: nothing to bundle in {HERE / folder}")
            target = Path(self.build_lib, "kg", "bundled", folder)
            self.mkpath(str(target))
            for source in files:
                self.copy_file(str(source), str(target / source.name))


setup(cmdclass={"build_py": BuildPyWithResources})
