"""Highlight each distinct code block once: across the rebuilds of ``mkdocs serve``, and across builds.

A Python-Markdown extension (``markdown_extensions: - extensions.highlight_cache``). Pygments is the
largest single cost of a rebuild (about a quarter of it: the site has some 130 highlighted blocks, and
an edit changes one or two). ``pymdownx.highlight`` calls ``pygments.highlight(src, lexer, formatter)``
for every block; this extension puts a memo in front of that call, keyed by the source, the lexer's and
the formatter's classes and their options (everything the output depends on), kept across rebuilds and
on disk for the next build (extensions/memo.py). The HTML is the same string Pygments would return,
so nothing downstream changes.
"""

from __future__ import annotations

from pathlib import Path

import pygments
import pymdownx.highlight
from markdown import Extension

from extensions.memo import Memo, digest, source_version

# also on disk for the next build; a new Pygments or pymdown-extensions (its formatter) starts afresh
MEMO = Memo("pygments", size=2000,
            version=source_version(Path(__file__), libraries=("Pygments", "pymdown-extensions")))


def _kind(obj) -> str:
    return f"{type(obj).__module__}.{type(obj).__qualname__}"


def highlight(src: str, lexer, formatter, outfile=None):
    """``pygments.highlight``, answered from the memo when the same block was highlighted before."""
    if outfile is not None:  # writing to a stream: nothing to keep
        return pygments.highlight(src, lexer, formatter, outfile)
    key = digest(src, _kind(lexer), repr(sorted(lexer.options.items())),
                 _kind(formatter), repr(sorted(formatter.options.items())))
    return MEMO.get(key, lambda: pygments.highlight(src, lexer, formatter))


def install() -> None:
    current = getattr(pymdownx.highlight, "highlight", None)
    if current is highlight:
        return
    if current is not pygments.highlight:
        raise RuntimeError("pymdownx.highlight no longer calls pygments.highlight by that name: "
                           "extensions/highlight_cache.py needs updating (or remove it from mkdocs.yml)")
    pymdownx.highlight.highlight = highlight


class HighlightCacheExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        install()


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return HighlightCacheExtension(**kwargs)
