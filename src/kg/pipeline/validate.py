"""``kg validate``: which engine validates what — a user's file, the built graph, user shapes.

Example::

    >>> from kg.pipeline.validate import validate_graph
    >>> validate_graph(None, "auto", None).conforms      # doctest: +SKIP
    True
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kg.core.errors import ParseError
from kg.core.files import cannot_read
from kg.core.paths import ROOT
from kg.validate.fast_engine import validate_file
from kg.validate.report import Report

AUTO_FAST_LINES = 50_000


def validate_graph(
    file: Path | None,
    engine: str,
    shapes: str | None = None,
    warn: Callable[[str], None] | None = None,
) -> Report:
    """The report of ``kg validate``: pyshacl, or the fast engine (auto: by file size).

    The fast engine reads a FILE (any RDF format of kg.rdf.formats) with our shapes
    and resolves stored texts against the file's folder when they are not under the
    repository; without
    FILE the graph is built from the sources and validated with pyshacl, as is any
    graph checked against a user's ``shapes`` file.
    """
    if file is not None and engine == "auto" and shapes is None:
        try:
            with open(file, "rb") as handle:
                big = sum(1 for _ in zip(range(AUTO_FAST_LINES + 1), handle, strict=False))
        except OSError as e:
            raise ParseError(cannot_read(file, e)) from e
        engine = "fast" if big > AUTO_FAST_LINES else "pyshacl"
    if engine == "fast":
        if file is None:
            raise ParseError("--engine fast validates a FILE (e.g. dist/kg.nq)")
        if shapes is not None:
            raise ParseError("--shapes works with the pyshacl engine only")
        return validate_file(file, _text_root(file))
    from kg.build.assemble import build_graph
    from kg.rdf.reading import load_graph
    from kg.validate.pyshacl_engine import validate
    from kg.validate.user_shapes import load_user_shapes

    shape_graph = load_user_shapes(shapes) if shapes else None
    if file is None:
        return validate(build_graph(), shape_graph)
    return validate(load_graph(file, warn), shape_graph, root=_text_root(file))


def _text_root(file: Path | None) -> Path:
    """Where contentUrl paths start: the file's folder for a `kg synth` graph, else the project.

    The project root is :data:`kg.core.paths.ROOT`: the checkout, ``KG_ROOT``, or the
    current directory for an installed wheel. Texts missing there give one warning each.
    """
    if file is not None and (file.parent / f"{file.stem}.texts").is_dir():
        return file.parent
    return ROOT
