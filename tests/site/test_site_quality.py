"""Every page of the built site in a real browser (Debian chromium via Playwright), light and dark.

For each page: no raw TeX left visible (every formula rendered by KaTeX, no KaTeX error), no console
error, no request to another origin, no serious or critical accessibility violation (axe-core, served
from node_modules), and a copy button that copies the code it sits on.  Then Chinese search finds the
page that explains each of the course's key terms.

One browser, one context per colour scheme, pages visited one after another: a problem on any page is
collected, and the test reports all of them at once.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

# Raw TeX a reader would see if a formula were not rendered: a backslash command, $$ or a $...$ pair,
# looked for in the visible text outside code, outside KaTeX's own output and outside the widget formula.
TEX_COMMANDS = ("frac", "sum", "left", "right", "mathbf", "boldsymbol", "partial", "begin", "int", "lfloor",
                "sigma", "mathrm", "cdot", "times", "in", "top", "le", "ge", "alpha", "theta")
RAW_TEX = r"\\(?:" + "|".join(TEX_COMMANDS) + r")\b|\$\$|\$[^$\s][^$\n]{0,80}\$"
RAW_TEX_JS = """(pattern) => {
  const root = document.querySelector('.md-content');
  const boxes = [...root.querySelectorAll('.arithmatex')];
  const unrendered = boxes.filter(el => !el.querySelector('.katex')).map(el => el.textContent.slice(0, 60));
  const errors = [...root.querySelectorAll('.katex-error')].map(el => el.textContent.slice(0, 60));
  const clone = root.cloneNode(true);
  clone.querySelectorAll('pre, code, .katex, script, style, .highlight, .jp-OutputArea, textarea')
       .forEach(el => el.remove());
  const raw = [...clone.textContent.matchAll(new RegExp(pattern, 'g'))].map(m => m[0]).slice(0, 5);
  return {count: boxes.length, katex: root.querySelectorAll('.katex').length, unrendered, errors, raw};
}"""

# Code blocks repeat a few highlighting styles thousands of times (a third of a page's elements), and
# colour contrast is most of axe's time. A token's colour and its block's background come from the
# site-wide stylesheet, so a page's code blocks are audited only while they show a (token class,
# background) pair that no earlier page has shown in that scheme; otherwise they are left out.
CODE_STYLES_JS = """(seen) => {
  const fresh = new Set();
  document.querySelectorAll('.md-content pre > code').forEach(code => {
    const bg = getComputedStyle(code).backgroundColor;
    code.querySelectorAll('span[class]').forEach(span => {
      const key = span.className + ' on ' + bg;
      if (!seen.includes(key)) fresh.add(key);
    });
  });
  return [...fresh];
}"""

# Most rules do not depend on the colour scheme (structure, ARIA, names): they run in light mode only.
# In dark mode run the rules about colour, and those about elements that only one scheme shows (the
# figures' #only-dark images, the palette toggle).
DARK_RULES = ["color-contrast", "link-in-text-block", "image-alt", "svg-img-alt", "role-img-alt",
              "button-name",
              "link-name", "label", "input-button-name", "aria-dialog-name", "nested-interactive",
              "scrollable-region-focusable"]

AXE_JS = """async (skipCode, rules) => {
  const context = skipCode ? {exclude: [['.md-content .highlight']]} : document;
  const options = {resultTypes: ['violations']};
  if (rules) options.runOnly = rules;
  const r = await axe.run(context, options);
  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' :: ' + n.html.slice(0, 120))}));
}"""

# Search terms and the page that explains each one.
SEARCH_TERMS = {
    "卷积": "cnn/conv1d/",
    "互相关": "cnn/cross_correlation/",
    "权重共享": "cnn/structure/",
    "反向传播": "feedforward/backprop/",
    "激活函数": "feedforward/activations/",
}


def site_pages(site_dir: Path) -> list[str]:
    """Every page of the built site, as a URL path relative to the site root."""
    pages = []
    for index in sorted(site_dir.rglob("index.html")):
        rel = index.parent.relative_to(site_dir).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


@pytest.fixture(scope="module")
def pages(site_dir) -> list[str]:
    found = site_pages(site_dir)
    assert "" in found and "cnn/conv1d/" in found and len(found) >= 5, found
    return found


def open_context(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.requests, page.console_errors = [], []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    return context, page


def check_copy_buttons(page) -> list[str]:
    """Every code block has a copy button; clicking the first one puts that block's code in the clipboard."""
    problems = []
    code_blocks = page.locator(".md-content .highlight:has(> pre > code)")
    with_button = page.locator(".md-content .highlight:has(> pre > code):has(button[data-md-type=copy])")
    if with_button.count() != code_blocks.count():
        problems.append(f"{code_blocks.count() - with_button.count()} code blocks without a copy button")
    blocks = with_button.filter(visible=True)  # not the ones folded away in an answer
    n = blocks.count()
    for i in range(min(n, 1)):
        block = blocks.nth(i)
        expected = block.locator("code").first.inner_text()
        page.evaluate("() => navigator.clipboard.writeText('')")
        block.locator("button[data-md-type=copy]").click()
        page.wait_for_function("() => navigator.clipboard.readText().then(t => t.length > 0)", timeout=3000)
        got = page.evaluate("() => navigator.clipboard.readText()")
        if got.rstrip("\n") != expected.rstrip("\n"):
            problems.append(f"copy button {i} copied {got[:60]!r}, the block shows {expected[:60]!r}")
    return problems


