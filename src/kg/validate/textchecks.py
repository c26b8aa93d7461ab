"""The checks on text that SHACL cannot express, once for both engines: offsets and NFC labels.

Each check takes plain rows (strings, None where unbound) that any engine can give:
:mod:`kg.validate.checks` gets them from rdflib, :mod:`kg.validate.fast_engine` from Oxigraph,
with the same two simple queries below (the former single query with nested OPTIONALs took
minutes on Oxigraph at 10^5 triples). Stdlib only (and :mod:`kg.validate.lexical`).

Example::

    >>> problem_of_span("전주 IT벤처센터", {"start": "3", "end": "10", "exact": "IT벤처센터"})
    ''
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from kg.core.config import compact_iri
from kg.validate.lexical import BOUNDS, INTEGER, XSD
from kg.validate.report import Violation

Row = Mapping[str, str | None]

TEXTS = """PREFIX schema: <https://schema.org/>
SELECT ?doc ?url ?sha WHERE {
    ?doc schema:encoding ?media . ?media schema:contentUrl ?url .
    OPTIONAL { ?media schema:sha256 ?sha }
}"""
SPANS = """PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?ann ?doc ?exact ?prefix ?suffix ?start ?end
       (DATATYPE(?start) AS ?startType) (DATATYPE(?end) AS ?endType) WHERE {
    ?ann oa:hasTarget ?target . ?target oa:hasSource ?doc ; oa:hasSelector ?q , ?p .
    ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end .
    OPTIONAL { ?q oa:prefix ?prefix } OPTIONAL { ?q oa:suffix ?suffix }
}"""
SPAN_KEYS = ("ann", "doc", "exact", "prefix", "suffix", "start", "end", "startType", "endType")
TEXT_KEYS = ("doc", "url", "sha")
LABEL_PROPERTIES = (
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2004/02/skos/core#altLabel",
)


INTEGER_TYPES = {XSD + "integer", *BOUNDS}
MAX_TEXT_BYTES = 64 * 2**20  # a stored article is a few KB


def bound(row: Row, key: str) -> str:
    """``row[key]``, which the query's pattern always binds (unbound would be a bug in it)."""
    value = row[key]
    if value is None:
        raise ValueError(f"a row without ?{key}: the query does not bind it")
    return value


def offset_violations(texts: Iterable[Row], spans: Iterable[Row], root: Path) -> list[Violation]:
    """Every position selector must select its quote (and prefix/suffix) in the stored text.

    ``texts`` are rows of :data:`TEXTS` (a document, its stored file, its SHA-256),
    ``spans`` rows of :data:`SPANS`; ``contentUrl`` paths start at ``root``. A text
    inside ``root`` that is not there at all gives one warning (its spans unchecked),
    not a violation per span: the graph may be fine, only its texts were not copied.
    """
    stored: dict[str, tuple[str, str | None]] = {}
    for row in sorted(texts, key=lambda r: (bound(r, "doc"), bound(r, "url"), r["sha"] or "")):
        stored.setdefault(bound(row, "doc"), (bound(row, "url"), row["sha"]))
    # each text is looked up (paths resolved, file read) once, not once per span
    contents: dict[str, str | None | Absent] = {}
    unchecked: Counter[tuple[str, str]] = Counter()
    found = []
    for row in spans:
        if row["doc"] not in stored:
            found.append(Violation("offsets", compact_iri(bound(row, "ann")), "oa:hasSource",
                                   "The source has no stored text."))  # fmt: skip
            continue
        url, sha = stored[row["doc"]]
        if url not in contents:
            contents[url] = ABSENT if absent_text(root, url) else stored_text(root, url, sha)
        text = contents[url]
        if isinstance(text, Absent):
            unchecked[row["doc"], url] += 1
            continue
        problem = problem_of_span(text, row)
        if problem:
            found.append(Violation("offsets", compact_iri(bound(row, "ann")), "oa:start",
                                   problem, value=bound(row, "exact")))  # fmt: skip
    found += [missing_text(doc, url, n, root) for (doc, url), n in unchecked.items()]
    return sorted(set(found), key=lambda v: v.focus)


class Absent:
    """A text inside the project that is not there (its spans are counted, not checked)."""


ABSENT = Absent()


def absent_text(root: Path, url: str) -> bool:
    """Whether ``url`` names a file inside ``root`` that is not there.

    So it is for a graph copied out of its project without its ``data/sources/``.
    """
    if "://" in url:
        return False
    path = (root / url).resolve()
    return path.is_relative_to(root.resolve()) and not path.exists()


def missing_text(doc: str, url: str, count: int, root: Path) -> Violation:
    """One warning for a stored text that is not there, instead of one violation per span."""
    return Violation(
        "offsets",
        compact_iri(doc),
        "schema:contentUrl",
        f"The stored text {url} is not under {root}; "
        f"the offsets of {count} annotation(s) were not checked.",
        f"저장된 원문 {url}이(가) {root}에 없어 주석 {count}개의 위치를 검사하지 못했습니다.",
        value=url,
        severity="Warning",
    )


def stored_text(root: Path, url: str, sha: str | None) -> str | None:
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
    if sha is not None and hashlib.sha256(data).hexdigest() != sha:
        return None
    return data.decode("utf-8", errors="replace")


def problem_of_span(text: str | None, row: Row) -> str:
    """What is wrong with one span of ``text`` (empty if nothing is)."""
    if text is None:
        return (
            "The stored text is missing, outside the project, or its SHA-256 differs "
            "from the graph's."
        )
    if not (whole(row["start"], row.get("startType")) and whole(row["end"], row.get("endType"))):
        return "An offset is not a whole number (an xsd:integer type)."
    start, end, exact = int(bound(row, "start")), int(bound(row, "end")), row["exact"]
    if text[start:end] != exact:
        return f"text[{start}:{end}] is {text[start:end]!r}, not the quote {exact!r}."
    prefix, suffix = row.get("prefix"), row.get("suffix")
    if prefix is not None and not text[:start].endswith(prefix):
        return f"The prefix {prefix!r} does not precede offset {start}."
    if suffix is not None and not text[end:].startswith(suffix):
        return f"The suffix {suffix!r} does not follow offset {end}."
    return ""


def whole(lexical: str | None, datatype: str | None) -> bool:
    """Is this an integer offset? Judged on what both engines see alike: Oxigraph's store
    rewrites ``"+5"^^xsd:nonNegativeInteger`` to ``"5"^^xsd:integer`` and ``"1e5"^^xsd:double``
    to ``"100000"^^xsd:double``, so the datatype decides (if known), then the digits."""
    return ((datatype is None or datatype in INTEGER_TYPES) and lexical is not None
            and re.fullmatch(INTEGER, lexical) is not None)  # fmt: skip


def nfc_violations(labels: Iterable[tuple[str, str, str, str]]) -> list[Violation]:
    """A warning for each label not in Unicode NFC (e.g. decomposed Hangul jamo).

    ``labels`` are (node IRI, property IRI, lexical form, N-Triples form) of literal
    labels. The label is kept exactly as written: NFC and NFD text are distinct
    strings, and a search for the composed form will not find the decomposed one.
    """
    found = [
        Violation(
            "labels",
            compact_iri(node),
            compact_iri(prop),
            "The label is not in Unicode NFC; write it composed.",
            "레이블이 유니코드 NFC(완성형)가 아닙니다.",
            value=shown,
            severity="Warning",
        )
        for node, prop, text, shown in labels
        if not unicodedata.is_normalized("NFC", text)
    ]
    return sorted(found, key=lambda v: (v.focus, v.value))
