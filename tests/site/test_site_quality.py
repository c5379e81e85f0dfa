"""Every page of the built site in a real browser (Debian chromium via Playwright), light and dark.

For each page: no raw TeX left visible (every formula rendered by KaTeX, no KaTeX error), no console
error, no request to another origin, no serious or critical accessibility violation (axe-core, served
from node_modules), and a copy button that copies the code it sits on. (Search is benchmarked in
test_search.py.)

One test per page, so that xdist spreads the pages over its workers; each worker keeps one browser page
for all the pages it checks, and every problem of a page is reported at once.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from snippets import figures

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]

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
# Formulas are typeset in the build (hooks/katex.py) into the same structure on every page: hidden HTML
# whose colour is inherited from the surrounding text (audited with that text), plus MathML. They are
# audited on the first page with formulas that a worker checks in each scheme, and left out after that.
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

AXE_JS = """async (exclude, rules) => {
  const context = exclude.length ? {exclude: exclude.map(selector => [selector])} : document;
  const options = {resultTypes: ['violations']};
  if (rules) options.runOnly = rules;
  const r = await axe.run(context, options);
  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' :: ' + n.html.slice(0, 120))}));
}"""

def source_pages(docs: Path) -> list[str]:
    """The URL path of every page the sources in docs/ become: Markdown pages and notebook labs."""
    urls = []
    for source in sorted(docs.rglob("*.md")) + sorted(docs.rglob("lab_*.py")):
        rel = source.relative_to(docs).with_suffix("").as_posix()
        is_index = rel == "index" or rel.endswith("/index")
        urls.append(rel.removesuffix("index") if is_index else rel + "/")
    return urls


PAGES = source_pages(ROOT / "docs")


def test_every_built_page_is_checked(site_dir, built_pages):
    assert "" in PAGES and "cnn/conv1d/" in PAGES
    built = [index.parent.relative_to(site_dir).as_posix() + "/" for index in built_pages]
    assert sorted(rel.removeprefix("./") for rel in built) == sorted(PAGES)


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
    # Material puts the button on a block when the block first comes into view (content.lazy): the blocks
    # in a closed answer get theirs when the answer is opened
    shown = ".md-content .highlight:has(> pre > code):not(details:not([open]) *)"
    code_blocks = page.locator(shown)
    with_button = page.locator(shown + ":has(button[data-md-type=copy])")
    if with_button.count() != code_blocks.count():
        problems.append(f"{code_blocks.count() - with_button.count()} code blocks without a copy button")
    blocks = with_button.filter(visible=True)  # not the ones folded away in an answer
    folded = blocks.filter(has=page.locator(".cf-fold"))  # prefer a block with folded helper lines
    if folded.count():
        blocks = folded
    n = blocks.count()
    for i in range(min(n, 1)):
        block = blocks.nth(i)
        # the whole block, folded lines included (extensions/codefold.py): what runs when pasted
        expected = block.locator("code").first.text_content()
        page.evaluate("() => navigator.clipboard.writeText('')")
        block.locator("button[data-md-type=copy]").click()
        page.wait_for_function("() => navigator.clipboard.readText().then(t => t.length > 0)", timeout=3000)
        got = page.evaluate("() => navigator.clipboard.readText()")
        if got.rstrip("\n") != expected.rstrip("\n"):
            problems.append(f"copy button {i} copied {got[:60]!r}, the block shows {expected[:60]!r}")
    return problems


def load(page, url):
    """Open ``url``. Formulas arrive typeset (hooks/katex.py): check_math finds any that did not."""
    page.requests.clear()
    page.console_errors.clear()
    page.goto(url, wait_until="domcontentloaded")


# Scroll through the page as a reader does, a screen at a time, letting the browser go idle at each stop.
# Material gives a code block its copy button when the block first comes into view (content.lazy), and the
# scroll cues measure their boxes in idle time (scroll-cues.js marks each box it has measured
# data-sx-watched="done").
# Returns the boxes still waiting to be measured (none, once every block has been on screen).
READ_THROUGH_JS = """async () => {
  const idle = () => new Promise(done => (window.requestIdleCallback || setTimeout)(done, {timeout: 500}));
  const frame = () => new Promise(done => requestAnimationFrame(() => done()));
  for (let y = 0; ; y += innerHeight) {
    scrollTo(0, y);
    await frame(); await frame(); await idle(); await idle();
    if (y + innerHeight >= document.documentElement.scrollHeight) break;
  }
  scrollTo(0, 0);
  await frame(); await idle();
  return [...document.querySelectorAll('[data-sx-watched=wait]')].map(el => el.outerHTML.slice(0, 80));
}"""


def read_through(page) -> list[str]:
    """Scroll through the page (see READ_THROUGH_JS); problems: boxes the scroll cues never measured."""
    waiting = page.evaluate(READ_THROUGH_JS)
    return [f"scroll cues never measured {len(waiting)} boxes: {waiting[:3]}"] if waiting else []


def check_math(page) -> tuple[int, list[str]]:
    math = page.evaluate(RAW_TEX_JS, RAW_TEX)
    if math["unrendered"] or math["errors"] or math["raw"]:
        return math["katex"], [f"raw TeX visible: {math}"]
    return math["katex"], []


class Audited:
    """What a worker's axe audits have covered so far in one colour scheme."""

    def __init__(self, axe_url: str):
        self.axe_url = axe_url
        self.code_styles: set[str] = set()
        self.formulas = False


