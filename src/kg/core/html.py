"""HTML from templates: the one Jinja2 environment (autoescape on), one JSON-in-script escaper.

Every HTML page the project writes (``kg serve``'s pages, ``kg viz``'s explorer) is a
template in ``kg/web/templates`` rendered by :func:`render`. Text is escaped unless a
filter below says how it is made safe: ``script_json`` (data in a ``<script>``),
``script_code`` (our own or a library's JavaScript inlined) and ``style_code`` (CSS).
Only ``http`` and ``https`` IRIs become links (:func:`web_href`); anything else
(``javascript:``, ``data:``, ``file:`` …) is shown as text.

Example::

    >>> str(json_for_script({"label": "</script><b>&"}))
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    >>> web_href("javascript:alert(1)") is None, web_href("https://schema.org/Event")
    (True, 'https://schema.org/Event')
    >>> environment().from_string("<p>{{ text }}</p>").render(text="<script>")
    '<p>&lt;script&gt;</p>'
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from kg.core.paths import WEB_DIR

TEMPLATES_DIR = WEB_DIR / "templates"
WEB_SCHEMES = ("http", "https")
# Characters that could end a <script> element, open a comment in it, or end a JS line.
_SCRIPT_JSON = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028"}
_SCRIPT_JSON["\u2029"] = "\\u2029"
_SCRIPT_JSON_RE = re.compile("[<>&\u2028\u2029]")
_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)
_STYLE_END = re.compile(r"</style", re.IGNORECASE)


def json_for_script(data: Any) -> Markup:
    """``data`` as JSON that is safe inside ``<script>``: no ``<``, ``>``, ``&``, U+2028/9.

    Deterministic (sorted keys, no spaces), non-ASCII text kept as is.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(_SCRIPT_JSON_RE.sub(lambda m: _SCRIPT_JSON[m.group()], text))


def inline_script(code: str) -> Markup:
    """JavaScript to inline in ``<script>``: ``</script`` and ``<!--`` cannot end or hide it."""
    return Markup(_SCRIPT_END.sub(r"<\\/\1", code).replace("<!--", "<\\!--"))


def inline_style(css: str) -> Markup:
    """CSS to inline in ``<style>``: a ``</style`` in it cannot end the element."""
    return Markup(_STYLE_END.sub(r"<\\/style", css))


def web_href(iri: str) -> str | None:
    """``iri`` when it may be a link (an http or https IRI), None for any other scheme."""
    try:
        scheme = urlsplit(iri).scheme
    except ValueError:
        return None
    return iri if scheme.lower() in WEB_SCHEMES else None


@functools.cache
def environment() -> Environment:
    """The Jinja2 environment of every page: autoescape on, undefined names are errors."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        script_json=json_for_script,
        tojson=json_for_script,  # one JSON escaper, whichever name a template uses
        script_code=inline_script,
        style_code=inline_style,
    )
    return env


def render(template: str, **context: Any) -> str:
    """The template ``template`` (a file in ``kg/web/templates``) rendered with ``context``."""
    return environment().get_template(template).render(**context)
