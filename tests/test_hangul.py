"""Search keys of names: Revised Romanization and initial consonants (초성)."""

from __future__ import annotations

import pytest

from kg.sparql.hangul import fold, initials, is_initials, romanize


@pytest.mark.parametrize(
    ("name", "roman"),
    [
        ("전주", "jeonju"),
        ("전북", "jeonbuk"),
        ("광주", "gwangju"),
        ("경기", "gyeonggi"),
        ("정보통신부", "jeongbotongsinbu"),
        ("진흥원", "jinheungwon"),
        ("한국어", "hangugeo"),  # a final consonant carried to the next vowel
        ("산업", "saneop"),
        ("신라", "silla"),  # ㄴ + ㄹ is ll
        ("설립", "seollip"),
        ("K-ICT 3D프린팅", "k-ict3dpeurinting"),  # other characters kept, folded
    ],
)
def test_revised_romanization(name: str, roman: str) -> None:
    assert romanize(name) == roman


def test_initial_consonants_of_hangul_and_the_rest_kept() -> None:
    assert initials("전주정보문화산업진흥원") == "ㅈㅈㅈㅂㅁㅎㅅㅇㅈㅎㅇ"
    assert initials("SOS 랩") == "sosㄹ"
    assert initials("까치") == "ㄲㅊ"


def test_what_counts_as_a_search_by_initials() -> None:
    assert is_initials("ㅈㅈㅈㅂ") and is_initials(" ㅈ ㅈ ")
    assert not is_initials("ㅈ주") and not is_initials("") and not is_initials("jj")


def test_fold_composes_lowers_and_drops_spaces() -> None:
    decomposed = "\u110c\u1165\u11ab\u110c\u116e"  # 전주 as jamo (macOS file names)
    assert fold(f" {decomposed} ICT ") == "전주ict"
