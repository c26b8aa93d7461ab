"""``kg viz`` (explorer, timeline, organization picture) and ``kg graph`` (analytics)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import click

from kg.cli.options import graph_option

GRAPH_OPTION = graph_option(
    "Read this RDF file instead of building from the sources: any format kg export reads "
    "(N-Quads, Turtle, N-Triples, TriG, JSON-LD, RDF/XML; e.g. dist/kg.ttl)."
)
FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A readable table, or JSON for machines.",
)


def _entity_graph(graph_file: Path | None) -> Any:
    from kg.build.assemble import build_graph
    from kg.network.view import to_networkx
    from kg.rdf.reading import load_graph

    return to_networkx(load_graph(graph_file) if graph_file else build_graph())


@click.command()
@click.option("--timeline", is_flag=True, help="Draw the dated history (SVG and PNG).")
@click.option("--static", "static", is_flag=True, help="Draw the organization (SVG and PNG).")
@click.option("--map", "regions_map", is_flag=True, help="Draw the agencies on the 17 시·도 map.")
@click.option(
    "--agency",
    default=None,
    help="Draw this agency only (IRI or Korean/English label); default: every agency.",
)
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Output file (default: dist/explorer.html, dist/timeline.svg, dist/graph.svg "
    "or dist/map.svg).",
)
@GRAPH_OPTION
def viz(
    timeline: bool,
    static: bool,
    regions_map: bool,
    agency: str | None,
    out: Path | None,
    graph_file: Path | None,
) -> None:
    """Draw the graph: an offline HTML explorer, the timeline, the organization, or a map.

    Without options, writes ONE self-contained HTML page (no network, no server)
    to explore the graph in Korean or English, with the article's sentence behind
    every fact. --timeline draws an agency's dated events by kind (every agency:
    a lane each); --static draws an agency, its units and the bodies that acted on
    it (every agency: a panel each); --map places the agencies in their 시·도.
    --agency picks one agency; a graph of one agency draws it alone. Pictures come
    as SVG (text kept as text) and a PNG beside it.

    Example:

    \b
        kg viz
        kg viz --timeline -o dist/timeline.svg
        kg viz --static --agency 전주정보문화산업진흥원
        kg viz --map
    """
    from kg.core.errors import InputError
    from kg.core.paths import DIST_DIR

    if timeline + static + regions_map > 1:
        raise InputError("choose one of --timeline, --static and --map")
    if out is not None and not (timeline or static or regions_map):
        _html(out)  # a wrong suffix fails before the graph is read
    nxg = _entity_graph(graph_file)
    if timeline or static:
        files = _picture(nxg, timeline, agency, out)
    elif regions_map:
        from kg.viz.regionmap import draw_map

        files = draw_map(nxg, _svg(out or DIST_DIR / "map.svg"))
    else:
        from kg.viz.explorer import write_explorer

        files = [write_explorer(nxg, out or DIST_DIR / "explorer.html")]
    for path in files:
        click.echo(f"wrote {os.path.relpath(path)}")


def _picture(nxg: Any, timeline: bool, agency: str | None, out: Path | None) -> list[Path]:
    """The timeline or the organization: of one agency, or a lane/panel per agency."""
    from kg.core.paths import DIST_DIR
    from kg.viz.agencies import agencies, find_agency

    path = _svg(out or DIST_DIR / ("timeline.svg" if timeline else "graph.svg"))
    everyone = agencies(nxg)
    if not everyone:
        from kg.core.errors import KgError

        raise KgError("the graph has no agency (def:PromotionAgency) to draw")
    one = find_agency(nxg, agency) if agency else (everyone[0] if len(everyone) == 1 else None)
    if timeline:
        from kg.viz.overview import draw_lanes
        from kg.viz.timeline import draw_timeline, history_title, timeline_events

        if one is None:
            return draw_lanes(nxg, path)
        return draw_timeline(timeline_events(nxg, one), path, history_title(nxg, one))
    from kg.viz.overview import draw_panels
    from kg.viz.structure import draw_structure, structure, structure_title

    if one is None:
        return draw_panels(nxg, path)
    st = structure(nxg, one)
    return draw_structure(st, path, structure_title(st))


def _svg(path: Path) -> Path:
    from kg.core.errors import InputError

    if path.suffix.lower() != ".svg":
        raise InputError(f"{path}: the picture is written as SVG (and PNG beside it): use .svg")
    return path


def _html(path: Path) -> Path:
    from kg.core.errors import InputError

    if path.suffix.lower() not in (".html", ".htm"):
        raise InputError(f"{path}: the explorer is one HTML page: use .html")
    return path


@click.group()
def graph() -> None:
    """Graph analytics with networkx: stats, centrality, paths, neighbours.

    The graph as networkx sees it: entities are nodes, IRI-to-IRI relations are
    edges labelled by their property, literals are node attributes; annotations
    and selectors are left out (see kg.network.view).

    Example:

    \b
        kg graph stats
        kg graph path "VR·AR" 정보통신부
    """


@graph.command()
@GRAPH_OPTION
@FORMAT_OPTION
def stats(graph_file: Path | None, fmt: str) -> None:
    """Nodes, edges, density, connected components and nodes per class.

    Example:

    \b
        kg graph stats --format json
    """
    from kg.network.analytics import stats as run_stats

    result = run_stats(_entity_graph(graph_file))
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    classes = result.pop("classes")
    for key, value in result.items():
        click.echo(f"{key.replace('_', ' '):<22} {value}")
    for name, count in classes.items():
        click.echo(f"  {name:<20} {count}")


@graph.command()
@click.option("--top", type=int, default=10, show_default=True, help="How many to show.")
@click.option(
    "--by",
    type=click.Choice(["betweenness", "degree"]),
    default="betweenness",
    show_default=True,
    help="Rank by betweenness or by degree.",
)
@GRAPH_OPTION
@FORMAT_OPTION
def centrality(top: int, by: str, graph_file: Path | None, fmt: str) -> None:
    """The most central entities: degree and betweenness, with their labels.

    Example:

    \b
        kg graph centrality --top 5 --by degree
    """
    from kg.network.analytics import centrality as run_centrality

    rows = run_centrality(_entity_graph(graph_file), top=top, by=by)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    click.echo(f"{'degree':>6} {'betweenness':>11}  class            label")
    for row in rows:
        click.echo(
            f"{row['degree']:>6} {row['betweenness']:>11.4f}  {row['class']:<16} "
            f"{row['label_ko']} ({row['label']})"
        )


@graph.command()
@click.argument("source")
@click.argument("target")
@click.option(
    "--lang",
    type=click.Choice(["en", "ko"]),
    default="en",
    show_default=True,
    help="Language of the sentence: entity and relation labels in English or Korean.",
)
@GRAPH_OPTION
@FORMAT_OPTION
def path(source: str, target: str, lang: str, graph_file: Path | None, fmt: str) -> None:
    """The shortest chain of relations between two entities (label, slug or IRI).

    Example:

    \b
        kg graph path "VR·AR제작거점센터" 과학기술정보통신부
        kg graph path unit/sos-lab org/mic --lang ko
    """
    from kg.network.analytics import path_sentence, shortest_path

    nxg = _entity_graph(graph_file)
    steps = shortest_path(nxg, source, target)
    if fmt == "json":
        click.echo(json.dumps(steps, ensure_ascii=False, indent=2))
        return
    click.echo(path_sentence(nxg, steps, lang) or "(the same entity)")
    click.echo(f"{len(steps)} relation(s)")


@graph.command()
@click.argument("name")
@click.option("--depth", type=int, default=1, show_default=True, help="How many relations away.")
@GRAPH_OPTION
@FORMAT_OPTION
def neighbors(name: str, depth: int, graph_file: Path | None, fmt: str) -> None:
    """The entities within --depth relations of NAME (label, slug or IRI), nearest first.

    Example:

    \b
        kg graph neighbors 정보통신부 --depth 2
    """
    from kg.network.analytics import neighbors as run_neighbors

    rows = run_neighbors(_entity_graph(graph_file), name, depth)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(f"{row['distance']}  {row['class']:<16} {row['label_ko']} ({row['label']})")
    click.echo(f"{len(rows)} entities")


COMMANDS = [viz, graph]
