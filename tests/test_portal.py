"""The query page and its fallback."""

from __future__ import annotations

import json
import re

from kg.serve.portal import query_page

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
