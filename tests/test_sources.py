from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kg.build.records import Index
from kg.build.regions import curated_records
from kg.build.sources import load_records, load_sources
from kg.core.errors import RecordError, SourceError
from tests.conftest import SEED, edit


def test_seed_is_stored_unaltered() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_c0befe44ac966333.txt"
    if shared.exists():
        assert SEED.read_bytes() == shared.read_bytes()
    (source,) = load_sources().values()
    assert source.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert source.meta["author"] == "person/kim-jin-man" and source.meta["language"] == "ko"


def test_toml_syntax_error_names_file_and_line(data_copy: Path) -> None:
    edit(data_copy / "records" / "units.toml", 'slug = "sos-lab"', 'slug = "sos-lab')
    with pytest.raises(SourceError, match=r"units.toml: invalid TOML: .*line \d+"):
        load_records(data_copy / "records")


def test_unknown_field_is_an_error(data_copy: Path) -> None:
    edit(data_copy / "records" / "units.toml", 'unit_of = "jeonju-ict', 'unit_off = "jeonju-ict')
    with pytest.raises(
        RecordError, match=r"unit .jeonju-sw-support-center.: unknown field\(s\): unit_off"
    ):
        Index(curated_records(data_copy / "records"))


def test_records_file_must_name_its_source(data_copy: Path) -> None:
    edit(data_copy / "records" / "people.toml", 'source = "c0befe44ac966333"', "")
    with pytest.raises(SourceError, match="people.toml: the file must name its source"):
        load_records(data_copy / "records")


def test_not_utf8_source_is_refused(data_copy: Path) -> None:
    text = data_copy / "sources" / "c0befe44ac966333.txt"
    text.write_bytes("전주".encode("utf-16"))
    with pytest.raises(SourceError, match="not UTF-8 at byte 0"):
        load_sources(data_copy / "sources")
