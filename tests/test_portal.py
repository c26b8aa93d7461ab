"""The home page, the query page and its fallback: escaped text, no inline script."""

from __future__ import annotations

import json
import re
from html import escape

from kg.serve.portal import home_page, query_page
from kg.serve.void import dataset_stats
from kg.sparql.store import load_store
from tests.helpers import HOSTILE_LABEL, hostile_nquads

EXAMPLES = [{"title": "Units <by date>", "text": "SELECT * WHERE { ?s ?p ?o } # </script>"}]


def test_query_page_embeds_examples_safely() -> None:
    page = query_page(EXAMPLES, yasgui=True)
    assert "/assets/yasgui/yasgui.min.js" in page and "http" not in page.split("<body>")[0]
    data = re.search(r'<script id="examples" type="application/json">(.*?)</script>', page, re.S)
    assert data and json.loads(data.group(1)) == EXAMPLES


def test_without_yasgui_a_plain_form_still_queries() -> None:
    page = query_page(EXAMPLES, yasgui=False)
    assert '<form method="post" action="/sparql">' in page and "make web" in page
    assert "SELECT * WHERE { ?s ?p ?o } # &lt;/script&gt;" in page


def test_query_page_json_holds_no_markup_characters() -> None:
    page = query_page(EXAMPLES, yasgui=True)
    data = re.search(r'<script id="examples" type="application/json">(.*?)</script>', page, re.S)
    assert data and not set(data.group(1)) & set("<>&")
    assert page.count("<script") == 3  # the data, YASGUI and query.js: no inline code
    assert '<script src="/assets/kg/query.js"></script>' in page


def test_home_page_escapes_labels_and_links_only_our_pages(tmp_path) -> None:
    store = load_store(hostile_nquads(tmp_path))
    page = home_page(store, dataset_stats(store))
    assert "<script" not in page and "<img" not in page
    assert f'<a href="/id/org/hostile">{escape(HOSTILE_LABEL)} · &lt;img' in page
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert all(h.startswith(("/", "https://www.apache.org/")) for h in hrefs), hrefs
