"""术语表 (glossary): one data file, ``glossary.yml``, used four ways.

- **The glossary page.** A line ``[[术语表]]`` (docs/glossary.md) becomes the list of every term, by
  chapter and page: the Chinese term, its English name, its synonyms and a link to the section that
  defines it.
- **First-use links.** On every other page, the first use of a term links to the section that defines it,
  with the English name and the section as its title. Not in headings, links, code, formulas, admonition
  titles or folded answers, not on the page that defines the term, and not where the author has linked
  the term already; at most one link per paragraph and twelve per page (a term whose first use is
  crowded out is linked at its next use). A term whose word means something else in other chapters
  (步长 is a convolution's stride in chapter 3, a gradient step in chapter 1) is linked only on the pages
  of the chapters its ``link`` lists. Chinese has no spaces between words: terms are found by one
  longest-first regular expression, so 随机梯度下降 is one match, not 梯度下降 inside it.
  A link must be relative to the page being converted, which Python-Markdown does not know; MkDocs
  says it through the ``relpath`` treeprocessor it registers on each page's converter (its
  ``file.src_uri``), and then resolves and checks the ``.md#anchor`` links as it does for written
  ones. A builder that does not say gets the title as a tooltip on the term, with no link.
- **Search.** The section that defines a term carries the term, its synonyms and its English name in a
  ``<template>`` (inert: not shown, not read by screen readers, not part of the page's text) that
  Material's search plugin indexes with the section. The site's search worker
  (docs/assets/javascripts/workers/nndl-search.js) searches it as the ``glossary`` field, so a query for
  池化 finds the section that defines 汇聚.
- **jieba.** ``jieba_user_dict()`` writes every all-Chinese name as a jieba user dictionary, so that the
  search index keeps course terms whole (参数量, not 参|数量); mkdocs.yml passes it to the search plugin.
"""

from __future__ import annotations

import html
import logging
import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

import markdown
import yaml
from markdown.extensions import Extension
from markdown.extensions.toc import slugify_unicode
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX, AtomicString

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "glossary.yml"
DOCS = ROOT / "docs"
JIEBA_DICT = ROOT / ".cache" / "glossary" / "jieba_user_dict.txt"
MARKER = "[[术语表]]"
# The search worker reads a section's glossary names between these brackets (nndl-search.js)
OPEN, SEPARATOR, CLOSE = "⟦", "|", "⟧"
FIELDS = {"term", "en", "also", "at", "link"}
PLACEHOLDER = re.compile(f"{STX}[^{ETX}]*{ETX}")  # raw HTML and code blocks stashed by Python-Markdown
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
log = logging.getLogger("mkdocs.extensions.glossary")  # MkDocs counts its warnings (strict build)

