"""kr-ict-kg: a knowledge graph of Korea's regional ICT organizations.

The pipeline follows the data: sources → graph → validation → query → export →
visualize → serve.

Example::

    >>> from kg import build_graph
    >>> graph = build_graph()      # facts and provenance, from data/records and data/sources
    >>> len(graph) > 4000
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["build", "build_graph", "validate"]
__version__ = "0.1.0"

if TYPE_CHECKING:
    from kg.build.assemble import build_graph
    from kg.pipeline.build import build
    from kg.validate.pyshacl_engine import validate


def __getattr__(name: str) -> Any:
    """Import lazily, so that ``import kg`` stays cheap for the fast commands."""
    if name == "build":
        from kg.pipeline.build import build

        return build
    if name == "build_graph":
        from kg.build.assemble import build_graph

        return build_graph
    if name == "validate":
        from kg.validate.pyshacl_engine import validate

        return validate
    raise AttributeError(name)
