"""The downloadable offline copy: built with ``OFFLINE=true`` (Material's offline plugin), opened from file://.

The deploy workflow publishes the same build as an artifact. A reader who unpacks it and opens
index.html in a browser, with no network and no server, must see rendered formulas, a working search
and working links between pages.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory, site_dir, offline) -> Path:
    # site_dir first: the normal build fills the figure and notebook caches this build reuses
    out = tmp_path_factory.mktemp("offline-copy")
    env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        offline([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]),
        cwd=ROOT, capture_output=True, text=True, env=env,
    )
    if result.returncode != 0:
        pytest.fail(f"OFFLINE=true mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return out


def test_instant_navigation_is_off_on_the_site_and_in_the_copy(site_dir: Path, offline_copy: Path):
    """mkdocs.yml leaves navigation.instant off, and everything relies on it: from file:// Material would
    complete its document$ stream before the page loads (nothing subscribed to it, KaTeX in the explorer
    among them, would run); long-pages.js restores the reading place on back/forward, which instant
    navigation would restore by pixels; and its link rewrite costs phones a full-page style recalculation."""
    for html in (site_dir / "cnn" / "conv1d" / "index.html", offline_copy / "cnn" / "conv1d.html"):
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                           html.read_text(encoding="utf-8"), re.S)
        assert config, html
        features = json.loads(config.group(1))["features"]
        assert "navigation.tracking" in features and "navigation.instant" not in features, (html, features)


def test_offline_copy_has_file_links_and_no_cdn(offline_copy: Path):
    html = (offline_copy / "cnn" / "conv1d.html").read_text(encoding="utf-8")
    assert 'href="../index.html"' in html or 'href="../index.html#' in html  # no directory URLs
    assert "unpkg.com" not in html and "iframe-worker-shim.js" in html
    assert (offline_copy / "assets" / "javascripts" / "iframe-worker-shim.js").is_file()
    assert (offline_copy / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index")
    assert 'rel="preload"' not in html  # Chromium refuses preloaded fonts from file:// (CORS)


def test_offline_copy_works_from_the_file_system(page_in, offline_copy: Path):
    page = page_in()
    page.goto((offline_copy / "index.html").as_uri(), wait_until="load")
    # links between pages go to .html files, which a file:// browser can open
    page.goto((offline_copy / "cnn" / "conv1d.html").as_uri(), wait_until="load")
    page.wait_for_function("() => [...document.querySelectorAll('.md-content .arithmatex')]"
                           ".every(el => el.querySelector('.katex'))", timeout=10000)
    rendered = page.evaluate("() => ({math: document.querySelectorAll('.md-content .arithmatex').length,"
                             " errors: document.querySelectorAll('.katex-error').length,"
                             " explorer: typeof window.convExplorer})")
    assert rendered["math"] >= 10 and rendered["errors"] == 0 and rendered["explorer"] == "object", rendered

    field = page.locator("input.md-search__input")
    field.click()
    field.fill("卷积")
    field.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.href)")
    assert any(h.startswith("file://") and "/cnn/conv1d.html" in h for h in hrefs), hrefs

    page.keyboard.press("Escape")  # close the search
    page.locator("a.md-footer__link--next").click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://") and page.url.endswith(".html"), page.url
    assert page.locator("h1").count() == 1
    assert all(u.startswith(("file://", "data:", "blob:", "about:")) for u in page.requests), \
        [u for u in page.requests if not u.startswith("file://")]
    assert page.console_errors == []


def test_explorer_loads_katex_from_the_file_system(page_in, offline_copy: Path):
    """The convolution explorer inserts katex.min.js itself, found next to its own script, also from file://."""
    page = page_in()
    page.goto((offline_copy / "cnn" / "conv_types.html").as_uri(), wait_until="load")
    page.wait_for_selector(".conv-explorer .cx-formula .katex", timeout=10000)
    katex = [u for u in page.requests if u.endswith("katex.min.js")]
    assert katex == [(offline_copy / "assets" / "katex" / "katex.min.js").as_uri()]
    # the page's same convolution, M=5, K=3, S=1, P=1: floor((5 + 2 - 3) / 1) + 1 = 5
    tex = page.text_content(".conv-explorer .cx-formula annotation")
    assert tex.endswith("{5+2\\times1-3}{1}\\right\\rfloor+1=5"), tex
    assert page.locator(".katex-error").count() == 0
    assert page.console_errors == []
