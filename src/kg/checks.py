"""Checks SHACL cannot express: offsets against the stored texts, and violation queries.

A ``queries/*-violation.rq`` query returns one row per problem; any row fails the build.
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import RDFS, SKOS

from kg.catalogue import load_catalogue
from kg.config import compact_iri
from kg.paths import QUERIES_DIR, ROOT
from kg.report import Violation

MAX_TEXT_BYTES = 64 * 2**20  # a stored article is a few KB

OFFSETS = """
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/>
SELECT ?ann ?url ?sha ?exact ?prefix ?suffix ?start ?end WHERE {
    ?ann oa:hasTarget ?target .
    ?target oa:hasSource ?doc ; oa:hasSelector ?q , ?p .
    ?q oa:exact ?exact .
    OPTIONAL { ?q oa:prefix ?prefix } OPTIONAL { ?q oa:suffix ?suffix }
    ?p oa:start ?start ; oa:end ?end .
    OPTIONAL { ?doc schema:encoding ?media . ?media schema:contentUrl ?url .
               OPTIONAL { ?media schema:sha256 ?sha } }
}"""


def check_offsets(graph: Graph, root: Path | None = None) -> list[Violation]:
    """Every position selector must select its quote (and prefix/suffix) in the stored text."""
    root = root or ROOT
    texts: dict[str, str | None] = {}
    found = []
    for row in graph.query(OFFSETS):
        focus = compact_iri(str(row.ann))
        if row.url is None:
            found.append(
                Violation("offsets", focus, "oa:hasSource", "The source has no stored text.")
            )
            continue
        url = str(row.url)
        if url not in texts:
            texts[url] = _stored_text(root, url, row.sha)
        problem = _span_problem(texts[url], row)
        if problem:
            found.append(Violation("offsets", focus, "oa:start", problem, value=str(row.exact)))
    return sorted(set(found), key=lambda v: v.focus)


def _stored_text(root: Path, url: str, sha: object) -> str | None:
    """The stored text at ``url``, or None if it may not be read or does not match.

    A graph from a user's file may name any path. A text inside ``root`` (after
    resolving ``..`` and symlinks) is read; one outside it (data kept elsewhere, as
    a test's copy) only when the graph gives its SHA-256 and it matches, so no
    message can quote a file the graph's author did not already have. URLs and
    anything but a regular file of at most MAX_TEXT_BYTES are never read.
    """
    path = (root / url).resolve()
    inside = path.is_relative_to(root.resolve())
    if "://" in url or (not inside and sha is None):
        return None
    try:
        if not path.is_file() or path.stat().st_size > MAX_TEXT_BYTES:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    if sha is not None and hashlib.sha256(data).hexdigest() != str(sha):
        return None
    return data.decode("utf-8", errors="replace")


def _span_problem(text: str | None, row) -> str:
    if text is None:
        return (
            "The stored text is missing, outside the project, or its SHA-256 differs "
            "from the graph's."
        )
    start, end, exact = int(row.start), int(row.end), str(row.exact)
    if text[start:end] != exact:
        return f"text[{start}:{end}] is {text[start:end]!r}, not the quote {exact!r}."
    if row.prefix is not None and not text[:start].endswith(str(row.prefix)):
        return f"The prefix {str(row.prefix)!r} does not precede offset {start}."
    if row.suffix is not None and not text[end:].startswith(str(row.suffix)):
        return f"The suffix {str(row.suffix)!r} does not follow offset {end}."
    return ""


def run_violation_queries(graph: Graph, directory: Path = QUERIES_DIR) -> list[Violation]:
    """Run every ``*-violation`` query; each row is a violation (first column = focus)."""
    found = []
    for query in load_catalogue(directory).values():
        if not query.is_violation:
            continue
        for row in graph.query(query.text):
            values = [v for v in row if v is not None]
            focus = compact_iri(str(values[0])) if values else ""
            detail = ", ".join(str(v) for v in values[1:])
            message = f"{query.title}" + (f": {detail}" if detail else "")
            found.append(Violation(f"query:{query.name}", focus, "", message))
    return found


LABELS = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)


def check_labels_nfc(graph: Graph) -> list[Violation]:
    """A warning for each label not in Unicode NFC (e.g. decomposed Hangul jamo).

    The label is kept exactly as written: NFC and NFD text are distinct strings, and
    a search for the composed form will not find the decomposed one.
    """
    found = []
    for prop in LABELS:
        for node, label in graph.subject_objects(prop):
            if isinstance(label, Literal) and not unicodedata.is_normalized("NFC", str(label)):
                found.append(
                    Violation(
                        "labels",
                        compact_iri(str(node)),
                        compact_iri(str(prop)),
                        "The label is not in Unicode NFC; write it composed.",
                        "레이블이 유니코드 NFC(완성형)가 아닙니다.",
                        value=label.n3(),
                        severity="Warning",
                    )
                )
    return sorted(found, key=lambda v: (v.focus, v.value))
