"""The query page's tabs: each bundled query runnable as shown, its parameters given samples.

A bundled query's parameters are bound by ``kg query --param``; on the query page
there is no such option, so a tab with an unbound parameter would answer nothing.
Each tab's text therefore binds every parameter it needs (an optional one, such as
``agency``, stays unbound: every agency), to its default, example or a sample value,
by a ``VALUES`` block (:func:`kg.sparql.params.with_values`), and says so in a
comment under the header: which value, what it means, and that it can be changed.

Example::

    >>> from kg.sparql.catalogue import find_query
    >>> tab = example(find_query("units-opened-in"))
    >>> '"2017"^^<http://www.w3.org/2001/XMLSchema#gYear>' in tab["text"]
    True
    >>> [line for line in tab["text"].splitlines() if "Sample" in line][0]
    '# Sample value (the VALUES line below binds it; change it to ask again): year = 2017'
"""

from __future__ import annotations

from kg.sparql.catalogue import CatalogueQuery
from kg.sparql.params import bind, to_variables, with_values

SAMPLES = {"entity": "org/mic", "text": "센터", "year": "2017"}  # by parameter name
BY_TYPE = {  # else by type
    "xsd:string": "센터",
    "xsd:integer": "10",
    "xsd:decimal": "1.5",
    "xsd:boolean": "true",
    "xsd:date": "2017-05-30",
    "xsd:gYear": "2017",
    "xsd:gYearMonth": "2017-05",
    "iri": "org/mic",
    "entity": "org/mic",
}


def example(query: CatalogueQuery) -> dict[str, str]:
    """A tab: the query's title, and its text with every parameter bound and explained."""
    needed = [p for p in query.params if not p.optional]  # optional: every agency, as kg query
    if not needed:
        return {"title": query.title, "text": query.text}
    given = {p.name: p.sample or SAMPLES.get(p.name) or BY_TYPE[p.type] for p in needed}
    lines = query.text.splitlines(keepends=True)
    header = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    plural = "s" if len(given) > 1 else ""
    values = ", ".join(f"{name} = {value}" for name, value in given.items())
    note = (
        f"# Sample value{plural} (the VALUES line below binds {'them' if plural else 'it'}; "
        f"change {'them' if plural else 'it'} to ask again): {values}\n"
    )
    text = "".join([*lines[:header], note, *lines[header:]])
    bindings = to_variables(query.params, bind(query.params, given, query.name))
    return {"title": query.title, "text": with_values(text, bindings)}
