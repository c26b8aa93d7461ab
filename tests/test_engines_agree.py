"""One validation truth: the fast engine reports exactly what pyshacl reports, on generated graphs.

Hypothesis breaks the built graph and a small synthetic one (kg.scale.synth) in many
ways at once — a triple dropped, a label doubled, a datatype or lexical form changed,
an inverse link removed, offsets moved, a language tag changed, a node retyped, a
literal added on a property no shape covers — and ``kg validate FILE`` must give the
same report with ``--engine fast`` as with ``--engine pyshacl``: the same set of
(check, focus, path, constraint component, value, severity, messages). shacl-rust, a
third engine (development only), must find the same SHACL results when it is installed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.core.config import BASE, CANONICAL_BASE, PREFIXES, compact_iri
from kg.core.paths import SHAPES_FILE
from kg.pipeline.validate import validate_graph
from kg.scale.synth import Synth
from kg.validate.report import Violation

RDF, RDFS, XSD, OA = PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["xsd"], PREFIXES["oa"]
SKOS, ORG, SCHEMA = PREFIXES["skos"], PREFIXES["org"], PREFIXES["schema"]
LABELS = {f"{RDFS}label", f"{SKOS}prefLabel", f"{SKOS}altLabel"}
OFFSETS = {f"{OA}start", f"{OA}end"}
LINKS = {f"{ORG}hasUnit", f"{ORG}unitOf", f"{ORG}postIn", f"{ORG}heldBy", f"{SCHEMA}funder",
         f"{SCHEMA}subOrganization", f"{SCHEMA}parentOrganization", f"{OA}hasBody",
         f"{OA}hasTarget", f"{OA}hasSelector", f"{OA}hasSource", f"{SCHEMA}observationAbout",
         f"{SKOS}inScheme", f"{SKOS}broader"}  # fmt: skip
DATATYPES = [XSD + name for name in ("integer", "nonNegativeInteger", "date", "gYear",
                                     "gYearMonth", "decimal", "double", "boolean", "string",
                                     "dateTime", "byte", "anyURI")]  # fmt: skip
LEXICAL = st.one_of(
    st.sampled_from(["12abc", "2019-13-40", "2019-02-29", "2020-02-29", "20x9", "-1", "0", "007",
                     "+5", "1.5", "1e5", "2019", "2019-13", "2019-12", "", " 12 ", "yes", "true",
                     "NaN", "300", "99999999999999999999", "2010-06-29T10:00:00Z"]),
    st.text(alphabet='0123456789-+:.TZe "\\\n가', max_size=12),
)  # fmt: skip
LANGS = st.sampled_from(["ko", "en", "EN", "ko-KR", "de", None])
UNSHAPED = ox.NamedNode("http://example.org/unshaped")
SPARQL = PREFIXES["sh"] + "SPARQLConstraintComponent"

Quads = list[ox.Quad]
Mutation = Callable[[st.DataObject, Quads], None]


class Base:
    """A graph to break, and where to write it (its stored texts resolve from there)."""

    def __init__(self, name: str, quads: tuple[ox.Quad, ...], path: Path) -> None:
        self.name, self.quads, self.path = name, quads, path

    def __repr__(self) -> str:  # hypothesis prints the arguments of a failing example
        return f"<{self.name}: {len(self.quads)} quads>"


def _pick(data: st.DataObject, quads: Quads, keep: Callable[[ox.Quad], bool]) -> int | None:
    """The index of a quad ``keep`` accepts, or None when there is none."""
    found = [i for i, q in enumerate(quads) if keep(q)]
    return data.draw(st.sampled_from(found)) if found else None


def _replace_object(data, quads, keep, new_object: Callable[[ox.Quad], object]) -> None:
    i = _pick(data, quads, keep)
    if i is not None:
        q = quads[i]
        quads[i] = ox.Quad(q.subject, q.predicate, new_object(q), q.graph_name)


def _literal(q: ox.Quad) -> bool:
    return isinstance(q.object, ox.Literal)


def drop(data, quads) -> None:
    del quads[data.draw(st.integers(0, len(quads) - 1))]


def drop_link(data, quads) -> None:
    i = _pick(data, quads, lambda q: q.predicate.value in LINKS)
    if i is not None:
        del quads[i]


def duplicate_label(data, quads) -> None:
    i = _pick(data, quads, lambda q: q.predicate.value in LABELS and _literal(q))
    if i is not None:
        q, text = quads[i], data.draw(st.sampled_from(["another", "", "IT벤처센터"]))
        lang = q.object.language
        quads.append(ox.Quad(q.subject, q.predicate, ox.Literal(text, language=lang) if lang
                             else ox.Literal(text), q.graph_name))  # fmt: skip


def retype_literal(data, quads) -> None:
    datatype = ox.NamedNode(data.draw(st.sampled_from(DATATYPES)))
    _replace_object(data, quads, _literal, lambda q: ox.Literal(q.object.value, datatype=datatype))


def relex_literal(data, quads) -> None:
    lexical = data.draw(LEXICAL)
    _replace_object(data, quads, lambda q: _literal(q) and not q.object.language,
                    lambda q: ox.Literal(lexical, datatype=q.object.datatype))  # fmt: skip


def move_offset(data, quads) -> None:
    shift = data.draw(st.integers(-3, 3))
    _replace_object(data, quads, lambda q: q.predicate.value in OFFSETS,
                    lambda q: ox.Literal(str(int(q.object.value) + shift),
                                         datatype=q.object.datatype))  # fmt: skip


def relang(data, quads) -> None:
    lang = data.draw(LANGS)
    _replace_object(data, quads, lambda q: _literal(q) and bool(q.object.language),
                    lambda q: ox.Literal(q.object.value, language=lang) if lang
                    else ox.Literal(q.object.value))  # fmt: skip


def retype_node(data, quads) -> None:
    classes = sorted({q.object.value for q in quads if q.predicate.value == f"{RDF}type"})
    new = ox.NamedNode(data.draw(st.sampled_from(classes)))
    _replace_object(data, quads, lambda q: q.predicate.value == f"{RDF}type", lambda q: new)


def relink(data, quads) -> None:
    """An IRI object swapped for another subject of the graph (a wrong class, a dangling link)."""
    subjects = sorted({q.subject.value for q in quads})
    new = ox.NamedNode(data.draw(st.sampled_from(subjects)))
    _replace_object(data, quads, lambda q: isinstance(q.object, ox.NamedNode)
                    and q.predicate.value != f"{RDF}type", lambda q: new)  # fmt: skip


def add_unshaped(data, quads) -> None:
    subject = quads[data.draw(st.integers(0, len(quads) - 1))].subject
    value = ox.Literal(
        data.draw(LEXICAL), datatype=ox.NamedNode(data.draw(st.sampled_from(DATATYPES)))
    )
    quads.append(ox.Quad(subject, UNSHAPED, value, ox.DefaultGraph()))


MUTATIONS: list[Mutation] = [drop, drop_link, duplicate_label, retype_literal, relex_literal,
                             move_offset, relang, retype_node, relink, add_unshaped]  # fmt: skip
SETTINGS = settings(
    max_examples=int(os.environ.get("KG_DIFFERENTIAL_EXAMPLES", "15")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _key(v: Violation) -> tuple[str, ...]:
    return (v.check, v.focus, v.path, v.component, v.value, v.severity, v.message, v.message_ko,
            v.quote)  # fmt: skip


def _write(quads: Quads, path: Path) -> None:
    path.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))


def assert_engines_agree(quads: Quads, path: Path, reference: Path | None) -> None:
    """Both engines' reports on ``quads`` written to ``path``; shacl-rust's SHACL results too."""
    _write(quads, path)
    fast = {_key(v) for v in validate_graph(path, "fast").violations}
    slow = {_key(v) for v in validate_graph(path, "pyshacl").violations}
    assert fast == slow, f"only fast: {sorted(fast - slow)}\nonly pyshacl: {sorted(slow - fast)}"
    if reference is not None:
        shacl = {k[1:5] for k in slow if k[0] == "shacl"}
        assert shacl_rust_results(path, reference) == shacl


@pytest.fixture(scope="module")
def rust_shapes(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """Our shapes for shacl-rust (with our base IRI), or None when it is not installed."""
    try:
        import shacl_rust  # noqa: F401
    except ImportError:
        return None
    path = tmp_path_factory.mktemp("shapes") / "shapes.ttl"
    text = SHAPES_FILE.read_text(encoding="utf-8")
    path.write_text(text.replace(CANONICAL_BASE, BASE), encoding="utf-8")
    return path


def shacl_rust_results(path: Path, shapes: Path) -> set[tuple[str, ...]]:
    """shacl-rust's results as (focus, path, component, value), shown as our reports show them."""
    import shacl_rust

    found = set()
    for r in shacl_rust.validate_file(str(path), str(shapes))["results"]:
        value = r.get("value", "")
        if not value and r["sourceConstraintComponent"] == f"<{SPARQL}>":
            value = r["focusNode"]  # SHACL 5.3.2: without ?value, sh:value is $this (pyshacl)
        found.add((_show(r["focusNode"]), _show(r.get("resultPath", "")),
                   _show(r["sourceConstraintComponent"]),
                   value if not value.startswith("<") else _show(value)))  # fmt: skip
    return found