def start_axe(page, audited: Audited, rules: list[str] | None = None) -> bool:
    """Start axe-core without waiting for it (``axe_problems`` waits).

    Returns whether already-audited code blocks or formulas were left out of this audit."""
    fresh = page.evaluate(CODE_STYLES_JS, sorted(audited.code_styles))
    audited.code_styles.update(fresh)
    exclude = [] if fresh else [".md-content .highlight"]
    if page.locator(".md-content .katex").count():
        if audited.formulas:
            exclude.append(".md-content .katex")
        audited.formulas = True
    if not page.evaluate("() => typeof axe === 'object'"):
        page.add_script_tag(url=audited.axe_url)  # by URL, so the browser compiles it once, not per page
    # axe.run does most of its work before its first await: start it from a timer so this returns at once
    page.evaluate("([exclude, rules]) => { window.axeResult = new Promise(done => setTimeout(() => done(("
                  + AXE_JS + ")(exclude, rules)), 0)); }", [exclude, rules])
    return bool(exclude)


def axe_problems(page) -> list[str]:
    return [f"axe {v['impact']} {v['id']} ({v['help']}): {v['nodes']}"
            for v in page.evaluate("() => window.axeResult")]


TOGGLE = {"dark": ("default", "切换到深色模式", "slate"), "light": ("slate", "切换到浅色模式", "default")}


def switch_to(page, scheme: str) -> None:
    """Switch the colour scheme with the header's palette toggle, as a reader does (no reload)."""
    before, label, after = TOGGLE[scheme]
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == before
    page.locator(f"form[data-nndl-palette] label[title='{label}']").click()
    page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=after, timeout=3000)
    # Material fades colours in 125 ms transitions: have every element take the new ones now and let the
    # transitions finish before colours are read
    page.evaluate("() => document.querySelectorAll('.md-content *')"
                  ".forEach(el => getComputedStyle(el).color)")
    page.wait_for_timeout(200)


@pytest.fixture(scope="module")
def reader(browser, site_url, axe_url):
    """One page for all the pages a worker checks, with what its audits have covered in each scheme."""
    context, page = open_context(browser, site_url, "light")
    yield page, {"light": Audited(axe_url), "dark": Audited(axe_url)}
    context.close()


@pytest.mark.parametrize("rel", PAGES, ids=lambda rel: rel.rstrip("/") or "home")
def test_page_is_clean_in_the_browser(rel, reader, site_url, summary):
    """Loaded in light mode and checked; then switched to dark with the toggle and audited again.

    One load per page: loading is most of the cost (Material's search worker indexes the whole site on
    every load). test_browser.py loads pages in dark mode from the start."""
    page, audited = reader
    origin = urlsplit(site_url).netloc
    found = {"light": [], "dark": []}
    load(page, site_url + rel)
    found["light"] += read_through(page)
    formulas, math_problems = check_math(page)
    found["light"] += math_problems
    reused = start_axe(page, audited["light"])
    found["light"] += axe_problems(page)
    switch_to(page, "dark")
    reused += start_axe(page, audited["dark"], DARK_RULES)
    found["dark"] += axe_problems(page)  # the formulas were checked above: a scheme changes no markup
    switch_to(page, "light")  # the palette is remembered: the next page loads in light mode again
    found["light"] += check_copy_buttons(page)  # last: its "copied" notice fades out over the audits
    foreign = [u for u in page.requests if urlsplit(u).scheme in ("http", "https")
               and urlsplit(u).netloc != origin]
    if foreign:
        found["light"].append(f"requests to another origin: {foreign}")
    if page.console_errors:
        found["light"].append(f"console errors: {page.console_errors}")
    problems = {f"{rel or '/'} ({scheme})": p for scheme, p in found.items() if p}
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)
    summary.tally("browser quality: {pages} pages in light and dark mode, {formulas} formulas rendered, "
                  "no console error, no foreign request, axe clean, copy buttons work "
                  "({reused} of the page audits left out code blocks or formulas already audited)",
                  pages=1, formulas=formulas, reused=reused)


