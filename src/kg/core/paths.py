"""Where things live: the one module that knows the project's folders.

Two kinds of folders, found in two ways:

- **Resources** the code needs to run: the ontology, shapes, labels and JSON-LD context
  (:data:`ONTOLOGY_DIR`) and the bundled SPARQL queries (:data:`QUERIES_DIR`). In a
  checkout (editable install, or ``PYTHONPATH=src``) they are the hand-written files at
  the repository root, ``ontology/`` and ``queries/``, so an edit shows at once. From an
  installed wheel they are the copies the build put inside the package, ``kg/bundled/``
  (``setup.py`` copies them at build time; nothing generated lives in ``src/``).
- **Project data**: ``data/`` (sources, records), ``dist/`` (built outputs) and
  ``node_modules/`` are relative to :data:`ROOT`, the project root, found as git finds
  its repository: ``kg --project DIR`` or the ``KG_ROOT`` environment variable when
  given, else the nearest folder, from the current directory upward, that holds
  :data:`MARKER` (``data/records/``, the hand-written records ``kg build`` reads).
  Outside any project ROOT is the current directory and :data:`PROJECT_FOUND` is
  False: commands given files (``--graph FILE``, ``kg validate FILE``) work there, and
  those that need the project's data say so (:func:`require_project`). Stored texts
  named by a graph's ``schema:contentUrl`` (``data/sources/….txt``) start at ROOT too.

A checkout is recognised by its ``ontology/kg.ttl`` and ``queries/`` two levels above
the package (``src/kg`` → the repository). ``KG_ROOT`` without an ``ontology/`` folder
moves only the project data; the resources then come from the checkout or the package.

Example::

    >>> (ONTOLOGY_DIR / "kg.ttl").is_file() and (QUERIES_DIR / "history.rq").is_file()
    True
    >>> SHAPES_FILE.parent == ONTOLOGY_DIR
    True
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.core.errors import InputError

# The installed (or source) package folder, src/kg in a checkout.
PACKAGE_DIR = Path(__file__).resolve().parents[1]
# Where a built wheel keeps its copies of ontology/ and queries/ (see setup.py).
BUNDLED_DIR = PACKAGE_DIR / "bundled"


def _is_checkout(folder: Path) -> bool:
    """Whether ``folder`` holds the hand-written resources (a repository checkout)."""
    return (folder / "ontology" / "kg.ttl").is_file() and (folder / "queries").is_dir()


def checkout_root() -> Path | None:
    """The repository this code runs from, or None for a package installed from a wheel."""
    candidate = PACKAGE_DIR.parents[1]
    return candidate if _is_checkout(candidate) else None


# What makes a folder a kg project (as .git makes a repository).
MARKER = Path("data") / "records"


def find_project(start: Path) -> Path | None:
    """The nearest folder from ``start`` upward that holds :data:`MARKER`, or None."""
    start = start.resolve()
    return next((d for d in (start, *start.parents) if (d / MARKER).is_dir()), None)


def project_root() -> Path:
    """The folder holding ``data/`` and ``dist/``: KG_ROOT, else found upward, else the cwd."""
    env = os.environ.get("KG_ROOT")
    if env:
        return Path(env).resolve()
    return find_project(Path.cwd()) or Path.cwd().resolve()


def require_project() -> Path:
    """:data:`ROOT`, or an error saying how to name a project when none was found."""
    if not PROJECT_FOUND:
        raise InputError(
            f"no kg project in {ROOT} or any folder above it (a project holds "
            f"{MARKER.as_posix()}/): cd into one, or give kg --project DIR (or KG_ROOT=DIR)"
        )
    return ROOT


def resource_dir(name: str) -> Path:
    """``ontology`` or ``queries``: under the project root or checkout if there, else bundled."""
    for root in (project_root(), checkout_root()):
        if root is not None and _is_checkout(root):
            return root / name
    return BUNDLED_DIR / name


ROOT = project_root()
PROJECT_FOUND = bool(os.environ.get("KG_ROOT")) or find_project(ROOT) == ROOT
ONTOLOGY_DIR = resource_dir("ontology")
QUERIES_DIR = resource_dir("queries")
DATA_DIR = ROOT / "data"
SOURCES_DIR = DATA_DIR / "sources"
RECORDS_DIR = DATA_DIR / "records"
# Hand-written reference data every graph shares (the 17 시·도), bundled like the ontology.
REGIONS_FILE = resource_dir("data/reference") / "regions.toml"
DIST_DIR = ROOT / "dist"
# npm packages (`make web`): YASGUI served by `kg serve`, vis-network inlined by `kg viz`.
NODE_MODULES_DIR = ROOT / "node_modules"
YASGUI_DIR = NODE_MODULES_DIR / "@zazuko" / "yasgui" / "build"
VIS_NETWORK_JS = NODE_MODULES_DIR / "vis-network" / "standalone" / "umd" / "vis-network.min.js"
# The explorer's page, style and script (package data).
WEB_DIR = PACKAGE_DIR / "web"
# The 17 시·도 boundaries, simplified (NGII data; see kr-regions.LICENSE.md beside it).
REGIONS_MAP = WEB_DIR / "kr-regions.geojson"
# Where the system keeps its fonts (Debian: fonts-noto-cjk gives the Korean one).
SYSTEM_FONT_DIR = Path(os.environ.get("KG_FONT_DIR", "/usr/share/fonts"))

ONTOLOGY_FILE = ONTOLOGY_DIR / "kg.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"
LABELS_FILE = ONTOLOGY_DIR / "labels.ttl"

# The folders whose edits make a built dist/kg.nq stale (`kg query` warns). A wheel's
# bundled ontology is not one: its files carry the install time, not an edit time.
BUILD_INPUT_DIRS = (SOURCES_DIR, RECORDS_DIR) + (
    (ONTOLOGY_DIR,) if not ONTOLOGY_DIR.is_relative_to(BUNDLED_DIR) else ()
)


def relative_to_root(path: Path) -> str:
    """A path relative to the project root, with forward slashes (as is, if outside it)."""
    resolved = Path(path).resolve()
    if resolved.is_relative_to(ROOT):
        return resolved.relative_to(ROOT).as_posix()
    return str(path)