# Never linked inside these: the reader is already reading a name, a link or code there; answers
# (details) are folded away, and a first use hidden there would leave the visible one unlinked.
SKIP_TAGS = {"a", "code", "pre", "kbd", "samp", "script", "style", "template", "summary", "details",
             "abbr", "dfn", "button", "label", "textarea", "h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = {"p", "li", "td", "th", "dt", "dd"}  # one link per paragraph, list item or table cell
SKIP_CLASSES = {"arithmatex", "admonition-title", "headerlink", "conv-explorer", "glossary-skip"}


@dataclass(frozen=True)
class Term:
    term: str
    en: str
    also: tuple[str, ...]
    page: str  # source path under docs/, e.g. "cnn/structure.md"
    anchor: str  # "" for the page's introduction
    link: bool
    link_in: tuple[str, ...] = ()  # the chapters whose pages link it; () for every page

    @property
    def names(self) -> tuple[str, ...]:
        """The forms a page may use for the term (matched in prose): the term and its synonyms."""
        return (self.term, *self.also)

    @property
    def chapter(self) -> str:
        return chapter_of(self.page)

    def linked_on(self, page: str | None) -> bool:
        """Whether a first use on ``page`` gets a link: not for common words, not on the defining page,
        and only in the chapters ``link`` names when it names some."""
        in_chapter = not self.link_in or chapter_of(page or "") in self.link_in
        return self.link and page != self.page and in_chapter


def chapter_of(page: str) -> str:
    return page.split("/")[0] if "/" in page else ""


class Glossary:
    def __init__(self, terms: list[Term]):
        self.terms = terms
        self.by_name: dict[str, Term] = {}
        for term in terms:
            for name in term.names:
                key = fold(name)
                if key in self.by_name:
                    raise ValueError(f"glossary: {name!r} names both {self.by_name[key].term!r} and "
                                     f"{term.term!r}")
                self.by_name[key] = term
        # longest first, so that at one position the longer term wins (随机梯度下降 before 梯度下降)
        names = sorted(self.by_name, key=len, reverse=True)
        self.pattern = re.compile("|".join(name_pattern(n) for n in names)) if names else None

    def find(self, text: str):
        """(start, end, term) of every name in ``text``, left to right, without overlaps."""
        if self.pattern is None:
            return
        for m in self.pattern.finditer(text):
            yield m.start(), m.end(), self.by_name[fold(m.group(0))]

    def defined_on(self, page: str) -> list[Term]:
        """The terms a page defines, for the search index: not the common words (``link: false``)."""
        return [t for t in self.terms if t.page == page and t.link]


def fold(name: str) -> str:
    """The key a name is looked up by: Latin letters in any case, one space or none between words."""
    return re.sub(r"\s+", "", name).lower()


def name_pattern(key: str) -> str:
    """A regular expression for a folded name: case-insensitive Latin letters, optional spaces between
    characters (0-1 损失, 0-1损失), and word boundaries where the name starts or ends with a Latin one."""
    body = r"\s?".join(re.escape(c) for c in key)
    if re.match(r"[a-z0-9]", key):
        body = r"(?<![A-Za-z0-9_])" + body
    if re.search(r"[a-z0-9]$", key):
        body += r"(?![A-Za-z0-9_])"
    return f"(?i:{body})" if re.search(r"[a-z]", key) else f"(?:{body})"


_cache: dict[Path, tuple[float, Glossary]] = {}


def load(path: Path = DATA, docs_dir: Path = DOCS) -> Glossary:
    """Read and check ``glossary.yml`` (cached until the file changes)."""
    path = Path(path)
    mtime = path.stat().st_mtime
    if path in _cache and _cache[path][0] == mtime:
        return _cache[path][1]
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: 10x faster
    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or []
    terms, problems = [], []
    for i, entry in enumerate(entries):
        name = entry.get("term", "?") if isinstance(entry, dict) else repr(entry)
        where = f"{path.name} entry {i + 1} ({name})"
        if not isinstance(entry, dict) or not {"term", "at"} <= set(entry) or set(entry) - FIELDS:
            problems.append(f"{where}: needs `term` and `at`, may have {sorted(FIELDS - {'term', 'at'})}")
            continue
        page, _, anchor = str(entry["at"]).partition("#")
        if not (Path(docs_dir) / page).is_file():
            problems.append(f"{where}: {page} does not exist under {docs_dir}")
        also = entry.get("also") or []
        link = entry.get("link", True)
        chapters = tuple(str(c) for c in link) if isinstance(link, list) else ()
        folders = all((Path(docs_dir) / c).is_dir() for c in chapters)
        if not (isinstance(link, bool) or chapters) or not folders:
            problems.append(f"{where}: `link` is true, false or a list of chapter folders, not {link!r}")
        terms.append(Term(term=str(entry["term"]), en=str(entry.get("en") or ""),
                          also=tuple(str(a) for a in (also if isinstance(also, list) else [also])),
                          page=page, anchor=anchor, link=link is not False, link_in=chapters))
    if problems:
        raise ValueError("glossary:\n  " + "\n  ".join(problems))
    glossary = Glossary(terms)
    _cache[path] = (mtime, glossary)
    return glossary


# ---------------------------------------------------------------- titles of pages and sections
_headings: dict[Path, tuple[float, list[tuple[int, str, str]]]] = {}


def headings(source: Path) -> list[tuple[int, str, str]]:
    """(level, id, text) of the headings of a page source, with the ids Python-Markdown's toc gives them.

    Only the heading lines are converted (code fences left out), with the toc settings of mkdocs.yml.
    A notebook in jupytext's percent format (``.py``) has its headings in ``# ## ...`` comment lines."""
    mtime = source.stat().st_mtime
    if source in _headings and _headings[source][0] == mtime:
        return _headings[source][1]
    lines, fence = [], None
    for line in source.read_text(encoding="utf-8").splitlines():
        if source.suffix == ".py":
            if not line.startswith("# #"):
                continue
            line = line[2:]
        if m := re.match(r"\s*(`{3,}|~{3,})", line):
            fence = None if fence and m.group(1).startswith(fence) else fence or m.group(1)
            continue
        if fence is None and re.match(r"#{1,6}\s", line):
            lines.append(line)
    md = markdown.Markdown(extensions=["toc", "attr_list"],
                           extension_configs={"toc": {"slugify": slugify_unicode}})
    md.convert("\n\n".join(lines))
    found: list[tuple[int, str, str]] = []

    def walk(tokens):
        for token in tokens:
            found.append((token["level"], token["id"], html.unescape(token["name"])))
            walk(token["children"])

    walk(md.toc_tokens)
    _headings[source] = (mtime, found)
    return found


def page_title(docs_dir: Path, page: str) -> str:
    heads = headings(Path(docs_dir) / page)
    return next((text for level, _, text in heads if level == 1), page)


def section_title(docs_dir: Path, term: Term) -> str:
    """“Page › section”, or the page's title for its introduction."""
    title = page_title(docs_dir, term.page)
    if not term.anchor:
        return title
    heads = headings(Path(docs_dir) / term.page)
    return f"{title} › {next((text for _, id_, text in heads if id_ == term.anchor), term.anchor)}"


def chapter_title(docs_dir: Path, chapter: str) -> str:
    index = Path(docs_dir) / chapter / "index.md"
    return page_title(docs_dir, f"{chapter}/index.md") if index.is_file() else chapter


def current_page(md: markdown.Markdown) -> str | None:
    """The source path (under docs/) of the page being converted, if the builder says: MkDocs registers
    a ``relpath`` treeprocessor that holds the page's file. None when converting outside MkDocs."""
    relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None
    return getattr(getattr(relpath, "file", None), "src_uri", None)


def href(page: str | None, term: Term) -> str:
    """A link from ``page`` to the section that defines ``term`` (relative, to the .md source)."""
    base = posixpath.dirname(page) if page else ""
    target = posixpath.relpath(term.page, base or ".")
    return target + (f"#{term.anchor}" if term.anchor else "")


# ---------------------------------------------------------------- the glossary page
def glossary_markdown(glossary: Glossary, docs_dir: Path, page: str | None) -> list[str]:
    """The glossary as Markdown: a heading per chapter and per page, a list item per term."""
    lines: list[str] = []
    for chapter in dict.fromkeys(t.chapter for t in glossary.terms):
        title = chapter_title(docs_dir, chapter) if chapter else "其他"
        lines += [f"## {escape(title)} {{#{chapter or 'other'}}}", ""]
        terms = [t for t in glossary.terms if t.chapter == chapter]
        for source in dict.fromkeys(t.page for t in terms):
            lines += [f"### {escape(page_title(docs_dir, source))}", ""]
            for term in (t for t in terms if t.page == source):
                section = section_title(docs_dir, term).rpartition(" › ")[2]
                en = f"（{escape(term.en)}）" if term.en else ""
                names = "、".join(escape(a) for a in term.also)
                end = "" if names.endswith(".") else "。"  # "i.i.d." brings its own full stop
                also = f"也称：{names}{end}" if term.also else ""
                link = f"[{escape(section)}]({href(page, term)})"
                lines.append(f"- **{escape(term.term)}**{en}：{link}。{also}")
            lines.append("")
    return lines


def escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)