# ---------------------------------------------------------------- on a phone
PHONE_WIDTHS = (390, 360)
PHONE_RULES = ["scrollable-region-focusable", "empty-table-header", "target-size"]
# every figure shown in the current scheme: its file and its rendered width (CSS px)
FIGURES_JS = """() => [...document.querySelectorAll('.md-content img[src*=".assets/"][src$=".svg#only-' +
  (document.body.dataset.mdColorScheme === 'slate' ? 'dark' : 'light') + '"]')]
  .map(img => ({src: img.getAttribute('src').split('#')[0], href: img.src.split('#')[0],
               width: img.getBoundingClientRect().width}))"""
# extra.css: an off-screen block of a page skips its layout (content-visibility: auto), and such a block
# clips what sticks out of it instead of widening the page; so the page's width is measured with every
# block laid out: whatever would overflow shows up, clipped or not
PHONE_JS = """() => {
  const doc = document.documentElement;
  const everything = document.createElement('style');
  everything.textContent = '.md-content__inner > * { content-visibility: visible !important; }';
  document.head.append(everything);
  const width = doc.scrollWidth;
  everything.remove();
  const buttons = [...document.querySelectorAll('.md-content .md-code__button')]
    .filter(b => b.offsetParent !== null).map(b => b.getBoundingClientRect())
    .filter(r => r.width < 40 || r.height < 40).map(r => `${Math.round(r.width)}x${Math.round(r.height)}`);
  return {width, viewport: doc.clientWidth, smallButtons: buttons.slice(0, 3)};
}"""


@pytest.fixture(scope="module")
def phone(browser, site_url, axe_url):
    """One phone (touch, 2x) for all the pages a worker checks: 390 px wide, then 360 px."""
    context = browser.new_context(color_scheme="light", viewport={"width": PHONE_WIDTHS[0], "height": 844},
                                  is_mobile=True, has_touch=True, device_scale_factor=2)
    page = context.new_page()
    page.requests, page.console_errors = [], []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    yield page, Audited(axe_url)
    context.close()


def figure_text_sizes(page, site_url, site_dir) -> tuple[list[float], list[str]]:
    """The smallest label of every figure the page shows, in CSS px as rendered (from the SVG's own label
    sizes and the width the browser gives the image), and the figures whose smallest label is under 10 px."""
    sizes, small = [], []
    for fig in page.evaluate(FIGURES_JS):
        svg = (site_dir / fig["href"].removeprefix(site_url)).read_bytes()
        width_pt, labels = figures.label_sizes(svg)
        if not labels or not fig["width"]:
            continue
        px = min(size for _, size in labels) * fig["width"] / width_pt
        sizes.append(px)
        if px < figures.MIN_TEXT_PX - 1e-9:
            small.append(f"{fig['src']}: smallest label {px:.1f} px ({fig['width']:.0f} px wide)")
    return sizes, small