def load(page, url):
    """Open ``url``; formulas are typeset in the build, the explorer's own formula right after load."""
    page.requests.clear()
    page.console_errors.clear()
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_function("() => [...document.querySelectorAll('.md-content .arithmatex')]"
                           ".every(el => el.querySelector('.katex'))", timeout=10000)


def check_math(page) -> tuple[int, list[str]]:
    math = page.evaluate(RAW_TEX_JS, RAW_TEX)
    if math["unrendered"] or math["errors"] or math["raw"]:
        return math["katex"], [f"raw TeX visible: {math}"]
    return math["katex"], []


def start_axe(page, seen_code_styles: set[str], rules: list[str] | None = None) -> int:
    """Start axe-core without waiting (the light and the dark page are audited at the same time)."""
    fresh = page.evaluate(CODE_STYLES_JS, sorted(seen_code_styles))
    seen_code_styles.update(fresh)
    page.add_script_tag(path=str(AXE))
    # axe.run does most of its work before its first await: start it from a timer so this returns at once
    page.evaluate("([skip, rules]) => { window.axeResult = new Promise(done => setTimeout(() => done(("
                  + AXE_JS + ")(skip, rules)), 0)); }", [not fresh, rules])
    return not fresh


def axe_problems(page) -> list[str]:
    return [f"axe {v['impact']} {v['id']} ({v['help']}): {v['nodes']}"
            for v in page.evaluate("() => window.axeResult")]


def test_every_page_is_clean_in_the_browser(browser, site_url, pages, summary):
    """Both colour schemes side by side: two renderer processes use the two cores."""
    origin = urlsplit(site_url).netloc
    contexts = dict(open_context(browser, site_url, scheme)[::-1] for scheme in ("light", "dark"))
    light, dark = contexts
    problems: dict[str, list[str]] = {}
    formulas = skipped = 0
    code_styles: dict[str, set[str]] = {"light": set(), "dark": set()}
    try:
        for rel in pages:
            found = {light: [], dark: []}
            load(dark, site_url + rel)
            n, found[dark] = check_math(dark)
            skipped += start_axe(dark, code_styles["dark"], DARK_RULES)
            load(light, site_url + rel)
            formulas += n
            found[light] += check_math(light)[1] + check_copy_buttons(light)
            skipped += start_axe(light, code_styles["light"])
            for page, scheme in ((light, "light"), (dark, "dark")):
                found[page] += axe_problems(page)
                foreign = [u for u in page.requests if urlsplit(u).scheme in ("http", "https")
                           and urlsplit(u).netloc != origin]
                if foreign:
                    found[page].append(f"requests to another origin: {foreign}")
                if page.console_errors:
                    found[page].append(f"console errors: {page.console_errors}")
                if found[page]:
                    problems[f"{rel or '/'} ({scheme})"] = found[page]
    finally:
        for context in contexts.values():
            context.close()
    summary.append(f"browser quality: {len(pages)} pages in light and dark mode, {formulas} formulas "
                   "rendered, no console error, no foreign request, axe clean, copy buttons work "
                   f"({sum(map(len, code_styles.values()))} code styles audited, "
                   f"{skipped} page audits without already-audited code blocks)")
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


def test_search_finds_the_page_for_each_key_term(browser, site_url, pages, summary):
    context, page = open_context(browser, site_url, "light")
    missing_pages = [term for term, rel in SEARCH_TERMS.items() if rel not in pages]
    assert not missing_pages, f"pages for {missing_pages} do not exist"
    try:
        page.goto(site_url, wait_until="load")
        field = page.locator("input.md-search__input")
        results = {}
        for term, rel in SEARCH_TERMS.items():
            field.click()
            field.fill(term)
            field.press("End")  # Material's search listens for keyup
            page.wait_for_function(
                "rel => [...document.querySelectorAll('.md-search-result__item a')]"
                ".some(a => a.href.includes(rel))", arg=rel, timeout=15000)
            results[term] = page.eval_on_selector_all(".md-search-result__item a",
                                                      "els => els.map(a => a.href)")
            assert any(rel in h for h in results[term]), (term, results[term])
        assert page.console_errors == []
    finally:
        context.close()
    summary.append("search: " + ", ".join(f"{t} -> {r}" for t, r in SEARCH_TERMS.items()))
