"""Where things live: the one module that knows the project's folders.

The repository root is found from this file's location (the package is installed
in editable mode), or from the ``KG_ROOT`` environment variable when set.
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    """The repository root: the folder holding ``ontology/``, ``data/`` and ``queries/``."""
    env = os.environ.get("KG_ROOT")
    if env:
        return Path(env).resolve()
    return Path(__file__).resolve().parents[3]


ROOT = project_root()
ONTOLOGY_DIR = ROOT / "ontology"
DATA_DIR = ROOT / "data"
SOURCES_DIR = DATA_DIR / "sources"
RECORDS_DIR = DATA_DIR / "records"
QUERIES_DIR = ROOT / "queries"
DIST_DIR = ROOT / "dist"
# npm packages (`make web`): YASGUI served by `kg serve`, vis-network inlined by `kg viz`.
NODE_MODULES_DIR = ROOT / "node_modules"
YASGUI_DIR = NODE_MODULES_DIR / "@zazuko" / "yasgui" / "build"
VIS_NETWORK_JS = NODE_MODULES_DIR / "vis-network" / "standalone" / "umd" / "vis-network.min.js"
# The explorer's page, style and script (package data).
WEB_DIR = Path(__file__).resolve().parents[1] / "web"
# Where the system keeps its fonts (Debian: fonts-noto-cjk gives the Korean one).
SYSTEM_FONT_DIR = Path(os.environ.get("KG_FONT_DIR", "/usr/share/fonts"))

ONTOLOGY_FILE = ONTOLOGY_DIR / "kg.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"
LABELS_FILE = ONTOLOGY_DIR / "labels.ttl"


def relative_to_root(path: Path) -> str:
    """A path relative to the repository, with forward slashes (as is, if outside it)."""
    resolved = Path(path).resolve()
    if resolved.is_relative_to(ROOT):
        return resolved.relative_to(ROOT).as_posix()
    return str(path)