@pytest.mark.parametrize("rel", PAGES, ids=lambda rel: rel.rstrip("/") or "home")
def test_page_fits_a_phone(rel, phone, site_url, site_dir, summary):
    """Nothing scrolls the page sideways at 390 and 360 px, light and dark (wide tables, formulas and code
    scroll in their own box, reachable by keyboard: axe); copy buttons are at least 40 px for a finger;
    at 390 px every figure's smallest label renders at 10 CSS px or more, in both schemes."""
    page, audited = phone
    page.set_viewport_size({"width": PHONE_WIDTHS[0], "height": 844})
    load(page, site_url + rel)
    problems, text_px = [], []
    scheme = "light"
    for width, order in zip(PHONE_WIDTHS, (("light", "dark"), ("dark", "light")), strict=True):
        page.set_viewport_size({"width": width, "height": 844})
        problems += [f"{width} px: {p}" for p in read_through(page)]  # every box measured at this width
        for wanted in order:  # light, dark at 390 px; dark, light at 360 px: the next page loads in light
            if wanted != scheme:
                switch_to(page, wanted)
                scheme = wanted
            page.wait_for_timeout(50)  # ResizeObserver callbacks (scroll cues) run after layout
            found = page.evaluate(PHONE_JS)
            if width == PHONE_WIDTHS[0]:
                sizes, small = figure_text_sizes(page, site_url, site_dir)
                text_px += sizes
                problems += [f"{width} px {scheme}: {s}" for s in small]
            if found["width"] > found["viewport"]:
                problems.append(f"{width} px {scheme}: the page is {found['width']} px wide")
            if found["smallButtons"]:
                small = found["smallButtons"]
                problems.append(f"{width} px {scheme}: copy buttons smaller than 40 px: {small}")
        start_axe(page, audited, PHONE_RULES)
        problems += [f"{width} px: {p}" for p in axe_problems(page)]
    if page.console_errors:
        problems.append(f"console errors: {page.console_errors}")
    assert not problems, json.dumps({rel or "/": problems}, ensure_ascii=False, indent=1)
    summary.tally("on a phone: {pages} pages fit 390 and 360 px in light and dark (no sideways scroll, "
                  "scroll boxes reachable by keyboard, copy buttons >= 40 px)", pages=1)
    summary.values("figures on a 390 px phone: {px_count} shown (light and dark), smallest label "
                   "{px_min:.1f} px, median {px_median:.1f} px (at least 10 px each)",
                   "figures on a 390 px phone: none shown", px=text_px)


@pytest.mark.parametrize("target", ["cnn/pooling/#shift", "feedforward/backprop/#练习",
                                    "review/#卷积神经网络"])
