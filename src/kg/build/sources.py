"""Read the sources: stored article texts with their metadata, and curated records.

Sources live in ``data/sources/`` as ``<slug>.txt`` (the text, unaltered) beside
``<slug>.toml`` (its metadata). Curated records live in ``data/records/*.toml``;
each file names the source its evidence quotes are found in.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.core.errors import SourceError
from kg.core.files import read_text
from kg.core.paths import RECORDS_DIR, SOURCES_DIR, relative_to_root, require_project

SOURCE_FIELDS = {"slug", "type", "text", "ko", "en", "language", "author"}
SOURCE_OPTIONAL = {"publisher", "note", "date", "url"}


@dataclass(frozen=True)
class Source:
    """A stored source text and its metadata."""

    slug: str
    path: Path
    text: str
    sha256: str
    meta: dict[str, Any]


@dataclass(frozen=True)
class Record:
    """One curated record: a table of a records file, with where it came from."""

    kind: str
    slug: str
    fields: dict[str, Any]
    source: str
    file: Path

    @property
    def where(self) -> str:
        """``file: kind 'slug'``, for error messages."""
        return f"{relative_to_root(self.file)}: {self.kind} {self.slug!r}"

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    def list(self, name: str) -> list[Any]:
        value = self.fields.get(name, [])
        return value if isinstance(value, list) else [value]


@dataclass
class Records:
    """All curated records, by kind, in file order."""

    by_kind: dict[str, list[Record]] = field(default_factory=dict)

    def of(self, kind: str) -> list[Record]:
        return self.by_kind.get(kind, [])

    def all(self) -> list[Record]:
        return [record for records in self.by_kind.values() for record in records]


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file; a syntax error names the file, line and column."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as e:
        raise SourceError(f"{path}: no such file") from e
    except tomllib.TOMLDecodeError as e:
        raise SourceError(f"{path}: invalid TOML: {e}") from e
    except UnicodeDecodeError as e:
        raise SourceError(f"{path}: not UTF-8 at byte {e.start}") from e


def load_source(meta_path: Path) -> Source:
    """Load one source: its metadata file and the text it names."""
    meta = read_toml(meta_path)
    missing = SOURCE_FIELDS - meta.keys()
    unknown = meta.keys() - SOURCE_FIELDS - SOURCE_OPTIONAL
    if missing:
        raise SourceError(f"{meta_path}: missing field(s): {', '.join(sorted(missing))}")
    if unknown:
        raise SourceError(f"{meta_path}: unknown field(s): {', '.join(sorted(unknown))}")
    text_path = meta_path.parent / meta["text"]
    data = text_path.read_bytes() if text_path.exists() else None
    if data is None:
        raise SourceError(f"{meta_path}: the text it names does not exist: {text_path.name}")
    text = read_text(text_path)
    return Source(meta["slug"], text_path, text, hashlib.sha256(data).hexdigest(), meta)


def load_sources(directory: Path = SOURCES_DIR) -> dict[str, Source]:
    """Every source in ``directory``, by slug."""
    if directory == SOURCES_DIR:
        require_project()
    sources: dict[str, Source] = {}
    for meta_path in sorted(directory.glob("*.toml")):
        source = load_source(meta_path)
        if source.slug in sources:
            raise SourceError(f"{meta_path}: source slug {source.slug!r} is used twice")
        sources[source.slug] = source
    if not sources:
        raise SourceError(f"{directory}: no source metadata (*.toml) found")
    return sources


def load_records(directory: Path = RECORDS_DIR) -> Records:
    """Every record of every ``*.toml`` file in ``directory``."""
    records = Records()
    seen: dict[tuple[str, str], Record] = {}
    for path in sorted(directory.glob("*.toml")):
        content = read_toml(path)
        source = content.pop("source", None)
        if not isinstance(source, str):
            raise SourceError(f'{path}: the file must name its source: source = "<slug>"')
        for kind, tables in content.items():
            if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
                raise SourceError(f"{path}: {kind!r} must be an array of tables ([[{kind}]])")
            for table in tables:
                record = _record(kind, table, source, path)
                if (kind, record.slug) in seen:
                    raise SourceError(f"{record.where}: slug used twice")
                seen[(kind, record.slug)] = record
                records.by_kind.setdefault(kind, []).append(record)
    return records


def _record(kind: str, table: dict[str, Any], source: str, path: Path) -> Record:
    slug = table.get("slug")
    if not isinstance(slug, str) or not slug:
        raise SourceError(f"{relative_to_root(path)}: a {kind} record has no slug")
    return Record(kind, slug, dict(table), source, path)
