"""The printable edition: the built site printed into one PDF by Debian's chromium (``make pdf``).

``python scripts/build_pdf.py SITE_DIR [--out-dir DIR] [--keep-html]``
writes ``nndl-notes.pdf`` (A4) into ``--out-dir`` (default: SITE_DIR, so that it is published with the
site; ``hooks/pdf_links.py`` lets the pages link to it). A narrow A5 edition for phones was dropped: it
cost as much again as the A4 print (~35 s of CPU) in every build and test run.

It reads the built HTML, never the Markdown: formulas are already typeset by KaTeX (``hooks/katex.py``),
figures are the built SVGs, code blocks are what the code-block test ran. One print document is put
together from every page's article (``.md-content__inner``) in nav order (``mkdocs.yml``):

- a cover (the notes' title and description, the versions the code was run and checked with, read from
  the site's footer, and the date of the PDF), the home page's other sections (how to run the code, the
  labs, errata: 关于本讲义) and a table of contents with page numbers;
- every page starts on a new page; each chapter is a CSS named page whose footer margin box carries the
  chapter's title, beside the page number (Chromium prints ``@page`` margin boxes);
- light-scheme figures only (``#only-light``), as vectors (an SVG stays vector in Chromium's PDF);
- code blocks wrap (``pre-wrap``, continuation lines indented past the line's own indentation), with
  the folded helper lines of ``extensions/codefold.py`` shown; display formulas and tables too wide for
  the page are set in a smaller size;
- exercise answers open, moved after each exercise list; the convolution explorer becomes its text
  description; links between pages become links inside the PDF (ids are prefixed per page), links to
  other files of the site (notebooks, figures) point at the published site.

Page numbers of the table of contents take two prints of one loaded document: the first one's named
destinations (``pdfinfo -dests``: Chromium writes one for every element a link points at) give each
page's first page; they are written into the loaded page, and the second print carries them and is
checked against its own destinations.

Chinese is set in Debian's Noto Sans CJK (``fonts-noto-cjk``), subset here with fontTools to the
characters the document uses. Not only for size: that font maps each CJK radical (U+2E80-U+2FDF) to the
glyph of its ideograph, and Chromium's PDF then says, for text extraction and search, that 二 is the
Kangxi radical ⼆; the subset keeps only the code points the text uses.

Offline: the document and everything it loads are ``file://`` URLs of the built site; every other
request is refused and fails the build (the tests also run it with the network cut off).
"""

from __future__ import annotations

import argparse
import datetime
import html
import itertools
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag
from markdown.extensions.toc import slugify_unicode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.site import chromium  # noqa: E402
from tests.site.nav import load_config  # noqa: E402 - mkdocs.yml read with its tags as plain values

PRINT_CSS = Path(__file__).with_name("build_pdf.css")
# the browser tests' flags, and /tmp instead of a small container /dev/shm
CHROMIUM_ARGS = [*chromium.ARGS, "--disable-dev-shm-usage"]
FORMATS = {  # name: (file name, page size, margins, root font size: body text is 0.8 of it)
    "A4": ("nndl-notes.pdf", "A4", "18mm 18mm 20mm", "12.5pt"),
}
PAGE_MM = {"A4": (210, 297)}
CJK_FONTS = {400: "NotoSansCJK-Regular.ttc", 700: "NotoSansCJK-Bold.ttc"}
CJK_FAMILY = "Noto Sans CJK SC"
# Chinese inside a formula (\text{于是}) would fall back to a system font: each KaTeX family gets the
# print CJK font as one more face for these code points (CJK symbols and punctuation, circled numbers,
# ideographs, full-width forms)
KATEX_FAMILIES = ("KaTeX_Main", "KaTeX_Math", "KaTeX_AMS", "KaTeX_Size1", "KaTeX_Size2", "KaTeX_Size3",
                  "KaTeX_Size4", "KaTeX_SansSerif", "KaTeX_Typewriter", "KaTeX_Caligraphic", "KaTeX_Fraktur",
                  "KaTeX_Script")
