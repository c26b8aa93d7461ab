from __future__ import annotations

import pytest

from kg.build.evidence import CONTEXT, evidence_at, find_quote, ground
from kg.core.errors import EvidenceError


def test_find_quote_counts_code_points() -> None:
    text = "전주시-LX 협력, 전주시-LX 협력"
    found = find_quote(text, "LX")
    assert [(e.start, e.end) for e in found] == [(4, 6), (15, 17)]
    assert all(text[e.start : e.end] == e.exact for e in found)


def test_prefix_and_suffix_surround_the_quote() -> None:
    text = "가" * 40 + "인용" + "나" * 40
    (e,) = find_quote(text, "인용")
    assert e.prefix == "가" * CONTEXT and e.suffix == "나" * CONTEXT
    assert evidence_at(text, e.start, e.end) == e


def test_ground_names_the_record_when_a_quote_is_missing() -> None:
    with pytest.raises(EvidenceError, match=r"units.toml: unit 'x': quote not found.*'없는 말'"):
        ground("본문", ["없는 말"], "units.toml: unit 'x'")


def test_seed_repeated_paragraph_gives_two_occurrences(seed_text: str) -> None:
    assert len(find_quote(seed_text, "수혜기업(19개사)")) == 2