class GlossaryPage(Preprocessor):
    """Replaces the line ``[[术语表]]`` by the glossary."""

    def __init__(self, md, extension: GlossaryExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if MARKER not in (line.strip() for line in lines):
            return lines
        self.extension.on_glossary_page = True
        glossary, docs_dir = self.extension.glossary(), self.extension.docs_dir()
        out: list[str] = []
        for line in lines:
            out += glossary_markdown(glossary, docs_dir, current_page(self.md)) if line.strip() == MARKER \
                else [line]
        return out


# ---------------------------------------------------------------- links and search names on pages
class GlossaryTerms(Treeprocessor):
    def __init__(self, md, extension: GlossaryExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        glossary, page = self.extension.glossary(), current_page(self.md)
        if self.extension.on_glossary_page:
            # the list repeats every name: searched, it would come second for every term (the defining
            # sections carry the names); search finds this page by its title and introduction
            for el in root:
                if el.tag in ("h2", "h3"):
                    el.set("data-search-exclude", "glossary")
        else:
            self.linked = {t for t in glossary.terms if not t.linked_on(page)}
            self.page, self.glossary, self.blocks = page, glossary, set()
            self.walk(root)
        if page is not None:
            self.add_search_names(root, glossary.defined_on(page), page)

    # -- first use
    def walk(self, el: etree.Element, block: etree.Element | None = None) -> None:
        if el.tag == "a":  # a term the author links already has its link on this page
            self.linked.update(term for text in el.itertext() for _, _, term in self.glossary.find(text))
        if self.skipped(el):
            return
        block = el if el.tag in BLOCKS else block
        el.text, new = self.link(el.text, block)
        for i, node in enumerate(new):
            el.insert(i, node)
        for child in list(el):
            self.walk(child, block)
            child.tail, new = self.link(child.tail, block)
            at = list(el).index(child) + 1
            for i, node in enumerate(new):
                el.insert(at + i, node)

    @staticmethod
    def skipped(el: etree.Element) -> bool:
        return (not isinstance(el.tag, str) or el.tag in SKIP_TAGS
                or bool(SKIP_CLASSES & set((el.get("class") or "").split())))

    def link(self, text: str | None, block: etree.Element | None) -> tuple[str | None, list[etree.Element]]:
        """Split ``text`` at the first uses of terms: the text before, and the new elements (with tails).

        At most one link per paragraph (list item, table cell) and ``max_links`` per page: a term whose
        first use falls in a paragraph that has its link already is linked at its next use."""
        if not text or isinstance(text, AtomicString) or block is None or block in self.blocks:
            return text, []
        if len(self.blocks) >= self.extension.getConfig("max_links"):
            return text, []
        head, new, last = None, [], 0
        stashed = [m.span() for m in PLACEHOLDER.finditer(text)] if STX in text else []
        for start, end, term in self.glossary.find(text):
            if term in self.linked or any(a < end and start < b for a, b in stashed):
                continue  # already linked, defined on this page or never linked; inside a placeholder
            self.linked.add(term)
            self.blocks.add(block)
            new.append(self.element(term, text[start:end]))
            head, last = text[:start], end
            break
        if not new:
            return text, []
        new[-1].tail = text[last:]
        return head, new

    def element(self, term: Term, shown: str) -> etree.Element:
        where = section_title(self.extension.docs_dir(), term)
        title = f"{term.en} · {where}" if term.en else where
        if self.page is None:  # the builder did not say which page this is: a tooltip, no link
            el = etree.Element("span", {"class": "glossary-term", "title": title})
        else:
            el = etree.Element("a", {"href": href(self.page, term), "class": "glossary-link", "title": title})
        el.text = shown
        return el

    # -- names for the search index, in the section that defines each term
    def add_search_names(self, root: etree.Element, terms: list[Term], page: str) -> None:
        if not terms:
            return
        heads = [(i, el) for i, el in enumerate(root)
                 if isinstance(el.tag, str) and re.fullmatch(r"h[1-6]", el.tag)]
        by_id = {el.get("id"): i for i, el in heads}
        intro = next((i for i, el in heads if el.tag == "h1"), -1)
        at: dict[int, list[str]] = {}
        for term in terms:
            index = by_id.get(term.anchor) if term.anchor else intro
            if index is None:
                log.warning(f"glossary.yml: {term.term} is defined at {page}#{term.anchor}, "
                            f"but {page} has no heading with that id")
                continue
            at.setdefault(index, []).extend(n for n in (*term.names, term.en) if n)
        for index in sorted(at, reverse=True):
            template = etree.Element("template", {"class": "glossary-search"})
            template.text = OPEN + SEPARATOR.join(dict.fromkeys(at[index])) + CLOSE
            root.insert(index + 1, template)


class GlossaryExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "data": [str(DATA), "the glossary data file (YAML)"],
            "docs_dir": [str(DOCS), "the folder the pages' sources are in"],
            "max_links": [12, "at most this many first-use links on a page"],
        }
        super().__init__(**kwargs)
        self.on_glossary_page = False

    def glossary(self) -> Glossary:
        return load(Path(self.getConfig("data")), self.docs_dir())

    def docs_dir(self) -> Path:
        return Path(self.getConfig("docs_dir"))

    def reset(self) -> None:
        self.on_glossary_page = False

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        self.glossary()  # a broken data file fails the build at once
        # after pymdownx.snippets (32) and whitespace normalisation (30), before raw HTML (20)
        md.preprocessors.register(GlossaryPage(md, self), "glossary_page", 25)
        # after inline patterns (20), attr_list (8) and toc's heading ids (5); before MkDocs' relpath (0)
        md.treeprocessors.register(GlossaryTerms(md, self), "glossary_terms", 4)


def makeExtension(**kwargs) -> GlossaryExtension:  # noqa: N802 (Python-Markdown's name)
    return GlossaryExtension(**kwargs)


# ---------------------------------------------------------------- jieba
def jieba_user_dict(data: str | Path = DATA, out: str | Path = JIEBA_DICT) -> str:
    """Write the all-Chinese names of the glossary as a jieba user dictionary; return its path.

    mkdocs.yml: ``jieba_dict_user: !!python/object/apply:extensions.glossary.jieba_user_dict []``.
    Shorter words come first: jieba gives a word without a frequency just enough weight to beat the
    words it would otherwise be cut into, counting the ones already loaded."""
    glossary = load(Path(data), DOCS)
    words = sorted({n for t in glossary.terms for n in t.names if HAN.fullmatch(n)},
                   key=lambda w: (len(w), w))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f"{out.name}.{id(words)}.tmp")
    tmp.write_text("".join(f"{w}\n" for w in words), encoding="utf-8")
    tmp.replace(out)  # atomic: parallel builds never read half a file
    return str(out)