CJK_RANGES = "U+2460-24FF, U+3000-303F, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF"
EXPLORER_NOSCRIPT = re.compile(r"^：?需要启用 JavaScript。")
ABOUT = "关于本讲义"  # the home page's sections after its contents table, printed after the cover
WEB_ONLY = "（交互演示、搜索、深色模式、可下载的实验笔记本）"  # what the cover says the site adds
PDF_LINK = re.compile(r"(^|/)nndl-notes\.pdf$")


# ---------------------------------------------------------------- the pages, in nav order
@dataclass
class Page:
    title: str   # as in the nav: "3.2 一维卷积"; the home page: the site's name
    url: str     # the built page's URL path: "cnn/conv1d/", "" for the home page
    part: str    # the chapter (or top-level page) it belongs to: the running footer
    slug: str    # the id of its first heading in the print document

    @property
    def is_home(self) -> bool:
        return self.url == ""


def page_url(src: str) -> str:
    """docs path -> URL path with directory URLs: "cnn/conv1d.md" -> "cnn/conv1d/", "index.md" -> ""."""
    stem = posixpath.splitext(src)[0]
    if stem == "index":
        return ""
    return (stem.removesuffix("/index") if stem.endswith("/index") else stem) + "/"


def slug_of(url: str) -> str:
    return "p-" + (url.strip("/").replace("/", "-") or "index")


def nav_pages(config: dict) -> list[Page]:
    pages: list[Page] = []

    def add(title, src, part):
        url = page_url(src)
        pages.append(Page(title, url, part, slug_of(url)))

    for item in config["nav"]:
        (title, value), = item.items() if isinstance(item, dict) else ((None, item),)
        if isinstance(value, list):  # a chapter: its index page, then its sections
            for child in value:
                if isinstance(child, str):
                    add(title, child, title)
                else:
                    (child_title, src), = child.items()
                    add(child_title, src, title)
        elif value == "index.md":
            add(config["site_name"], value, "")
        else:
            add(title, value, title)
    return pages


# ---------------------------------------------------------------- the heavy parts, as text
# KaTeX's output (hundreds of nested spans per formula) and highlighted code make up most of the HTML.
# They are taken out as text before the article is parsed, and put back into the finished document.
ARTICLE_START = '<article class="md-content__inner md-typeset">'
SEARCH_TEXT = re.compile(r'<template class="search-text">.*?</template>', re.S)
MATHML = re.compile(r'<span class="katex-mathml"><math\b.*?</math></span>', re.S)  # hidden; TeX inside
MATH_BOX = re.compile(r'<(span|div) class="arithmatex">')
PRE = re.compile(r"(<pre\b[^>]*>)(.*?)(</pre>)", re.S)
FOLD_TOGGLE = re.compile(r'<label class="cf-toggle".*?</label>', re.S)
SPAN_TAG = re.compile(r'<(/?)span\b([^>]*)>')
TAG = re.compile(r"<[^>]+>")
# comments keep their colour (the #> output lines among them); other tokens print black: Chromium's
# tagged PDF makes a structure element of every span, and highlighted code tripled the file's size
KEPT_TOKENS = re.compile(r'class="(c|c1|ch|cm|cs|cp|cpf|sd)"')
PLACEHOLDER = re.compile(r'<(span|div|code) data-print="(\d+)"></\1>')


def balanced_end(text: str, start: int, tag: str) -> int:
    """Index just past the element of ``tag`` that opens at ``start``."""
    pattern = re.compile(f"<(/?){tag}\\b[^>]*>")
    depth = 0
    for match in pattern.finditer(text, start):
        depth += -1 if match[1] else 1
        if depth == 0:
            return match.end()
    raise ValueError(f"unclosed <{tag}> at {start}")


