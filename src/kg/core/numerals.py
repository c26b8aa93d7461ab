"""Numbers as Korean text writes them: Arabic digits with the units 만, 억, 조 (and 천, 백, 십)
between them ("4만 3천", "4억 2천만", "1,200억"), and small numbers in words ("세", "여섯").

The one reader of Korean numerals: ingestion reads figures with it, and the build checks
with it that an observation's value is printed in its quote.

Example::

    >>> value("4억 2천만")
    Decimal('420000000')
    >>> in_unit(value("2천만"), "만원")
    2000
    >>> sorted(numbers("모두 4만 3천 명, 세 곳에서 12.5%"))
    [Decimal('3'), Decimal('12.5'), Decimal('43000')]
"""

from __future__ import annotations

import re
from decimal import Decimal

# Units written after digits: small ones multiply a term, large ones close a group.
SMALL = {"십": 10, "백": 100, "천": 1000}
LARGE = {"만": 10**4, "억": 10**8, "조": 10**12}
# Numbers written as words before a counter (세 곳, 여섯 명); 한 is most often "a".
WORDS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
         "열": 10, "스무": 20}  # fmt: skip

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# One term: digits, then 천/백/십 and 만/억/조 if written ("2천만", "420만", "1,200억").
TERM = rf"(?:{DIGITS})(?:\s?[천백십])?(?:\s?[만억조])?"
_TERM = re.compile(rf"(?P<digits>{DIGITS})(?:\s?(?P<small>[천백십]))?(?:\s?(?P<large>[만억조]))?")
# A run of terms ("4억 2천만", "4만 3천", "3천5백만"); :func:`numbers` splits it into numbers.
NUMBER = re.compile(rf"(?<![\d.,])(?:{TERM})(?:\s?(?:{TERM}))*(?!\d|,\d)")
WORD = re.compile(r"(?<![가-힣])(?P<word>" + "|".join(WORDS) + r")(?=\s[가-힣])")


class _Reading:
    """One number being read, term by term, as Korean writes it: 천, 백 and 십 parts add up
    within a group that 만, 억 or 조 then multiplies (3천5백만 = (3000 + 500) × 10⁴)."""

    def __init__(self) -> None:
        self.total = self.group = Decimal(0)
        self.large = self.small = 10**16  # the units a next term must stay below
        self.open = True  # a term with no unit at all ends the number

    def joins(self, small: int, large: int) -> bool:
        return self.open and small < self.small and large < self.large

    def add(self, digits: Decimal, small: int, large: int) -> None:
        self.group += digits * small
        self.small = small
        if large > 1:
            self.total += self.group * large
            self.group, self.large, self.small = Decimal(0), large, 10**16
        self.open = small > 1 or large > 1

    @property
    def value(self) -> Decimal:
        return self.total + self.group


def _groups(text: str) -> list[Decimal]:
    """The numbers written in one run of terms: 4만 3천 is one (43000), 2024 3만 two."""
    found: list[Decimal] = []
    reading: _Reading | None = None
    for term in _TERM.finditer(text):
        small = SMALL.get(term["small"] or "", 1)
        large = LARGE.get(term["large"] or "", 1)
        if reading is None or not reading.joins(small, large):
            if reading is not None:
                found.append(reading.value)
            reading = _Reading()
        reading.add(Decimal(term["digits"].replace(",", "")), small, large)
    return [*found, reading.value] if reading is not None else found


def value(text: str) -> Decimal:
    """The number ``text`` writes, all of it ("18만 2천" → 182000, "3.5" → 3.5)."""
    found = _groups(text.strip())
    if len(found) != 1 or NUMBER.fullmatch(text.strip()) is None:
        raise ValueError(f"not one Korean numeral: {text!r}")
    return found[0]


def numbers(text: str) -> set[Decimal]:
    """Every number ``text`` writes, in digits (with 만/억/조 …) or in words."""
    found = {n for match in NUMBER.finditer(text) for n in _groups(match.group(0))}
    return found | {Decimal(WORDS[m["word"]]) for m in WORD.finditer(text)}


def scale(unit: str) -> int:
    """What one of ``unit`` counts in plain numbers: 억원 → 10⁸, 백만 원 → 10⁶, 명 → 1."""
    factor = 1
    for char in unit.replace(" ", ""):
        if char in SMALL:
            factor *= SMALL[char]
        elif char in LARGE:
            factor *= LARGE[char]
        else:
            break
    return factor


def in_unit(amount: Decimal | int, unit: str) -> int | float:
    """``amount`` counted in ``unit`` (420000000 in 억원 → 4.2), an int when whole."""
    return plain(Decimal(amount) / scale(unit))


def plain(number: Decimal) -> int | float:
    """A number as Python writes it: 2000, not 2000.0; 4.2 as a float."""
    return int(number) if number == number.to_integral_value() else float(number)


def writes(text: str, number: int | float, unit: str = "") -> bool:
    """Whether ``text`` writes ``number``, as is or counted in ``unit`` (4.2 억원 in
    "4억 2천만 원", 43000 in "4만 3천 명", 3 in "세 곳")."""
    amount = Decimal(str(number))
    written = numbers(text)
    return amount in written or amount * scale(unit) in written
