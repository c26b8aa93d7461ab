"""JSON-LD checks: remote contexts, IRIs a processor would drop, unmapped keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.core.errors import ParseError
from kg.rdf.jsonld_checks import check_jsonld

DOC = Path("doc.jsonld")


def check(text: str) -> list[str]:
    return check_jsonld(DOC, text.encode())


def test_keys_no_context_maps_are_listed_once() -> None:
    text = '[{"@id": "http://x/a", "name": 1, "age": 2}, {"@id": "http://x/b", "name": 3}]'
    assert check(text) == [
        "doc.jsonld: JSON-LD keys with no mapping in the context are dropped: 'age', 'name'"
    ]


@pytest.mark.parametrize(
    "text",
    [
        '{"@context": {"name": "http://x/n"}, "@id": "http://x/a", "name": 1}',
        '{"@context": {"@vocab": "http://v/"}, "@id": "http://x/a", "name": 1}',
        '{"@context": {"ex": "http://x/"}, "@id": "ex:a", "ex:name": 1, "http://x/p": 2}',
        '{"@context": {"T": "http://x/T"}, "@id": "http://x/a", "@type": "T"}',
        '{"@context": {"@base": "http://b/"}, "@id": "a"}',
        '{"@id": "_:b0", "http://x/p": {"@id": "_:b1"}}',
    ],
)
def test_mapped_documents_pass_silently(text: str) -> None:
    assert check(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"@context": "http://127.0.0.1:9/c", "@id": "http://x/a"}', "remote context refused"),
        ('{"@context": [{"@import": "file:///etc/hostname"}]}', "remote context refused: @import"),
        (
            '{"@context": {"p": {"@id": "http://x/p", "@context": "http://y/"}}}',
            "remote context refused",
        ),
        ('{"@id": "http://x/a", "http://x/p": {"@id": "b"}}', "doc.jsonld:1:45: relative IRI 'b'"),
        ('{"@id": "http://x/a\\tb"}', "IRI with white space"),
        ('{"a": ' * 70 + "1" + "}" * 70, "nested too deep"),
        ('{"@id": "http://x/a",}', "doc.jsonld:1:22: invalid JSON"),
    ],
)
def test_refused(text: str, expected: str) -> None:
    with pytest.raises(ParseError, match=expected):
        check(text)


def test_keys_of_language_and_index_maps_are_not_properties() -> None:
    text = (
        '{"@context": {"label": {"@id": "http://x/l", "@container": "@language"},'
        ' "byId": {"@id": "http://x/b", "@container": ["@id", "@set"]}},'
        ' "@id": "http://x/a", "label": {"ko": "전주", "en": "Jeonju"},'
        ' "byId": {"http://x/c": {"label": {"en": "C"}, "oops": 1}}}'
    )
    assert check(text) == [
        "doc.jsonld: JSON-LD keys with no mapping in the context are dropped: 'oops'"
    ]