def print_code(inner: str) -> str:
    """A code block's inner HTML for print: one block per line (a wrapped line's continuation is indented
    four columns past the line's own indentation), folded lines shown (extra.css's @media print rule),
    only comments coloured."""
    inner = FOLD_TOGGLE.sub("", inner).removeprefix("<span></span>")
    opening, closing = "", ""
    match = re.fullmatch(r"(?s)(<code\b[^>]*>)(?:<span></span>)?(.*)(</code>)", inner)
    if match:
        opening, inner, closing = match[1], match[2], match[3]
    kept: list[bool] = []

    def span(m: re.Match) -> str:
        if m[1]:
            return "</span>" if kept.pop() else ""
        kept.append(bool(KEPT_TOKENS.search(m[2])))
        return m[0] if kept[-1] else ""

    inner = SPAN_TAG.sub(span, inner)
    lines = inner.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    out = []
    for line in lines:
        text = html.unescape(TAG.sub("", line))
        indent = len(text) - len(text.lstrip(" "))
        out.append(f'<span class="print-line" style="--indent:{indent}">{line}</span>')
    return opening + "".join(out) + closing


class Stash(list):
    """Pieces of HTML kept out of the parser, put back by ``restore``."""

    def keep(self, piece: str, tag: str) -> str:
        self.append(piece)
        return f'<{tag} data-print="{len(self) - 1}"></{tag}>'

    def restore(self, text: str) -> str:
        return PLACEHOLDER.sub(lambda m: self[int(m[2])], text)


def lighten(article: str, stash: Stash) -> str:
    article = MATHML.sub("", SEARCH_TEXT.sub("", article))
    pieces, pos = [], 0
    for match in MATH_BOX.finditer(article):
        if match.start() < pos:
            continue
        end = balanced_end(article, match.start(), match[1])
        pieces += [article[pos:match.start()], stash.keep(article[match.start():end], match[1])]
        pos = end
    article = "".join(pieces) + article[pos:]
    return PRE.sub(lambda m: m[1] + stash.keep(print_code(m[2]), "code") + m[3], article)


