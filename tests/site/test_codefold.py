"""Teaching code first (extensions/codefold.py): helper lines folded, nothing removed, copy gets it all."""

from __future__ import annotations

import re
import statistics

import markdown
import pytest
from bs4 import BeautifulSoup

from extensions import codefold

SOURCE = '''import numpy as np


def as_vector(x, name):
    """Turn x into a 1-D float array."""
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError(f"{name} must be 1-D")
    # a comment between two checks
    if x.size == 0:
        raise ValueError(f"{name} must not be empty")
    return x


def mean(x):
    x = as_vector(x, "x")
    return x.sum() / x.size


print(mean([1, 2, 3]))
#> 2.0
'''


def convert(text: str) -> str:
    """Markdown -> HTML with the site's code-block extensions (mkdocs.yml)."""
    highlight = {"anchor_linenums": True, "pygments_lang_class": True}
    extensions = ["pymdownx.superfences", "pymdownx.highlight", "extensions.codefold"]
    return markdown.markdown(text, extensions=extensions, extension_configs={"pymdownx.highlight": highlight})


def test_checks_are_found_and_merged_and_definitions_fold_the_second_time():
    seen: set[str] = set()
    first = codefold.find_folds(SOURCE, seen)
    lines = SOURCE.splitlines()
    assert [(f.kind, lines[f.first].strip(), lines[f.last].strip()) for f in first] == [
        ("check", "if x.ndim != 1:", 'raise ValueError(f"{name} must not be empty")')]
    second = codefold.find_folds(SOURCE, seen)
    assert [(f.kind, f.names) for f in second] == [("repeat", ("as_vector", "mean"))]
    assert second[0].label == f"同上：as_vector、mean（{second[0].last - second[0].first + 1} 行）"
    assert lines[second[0].last] == "" and lines[second[0].last + 1] == ""  # one blank line left before print


def test_a_try_that_only_raises_is_a_check_and_a_lone_one_line_check_is_not_folded():
    code = ("try:\n    y = float(x)\nexcept TypeError:\n    raise ValueError('x')\n"
            "if y: raise ValueError('y')\n")
    assert [(f.first, f.last) for f in codefold.find_folds(code, set())] == [(0, 4)]  # one run of checks
    assert codefold.find_folds("y = 1\nif y: raise ValueError('y')\nprint(y)\n", set()) == []


def test_the_page_keeps_every_character_of_the_code_and_folds_it_behind_a_label():
    page = convert(f"```python\n{SOURCE}```\n\ntext\n\n```python\n{SOURCE}```\n")
    soup = BeautifulSoup(page, "html.parser")
    codes = soup.select("div.language-python code")
    assert [c.get_text() for c in codes] == [SOURCE, SOURCE]  # what the copy button and the tests get
    for code in codes:
        for label in code.select("label.cf-toggle"):
            assert label.get_text() == "" and label.select_one("input.cf-check[aria-label]")
            assert "cf-fold" in label.find_next_sibling()["class"]
    assert len(codes[0].select(".cf-fold")) == 1 and len(codes[1].select(".cf-fold")) == 1
    assert "as_vector" in codes[1].select_one(".cf-toggle")["data-label"]
    # the fold ends with its own newline, so a folded block shows no empty line in its place
    assert codes[1].select_one(".cf-fold").get_text().endswith("\n")


def test_pseudo_code_is_marked_and_code_that_does_not_parse_is_left_alone():
    page = convert('```python title="伪代码：训练"\nfor epoch in range(T): 更新参数\n```\n\n'
                   "```python\nif x:\n    raise ValueError(\n```\n")
    soup = BeautifulSoup(page, "html.parser")
    pseudo, broken = soup.select("div.language-python")
    assert "cf-pseudo" in pseudo["class"] and not pseudo.select(".cf-fold")
    assert "cf-pseudo" not in broken["class"] and not broken.select(".cf-fold")


