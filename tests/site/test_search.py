"""Search finds the page that defines a course term: a benchmark typed into the built site in Chromium.

The queries and their defining pages are in ``search_queries.yml``. Each query is typed into the search
box (Material listens for keyup, so the test presses a key after filling it in) and the result groups
(one per page) are read in order. The defining page must be first for at least 90 % of the queries and
among the first three for every one. Every page a query names must exist: a contributor adds a page and
its queries together, so a missing page is an error (a renamed page, a typo), never a skip.

Also checked here: no stop-word (的, 了, 和 …) in the ``?h=`` highlight terms of the result links; no
TeX source in the search index or in the previews (extensions/search_text.py); the index keeps course
terms whole (jieba with the glossary as user dictionary) and carries the glossary names of a term in the
section that defines it; pages use the site's search worker (docs/assets/javascripts/workers/).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from extensions.search_text import Unreadable, plain_text

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
QUERIES = yaml.safe_load((Path(__file__).with_name("search_queries.yml")).read_text(encoding="utf-8"))
FIRST_SHARE = 0.9  # of the queries rank their defining page first
TOP = 3  # every query has its defining page among the first TOP pages

PLACEHOLDER = "键入以开始搜索"  # Material's zh text for an empty search box
RESULTS_JS = """() => [...document.querySelectorAll('.md-search-result__item')].map(item => {
  const links = [...item.querySelectorAll('a.md-search-result__link')];
  return {page: links[0].href, links: links.map(a => a.href),
          text: [...item.querySelectorAll('article')].map(a => a.textContent).join(' ')};
})"""
# Chinese stop-words of lunr-languages (lunr.zh.stopWordFilter), the ones a query is likely to contain
STOP_WORDS = set("的 一 不 在 是 为 以 于 上 而 后 之 及 了 因 下 可 到 由 这 与 也"
                 " 此 但 并 个 其 已 无 或 和 即 把 被".split())
TEX = re.compile(r"\\[(\[]|\\(?:frac|sum|boldsymbol|mathcal|mathbb|left|right|times|cdot|lfloor)\b|\$\$")


def url_of(source: str) -> str:
    """The site path of a page's source: ``cnn/conv1d.md`` -> ``cnn/conv1d/``, ``cnn/index.md`` -> ``cnn/``"""
    stem = source.rsplit(".", 1)[0]
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def sources(entry: dict) -> list[str]:
    """The page sources that count as the defining page of ``entry`` (``page`` is one or a list)."""
    return entry["page"] if isinstance(entry["page"], list) else [entry["page"]]


def missing_pages(entries: list[dict]) -> list[str]:
    return [f"{e['q']!r}: docs/{p} does not exist (a query names the page that defines its term; "
            f"add the page and its queries together)" for e in entries for p in sources(e)
            if not (DOCS / p).is_file()]


def test_the_query_file_is_well_formed():
    assert len(QUERIES) >= 110
    assert all(set(e) == {"q", "page"} and e["q"].strip() for e in QUERIES), QUERIES
    queries = [e["q"] for e in QUERIES]
    assert len(set(queries)) == len(queries), "a query is listed twice"
    assert url_of("cnn/conv1d.md") == "cnn/conv1d/" and url_of("cnn/index.md") == "cnn/"
    assert url_of("index.md") == "" and url_of("feedforward/lab_mlp.py") == "feedforward/lab_mlp/"
    problems = missing_pages(QUERIES)
    assert not problems, "\n".join(problems)
    assert missing_pages([{"q": "x", "page": "cnn/no_such_page.md"}]) == [
        "'x': docs/cnn/no_such_page.md does not exist (a query names the page that defines its term; "
        "add the page and its queries together)"]


def search(page, query: str) -> list[dict]:
    """Type ``query`` into the search box and return the result groups (one per page), best first."""
    field = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    field.fill("")
    field.press("End")
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent.trim() === t",
                           arg=PLACEHOLDER, timeout=10000)
    field.fill(query)
    field.press("End")  # Material's search listens for keyup
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent.trim() !== t",
                           arg=PLACEHOLDER, timeout=15000)
    assert meta.count() == 1
    return page.evaluate(RESULTS_JS)