# ---------------------------------------------------------------- one page's article, made printable
class Assembly:
    """Turns each built page's article into a section of the print document."""

    def __init__(self, site: Path, pages: list[Page], site_url: str):
        self.site = site.resolve()
        self.pages = pages
        self.site_url = site_url.rstrip("/") + "/"
        self.by_url = {p.url: p for p in pages}
        self.stash = Stash()
        self.ids: dict[str, dict[str, str]] = {}  # page URL -> {anchor: its id in the print document}
        self.real_ids: dict[str, set[str]] = {}
        self.by_heading_text: list[str] = []     # links that found their section by its title only
        self.broken: list[str] = []              # links to an anchor that is not on the page
        self.articles: dict[str, Tag] = {}
        self.sections: dict[str, Tag] = {}
        self.stylesheets: list[str] = []         # stylesheets an article links (the notebooks')
        self.problems: list[str] = []

    def load(self) -> None:
        for page in self.pages:
            path = self.site / page.url / "index.html"
            if not path.is_file():
                raise SystemExit(f"{path} is missing: build the site first (make build)")
            text = path.read_text(encoding="utf-8")
            start = text.find(ARTICLE_START)
            end = text.find("</article>", start)
            if start < 0 or end < 0:
                raise SystemExit(f"{path}: no {ARTICLE_START}")
            article = BeautifulSoup(lighten(text[start:end + len("</article>")], self.stash),
                                    "html.parser").article
            self.articles[page.url] = article
            ids = self.ids[page.url] = {}
            self.real_ids[page.url] = {tag["id"] for tag in article.find_all(id=True)}
            for n, tag in enumerate(article.find_all(id=True)):  # short ASCII ids: PDF names stay short
                ids[tag["id"]] = page.slug if tag.name == "h1" else f"{page.slug}-{n}"
            for h in article.find_all(re.compile(r"^h[1-6]$"), id=True):  # see resolve()
                title = "".join(s for s in h.find_all(string=True) if not s.find_parent("a", "headerlink"))
                ids.setdefault(slugify_unicode(title.strip(), "-"), ids[h["id"]])
        self.tested_with = self._tested_with(self.site / "index.html")

    @staticmethod
    def _tested_with(home: Path) -> str:
        text = home.read_text(encoding="utf-8")
        match = re.search(r'<div class="md-copyright__tested"[^>]*>(.*?)</div>', text, re.S)
        if match is None:
            raise SystemExit("the site's footer has no .md-copyright__tested (hooks/versions.py)")
        return " ".join(html.unescape(TAG.sub("", match[1])).split())

    # ---- links
    def resolve(self, page: Page, href: str) -> str:
        """The print document's href for a link of ``page``."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href
        target = urlsplit(urljoin("http://site.invalid/" + page.url, href))
        path = unquote(target.path).lstrip("/")
        fragment = unquote(target.fragment)
        url = path if path in self.by_url else path + "/" if path + "/" in self.by_url else None
        if url is None:  # another file of the site (a notebook, a figure): the published one
            return self.site_url + path + (f"#{target.fragment}" if target.fragment else "")
        to = self.by_url[url]
        if not fragment:
            return "#" + to.slug
        anchor = self.ids[url].get(fragment)
        if anchor is None:  # a broken anchor of the site (a browser opens the page's top): the same
            self.broken.append(f"{page.url or 'index'}: {href!r}: no id {fragment!r} on {url}")
            return "#" + to.slug
        if fragment not in self.real_ids[url]:  # a section with an explicit id, linked by its title's slug
            self.by_heading_text.append(f"{url}#{fragment}")
        return "#" + anchor

    def local_file(self, page: Page, src: str) -> str:
        """file:// URL of an image or stylesheet of the built site."""
        if urlsplit(src).scheme in ("data", "file"):
            return src
        path = unquote(urlsplit(urljoin("http://site.invalid/" + page.url, src)).path).lstrip("/")
        file = self.site / path
        if not file.is_file():
            self.problems.append(f"{page.url or 'index'}: {src!r} is not in the built site")
        return file.as_uri()

    # ---- the article
    def section(self, page: Page) -> Tag:
        article = self.articles[page.url]
        for tag in [*article.find_all("a", class_=["md-content__button", "headerlink"]),
                    *article.find_all("script"),
                    *article.find_all("img", src=re.compile(r"#only-dark$"))]:
            tag.decompose()
        for link in article.find_all("link", rel="stylesheet"):
            href = self.local_file(page, link["href"])
            if href not in self.stylesheets:
                self.stylesheets.append(href)
            link.decompose()
        ids = self.ids[page.url]
        for tag in article.find_all(id=True):
            tag["id"] = ids[tag["id"]]
        for label in article.find_all("label", attrs={"for": True}):
            del label["for"]
        h1 = article.find("h1")
        if h1 is None:
            raise SystemExit(f"{page.url}: no <h1>")
        h1.clear()
        h1.append(page.title)
        article.insert(0, h1.extract())  # before a notebook's download buttons: the page opens with its title
        self._pdf_links(article)
        self._images(page, article)
        self._links(page, article)
        self._explorers(page, article)
        self._answers(article)
        for pre in article.find_all("pre"):
            pre["class"] = [*pre.get("class", []), "print-code"]
        article.name = "section"
        article.attrs = {"class": "print-page md-typeset", "data-part": page.part}
        return article
    @staticmethod
    def _pdf_links(article: Tag) -> None:
        """The PDF does not link to itself: drop the paragraph that offers the PDF edition."""
        for a in article.find_all("a", href=PDF_LINK):
            paragraph = a.find_parent("p")
            if paragraph is not None:
                paragraph.decompose()

    def _images(self, page: Page, article: Tag) -> None:
        for img in article.find_all("img"):
            img["src"] = self.local_file(page, img["src"].split("#")[0])
            for attr in ("loading", "decoding"):
                img.attrs.pop(attr, None)
            link = img.find_parent("a")
            if link is not None and not link.get_text(strip=True):  # a figure's link to its full size
                link.unwrap()
        for link in article.select("a.fig-zoom"):  # extensions/figures.py: the dark twin's, now empty
            link.decompose()

    def _links(self, page: Page, article: Tag) -> None:
        for a in article.find_all("a", href=True):
            a["href"] = self.resolve(page, a["href"])
            a.attrs.pop("target", None)

    def _explorers(self, page: Page, article: Tag) -> None:
        """The interactive explorer becomes its description, with the address of the live one."""
        for explorer in article.select("div.conv-explorer"):
            paragraph = explorer.find("p")
            strong = paragraph.find("strong") if paragraph else None
            text = strong.next_sibling if strong else None
            if not isinstance(text, NavigableString) or not EXPLORER_NOSCRIPT.match(text):
                self.problems.append(f"{page.url}: the explorer's description has changed: {paragraph}")
                continue
            soup = BeautifulSoup("", "html.parser")
            url = self.site_url + page.url
            note = soup.new_tag("a", href=url)
            note.string = "网页版"
            text.replace_with(EXPLORER_NOSCRIPT.sub("：", text))
            strong.insert_after(NavigableString("（可以在"), note, NavigableString("里调节参数）"))
            explorer.attrs = {"class": "print-explorer"}

    @staticmethod
    def _answers(article: Tag) -> None:
        """Every answer open; answers inside an exercise list move after the list, numbered."""
        soup = BeautifulSoup("", "html.parser")
        for details in article.find_all("details"):
            details["open"] = ""
        for ol in article.find_all("ol"):
            items = ol.find_all("li", recursive=False)
            moved = [(n, d) for n, li in enumerate(items, start=int(ol.get("start", 1)))
                     for d in li.find_all("details", recursive=False)]
            if not moved:
                continue
            box = soup.new_tag("div", attrs={"class": "admonition success print-answers"})
            title = soup.new_tag("p", attrs={"class": "admonition-title"})
            title.string = "答案"
            box.append(title)
            answers = soup.new_tag("ol")
            for n, details in moved:
                li = soup.new_tag("li", value=str(n))
                details.summary.decompose()
                for child in list(details.children):
                    li.append(child.extract())
                details.decompose()
                answers.append(li)
            box.append(answers)
            ol.insert_after(box)


