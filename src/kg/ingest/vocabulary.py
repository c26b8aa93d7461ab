"""The event kinds the ontology names by verb (def:verb), as local class names."""

from __future__ import annotations

from functools import cache


@cache
def event_kinds() -> dict[str, list[str]]:
    """Korean verb → the local names of the event classes it names (설립 → two)."""
    from kg.build.ontology import event_verbs, load_ontology
    from kg.core.namespaces import DEF

    return {
        verb: sorted(str(cls).removeprefix(str(DEF)) for cls in classes)
        for verb, classes in event_verbs(load_ontology()).items()
    }
