"""Smoke test in a real browser (Debian chromium via Playwright) on the 1-D convolution page."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

CONV1D = "cnn/conv1d/"

# KaTeX leaves no TeX source in visible text; a failed render leaves it (throwOnError=false paints it red).
UNRENDERED_MATH_JS = """() => {
  const boxes = [...document.querySelectorAll('.md-content .arithmatex')];
  const unrendered = boxes.filter(el => !el.querySelector('.katex')).map(el => el.textContent.slice(0, 60));
  const errors = [...document.querySelectorAll('.katex-error')].map(el => el.textContent.slice(0, 60));
  return {count: boxes.length, unrendered, errors};
}"""


def test_every_formula_is_rendered_by_katex(page_in, site_url, scheme, screenshot):
    page = page_in(scheme)
    page.goto(site_url + CONV1D, wait_until="networkidle")
    page.wait_for_selector(".md-content .katex")
    math = page.evaluate(UNRENDERED_MATH_JS)
    assert math["count"] >= 10, "the 1-D convolution page should hold its formulas"
    assert math["unrendered"] == [] and math["errors"] == [], math
    # KaTeX's own fonts were loaded from the site, so the glyphs are right
    fonts = [u for u in page.requests if u.endswith(".woff2")]
    assert fonts and all(u.startswith(site_url + "assets/katex/fonts/") for u in fonts)
    screenshot(page, f"conv1d-{scheme}")


def test_page_makes_no_request_to_another_origin(page_in, site_url):
    page = page_in()
    page.goto(site_url + CONV1D, wait_until="networkidle")
    page.goto(site_url, wait_until="networkidle")
    origin = urlsplit(site_url).netloc
    foreign = [u for u in page.requests if urlsplit(u).scheme in ("http", "https")
               and urlsplit(u).netloc != origin]
    assert page.requests and not foreign, foreign
    assert page.console_errors == []


def test_searching_for_juanji_lists_the_conv1d_page(page_in, site_url):
    page = page_in()
    page.goto(site_url + "index.html", wait_until="networkidle")
    field = page.locator("input.md-search__input")
    field.click()
    field.fill("卷积")
    field.press("End")  # Material's search listens for keyup
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.href)")
    assert any(CONV1D in h for h in hrefs), hrefs


def test_figures_follow_the_colour_scheme(page_in, site_url, scheme):
    page = page_in(scheme)
    page.goto(site_url + CONV1D, wait_until="networkidle")
    shown = page.eval_on_selector_all(
        ".md-content img[src*='.assets/']",
        "imgs => imgs.filter(i => i.offsetParent !== null).map(i => i.getAttribute('src'))")
    assert shown and all(s.endswith(f"#only-{scheme}") for s in shown), shown