# ---------------------------------------------------------------- the print document
def css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def document(assembly: Assembly, pages: list[Page], config: dict, date: str,
             toc_numbers: dict[str, int] | None, fmt: str, fonts: dict[int, Path]) -> str:
    _, size, margin, root_size = FORMATS[fmt]
    parts = list(dict.fromkeys(p.part for p in pages if p.part))
    named = {part: f"part{i}" for i, part in enumerate(parts)}
    page_css = [f"@page {{ size: {size}; margin: {margin}; }}",
                f":root {{ --print-root-size: {root_size}; }}"]
    for part, name in named.items():
        page_css.append(f"@page {name} {{ @bottom-left {{ content: {css_string(part)}; }} }}")
        page_css.append(f'.print-page[data-part={css_string(part)}] {{ page: {name}; }}')
    for weight, path in fonts.items():
        src = f'src: url("{path.as_uri()}") format("truetype")'
        page_css.append(f'@font-face {{ font-family: "NNDL Print CJK"; font-weight: {weight}; {src}; }}')
        for family, style in itertools.product(KATEX_FAMILIES, ("normal", "italic")):  # \text{偏差}
            page_css.append(f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
                            f'font-style: {style}; {src}; unicode-range: {CJK_RANGES}; }}')
    site = assembly.site
    sheets = [css.as_uri() for css in sorted((site / "assets" / "stylesheets").glob("*.min.css"))]
    sheets += [(site / "assets" / "katex" / "katex.min.css").as_uri()]
    sheets += [(site / extra).as_uri() for extra in config.get("extra_css", []) if "katex" not in extra]
    sheets += assembly.stylesheets
    head = "\n".join(f'<link rel="stylesheet" href="{html.escape(s)}">' for s in dict.fromkeys(sheets))
    body = [cover(assembly, config, date), about(assembly), table_of_contents(pages, toc_numbers)]
    home = next(p for p in pages if p.is_home)
    for page in pages:
        if page is not home:
            body.append(assembly.section_html[page.url])
    restored = assembly.stash.restore("".join(body))
    if "data-print=" in restored:
        raise SystemExit("a formula or code block was not put back into the print document")
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{html.escape(config["site_name"])}</title>
{head}
<style>{PRINT_CSS.read_text(encoding="utf-8")}
{chr(10).join(page_css)}</style>
</head>
<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo">
{restored}
</body></html>"""


def home_parts(assembly: Assembly) -> tuple[list[Tag], list[list[Tag]]]:
    """The home page: its introduction (up to its first section) and its sections (``h2`` on)."""
    intro, sections = [], []
    for child in assembly.sections[""].find_all(True, recursive=False):
        if child.name == "h2":
            sections.append([])
        if child.name != "h1":
            (sections[-1] if sections else intro).append(child)
    return intro, sections


def cover(assembly: Assembly, config: dict, date: str) -> str:
    intro, _ = home_parts(assembly)
    url = assembly.site_url
    return f"""<section class="print-cover md-typeset">