def test_a_link_to_a_section_lands_on_its_heading(page_in, site_url, target):
    """A deep link, as the review bank's answers give, shows its heading at the top of a phone screen
    (below the sticky header), also at the end of a long page whose formulas and code lie above it."""
    path, _, anchor = target.partition("#")
    page = page_in("light", width=390, height=844, is_mobile=True, has_touch=True)
    page.goto(site_url + path, wait_until="load")
    if page.locator(f"[id='{anchor}']").count() == 0:
        pytest.fail(f"{target}: no element with that id in the built page")
    page.goto(site_url + target, wait_until="load")
    page.wait_for_timeout(800)  # late layout would move the heading now
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", anchor)
    header = page.evaluate("() => document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header - 1 <= top <= header + 80, (target, top, header)


# ---------------------------------------------------------------- long pages
# The first content block (a child of .md-content__inner) that reaches below the sticky header, and how
# far its top is from the header: where a reader is
PLACE_JS = """() => {
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const blocks = [...document.querySelectorAll('.md-content__inner > *')];
  const index = blocks.findIndex(b => {
    const box = b.getBoundingClientRect();
    return box.height > 0 && box.bottom > header;
  });
  return {index, offset: blocks[index].getBoundingClientRect().top - header,
          text: blocks[index].textContent.trim().slice(0, 40)};
}"""


@pytest.mark.parametrize("rel", ["feedforward/backprop/", "review/"])
def test_back_and_reload_return_to_the_same_place(page_in, site_url, rel):
    """Off-screen blocks are laid out only near the screen and stand in with an estimated height until then,
    so a scroll position kept in pixels points elsewhere on return (review: 2000 px off). long-pages.js
    keeps the block and its offset instead: back from another page, and a reload, show the same lines."""
    page = page_in("light", width=390, height=844, is_mobile=True, has_touch=True)
    page.goto(site_url + rel, wait_until="load")
    page.evaluate("() => scrollTo(0, document.documentElement.scrollHeight * 0.6)")
    page.wait_for_timeout(500)
    page.evaluate("() => scrollBy(0, 7)")  # a little inside a block, not at its edge
    page.wait_for_timeout(300)
    here = page.evaluate(PLACE_JS)
    assert here["index"] > 5, here
    page.evaluate("() => { window.leftBehind = true; }")
    # follow the next-page link without scrolling to it first (a click would)
    with page.expect_navigation(wait_until="load"):
        page.evaluate("() => location.assign(document.querySelector('a.md-footer__link--next').href)")
    assert not page.url.endswith(rel)
    page.go_back(wait_until="load")
    assert page.evaluate("() => window.leftBehind === undefined"), "not a fresh load (back/forward cache)"
    page.wait_for_timeout(800)
    assert_same_place(page.evaluate(PLACE_JS), here, "back")
    page.reload(wait_until="load")
    page.wait_for_timeout(800)
    assert_same_place(page.evaluate(PLACE_JS), here, "reload")


def assert_same_place(got: dict, want: dict, how: str) -> None:
    """The same block and lines, to within 2 px (scroll positions snap to device pixels)."""
    assert (got["index"], got["text"]) == (want["index"], want["text"]), (how, got, want)
    assert abs(got["offset"] - want["offset"]) <= 2, (how, got, want)


def test_a_long_page_lays_out_only_what_is_near_the_screen(page_in, site_url):
    """The mechanism that makes the heaviest page fast on a phone (Lighthouse, make audit): on load fewer
    than half of backprop's blocks are laid out, the last one not; scrolled to the end, it is."""
    page = page_in("light", width=390, height=844, is_mobile=True, has_touch=True)
    page.goto(site_url + "feedforward/backprop/", wait_until="load")
    page.wait_for_timeout(300)
    shown = """() => { const blocks = [...document.querySelectorAll('.md-content__inner > *')]
      .filter(b => getComputedStyle(b).contentVisibility === 'auto' && b.firstElementChild);
      const laid = b => b.firstElementChild.checkVisibility({contentVisibilityAuto: true});
      return [blocks.filter(laid).length, blocks.length, laid(blocks[blocks.length - 1])]; }"""
    laid_out, blocks, last = page.evaluate(shown)
    assert blocks > 40 and laid_out < blocks / 2 and not last, (laid_out, blocks, last)
    page.evaluate("() => scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(300)
    assert page.evaluate(shown)[2], "the last block is not laid out at the end of the page"


# ---------------------------------------------------------------- the colour scheme toggle
# What overrides/partials/palette.html keeps in step: the body's scheme, which toggle shows, the two meta
# tags the browser reads (scrollbars and form controls; the phone's address bar), the stored choice
PALETTE_JS = """() => ({
  scheme: document.body.dataset.mdColorScheme,
  toggle: [...document.querySelectorAll('form[data-nndl-palette] label')]
    .filter(l => !l.hidden).map(l => l.title),
  colorScheme: [...document.querySelectorAll('meta[name=color-scheme]')].map(m => m.content),
  themeColor: [...document.querySelectorAll('meta[name=theme-color]')].map(m => m.content),
  header: getComputedStyle(document.querySelector('.md-header')).backgroundColor,
  switching: document.body.hasAttribute('data-md-color-switching'),
  saved: __md_get('__palette') && __md_get('__palette').color.scheme,
  material: document.querySelectorAll('[data-md-component=palette]').length,
})"""


def rgb_hex(rgb: str) -> str:
    return "#" + "".join(f"{int(c):02x}" for c in re.findall(r"\d+", rgb)[:3])


def test_the_palette_toggle_switches_remembers_and_follows_the_system_first(page_in, site_url):
    """The page starts in the reader's system scheme (first visit), the toggle switches it, a reload and
    the next page keep the choice, Enter on the toggle switches back; the meta tags follow each time."""
    page = page_in("dark", width=390, height=844, is_mobile=True, has_touch=True)
    page.goto(site_url + "cnn/pooling/", wait_until="load")
    state = page.evaluate(PALETTE_JS)
    assert (state["scheme"], state["toggle"], state["colorScheme"], state["saved"], state["material"],
            state["switching"]) == ("slate", ["切换到浅色模式"], ["dark"], "slate", 0, False), state
    assert state["themeColor"] == [rgb_hex(state["header"])], state
    page.locator("form[data-nndl-palette] label[title='切换到浅色模式']").click()
    page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')", timeout=3000)
    state = page.evaluate(PALETTE_JS)
    assert (state["scheme"], state["toggle"], state["colorScheme"], state["saved"]) == \
        ("default", ["切换到深色模式"], ["light"], "default"), state
    assert state["themeColor"] == [rgb_hex(state["header"])], state
    for how in ("reload", "next page"):
        if how == "reload":
            page.reload(wait_until="load")
        else:
            page.goto(site_url + "cnn/conv1d/", wait_until="load")
        state = page.evaluate(PALETTE_JS)
        assert (state["scheme"], state["colorScheme"]) == ("default", ["light"]), (how, state)
    page.focus("form[data-nndl-palette] input:checked")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'", timeout=3000)
    assert page.evaluate(PALETTE_JS)["colorScheme"] == ["dark"]
    assert page.console_errors == []