def site_path(href: str, site_url: str) -> str:
    return urlsplit(href).path.removeprefix(urlsplit(site_url).path)


@pytest.fixture(scope="module")
def searcher(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    page.goto(site_url, wait_until="load")
    page.locator("input.md-search__input").click()
    yield page
    context.close()


INDEX = "search/search_index.json"


def index_requests(page) -> int:
    return sum(urlsplit(url).path.endswith("/" + INDEX) for url in page.requests)


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_the_index_is_downloaded_when_a_reader_first_searches(page_in, site_url, device):
    """overrides/partials/search-on-demand.html: no page load fetches the index (~260 KB gzipped); the
    first tap on the search icon (phone) or key press (desktop) fetches it once, and search answers."""
    phone = device == "phone"
    page = page_in("light", **({"width": 390, "height": 844, "is_mobile": True, "has_touch": True} if phone
                               else {}))
    page.goto(site_url + "cnn/pooling/", wait_until="load")
    page.wait_for_timeout(1500)  # Material has set up its search worker by now
    assert index_requests(page) == 0
    page.locator("a.md-footer__link--next").click()  # to the next page
    page.wait_for_url(lambda url: "cnn/pooling/" not in url)
    page.wait_for_timeout(500)
    assert index_requests(page) == 0  # nor does a page change
    if phone:
        page.locator('label.md-header__button[for="__search"]').tap()
    else:
        page.keyboard.press("s")  # Material's search hotkey
    groups = search(page, "max pooling")
    assert index_requests(page) == 1
    assert site_path(groups[0]["page"], site_url).startswith("cnn/pooling/"), groups[0]
    assert page.console_errors == []


def test_search_ranks_the_defining_page_first(searcher, site_url, summary):
    problems = missing_pages(QUERIES)
    assert not problems, "\n".join(problems)
    ranks, report = {}, []
    for entry in QUERIES:
        pages = [url_of(p) for p in sources(entry)]
        groups = search(searcher, entry["q"])
        order = [site_path(g["page"], site_url) for g in groups]
        rank = next((i + 1 for i, path in enumerate(order) if path in pages), None)
        ranks[entry["q"]] = rank
        if rank != 1:
            report.append(f"{entry['q']!r}: defining page {pages} is {'absent' if rank is None else rank}, "
                          f"top 3: {order[:3]}")
    first = sum(1 for r in ranks.values() if r == 1)
    top = sum(1 for r in ranks.values() if r is not None and r <= TOP)
    summary.append(f"search: {first}/{len(ranks)} queries rank the defining page first, {top}/{len(ranks)} "
                   f"in the top {TOP}")
    print("\n".join(report))
    assert searcher.console_errors == []
    assert first >= FIRST_SHARE * len(ranks) and top == len(ranks), "\n".join(report)


def test_highlight_terms_hold_no_stop_word(searcher, site_url):
    """The result links carry ``?h=`` terms that the target page highlights: never 的 and its kind."""
    groups = search(searcher, "反向传播算法的顺序")
    assert site_path(groups[0]["page"], site_url) == "feedforward/backprop/"
    terms = {t for g in groups for href in g["links"]
             for t in " ".join(parse_qs(urlsplit(href).query).get("h", [])).split()}
    assert terms and not terms & STOP_WORDS, terms


def test_previews_show_no_tex(searcher):
    for query in ("卷积", "梯度", "参数量", "误差项"):
        groups = search(searcher, query)
        previews = " ".join(g["text"] for g in groups)
        assert previews and not TEX.search(previews), (query, TEX.findall(previews)[:5])


def test_search_index_holds_no_tex(site_dir):
    """Formulas stay out of the index: Markdown pages' by extensions/search_text.py, the notebooks' by
    hooks/notebooks.py (both mark them data-search-exclude)."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    notebooks = tuple(url_of(p.relative_to(DOCS).as_posix()) for p in DOCS.rglob("lab_*.py"))
    found = [(d["location"], m.group(0)) for d in index["docs"]
             for m in TEX.finditer(re.sub(r"<code>.*?</code>|<pre>.*?</pre>", "", d["text"], flags=re.S))]
    assert len(notebooks) >= 2 and any(d["location"].startswith(notebooks) for d in index["docs"])
    assert not found, found[:10]


# ---------------------------------------------------------------- the index, as built
def test_the_search_index_keeps_terms_whole_and_carries_their_names(site_dir):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    # jieba, with the glossary as its user dictionary, keeps the course's terms whole
    for word, location in [("参数量", "feedforward/network_structure/#参数量"),
                           ("次采样", "cnn/structure/#three-properties"),
                           ("卷积核", "cnn/conv1d/#信号的延迟累积"),
                           ("梯度消失", "feedforward/activations/#饱和与梯度消失"),
                           ("窄卷积", "cnn/conv_types/#three-kinds"), ("互相关", "cnn/cross_correlation/"),
                           ("交叉熵损失", "ml_basics/loss_functions/#交叉熵损失让正确类别的概率尽量大")]:
        doc = docs[location]
        assert f"\u200b{word}\u200b" in f"\u200b{doc['title']}\u200b{doc['text']}\u200b", (word, location)
    # the section that defines 汇聚 carries 池化 for search, between the brackets the search worker reads
    names = re.findall(r"⟦([^⟧]*)⟧", docs["cnn/pooling/"]["text"])
    assert names and "池化" in names[0].replace("\u200b", "").split("|")
    assert index["config"]["fields"]["glossary"]["boost"] > 0
    assert "stemmer" not in index["config"]["pipeline"]  # wildcard queries are not stemmed


def test_pages_use_the_search_worker_of_the_site(site_dir):
    html = (site_dir / "cnn" / "conv1d" / "index.html").read_text(encoding="utf-8")
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1]
    config = json.loads(config)
    wrapper, material = config["search"].split("#")
    assert wrapper.endswith("assets/javascripts/workers/nndl-search.js")
    workers = site_dir / "assets" / "javascripts" / "workers"
    assert (workers / "nndl-search.js").is_file() and (workers / material).is_file(), material


def test_formulas_are_kept_out_of_the_index_and_typeset_on_the_page(site_dir):
    html = (site_dir / "cnn" / "stride_padding" / "index.html").read_text(encoding="utf-8")
    assert "data-search-exclude" not in html  # the search plugin removes it after indexing
    soup = BeautifulSoup(html, "html.parser")
    boxes = soup.select("article .arithmatex")
    assert boxes and all(box.select_one(".katex") for box in boxes)
    readings = [t.get_text() for t in soup.select("article template.search-text")]
    assert "⌊(M+2P-K)/S⌋+1" in readings and "M-K+1" in readings


def test_formula_readings_for_the_index():
    assert plain_text(r"\lfloor (M+2P-K)/S \rfloor + 1") == "⌊(M+2P-K)/S⌋+1"
    assert plain_text(r"\boldsymbol{z}^{(l)} = \boldsymbol{W}^{(l)}\boldsymbol{a}^{(l-1)}") \
        == "z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾"
    assert plain_text(r"3.6\times 10^{9}") == "3.6×10⁹"
    assert plain_text(r"\tfrac{1}{2}") == "1/2" and plain_text(r"\frac{a+b}{2}") == "(a+b)/2"
    with pytest.raises(Unreadable):
        plain_text(r"\begin{bmatrix}1&2\end{bmatrix}")
    html = markdown.markdown("长度为 $M$ 的输入\n\n$$\n\\sum_k w_k\n$$\n",
                             extensions=["pymdownx.arithmatex", "extensions.search_text"],
                             extension_configs={"pymdownx.arithmatex": {"generic": True}})
    tree = etree.fromstring(f"<div>{html}</div>")
    boxes = [el for el in tree.iter() if el.get("data-search-exclude")]
    assert [el.tag for el in boxes] == ["span", "div"]  # display formulas get no reading
    assert [t.text for t in tree.iter("template")] == ["M"]