<h1 id="{slug_of("")}">{html.escape(config["site_name"])}</h1>
<p class="print-cover__description">{html.escape(config.get("site_description", ""))}</p>
{"".join(map(str, intro))}
<dl class="print-cover__facts">
<dt>网页版</dt><dd><a href="{html.escape(url)}">{html.escape(url)}</a>{WEB_ONLY}</dd>
<dt>运行与核对环境</dt><dd>{html.escape(assembly.tested_with.removeprefix("本站代码的运行与核对环境："))}</dd>
<dt>本 PDF 生成于</dt><dd>{date}</dd>
</dl>
</section>"""


def about(assembly: Assembly) -> str:
    """The home page's sections but its contents table (the table of contents replaces it): how to run
    the code, the labs, errata. Front matter, before the table of contents."""
    _, sections = home_parts(assembly)
    kept = "".join(str(tag) for section in sections
                   if not any(t.name == "table" or t.find("table") for t in section) for tag in section)
    return f'<section class="print-about md-typeset"><h1>{ABOUT}</h1>{kept}</section>' if kept else ""


def table_of_contents(pages: list[Page], numbers: dict[str, int] | None) -> str:
    rows = []
    for page in pages:
        if page.is_home:
            continue
        level = "part" if page.title == page.part else "page"
        number = numbers.get(page.slug, 0) if numbers else 0
        rows.append(f'<li class="print-toc__{level}"><a href="#{page.slug}">'
                    f'<span class="print-toc__title">{html.escape(page.title)}</span>'
                    f'<span class="print-toc__leader"></span>'
                    f'<span class="print-toc__number">{number}</span></a></li>')
    return f'<nav class="print-toc md-typeset"><h1>目录</h1><ol>{"".join(rows)}</ol></nav>'


# ---------------------------------------------------------------- fonts
def cjk_font_dir() -> Path:
    """Where Debian's fonts-noto-cjk put Noto Sans CJK (scripts/ensure-chromium installs it)."""
    debian = Path("/usr/share/fonts/opentype/noto")
    if all((debian / name).is_file() for name in CJK_FONTS.values()):
        return debian
    found = ""
    if shutil.which("fc-list"):
        found = subprocess.run(["fc-list", f"{CJK_FAMILY}:style=Regular", "file"], capture_output=True,
                               text=True, check=False).stdout.split(":")[0].strip()
    if not found:
        raise SystemExit(f"{CJK_FAMILY} is not installed: bash scripts/ensure-chromium (fonts-noto-cjk)")
    return Path(found).parent


def subset_cjk(text: str, out: Path) -> dict[int, Path]:
    """Noto Sans CJK SC, cut down to the characters of ``text`` (see the module's docstring)."""
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    unicodes = sorted({ord(c) for c in text} | set(range(0x20, 0x7F)))
    fonts = {}
    for weight, name in CJK_FONTS.items():
        collection = TTCollection(str(cjk_font_dir() / name), lazy=True)
        font = next(f for f in collection.fonts if f["name"].getDebugName(1) == CJK_FAMILY)
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        to_truetype(font)
        path = out / f"cjk-{weight}.ttf"
        font.save(str(path))
        fonts[weight] = path
    return fonts


