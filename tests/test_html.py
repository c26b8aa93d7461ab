"""The one template engine: autoescape, the JSON-in-script escaper, which IRIs are links."""

from __future__ import annotations

import json

import pytest

from kg.core.html import environment, inline_script, inline_style, json_for_script, web_href

NASTY = "</script><!--<b>&\u2028\u2029'\"한국어"


def test_json_for_script_cannot_end_the_element_and_parses_back() -> None:
    text = str(json_for_script({"label": NASTY, "list": [NASTY]}))
    assert not set(text) & set("<>&\u2028\u2029")
    assert json.loads(text) == {"label": NASTY, "list": [NASTY]}
    assert "한국어" in text  # non-ASCII text kept as is


def test_json_for_script_is_deterministic() -> None:
    assert str(json_for_script({"b": 1, "a": [2, 3]})) == '{"a":[2,3],"b":1}'


def test_inline_code_cannot_end_its_element_whatever_the_case() -> None:
    code = inline_script("a = '</script>'; b = '</SCRIPT >'; c = '<!--';")
    assert "</script" not in code.lower() and "<!--" not in code
    assert "</style" not in inline_style("a::after{content:'</STYLE>'}").lower()


@pytest.mark.parametrize(
    ("iri", "link"),
    [
        ("https://schema.org/Event", True),
        ("http://example.org/a?b=1&c=2", True),
        ("HTTPS://EXAMPLE.ORG/", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("\tjavascript:alert(1)", False),
        ("data:text/html;base64,PHNjcmlwdD4=", False),
        ("vbscript:msgbox(1)", False),
        ("file:///etc/passwd", False),
        ("mailto:someone@example.org", False),
        ("urn:isbn:0451450523", False),
        ("//evil.example/", False),
        ("http://[::1", False),  # not even a valid URL
    ],
)
def test_only_http_and_https_iris_are_links(iri: str, link: bool) -> None:
    assert web_href(iri) == (iri if link else None)


def test_templates_escape_text_by_default() -> None:
    template = environment().from_string('<p title="{{ t }}">{{ t }}</p>')
    assert template.render(t='"><script>') == (
        '<p title="&#34;&gt;&lt;script&gt;">&#34;&gt;&lt;script&gt;</p>'
    )


def test_tojson_is_the_same_escaper() -> None:
    rendered = environment().from_string("{{ x|tojson }}").render(x=NASTY)
    assert rendered == str(json_for_script(NASTY))