def _show(term: str) -> str:
    if term.startswith("^<"):
        return "^" + compact_iri(term[2:-1])
    return compact_iri(term[1:-1]) if term.startswith("<") else term


@pytest.fixture(scope="module")
def built(built_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Base:
    """The built graph (kg build); its texts are under the repository."""
    quads = ox.parse(path=str(built_dir / "kg.nq"), format=ox.RdfFormat.N_QUADS)
    return Base("built graph", tuple(quads), tmp_path_factory.mktemp("built") / "graph.nq")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Base:
    """Three agencies of kg.scale.synth (about 2,000 triples), its texts beside it."""
    folder = tmp_path_factory.mktemp("synth")
    texts = folder / "graph.texts"
    synth = Synth(texts, texts.name)
    synth.shared()
    for i in range(1, 4):
        synth.agency(i)
    texts.mkdir()
    for path, text in synth.texts.items():
        path.write_text(text, encoding="utf-8")
    return Base("synthetic graph", tuple(synth.quads), folder / "graph.nq")


def _broken(data: st.DataObject, base: Base) -> Quads:
    quads = list(base.quads)
    for mutation in data.draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3)):
        mutation(data, quads)
    return quads


@pytest.mark.slow
@SETTINGS
@given(data=st.data())
def test_the_engines_agree_on_the_broken_built_graph(
    data: st.DataObject, built: Base, rust_shapes: Path | None
) -> None:
    assert_engines_agree(_broken(data, built), built.path, rust_shapes)


@pytest.mark.slow
@SETTINGS
@given(data=st.data())
def test_the_engines_agree_on_the_broken_synthetic_graph(
    data: st.DataObject, synthetic: Base, rust_shapes: Path | None
) -> None:
    assert_engines_agree(_broken(data, synthetic), synthetic.path, rust_shapes)


@pytest.mark.parametrize("which", ["built", "synthetic"])
def test_the_unbroken_graphs_conform_in_every_engine(
    which: str, request: pytest.FixtureRequest, rust_shapes: Path | None
) -> None:
    base: Base = request.getfixturevalue(which)
    assert_engines_agree(list(base.quads), base.path, rust_shapes)
    assert validate_graph(base.path, "fast").conforms


def test_shacl_rust_is_the_third_engine(rust_shapes: Path | None) -> None:
    if rust_shapes is None:
        pytest.skip("shacl-rust is not installed (pip install shacl-rust): third engine skipped")
    assert rust_shapes.read_text(encoding="utf-8").count("sh:") > 50
