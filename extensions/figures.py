"""Figures open full size: each figure image (``<page>.assets/<name>-light.svg#only-light`` and its dark
twin) is wrapped in a link to its own SVG file.

A Python-Markdown extension (``markdown_extensions: - extensions.figures``). Without JavaScript the link
opens the SVG alone, where the reader can pinch to zoom; ``docs/assets/js/figure-zoom.js`` turns a tap
into an in-page view at a larger size, closed with the button, Esc or a tap outside. The link of the
image that the colour scheme hides is hidden with it (CSS), so each figure is one tab stop.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

FIGURE = re.compile(r"\.assets/[^/#]+-(light|dark)\.svg#only-(light|dark)$")


class FigureLinks(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        found = [(parent, child) for parent in root.iter() for child in parent
                 if child.tag == "img" and FIGURE.search(child.get("src", "")) and parent.tag != "a"]
        for parent, child in found:  # collected first: the tree changes below
            i = list(parent).index(child)
            src = child.get("src")
            link = ET.Element("a", {"class": "fig-zoom", "href": src.split("#")[0], "title": "查看大图",
                                    "data-scheme": FIGURE.search(src).group(2)})
            link.tail, child.tail = child.tail, None
            parent.remove(child)
            link.append(child)
            parent.insert(i, link)


class FigureLinksExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        # after attr_list (priority 8) has read `{ loading=lazy }` and before links are made relative
        md.treeprocessors.register(FigureLinks(md), "figure_links", 5)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return FigureLinksExtension(**kwargs)