def to_truetype(font) -> None:
    """CFF outlines -> TrueType (quadratic) ones, in place: Chromium's PDF embeds a TrueType font as a
    font, but draws a CFF one (Noto CJK) as Type 3 glyph procedures, larger and unhinted."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 2.0, [], {}
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\0\1\0\0"


# ---------------------------------------------------------------- printing
FIT_WIDE = """() => {
  // display formulas and tables wider than the text column: a smaller size (print never scrolls)
  const fixed = [];
  for (const el of document.querySelectorAll('.katex-display, .math-row, table')) {
    const over = el.scrollWidth - el.clientWidth;
    if (over > 1) {
      const size = parseFloat(getComputedStyle(el).fontSize);
      el.style.fontSize = (size * el.clientWidth / el.scrollWidth * 0.98) + 'px';
      el.style.overflow = 'visible';
      fixed.push(el.tagName + ' ' + Math.round(100 * el.clientWidth / (el.clientWidth + over)) + '%');
    }
  }
  const still = [];
  for (const el of document.querySelectorAll('.print-page *, .print-cover *')) {
    if (el.closest('.katex')) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > document.documentElement.clientWidth + 1)
      still.push(el.tagName + ': ' + el.textContent.slice(0, 60));
  }
  return {fixed, still: still.slice(0, 20)};
}"""


SET_NUMBERS = """numbers => {
  for (const a of document.querySelectorAll('.print-toc a'))
    a.querySelector('.print-toc__number').textContent = numbers[a.getAttribute('href').slice(1)];
}"""


def print_pdf(browser, doc: Path, out: Path, fmt: str, pages: list[Page], log) -> tuple[dict, int, dict]:
    """Print ``doc`` until its table of contents carries the page numbers it prints at.

    The document is loaded once; between prints only the numbers change, in the loaded page (a second
    print of a laid-out page costs about half the first one). The first print is untagged (it only
    measures); the final one is tagged, with the outline. Returns (what the page reported, prints,
    the numbers)."""
    width_mm = PAGE_MM[fmt][0] - sum(float(m.removesuffix("mm")) for m in FORMATS[fmt][2].split()[1:2]) * 2
    context = browser.new_context(viewport={"width": round(width_mm / 25.4 * 96), "height": 1000})
    requests: list[str] = []
    context.route(re.compile(r"^(https?|wss?|ftp):"), lambda route: route.abort())
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.emulate_media(media="print")
    page.goto(doc.as_uri(), wait_until="load", timeout=120_000)
    page.evaluate("document.fonts.ready.then(() => true)")
    fit = page.evaluate(FIT_WIDE)
    listed = [p for p in pages if not p.is_home]  # the cover is page 1, not listed
    numbers = None
    for attempt in range(1, 5):
        final = numbers is not None
        page.pdf(path=str(out), prefer_css_page_size=True, print_background=True, outline=final, tagged=final)
        log(f"print {attempt}")
        dests = destinations(out)
        missing = [p.slug for p in listed if p.slug not in dests]
        if missing:
            raise SystemExit(f"no destination in the PDF for {missing}")
        found = {p.slug: dests[p.slug] for p in listed}
        if numbers == found:  # this print carries the page numbers it has
            break
        numbers = found
        page.evaluate(SET_NUMBERS, numbers)
    else:
        raise SystemExit("the table of contents' page numbers do not settle")
    context.close()
    remote = [u for u in requests if not u.startswith(("file:", "data:"))]
    if remote:
        raise SystemExit("the print document asked for something outside the built site:\n"
                         + "\n".join(remote))
    return {"requests": len(requests), **fit}, attempt, numbers


def destinations(pdf: Path) -> dict[str, int]:
    """Named destination -> page number (1-based), from ``pdfinfo -dests``."""
    out = subprocess.run(["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True, check=True).stdout
    dests = {}
    for line in out.splitlines()[1:]:
        match = re.match(r'\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$', line)
        if match:
            dests[match[2]] = int(match[1])
    return dests


def build(site: Path, out_dir: Path, formats: list[str], keep_html: Path | None = None) -> dict:
    from playwright.sync_api import sync_playwright

    started = time.monotonic()
    config = load_config(ROOT / "mkdocs.yml")
    pages = nav_pages(config)
    assembly = Assembly(site, pages, config["site_url"])
    assembly.load()
    assembly.sections = {p.url: assembly.section(p) for p in pages}
    assembly.section_html = {url: str(section) for url, section in assembly.sections.items()}
    if assembly.problems:
        raise SystemExit("cannot print the site:\n" + "\n".join(assembly.problems))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch
            else datetime.datetime.now(datetime.UTC))
    date = when.date().isoformat()
    report = {"formats": {}}
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nndl-pdf-") as tmp_name:
        tmp = Path(tmp_name)
        text = "".join(document(assembly, pages, config, date, {p.slug: 888 for p in pages}, f, {})
                       for f in formats)
        fonts = subset_cjk(text + PRINT_CSS.read_text(encoding="utf-8"), tmp)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                        args=CHROMIUM_ARGS)
            for fmt in formats:
                t0 = time.monotonic()
                target = out_dir / FORMATS[fmt][0]
                doc = tmp / f"print-{fmt}.html"
                doc.write_text(document(assembly, pages, config, date, None, fmt, fonts), encoding="utf-8")
                partial = tmp / f"print-{fmt}.pdf"

                def log(what, fmt=fmt, t0=t0):
                    print(f"{fmt}: {what} after {time.monotonic() - t0:.1f} s", file=sys.stderr)

                fit, prints, numbers = print_pdf(browser, doc, partial, fmt, pages, log)
                shutil.move(partial, target)
                if keep_html:  # the document as printed last, with its page numbers and its fonts
                    keep_html.mkdir(parents=True, exist_ok=True)
                    kept = {w: Path(shutil.copy(f, keep_html / f.name)) for w, f in fonts.items()}
                    (keep_html / doc.name).write_text(
                        document(assembly, pages, config, date, numbers, fmt, kept), encoding="utf-8")
                report["formats"][fmt] = {"file": str(target), "bytes": target.stat().st_size,
                                          "pages": pdf_pages(target), "prints": prints,
                                          "seconds": round(time.monotonic() - t0, 1), **fit}
            browser.close()
    report["seconds"] = round(time.monotonic() - started, 1)
    report["by_heading_text"] = sorted(set(assembly.by_heading_text))
    report["broken"] = sorted(set(assembly.broken))
    return report


def pdf_pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M)[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site (mkdocs build -d SITE)")
    parser.add_argument("--out-dir", type=Path, help="where the PDF goes (default: SITE)")
    parser.add_argument("--format", action="append", choices=sorted(FORMATS), help="page format (A4)")
    parser.add_argument("--keep-html", type=Path, help="also keep the print documents here (to debug)")
    args = parser.parse_args(argv)
    report = build(args.site, args.out_dir or args.site, args.format or ["A4"], args.keep_html)
    for fmt, r in report["formats"].items():
        print(f"{r['file']}: {fmt}, {r['pages']} pages, {r['bytes'] / 1e6:.1f} MB, "
              f"{r['prints']} prints in {r['seconds']} s")
        if r["fixed"]:
            print(f"  set smaller to fit the page: {', '.join(r['fixed'])}")
        if r["still"]:
            print(f"  still wider than the page: {', '.join(r['still'])}")
    if report["broken"]:
        print("links to an anchor the page does not have (they open the page's top):\n  "
              + "\n  ".join(report["broken"]))
    if report["by_heading_text"]:
        print("links to a section by its title's slug, whose heading has an explicit id (fix the link):\n  "
              + "\n  ".join(report["by_heading_text"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
