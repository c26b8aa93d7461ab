"""kr-ict-kg: a knowledge graph of Korea's regional ICT organizations.

The pipeline follows the data, one package per step (see README, "Code layout"):
sources → graph (:mod:`kg.build`) → validation (:mod:`kg.validate`) → query
(:mod:`kg.sparql`) → export (:mod:`kg.rdf`, :mod:`kg.network`) → pictures
(:mod:`kg.viz`) → endpoint (:mod:`kg.serve`); :mod:`kg.pipeline` runs ``kg build``.
The package itself exports one function, :func:`build_graph`: ``build`` and
``validate`` are the names of subpackages, so the functions keep their own homes,
:func:`kg.pipeline.build.build` and :func:`kg.validate.pyshacl_engine.validate`.

Example::

    >>> from kg import build_graph
    >>> graph = build_graph()      # facts and provenance, from data/records and data/sources
    >>> len(graph) > 4000
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["build_graph"]
__version__ = "0.1.0"

if TYPE_CHECKING:
    from kg.build.assemble import build_graph


def __getattr__(name: str) -> Any:
    """Import lazily, so that ``import kg`` stays cheap for the fast commands."""
    if name == "build_graph":
        from kg.build.assemble import build_graph

        return build_graph
    raise AttributeError(name)
