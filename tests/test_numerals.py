"""Korean numerals (kg.core.numerals): the reader ingestion and the build's value check share."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.core.numerals import in_unit, numbers, scale, value, writes


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("4만 3천", 43000),
        ("18만 2천", 182000),
        ("420만", 4200000),
        ("2천만", 20000000),
        ("4억 2천만", 420000000),
        ("31억 2천만", 3120000000),
        ("3천5백만", 35000000),  # (3000 + 500) × 10⁴
        ("1,200억", 120000000000),
        ("1만 2345", 12345),
        ("1.5만", 15000),
        ("12.5", Decimal("12.5")),
    ],
)
def test_a_number_written_in_korean_notation(written: str, number: int | Decimal) -> None:
    assert value(written) == number


@pytest.mark.parametrize("text", ["4만 명", "만", "2024 3만", ""])
def test_value_reads_one_number_and_nothing_else(text: str) -> None:
    with pytest.raises(ValueError, match="not one Korean numeral"):
        value(text)


def test_every_number_a_text_writes_in_digits_or_words() -> None:
    text = "2024년 3만 명, 12, 15, 세 곳과 여섯 명이 3.5%를 (2021. 4.)"
    assert numbers(text) == {Decimal(n) for n in (2024, 30000, 12, 15, 3, 6, "3.5", 2021, 4)}
    assert numbers("세계 여섯째 네트워크") == set()  # words inside words are no numbers


def test_units_count_in_plain_numbers() -> None:
    assert [scale(u) for u in ("억원", "백만 원", "만 명", "천원", "조원", "명", "%")] == [
        10**8, 10**6, 10**4, 10**3, 10**12, 1, 1]  # fmt: skip
    assert in_unit(value("4억 2천만"), "억원") == 4.2
    assert in_unit(value("2천만"), "만원") == 2000 and isinstance(in_unit(10**7, "만원"), int)


def test_writes_accepts_exactly_the_numbers_the_quote_writes() -> None:
    assert writes("4억 2천만 원", 4.2, "억원") and writes("4억 2천만 원", 420000000, "원")
    assert writes("4만 3천 명", 43000, "명") and writes("세 곳", 3, "곳")
    assert writes("1,200억원", 1200, "억원") and writes("19개사", 19)
    assert not writes("4억 2천만 원", 4, "억원")  # 4 is part of a number, not one written
    assert not writes("15개사", 5) and not writes("4만 3천 명", 43)
    assert not writes("세 곳", 4, "곳")
