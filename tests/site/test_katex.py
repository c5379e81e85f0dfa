"""Formulas are typeset at build time (hooks/katex.py): readers get KaTeX's HTML and MathML, no script.

The hook is checked on its own (delimiters, escaping, errors that name the formula) and on the built site:
every formula box of every page holds KaTeX output whose TeX annotation is the source formula, and no
page asks for KaTeX's script (only the convolution explorer loads it, on demand).
"""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import hooks.katex as hook

ROOT = Path(__file__).resolve().parents[2]




@pytest.fixture(scope="module")
def renderer():
    r = hook.Renderer(ROOT / "node_modules")
    yield r
    r.close()


def boxes(page_html: str) -> list:
    return BeautifulSoup(page_html, "html.parser").select(".arithmatex")


def test_inline_and_display_boxes_keep_their_tag_and_mode(renderer):
    out = renderer.typeset('<p>设 <span class="arithmatex">\\(x^2\\)</span>，则</p>'
                           '<div class="arithmatex">\\[\\frac{a}{b}\\]</div>')
    inline, display = boxes(out)
    assert inline.name == "span" and inline.select_one(".katex") and not inline.select_one(".katex-display")
    assert display.name == "div" and display.select_one(".katex-display")
    assert [b.select_one("annotation").get_text() for b in (inline, display)] == ["x^2", "\\frac{a}{b}"]
    assert out.startswith("<p>设 ") and "</span>，</span>则</p>" in out  # the comma is kept with x^2


def test_a_box_still_marked_out_of_the_search_index_is_typeset(renderer):
    # the mark stays when the search plugin is disabled (make test-page builds so)
    marked = '<span class="arithmatex" data-search-exclude="formula">'
    (box,) = boxes(renderer.typeset(marked + '\\(x_t\\)</span>'))
    assert box.select_one(".katex") and box.select_one("annotation").get_text() == "x_t"


def test_escaped_html_reaches_katex_as_tex(renderer):
    (box,) = boxes(renderer.typeset('<span class="arithmatex">\\(a &lt; b \\&amp; c\\)</span>'))
    assert box.select_one("annotation").get_text() == "a < b \\& c"
    assert box.select_one(".katex-html").get_text().replace("\u200b", "") == "a<b&c"


def test_mathml_is_there_for_screen_readers_and_html_is_hidden_from_them(renderer):
    (box,) = boxes(renderer.typeset('<span class="arithmatex">\\(\\sigma(z)\\)</span>'))
    assert box.select_one(".katex-mathml math")["xmlns"] == "http://www.w3.org/1998/Math/MathML"
    assert box.select_one(".katex-html")["aria-hidden"] == "true"


def test_chinese_inside_text_is_accepted(renderer):
    (box,) = boxes(renderer.typeset('<span class="arithmatex">\\(\\text{损失} = 0\\)</span>'))
    assert "损失" in box.select_one(".katex-html").get_text()


@pytest.mark.parametrize("tex, reason", [
    ("\\(\\frac{a}\\)", "Unexpected end of input"),     # a parse error
    ("\\(\\notacommand x\\)", "Undefined control sequence"),
    ("\\[a \\\\ b\\]", "newLineInDisplayMode"),          # accepted only leniently: strict reports it
])
def test_a_formula_katex_refuses_is_named_in_the_error(renderer, tex, reason):
    with pytest.raises(hook.KatexError, match=re.escape(reason)) as error:
        renderer.typeset(f'<span class="arithmatex">{tex}</span>')
    assert repr(tex[2:-2]) in str(error.value)


def test_a_box_without_delimiters_is_refused():
    with pytest.raises(hook.KatexError, match="delimiters"):
        hook.split_box("x^2")


def test_the_renderer_is_started_once_and_reuses_results(renderer, monkeypatch):
    monkeypatch.setenv("NNDL_BUILD_MEMO", "off")  # memory only: no build has typeset these two formulas
    first, second = (f'<span class="arithmatex">\\(y_{{{time.monotonic_ns() + i}}}\\)</span>' for i in (0, 1))
    renderer.typeset(first)
    process, misses = renderer.process, renderer.cache.misses
    assert process is not None
    assert renderer.typeset(first + second).startswith(renderer.typeset(first))
    assert renderer.process is process and renderer.cache.misses == misses + 1


@pytest.fixture(scope="module")
def parsed(site_dir, built_pages) -> dict[Path, BeautifulSoup]:
    """Every built page and the 404 page, parsed once for all the tests of this module."""
    return {path: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for path in [*built_pages, site_dir / "404.html"]}


