"""The explorer in a real headless Chromium (Debian's, driven by Playwright).

Skipped, with the reason, only on a machine without /usr/bin/chromium or without
vis-network (`make js`) outside CI; `.ci/run` installs both, so CI runs them.
Leaves screenshots at dist/explorer.png and dist/explorer-details.png (the VR·AR
center clicked) for people to look at.
"""

from __future__ import annotations

import os

import pytest

from kg.core.files import write_atomic
from kg.core.paths import DIST_DIR, VIS_NETWORK_JS
from kg.network.view import to_networkx
from kg.viz.explorer import write_explorer
from tests.helpers import CHROMIUM, CHROMIUM_FLAGS

VR_KO = "전북 VR·AR제작거점센터"
IN_CI = bool(os.environ.get("CI"))

pytestmark = [
    pytest.mark.skipif(
        not CHROMIUM.exists() and not IN_CI,
        reason="Debian's chromium is not installed (apt-get install chromium); CI installs it",
    ),
    pytest.mark.skipif(
        not VIS_NETWORK_JS.exists() and not IN_CI,
        reason="vis-network is not installed (make js); CI installs it",
    ),
]


@pytest.fixture(scope="module")
def nxg(graph):
    return to_networkx(graph)


@pytest.fixture(scope="module")
def browser_page(nxg, tmp_path_factory):
    """The explorer opened from a file; every request that is not file: or data: fails."""
    from playwright.sync_api import sync_playwright

    html = write_explorer(nxg, tmp_path_factory.mktemp("explorer") / "explorer.html")
    log: dict[str, list[str]] = {"errors": [], "outside": []}

    def route(r) -> None:
        url = r.request.url
        if url.startswith(("file:", "data:")):
            r.continue_()
        else:
            log["outside"].append(url)
            r.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.on("console", lambda m: m.type == "error" and log["errors"].append(m.text))
        page.on("pageerror", lambda e: log["errors"].append(str(e)))
        page.route("**/*", route)
        page.goto(html.as_uri())
        page.wait_for_function("window.kgExplorer !== undefined")
        write_atomic(DIST_DIR / "explorer.png", page.screenshot())  # xdist-safe
        yield page, log
        browser.close()


def test_loads_without_errors_or_network(browser_page) -> None:
    page, log = browser_page
    assert log["errors"] == []
    assert log["outside"] == []
    assert page.evaluate("document.compatMode") == "CSS1Compat"  # the comment line is harmless
    assert (DIST_DIR / "explorer.png").stat().st_size > 50_000


def test_node_count_shown_is_the_graphs(browser_page, nxg) -> None:
    page, _ = browser_page
    assert int(page.inner_text("#node-count")) == nxg.number_of_nodes() > 100
    assert int(page.inner_text("#shown-count")) == nxg.number_of_nodes()
    assert page.locator("#legend li").count() == len({c for _, c in nxg.nodes(data="cls")})


def test_search_vr_then_click_the_center_shows_date_and_quote(browser_page) -> None:
    page, log = browser_page
    for query in ("jeonjujeongbo", "ㅈㅈㅈㅂ"):  # romanization, initial consonants
        page.fill("#search", query)
        assert "전주정보문화산업진흥원 —" in page.locator("#results").inner_text(), query
    page.fill("#search", "VR")
    results = page.locator("#results li")
    assert any(VR_KO in text for text in results.all_inner_texts())
    node_id = results.filter(has_text=f"{VR_KO} —").first.get_attribute("data-id")
    page.evaluate("id => window.kgExplorer.network.focus(id, {scale: 1.0})", node_id)
    box = page.locator("#graph").bounding_box()
    spot = page.evaluate("id => window.kgExplorer.domPosition(id)", node_id)
    page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])  # a real click on the node
    details = page.locator("#details")
    assert details.get_attribute("data-id") == node_id
    text = details.inner_text()
    assert VR_KO in text and "2020-01-22" in text
    assert "지난해 지역특화 산업을 연계하는 VR·AR산업의 혁신을 주도할" in text  # the quote
    assert "org:unitOf" in text  # neighbours with their relation
    write_atomic(DIST_DIR / "explorer-details.png", page.screenshot())
    assert log["errors"] == []


def test_language_toggle_and_year_filter(browser_page, nxg) -> None:
    page, _ = browser_page
    label = "id => window.kgExplorer.network.body.data.nodes.get(id).label"
    vr = page.evaluate(
        "() => window.kgExplorer.data.nodes"
        ".find(n => n.cls === 'Unit' && n.label_ko.includes('VR·AR')).id"
    )
    page.check("input[name=lang][value=en]")
    assert page.evaluate(label, vr) == "Jeonbuk VR·AR Production Hub Center"
    page.check("input[name=lang][value=ko]")
    assert page.evaluate(label, vr) == VR_KO
    page.locator("#year").fill("2000")
    shown = int(page.inner_text("#shown-count"))
    assert 0 < shown < nxg.number_of_nodes()
    assert page.evaluate("id => window.kgExplorer.network.body.data.nodes.get(id).hidden", vr)
    page.locator("#year").fill("2020")
    assert int(page.inner_text("#shown-count")) == nxg.number_of_nodes()


def test_class_filter_hides_a_class(browser_page, nxg) -> None:
    page, _ = browser_page
    concepts = sum(1 for _, c in nxg.nodes(data="cls") if c == "Concept")
    page.uncheck("#legend input[data-class=Concept]")
    assert int(page.inner_text("#shown-count")) == nxg.number_of_nodes() - concepts
    page.check("#legend input[data-class=Concept]")
    assert int(page.inner_text("#shown-count")) == nxg.number_of_nodes()


def test_region_and_agency_filters_on_17_agencies(browser_page, synth_nxg, tmp_path) -> None:
    page, _ = browser_page
    other = page.context.browser.new_page()
    other.goto(write_explorer(synth_nxg, tmp_path / "synth.html").as_uri())
    other.wait_for_function("window.kgExplorer !== undefined")
    shown = "() => Number(document.getElementById('shown-count').textContent)"
    everything = other.evaluate(shown)
    other.click('#map a[data-region="jeonbuk"]')
    in_jeonbuk = other.evaluate(shown)
    assert 0 < in_jeonbuk < everything / 5
    assert other.input_value("#region") == "jeonbuk"
    assert other.locator("#agency option").count() == 2  # "all" and the one agency there
    other.select_option("#region", "")
    assert other.evaluate(shown) == everything
    other.close()
