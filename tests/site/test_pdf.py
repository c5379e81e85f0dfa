"""The printable edition (``make pdf``, scripts/build_pdf.py), read back with poppler's tools.

The PDF is printed once per session from the strict offline build (``site_dir``), with the network cut
off, into a folder of their own. What a reader of the PDF needs is read from the PDF itself
(``pdftotext``, ``pdfinfo``, ``pdffonts``, ``pdfimages``, ``pdftohtml -xml``) and compared with the built
site: every page's title in nav order, each starting a page; a table of contents whose numbers are the
pages those titles are on; no raw TeX; every exercise answer; every code line whole (wrapped, never cut
at the margin); links inside the document; embedded fonts, Chinese text that extracts as Chinese; and
figures that stay vectors.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from filelock import FileLock

ROOT = Path(__file__).resolve().parents[2]
BUILDER = ROOT / "scripts" / "build_pdf.py"
FILES = {"A4": "nndl-notes.pdf"}
# Bounds (measured 2026-12-01 on the site with 1.1-3.15, the review bank 1-26 and the glossary: A4 285 pages,
# 6.5 MB). Far below: pages lost; far above: something prints blank pages or
# rasterises figures (a raster page is ~100 KB or more).
PAGES = {"A4": (200, 420)}
MAX_BYTES = 15_000_000
RAW_TEX = ("\\frac", "$$", "\\(", "\\)", "\\[", "\\]", "\\begin{", "\\left", "\\mathrm", "\\sum")
# the bottom of a page that holds the running footer (a 20 mm margin; the text is in its middle)
FOOTER_BAND = 13 / 25.4 * 72  # pt
PUNCTUATION = "，。、；：？！）（”“,.;:?!()"
NAV_PAGE = re.compile(r"^\s*- (?:(?P<title>[^:]+): )?(?P<src>[\w/]+\.(?:md|py))\s*$")
NAV_GROUP = re.compile(r"^\s*- (?P<title>[^:]+):\s*$")


def squeeze(text: str) -> str:
    return re.sub(r"[\s\u200b]+", "", text)


def run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="session")
def pdf_dir(site_dir, tmp_path_factory, offline) -> Path:
    """The PDF, printed once per session (under xdist: by the first worker that needs them)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    shared = tmp_path_factory.getbasetemp().parent if worker else tmp_path_factory.getbasetemp()
    out = shared / "pdf"
    with FileLock(str(shared / "pdf.lock")):
        if not (out / "report.json").is_file():
            started = time.monotonic()
            command = [sys.executable, str(BUILDER), str(site_dir), "--out-dir", str(out)]
            result = subprocess.run(offline(command), cwd=ROOT, capture_output=True, text=True)
            if result.returncode != 0:
                pytest.fail(f"scripts/build_pdf.py failed offline:\n{result.stdout}\n{result.stderr}")
            (out / "report.json").write_text(json.dumps({"seconds": round(time.monotonic() - started, 1),
                                                         "stdout": result.stdout}))
    return out


@pytest.fixture(scope="session")
def nav() -> tuple[str, list[str]]:
    """(site name, every page's title in nav order), read from mkdocs.yml: a chapter's index page is
    titled by its nav group, the home page (the PDF's cover) by the site's name."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    site_name = re.search(r"^site_name:\s*(.+)$", text, re.M)[1].strip()
    titles, group = [], None
    for line in text.split("\nnav:\n", 1)[1].splitlines():
        if line.lstrip().startswith("#") or not line.strip():
            continue
        if m := NAV_GROUP.match(line):
            group = m["title"]
        elif m := NAV_PAGE.match(line):
            titles.append(m["title"] or group)
    assert titles[0] == "首页"
    return site_name, titles[1:]


def pages_of(pdf: Path, mode: str = "", body: bool = False) -> list[str]:
    """The text of each page (``pdftotext``, optionally ``-layout`` or ``-raw``), in order; ``body``:
    without the running footer (page number, chapter title), so that a paragraph or a code line that
    runs on over a page break joins up."""
    crop = []
    if body:
        size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", run("pdfinfo", str(pdf)), re.M)
        width, height = float(size[1]), float(size[2])
        crop = ["-x", "0", "-y", "0", "-W", str(round(width)), "-H", str(int(height - FOOTER_BAND))]
    text = run("pdftotext", *([mode] if mode else []), *crop, str(pdf), "-")
    return text.split("\f")[:-1]


@pytest.fixture(scope="session")
def pdf_pages(pdf_dir) -> dict[str, list[str]]:
    """Each page's text in reading order: titles and the table of contents."""
    return {fmt: pages_of(pdf_dir / name) for fmt, name in FILES.items()}