def folded_lines(code) -> set[int]:
    """Line numbers (from 0) of a block that sit inside a fold, i.e. that a reader does not see."""
    line, folded = 0, set()
    for text in code.find_all(string=True):
        if text and text.find_parent(class_="cf-fold") is not None:
            spans = text.count("\n") - (1 if text.endswith("\n") else 0)
            folded.update(range(line, line + spans + 1))
        line += text.count("\n")
    return folded


def page_shares(path) -> tuple[float, float, int]:
    """Share of helper lines (checks, repeated definitions) among a page's Python code lines: if nothing
    were folded, and among the lines a reader sees unfolded; and the number of code lines."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    seen: set[str] = set()
    total = helper = visible = visible_helper = 0
    for div in soup.select("div.language-python.highlight:not(.cf-pseudo)"):
        code = div.select_one("code")
        text = code.get_text()
        try:
            folds = codefold.find_folds(text, seen)
        except SyntaxError:
            continue
        lines = text.splitlines()
        code_lines = {i for i, line in enumerate(lines)
                      if line.strip() and not line.strip().startswith("#")}
        helper_lines = {i for f in folds for i in range(f.first, f.last + 1)} & code_lines
        shown = code_lines - folded_lines(code)
        total, helper = total + len(code_lines), helper + len(helper_lines)
        visible, visible_helper = visible + len(shown), visible_helper + len(helper_lines & shown)
    if not total:
        return 0.0, 0.0, 0
    return helper / total, visible_helper / visible, total


def test_folded_lines_are_counted_where_they_are():
    page = convert(f"```python\n{SOURCE}```\n")
    code = BeautifulSoup(page, "html.parser").select_one("code")
    lines = SOURCE.splitlines()
    assert sorted(folded_lines(code)) == [i for i, line in enumerate(lines) if 6 <= i <= 10]
    assert lines[6].strip().startswith("if x.ndim") and lines[10].strip().startswith("raise")


TARGET = 0.25  # helper lines a reader sees, at most, of the code lines shown


def test_on_every_page_the_algorithm_is_what_a_reader_sees(built_pages, site_dir, summary):
    shares = {}
    for page in built_pages:
        before, after, lines = page_shares(page)
        if lines:
            shares[page.parent.relative_to(site_dir).as_posix() or "home"] = (before, after)
    assert len(shares) >= 20, "Python blocks were not found: the extension or this test is broken"
    too_many = {p: f"{a:.0%}" for p, (_, a) in shares.items() if a > TARGET}
    assert not too_many, f"pages where helper lines are over {TARGET:.0%} of the shown code: {too_many}"
    worst = max(shares, key=lambda p: shares[p][0])
    before = [b for b, _ in shares.values()]
    summary.append(
        f"teaching code first: helper lines (checks, repeated definitions) are {min(before):.0%}–"
        f"{max(before):.0%} of a page's code (median {statistics.median(before):.0%}, most on {worst}); "
        f"folded, at most {max(a for _, a in shares.values()):.0%} of what a reader sees "
        f"({len(shares)} pages)")


@pytest.mark.browser
def test_a_fold_opens_by_tap_and_by_keyboard_and_copy_takes_the_whole_block(page_in, site_url):
    page = page_in("light", width=390, height=844)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + "feedforward/activations/", wait_until="load")
    block = page.locator("div.language-python.highlight:has(.cf-fold)").first
    fold, toggle = block.locator(".cf-fold").first, block.locator(".cf-toggle").first
    block.scroll_into_view_if_needed()  # as a reader reaches the block
    toggle.wait_for()
    assert not fold.is_visible() and toggle.is_visible()
    assert re.search(r"参数检查|同上", toggle.evaluate("el => getComputedStyle(el, '::before').content"))
    toggle.click()
    assert fold.is_visible()
    toggle.click()
    assert not fold.is_visible()
    block.locator(".cf-check").first.focus()
    page.keyboard.press("Space")
    assert fold.is_visible()
    page.keyboard.press("Space")
    block.locator("button[data-md-type=copy]").click()
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t.length > 0)", timeout=3000)
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.rstrip() == block.locator("code").text_content().rstrip() and fold.text_content() in copied
    assert page.evaluate("() => document.documentElement.scrollWidth") == 390
