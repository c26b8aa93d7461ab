"""Positions for error messages: line and column from 1, columns in characters."""

from __future__ import annotations

from kg.core.positions import line_col, locate, near, token_at

TEXT = '@prefix : <http://x/> .\n:가나 :b "문자열 값" ;\r\n  :c <http://x/a b> .\n'


def test_line_col_counts_characters_from_one() -> None:
    assert line_col(TEXT, 0) == "1:1"
    assert line_col(TEXT, TEXT.index(":b")) == "2:5"


def test_token_at_takes_iris_strings_and_words() -> None:
    assert token_at(TEXT, 1, 11) == "<http://x/>"
    assert token_at(TEXT, 2, 8) == '"문자열 값"'
    assert token_at(TEXT, 2, 1) == ":가나"
    assert token_at(TEXT, 3, 6) == "<http://x/a"
    assert token_at(TEXT, 9, 1) == "" and near("") == "" and near(":b") == " (near ':b')"


def test_locate_finds_a_json_string() -> None:
    assert locate('{\n "@id": "http://x/a b"}', "http://x/a b") == "2:9"
    assert locate("{}", "absent") == "1:1"
