"""Teaching code first: fold the helper lines of each Python block, copy the whole block.

A Python-Markdown extension (``markdown_extensions: - extensions.codefold``), so that it runs under any
builder that runs Python-Markdown. Every code block on the site is complete, runnable code, so it often
repeats definitions and carries input validation; a student should see the algorithm first. After the
page is converted, each highlighted Python block is read back into source, parsed with ``ast``, and two
kinds of lines are folded behind a one-line placeholder:

- **参数检查**: ``if ...: raise ...`` statements, and ``try`` statements whose handlers only raise; runs of
  them that follow each other (blank lines and comments between) fold together;
- **本页前面已有**: a top-level function or class whose source already appeared in an earlier block of
  the same page (it is shown once, then folded; consecutive ones fold together).

Nothing is removed: the folded lines stay in the ``<code>`` element, so the copy button (Material copies
the element's text; ``[data-md-copying]`` shows the folds while it does), the code-block test and a
reader with CSS off all get the whole block. Each placeholder is a ``<label>`` holding a checkbox (no
text of its own: its words come from CSS); ticking it shows the folded lines (CSS ``:has``), keyboard
included. Blocks titled 伪代码 are marked as pseudo-code instead (``cf-pseudo``), and not folded.
"""

from __future__ import annotations

import ast
import html
import re
from dataclasses import dataclass
from pathlib import Path

from markdown import Extension
from markdown.postprocessors import Postprocessor

from extensions.memo import Memo, digest, source_version

BLOCK = re.compile(
    r'(<div class="language-python highlight">)(<span class="filename">(.*?)</span>)?'
    r'(<pre><span></span><code>)(.*?)(</code></pre>)', re.S)
TAG = re.compile(r"<[^>]+>")
PSEUDO_TITLE = "伪代码"
# a page's folding, kept across the rebuilds of `mkdocs serve` and on disk (this file's version)
MEMO = Memo("codefold", size=400, version=source_version(Path(__file__)))
MIN_LINES = 2  # a fold shorter than this would hide nothing: its placeholder takes a line too


@dataclass(frozen=True)
class Fold:
    first: int  # 0-based line indexes, inclusive
    last: int
    kind: str   # "check" or "repeat"
    names: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        n = self.last - self.first + 1
        if self.kind == "check":
            return f"参数检查（{n} 行）"
        return f"同上：{'、'.join(self.names)}（{n} 行）"


def is_check(node: ast.stmt) -> bool:
    """Input validation: an ``if`` that only raises, or a ``try`` whose every handler only raises."""
    if isinstance(node, ast.If):
        return not node.orelse and all(isinstance(s, ast.Raise) for s in node.body)
    if isinstance(node, ast.Try):
        return bool(node.handlers) and all(all(isinstance(s, ast.Raise) for s in h.body)
                                           for h in node.handlers) and not node.orelse
    return False


def statement_lists(tree: ast.AST):
    """Every list of statements in the tree (module body, function bodies, loop bodies...)."""
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                yield body
        for handler in getattr(node, "handlers", []) or []:
            yield handler.body


def first_line(node: ast.stmt) -> int:
    decorators = getattr(node, "decorator_list", [])
    return min([node.lineno] + [d.lineno for d in decorators]) - 1


def joinable(lines: list[str], gap: range) -> bool:
    """Only blank lines or comments lie between two folds: they may become one."""
    return all(not lines[i].strip() or lines[i].strip().startswith("#") for i in gap)


def merge(folds: list[Fold], lines: list[str]) -> list[Fold]:
    merged: list[Fold] = []
    for fold in sorted(folds, key=lambda f: f.first):
        prev = merged[-1] if merged else None
        if prev and fold.first <= prev.last:
            continue  # inside a larger fold
        if prev and prev.kind == fold.kind and joinable(lines, range(prev.last + 1, fold.first)):
            merged[-1] = Fold(prev.first, fold.last, fold.kind, prev.names + fold.names)
        else:
            merged.append(fold)
    return [f for f in merged if f.last - f.first + 1 >= MIN_LINES]


def find_folds(source: str, seen: set[str]) -> list[Fold]:
    """Folds of one block's source; ``seen`` holds the definitions of earlier blocks (and is updated)."""
    tree = ast.parse(source)
    lines = source.splitlines()
    folds = []
    defs = [n for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)]
    for node in defs:
        text = "\n".join(lines[first_line(node):node.end_lineno])
        if text in seen:
            last = node.end_lineno - 1
            while last + 2 < len(lines) and not lines[last + 1].strip() and not lines[last + 2].strip():
                last += 1  # the blank lines after it fold too, but one
            folds.append(Fold(first_line(node), last, "repeat", (node.name,)))
    seen.update("\n".join(lines[first_line(n):n.end_lineno]) for n in defs)
    for body in statement_lists(tree):
        folds += [Fold(first_line(s), s.end_lineno - 1, "check") for s in body if is_check(s)]
    repeats = merge([f for f in folds if f.kind == "repeat"], lines)
    checks = [f for f in merge([f for f in folds if f.kind == "check"], lines)
              if not any(r.first <= f.first and f.last <= r.last for r in repeats)]
    return sorted(repeats + checks, key=lambda f: f.first)


def indent_of(line_html: str) -> str:
    text = html.unescape(TAG.sub("", line_html))
    return text[: len(text) - len(text.lstrip(" "))]


def fold_page(page_html: str) -> str:
    seen: set[str] = set()

    def replace(match: re.Match) -> str:
        opening, title_html, title, pre, code, closing = match.groups()
        title_text = html.unescape(TAG.sub("", title or "")).strip()
        if title_text.startswith(PSEUDO_TITLE):
            opening = '<div class="language-python highlight cf-pseudo">'
            return opening + (title_html or "") + pre + code + closing
        source = html.unescape(TAG.sub("", code))
        try:
            folds = find_folds(source, seen)
        except SyntaxError:
            return match.group(0)
        if not folds:
            return match.group(0)
        return opening + (title_html or "") + pre + fold_lines(code, folds) + closing

    return BLOCK.sub(replace, page_html)


def fold_lines(code_html: str, folds: list[Fold]) -> str:
    """Wrap the lines of each fold. Pygments closes its spans at every line end, so a line of the
    highlighted code is whole HTML; a fold's last newline goes inside it, so that it folds away too."""
    lines = code_html.split("\n")
    starts = {f.first: f for f in folds}
    ends = {f.last for f in folds}
    pieces = []
    for i, line in enumerate(lines):
        if i in starts:
            label = html.escape(starts[i].label)
            pieces.append(f'<label class="cf-toggle" data-label="{label}" data-indent="{indent_of(line)}" '
                          'title="点击展开或收起；复制按钮复制的是整块代码">'
                          f'<input type="checkbox" class="cf-check" aria-label="展开：{label}"></label>'
                          '<span class="cf-fold">')
        pieces.append(line)
        if i in ends:
            pieces.append("\n</span>" if i < len(lines) - 1 else "</span>")
        elif i < len(lines) - 1:
            pieces.append("\n")
    return "".join(pieces)


class CodeFoldPostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        return MEMO.get(digest(text), lambda: fold_page(text))


class CodeFoldExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        # after raw HTML (the highlighted blocks superfences stashed) is put back
        md.postprocessors.register(CodeFoldPostprocessor(md), "codefold", 5)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return CodeFoldExtension(**kwargs)
