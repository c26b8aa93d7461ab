"""Write the networkx view of the graph (:func:`kg.network.view.to_networkx`) for other tools.

GraphML (yEd, Cytoscape, Gephi), GEXF (Gephi), DOT (Graphviz) and CSV (a nodes
file and an edges file, for spreadsheets and pandas). Each writer returns text,
deterministic: nodes and edges come in the order :func:`to_networkx` added them
(sorted), attributes in a fixed order, and no timestamps.

Files hold text, so :func:`flat` first turns every attribute into a string:

- ``types`` joined by spaces, ``year`` as digits (or empty); ``dates``,
  ``literals`` and ``evidence`` are left out (the values are in the next two);
- one attribute per property for people, named ``prefix_local``
  (``schema_startDate``), its values as text (the lexical form of a literal, the
  IRI of a link), sorted and joined with `` | ``;
- ``terms``: the exact values, as JSON (property → SPARQL JSON terms with
  ``type`` uri/literal, ``value``, ``datatype``, ``xml:lang``), so ``5``,
  ``"5"``, ``"5"@en`` and an IRI with the same text stay apart after a round trip.

Characters XML 1.0 forbids (``\\x00``-``\\x1f`` but tab, newline and return; lone
surrogates; U+FFFE, U+FFFF) never reach a file: in the text for people they are
shown as ``\\u0007``; in ``terms`` they are JSON escapes, so ``json.loads`` gives the
exact value back. An IRI (node id or property) with such a character is refused.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import json
import re
from datetime import date

import networkx as nx

from kg.core.errors import ExportError
from kg.core.generated import GENERATED_DOT, GENERATED_XML
from kg.rdf.writing import NOT_XML, xml_safe

NODE_COLUMNS = ("id", "label", "label_ko", "label_en", "class", "class_label", "types", "iri")
EDGE_ID = re.compile(r'(<edge source="[^"]*" target="[^"]*") id="[^"]*"')
EDGE_COLUMNS = ("source", "target", "name", "label", "label_ko", "label_en", "property")
SEPARATOR = " | "
STRUCTURED = ("dates", "literals", "evidence", "terms")


def _checked_id(text: str, what: str) -> str:
    found = NOT_XML.search(text)
    if found:
        raise ExportError(
            f"{what} {xml_safe(text)!r} holds U+{ord(found.group()):04X}, which XML and the "
            "graph formats cannot carry: fix the IRI"
        )
    return text


def flat(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``network`` whose attributes are all text (see the module's rule)."""
    result: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    result.graph.update({k: xml_safe(str(v)) for k, v in network.graph.items()})
    for node, data in network.nodes(data=True):
        result.add_node(_checked_id(node, "node"), **flat_node(data))
    for source, target, key, data in network.edges(keys=True, data=True):
        attributes = {k: xml_safe(str(v)) for k, v in data.items()}
        result.add_edge(source, target, key=_checked_id(key, "property"), **attributes)
    return result


def flat_node(data: dict) -> dict[str, str]:
    """One node's attributes as text: scalars, then one per property, then ``terms``."""
    attributes: dict[str, str] = {}
    for key, value in data.items():
        if key in STRUCTURED:
            continue
        if isinstance(value, list):
            value = " ".join(value)
        attributes[key] = xml_safe("" if value is None else str(value))
    terms = data.get("terms", {})
    for prop, values in terms.items():
        if prop != "rdfs:label":
            text = SEPARATOR.join(sorted(term["value"] for term in values))
            attributes.setdefault(prop.replace(":", "_"), xml_safe(text))
    text = json.dumps(terms, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    attributes["terms"] = xml_safe(text)  # JSON escapes every C0 character already
    return attributes


def _after_declaration(xml: str) -> str:
    """Put the "generated" comment right after the XML declaration (which must come first)."""
    declaration, _, rest = xml.partition("\n")
    return declaration + "\n" + GENERATED_XML + rest


def to_graphml(network: nx.MultiDiGraph) -> str:
    """GraphML; every attribute a string key declared once, edges numbered e0, e1 …

    networkx uses the edge key (the property) as the GraphML edge id; two links
    by the same property would share it, so the ids are renumbered, in order.
    """
    buffer = io.BytesIO()
    nx.write_graphml_xml(flat(network), buffer, encoding="utf-8", prettyprint=True)
    numbers = itertools.count()
    text = EDGE_ID.sub(lambda m: f'{m.group(1)} id="e{next(numbers)}"', buffer.getvalue().decode())
    return _after_declaration(text)


def to_gexf(network: nx.MultiDiGraph) -> str:
    """GEXF 1.2 without the writer's date stamp; node and edge labels are the display labels."""
    buffer = io.BytesIO()
    nx.write_gexf(flat(network), buffer, encoding="utf-8", prettyprint=True, version="1.2draft")
    text = buffer.getvalue().decode("utf-8")
    return _after_declaration(re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1))


