"""The glossary: glossary.yml and extensions/glossary.py.

On the built site: every term's section exists and uses the term (or a synonym); the glossary page lists
every term with a link to its section; first-use links point at the right sections, once per term, never
on the defining page, never in headings, code or formulas. Without a build: the extension on small
Markdown texts, including Chinese without spaces and a builder that does not say which page it converts.
(What the glossary does for search is tested in test_search.py.)
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urljoin, urlsplit

import markdown
import pytest
from bs4 import BeautifulSoup
from markdown.treeprocessors import Treeprocessor

from extensions import glossary as G

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = G.load()
HEADINGS = [f"h{n}" for n in range(1, 7)]


def url_of(source: str) -> str:
    stem = source.rsplit(".", 1)[0]
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"


def built(site_dir: Path, source: str) -> BeautifulSoup:
    html = (site_dir / url_of(source) / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def section(soup: BeautifulSoup, anchor: str) -> list:
    """The elements of a section: its heading and what follows, up to the next heading of its level or
    above. The page's introduction (anchor "") runs from the h1 to the next heading."""
    content = soup.select_one("article.md-content__inner")
    start = content.find(id=anchor) if anchor else content.find("h1")
    if start is None or start.name not in HEADINGS:
        return []
    level = int(start.name[1]) if anchor else 6
    out = [start]
    for el in start.find_next_siblings():
        if el.name in HEADINGS and int(el.name[1]) <= level:
            break
        out.append(el)
    return out


def visible_text(elements: list) -> str:
    """Text a reader sees: without <template> (search-only names and formula readings) or scripts."""
    parts = []
    for el in elements:
        el = BeautifulSoup(str(el), "html.parser")
        for hidden in el.find_all(["template", "script", "style"]):
            hidden.decompose()
        parts.append(el.get_text(" "))
    return " ".join(parts)


def mentions(text: str, names: tuple[str, ...]) -> bool:
    folded = re.sub(r"\s+", "", text).lower()
    return any(G.fold(n) in folded for n in names)


# ---------------------------------------------------------------- the data
def test_the_glossary_has_the_terms_of_the_notes():
    assert len(GLOSSARY.terms) >= 200
    names = [G.fold(n) for t in GLOSSARY.terms for n in t.names]
    assert len(names) == len(set(names))  # a name means one term (Glossary() also refuses this)
    # synonyms a reader types instead of the book's word
    for synonym, term in [("池化", "汇聚"), ("早停", "提前停止"), ("sigmoid", "logistic 函数"),
                          ("参数数量", "参数量"), ("交叉相关", "互相关"), ("MLP", "多层感知器"),
                          ("膨胀卷积", "空洞卷积"), ("反卷积", "转置卷积"), ("留一法", "留一交叉验证"),
                          ("泛化错误", "泛化差距"), ("Kaiming 初始化", "He 初始化"),
                          ("数值差分", "数值微分")]:
        assert GLOSSARY.by_name[G.fold(synonym)].term == term


def test_every_term_is_used_in_the_section_that_defines_it(site_dir):
    problems = []
    for term in GLOSSARY.terms:
        elements = section(built(site_dir, term.page), term.anchor)
        if not elements:
            problems.append(f"{term.term}: {term.page}#{term.anchor} is not a section of the built page")
        elif not mentions(visible_text(elements), (*term.names, term.en)):
            problems.append(f"{term.term}: {term.page}#{term.anchor} never says {term.names}")
    assert not problems, "\n".join(problems)