@pytest.fixture(scope="session")
def pdf_text(pdf_dir) -> dict[str, str]:
    """The whole text in the order it was printed (``-raw``), without the footers: a code line whose words
    are far apart stays one line, where reading-order analysis would split it into columns."""
    return {fmt: "".join(pages_of(pdf_dir / name, "-raw", body=True)) for fmt, name in FILES.items()}


@pytest.fixture(scope="session")
def pdf_reading(pdf_dir) -> dict[str, str]:
    """The whole text in reading order, without the footers: a paragraph that a page break splits, with
    an answer box's title or code drawn between its halves in print order, reads on here."""
    return {fmt: "".join(pages_of(pdf_dir / name, body=True)) for fmt, name in FILES.items()}


def first_line(page: str) -> str:
    return next((line.strip() for line in page.splitlines() if line.strip()), "")


@pytest.fixture(scope="session")
def site_articles(site_dir, built_pages) -> list[BeautifulSoup]:
    articles = []
    for path in built_pages:
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
        if article is not None:
            articles.append(article)
    return articles


@pytest.mark.parametrize("fmt", FILES)
def test_every_page_starts_a_page_titled_as_in_the_nav_in_nav_order(fmt, pdf_pages, nav):
    site_name, titles = nav
    pages = pdf_pages[fmt]
    assert first_line(pages[0]) == site_name  # the cover: the home page's introduction
    at = 0
    for title in titles:  # each title opens a page, after the page the previous title opened
        at = next((n for n in range(at + 1, len(pages)) if first_line(pages[n]) == title), None)
        assert at is not None, f"no page after the previous title opens with {title}"


@pytest.mark.parametrize("fmt", FILES)
def test_table_of_contents_numbers_are_the_pages_of_the_headings(fmt, pdf_dir, pdf_pages, nav):
    _, titles = nav
    pages = pdf_pages[fmt]
    start = next(n for n, p in enumerate(pages) if first_line(p) == "目录")
    end = next(n for n, p in enumerate(pages) if first_line(p) == titles[0])
    toc_pages = range(start, end)  # from the page titled 目录 to the first chapter
    text = "\n".join(pages_of(pdf_dir / FILES[fmt], "-layout")[n] for n in toc_pages)
    toc = {}
    for line in text.splitlines():
        if (m := re.match(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", line)) and m[1] != "目录":  # not the footer
            toc[m[1]] = int(m[2])
    assert list(toc) == titles
    for title, number in toc.items():
        assert first_line(pages[number - 1]) == title, f"目录: {title} -> page {number}"
    # and the number printed in the running footer is that page's number
    assert all(re.search(rf"(^|\s){n}\s*$", pages[n - 1].rstrip()) for n in toc.values())


@pytest.mark.parametrize("fmt", FILES)
def test_pages_and_size_within_bounds(fmt, pdf_dir, summary):
    pdf = pdf_dir / FILES[fmt]
    info = run("pdfinfo", str(pdf))
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])
    low, high = PAGES[fmt]
    assert low <= pages <= high
    assert pdf.stat().st_size <= MAX_BYTES
    assert re.search(rf"^Page size:.*\({fmt}\)", info, re.M)
    assert re.search(r"^Tagged:\s+yes", info, re.M)  # the structure that carries the outline
    report = json.loads((pdf_dir / "report.json").read_text())
    summary.append(f"PDF {fmt}: {pages} pages, {pdf.stat().st_size / 1e6:.1f} MB "
                   f"(printed in {report['seconds']} s)")


def test_no_raw_tex(pdf_text):
    for fmt, text in pdf_text.items():
        assert not [t for t in RAW_TEX if t in text], fmt


def test_every_code_line_is_printed_whole(pdf_text, site_articles):
    """Each line of every code block (and notebook output) of the site is in the PDF's text, whole:
    wrapped lines join up when whitespace is ignored, a line cut at the margin would not."""
    lines = {squeeze(line) for article in site_articles for pre in article.find_all("pre")
             for line in pre.get_text().splitlines() if squeeze(line)}
    assert len(lines) > 1000
    for fmt, text in pdf_text.items():
        text = squeeze(text)
        missing = sorted(line for line in lines if line not in text)
        assert not missing, f"{fmt}: {len(missing)} code lines not whole, e.g. {missing[:5]}"