def test_every_formula_in_the_site_is_typeset_from_its_source(site_dir, parsed, summary):
    problems, count = [], 0
    for path, soup in parsed.items():
        for box in soup.select(".arithmatex"):
            count += 1
            annotation = box.select_one(".katex .katex-mathml annotation[encoding='application/x-tex']")
            delimiters = box.find_all(string=re.compile(r"\\\(|\\\["))
            raw = [t for t in delimiters if not t.find_parent(class_="katex")]
            if annotation is None or raw:  # TeX delimiters left outside KaTeX's output: not typeset
                problems.append(f"{path.relative_to(site_dir)}: {str(box)[:100]}")
    assert not problems, problems
    assert count > 1000
    summary.append(f"formulas typeset at build time: {count}")


def test_the_source_formula_is_what_the_reader_sees(site_dir):
    # page 3.4: the output length formula, written in the Markdown, is the first display box's annotation
    page = (site_dir / "cnn" / "stride_padding" / "index.html").read_text(encoding="utf-8")
    source = (ROOT / "docs" / "cnn" / "stride_padding.md").read_text(encoding="utf-8")
    first_display = re.search(r"^\$\$\n?(.+?)\n?\$\$", source, re.S | re.M).group(1).strip()
    display = BeautifulSoup(page, "html.parser").select_one("div.arithmatex annotation")
    assert html.unescape(display.get_text()).strip() == first_display


def test_no_page_loads_katex_script_or_auto_render(site_dir, parsed):
    katex = site_dir / "assets" / "katex"
    assert (katex / "katex.min.js").stat().st_size > 100_000  # for the explorer, loaded on demand
    assert not (katex / "contrib").exists()
    for path, soup in parsed.items():
        scripts = [script.get("src", "") for script in soup.find_all("script")]
        assert not [src for src in scripts if "katex" in src or "auto-render" in src], path


def test_pages_with_formulas_preload_the_two_common_fonts(parsed):
    with_math = without_math = 0
    for path, soup in parsed.items():  # the 404 page has no formula
        preloads = soup.select("head link[rel=preload][as=font]")
        if soup.select_one(".md-content .arithmatex"):
            with_math += 1
            names = sorted(Path(link["href"]).name for link in preloads)
            assert names == ["KaTeX_Main-Regular.woff2", "KaTeX_Math-Italic.woff2"], path
            assert all(link.has_attr("crossorigin") and link["type"] == "font/woff2" for link in preloads)
            assert all((path.parent / link["href"]).resolve().is_file() for link in preloads), path
        else:
            without_math += 1
            assert preloads == [], path
    assert with_math >= 20 and without_math == 2  # the 404 page and the glossary


@pytest.mark.parametrize(("tex", "parts"), [
    (r"y = 1,\qquad \varepsilon\sim\mathcal N(0, 1),\qquad n = 1,\dots,N",
     ["y = 1,", r"\varepsilon\sim\mathcal N(0, 1),", r"n = 1,\dots,N"]),
    (r"\begin{cases} a \qquad b \end{cases}", [r"\begin{cases} a \qquad b \end{cases}"]),
    (r"\left( a \qquad b \right) \qquad c", [r"\left( a \qquad b \right)", "c"]),
    (r"a \leftarrow b \qquad c \rightarrow d", [r"a \leftarrow b", r"c \rightarrow d"]),
    (r"\{ a \qquad", [r"\{ a \qquad"]),  # an empty part: left as one formula
])
def test_qquad_rows_split_only_at_the_top_level(tex, parts):
    assert hook.split_qquad(tex) == parts


def test_a_qquad_row_wraps_part_by_part_and_short_inline_math_keeps_its_punctuation(renderer):
    page = (r'<div class="arithmatex">\[a = 1,\qquad b = 2\]</div>'
            r'<p>令 <span class="arithmatex">\(S=2\)</span>，输出</p>')
    soup = BeautifulSoup(renderer.typeset(page), "html.parser")
    row = soup.select_one("div.arithmatex > .math-row")
    assert [a.get_text() for a in row.select(".katex-display annotation")] == ["a = 1,", "b = 2"]
    nobr = soup.select_one("p .math-nobr")
    assert nobr.select_one("annotation").get_text() == "S=2" and nobr.get_text().endswith("，")
    assert soup.select_one("p").get_text().endswith("S=2，输出")


def test_every_qquad_row_of_the_sources_is_a_wrapping_row_in_the_site(site_dir):
    # the reader audit found 25 display formulas joined with \qquad that did not stack on a phone
    rows = sum(len(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").select(".math-row"))
               for p in site_dir.rglob("index.html"))
    display = re.compile(r"^\s*\$\$\n?(.+?)\n?\s*\$\$", re.S | re.M)
    sources = sum(len(hook.split_qquad(m.group(1).strip())) > 1 for md in (ROOT / "docs").rglob("*.md")
                  for m in display.finditer(md.read_text(encoding="utf-8")))
    assert rows >= sources >= 1