def test_a_broken_entry_fails_the_build(tmp_path):
    data = tmp_path / "glossary.yml"
    data.write_text("- {term: 汇聚, at: cnn/no_such_page.md#x}\n- {term: 池化}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"no_such_page.md does not exist[\s\S]*needs `term` and `at`"):
        G.load(data)
    data.write_text("- {term: 汇聚, at: cnn/structure.md}\n- {term: 池化, also: [汇聚], at: cnn/conv1d.md}\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match="names both"):
        G.load(data)
    data.write_text("- {term: 步长, at: cnn/stride_padding.md, link: [cnn, no_such_chapter]}\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match="`link` is true, false or a list of chapter folders"):
        G.load(data)


# ---------------------------------------------------------------- the glossary page
def test_the_glossary_page_links_every_term_to_its_section(site_dir, site_url):
    soup = built(site_dir, "glossary.md")
    entries = soup.select("article li")
    assert len(entries) == len(GLOSSARY.terms)
    page_url = site_url + "glossary/"
    for li, term in zip(entries, GLOSSARY.terms, strict=True):
        text = li.get_text()
        assert text.startswith(term.term) and term.en in text and all(a in text for a in term.also), text
        target = urlsplit(urljoin(page_url, li.find("a")["href"]))
        assert target.path == urlsplit(site_url).path + url_of(term.page), (term.term, target)
        assert unquote(target.fragment) == term.anchor, (term.term, target)
    chapters = [h.get_text().strip("¶") for h in soup.select("article h2")]
    assert chapters == ["机器学习基础", "前馈神经网络", "卷积神经网络"]
    pages = [h.get_text().strip("¶") for h in soup.select("article h3")]
    assert pages[:2] == ["机器学习的四个要素", "损失函数"]
    assert len(pages) == len({t.page for t in GLOSSARY.terms})


# ---------------------------------------------------------------- first-use links
def test_first_uses_link_to_the_defining_section(site_dir, site_url, built_pages, summary):
    pages, links, problems = 0, 0, []
    for index in built_pages:
        rel = index.parent.relative_to(site_dir).as_posix()
        page_url = site_url + ("" if rel == "." else rel + "/")
        soup = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
        found = soup.select("article a.glossary-link")
        seen = set()
        for a in found:
            term = GLOSSARY.by_name.get(G.fold(a.get_text()))
            target = urlsplit(urljoin(page_url, a["href"]))
            if term is None:
                problems.append(f"{rel}: {a.get_text()!r} is not a glossary name")
                continue
            if (target.path, unquote(target.fragment)) != (urlsplit(site_url).path + url_of(term.page),
                                                          term.anchor):
                problems.append(f"{rel}: {a.get_text()} links to {a['href']}, "
                                f"defined at {term.page}#{term.anchor}")
            if urlsplit(page_url).path == target.path:
                problems.append(f"{rel}: {term.term} is linked on the page that defines it")
            if term in seen:
                problems.append(f"{rel}: {term.term} is linked twice")
            seen.add(term)
            inside = [p.name for p in a.parents if p.name in {*HEADINGS, "a", "code", "pre", "details"}]
            classes = {c for p in a.parents for c in p.get("class") or []}
            if inside or classes & {"arithmatex", "admonition-title"}:
                problems.append(f"{rel}: {term.term} linked inside {inside or classes}")
            if not a.get("title") or (term.en and term.en not in a["title"]):
                problems.append(f"{rel}: the link for {term.term} has no useful title: {a.get('title')}")
        if len(found) > 12:
            problems.append(f"{rel}: {len(found)} glossary links, more than 12")
        pages += bool(found)
        links += len(found)
    assert not problems, "\n".join(problems)
    assert links >= 50, "first-use links are missing"
    summary.append(f"glossary: {len(GLOSSARY.terms)} terms; {links} first-use links on {pages} pages")


# ---------------------------------------------------------------- the extensions, without a build
class FakeRelpath(Treeprocessor):
    """What MkDocs registers on each page's converter: a ``relpath`` treeprocessor holding the page."""

    def __init__(self, src_uri: str):
        self.file = SimpleNamespace(src_uri=src_uri)

    def run(self, root):
        return None


def convert(text: str, page: str | None) -> str:
    md = markdown.Markdown(extensions=["toc", "attr_list", "admonition", "pymdownx.arithmatex",
                                       "pymdownx.superfences", "extensions.glossary",
                                       "extensions.search_text"],
                           extension_configs={"pymdownx.arithmatex": {"generic": True}})
    if page is not None:
        md.treeprocessors.register(FakeRelpath(page), "relpath", 0)
    return md.convert(text)


def test_chinese_terms_are_found_without_spaces_longest_first():
    html = convert("先用随机梯度下降训练，再看梯度下降。随机梯度下降不再链接。\n", "cnn/conv1d.md")
    links = re.findall(r'<a class="glossary-link" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert links == [("../ml_basics/sgd.md", "随机梯度下降")]  # one per paragraph; 梯度下降 waits
    html = convert("先用随机梯度下降训练。\n\n再看梯度下降。\n", "cnn/conv1d.md")
    assert re.findall(r'href="([^"]+)"', html) == ["../ml_basics/sgd.md",
                                                   "../ml_basics/gradient_descent.md#梯度下降"]


def test_links_stay_out_of_headings_code_links_math_and_admonition_titles():
    text = ("## 过拟合与梯度消失\n\n`过拟合` 与 $\\text{过拟合}$，[过拟合](x.md)\n\n"
            '!!! note "梯度消失"\n    正文里的梯度消失。\n\n```python\n# 过拟合\n```\n')
    html = convert(text, "cnn/conv1d.md")
    soup = BeautifulSoup(html, "html.parser")
    linked = [(a.get_text(), [p.name for p in a.parents][:2]) for a in soup.select("a.glossary-link")]
    assert linked == [("梯度消失", ["p", "div"])], linked
    assert soup.select_one("p.admonition-title").get_text() == "梯度消失"


def test_a_term_the_author_links_is_not_linked_again():
    text = "[梯度下降](../ml_basics/gradient_descent.md)很慢。\n\n随机梯度下降与梯度下降。\n"
    html = convert(text, "cnn/conv1d.md")
    assert re.findall(r'class="glossary-link"[^>]*>([^<]+)<', html) == ["随机梯度下降"]


def test_links_are_relative_to_the_page_and_absent_on_the_defining_page():
    assert 'href="pooling.md#max-and-average"' in convert("最大汇聚。\n", "cnn/conv1d.md")
    assert 'href="../cnn/pooling.md"' in convert("池化层。\n", "review/index.md")
    html = convert("# 汇聚层\n\n汇聚也叫池化。\n", "cnn/pooling.md")
    assert "glossary-link" not in html
    assert '<template class="glossary-search">⟦' in html  # the names for search, after the heading


def test_a_term_limited_to_some_chapters_is_linked_only_there():
    """步长 is a convolution's stride in chapter 3; in chapter 1 the word is a gradient step."""
    assert GLOSSARY.by_name["步长"].link_in == ("cnn", "review")
    assert 'href="stride_padding.md#' in convert("步长取 2。\n", "cnn/conv1d.md")
    assert 'href="../cnn/stride_padding.md#' in convert("步长取 2。\n", "review/index.md")
    assert "glossary-link" not in convert("实际步长接近 0.19。\n", "ml_basics/optimizers.md")


def test_a_builder_that_does_not_say_the_page_gets_tooltips():
    html = convert("卷积神经网络用汇聚。\n", None)
    assert "<a" not in html
    assert re.search(r'<span class="glossary-term" title="convolutional neural network · [^"]+">卷积神经网络'
                     r"</span>", html)
