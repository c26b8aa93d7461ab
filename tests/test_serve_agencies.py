"""The server's pages for many agencies: the front page by region, an agency's own parts."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.core.config import ID_BASE
from kg.serve.agencies import agencies_by_region
from kg.serve.pages import agency_parts, entity_html
from kg.serve.portal import home_page
from kg.serve.void import dataset_stats


@pytest.fixture(scope="module")
def synth_store(synth_nquads):
    store = ox.Store()
    store.bulk_load(path=str(synth_nquads), format=ox.RdfFormat.N_QUADS)
    return store


def test_front_page_lists_the_17_agencies_by_region_on_a_map(synth_store) -> None:
    groups = agencies_by_region(synth_store)
    assert len(groups) == 17 and all(len(g.agencies) == 1 and g.slug for g in groups)
    page = home_page(synth_store, dataset_stats(synth_store))
    assert page.count("<path data-region=") == 17 and page.count('<a href="#') == 17
    for group in groups:
        assert f'<h3 id="{group.slug}">{group.name}' in page
        assert f'<a href="{group.agencies[0].href}">' in page


def test_an_agency_page_links_its_units_programs_and_events(synth_store, store) -> None:
    parts = dict(agency_parts(synth_store, ID_BASE + "org/a00001"))
    assert set(parts) == {"Units · 조직 단위", "Programs · 사업", "Events · 연혁"}
    assert all(link.href.startswith("/id/") for links in parts.values() for link in links)
    events = parts["Events · 연혁"]
    assert [e.date for e in events] == sorted(e.date for e in events)
    assert len(events) == len(parts["Units · 조직 단위"]) + 2  # founding, designation, openings
    seed = dict(agency_parts(store, ID_BASE + "org/jeonju-ict-culture-agency"))
    assert len(seed["Units · 조직 단위"]) == 15
    page = entity_html(store, ID_BASE + "org/jeonju-ict-culture-agency")
    assert "<h2>Units · 조직 단위 (15)</h2>" in page and 'href="/id/unit/sos-lab"' in page
    assert agency_parts(store, ID_BASE + "unit/sos-lab") == []  # only agencies have parts