def _dot_string(value: object) -> str:
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _dot_attributes(data: dict) -> str:
    return ", ".join(f"{_dot_string(k)}={_dot_string(v)}" for k, v in data.items())


def to_dot(network: nx.MultiDiGraph) -> str:
    """Graphviz DOT: one statement a node and an edge, every attribute quoted."""
    network = flat(network)
    lines = [GENERATED_DOT.rstrip("\n"), "digraph kg {"]
    lines.append('  graph [charset="UTF-8", rankdir="LR"];')
    lines.append('  node [shape="box", style="rounded"];')
    for node, data in network.nodes(data=True):
        # Graphviz takes a "name" attribute for the node's name: the id is the name.
        data = {k: v for k, v in data.items() if k != "name"}
        lines.append(f"  {_dot_string(node)} [{_dot_attributes(data)}];")
    for source, target, data in network.edges(data=True):
        lines.append(f"  {_dot_string(source)} -> {_dot_string(target)} [{_dot_attributes(data)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_csv_nodes(network: nx.MultiDiGraph) -> str:
    """One row a node: the fixed columns first, then every other attribute, sorted."""
    return _csv(*_node_table(flat(network)))


def to_csv_edges(network: nx.MultiDiGraph) -> str:
    """One row an edge: source and target node ids, the property and its labels."""
    return _csv(*_edge_table(flat(network)))


def to_xlsx(network: nx.MultiDiGraph) -> bytes:
    """An Excel workbook: the CSV nodes and edges tables as two sheets, dates and numbers typed."""
    from kg.core.workbook import workbook

    network = flat(network)
    sheets = []
    tables = (("nodes", _node_table(network)), ("edges", _edge_table(network)))
    for title, (columns, rows) in tables:
        cells = [[_typed(row.get(column, "")) for column in columns] for row in rows]
        sheets.append((title, columns, cells))
    return workbook(sheets)


def _node_table(network: nx.MultiDiGraph) -> tuple[list[str], list[dict]]:
    extra = sorted({key for _, data in network.nodes(data=True) for key in data} - {"name"})
    columns = list(NODE_COLUMNS) + [key for key in extra if key not in NODE_COLUMNS]
    return columns, [{"id": node, **data} for node, data in network.nodes(data=True)]


def _edge_table(network: nx.MultiDiGraph) -> tuple[list[str], list[dict]]:
    rows = [{"source": s, "target": t, **data} for s, t, data in network.edges(data=True)]
    return list(EDGE_COLUMNS), rows


DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
NUMBER = re.compile(r"-?(0|[1-9]\d{0,14})(\.\d+)?")


def _typed(text: object) -> object:
    """A flat attribute as a spreadsheet cell: a date, a number, or the text as it is."""
    value = str(text)
    if DATE.fullmatch(value):
        with contextlib.suppress(ValueError):
            return date.fromisoformat(value)
    if NUMBER.fullmatch(value):
        return float(value) if "." in value else int(value)
    return value


def _csv(columns: list[str], rows) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