def test_every_exercise_answer_is_printed(pdf_text, pdf_reading, site_articles):
    """The text of each answer, between its formulas, is in the A4 edition: in print order (a table's
    cells stay whole) or in reading order (a paragraph split by a page break joins up)."""
    texts = squeeze(pdf_text["A4"]), squeeze(pdf_reading["A4"])
    answers = 0
    for article in site_articles:
        for details in article.find_all("details"):
            if details.summary.get_text(strip=True) != "答案":
                continue
            answers += 1
            details.summary.decompose()
            for tag in details.find_all(["pre", "template"]):
                tag.decompose()
            for math in details.select(".arithmatex"):
                math.replace_with("\x00")
            for piece in details.get_text("\x00").split("\x00"):  # each run of text
                piece = squeeze(piece).strip(PUNCTUATION)  # punctuation next to a formula prints with it
                if len(piece) >= 4:
                    assert any(piece in text for text in texts), piece
    assert answers >= 150


def test_explorer_is_its_description(pdf_text, site_articles):
    text = pdf_text["A4"]
    explorers = sum(len(a.select(".conv-explorer")) for a in site_articles)
    assert explorers and text.count("可以在网页版里调节参数") == explorers
    assert "JavaScript" not in text


def test_chinese_in_an_embedded_cjk_font_that_extracts_as_chinese(pdf_dir, pdf_text):
    fonts = run("pdffonts", str(pdf_dir / FILES["A4"])).splitlines()[2:]
    assert any("NotoSansCJK" in f for f in fonts) and any("KaTeX_Main" in f for f in fonts)
    assert all(" yes " in f for f in fonts), "every font embedded"
    # only the fonts the print document names: a character none of them has falls back to a system font
    assert all(re.match(r"[A-Z]{6}\+(NotoSansCJKsc|DejaVuSans|KaTeX_)", f) for f in fonts), fonts
    text = pdf_text["A4"]
    # Noto CJK draws a radical and its ideograph with one glyph; the PDF must say 二, not ⼆
    assert not re.search("[\u2e80-\u2fdf\u31c0-\u31ef]", text)
    assert "二维卷积" in text and "前馈神经网络" in text


def test_figures_are_vectors(pdf_dir, site_dir, site_articles):
    """The only raster images in the PDF are the site's own pixels: the notebooks' PNG outputs and the
    bitmaps inside SVG figures (imshow). A rasterised SVG figure would add one image per figure."""
    listed = run("pdfimages", "-list", str(pdf_dir / FILES["A4"])).splitlines()[2:]
    pixels = 0
    for article in site_articles:
        for img in article.find_all("img"):
            src = img["src"].split("#")[0]
            if img["src"].endswith("#only-dark") or src.startswith("http"):
                continue
            if src.endswith(".svg"):
                path = next(site_dir.rglob(Path(src).name))
                pixels += path.read_text(encoding="utf-8").count("<image")
            else:
                pixels += 1
    svgs = sum(1 for a in site_articles for img in a.find_all("img") if "-light.svg" in img["src"])
    assert svgs > 30
    assert len(listed) <= pixels


def test_links_between_pages_are_links_inside_the_pdf(pdf_dir):
    xml = run("pdftohtml", "-xml", "-i", "-stdout", "-q", str(pdf_dir / FILES["A4"]))
    hrefs = re.findall(r'<a href="([^"]*)"', xml)
    inside = [h for h in hrefs if re.fullmatch(r"[^#/]*\.html#\d+", h)]
    assert len(inside) > 500  # the table of contents, the chapter maps, cross-references, glossary links
    outside = [h for h in hrefs if h not in inside]
    assert all(h.startswith("https://") for h in outside), sorted(set(outside))[:5]
    assert "<outline>" in xml  # bookmarks: every heading


def test_the_site_links_to_the_pdfs_and_builds_without_them(site_dir):
    """hooks/pdf_links.py: the home page and the chapter indexes link to the PDF; the strict build
    (site_dir) passed without them, and wrote no file in their place."""
    assert not list(site_dir.glob("*.pdf"))
    chapters = sorted(p.parent.name for p in (ROOT / "docs").glob("*/index.md"))
    assert len(chapters) >= 4
    for index in ["index.html", *(f"{c}/index.html" for c in chapters)]:
        html = (site_dir / index).read_text(encoding="utf-8")
        prefix = "" if index == "index.html" else "../"
        for name in FILES.values():
            assert f'href="{prefix}{name}"' in html, f"{index}: no link to {name}"
