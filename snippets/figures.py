"""Figures drawn by code: a registry, light/dark styles and an SVG renderer.

A page's figures live in ``snippets/<chapter>/<page>/figures.py``::

    @figure("filters")
    def filters():
        fig, ax = plt.subplots()
        ...
        return fig

The build (``hooks/figures.py``) renders every registered figure twice, with
the light and the dark style, to ``<chapter>/<page>.assets/<name>-light.svg``
and ``-dark.svg``; the page shows them with Material's ``#only-light`` and
``#only-dark`` markers, so a figure follows the colour toggle and cannot drift
from the code that the tests check. Text inside figures is Latin or math only,
so no CJK font is needed to build; captions in Chinese belong to the page.

Figures are drawn for phones, where most readers are: on a 390 px screen the content column is
``PHONE_COLUMN_PX`` wide, and a figure wider than that is scaled down with its text. ``legibility``
reads the size of every label from the SVG (matplotlib writes each label as glyph paths under a
``scale(s -s)`` transform, s = font size in pt / 100) and says which labels would render below
``MIN_TEXT_PX`` there. In practice: at most about 4.9 in wide (bbox tight) with no text under 10 pt,
which the style's defaults give; put at most two panels side by side and stack the rest.
"""

from __future__ import annotations

import importlib
import io
import pkgutil
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

PACKAGE_ROOT = Path(__file__).resolve().parent

# (module, name) -> drawing function returning a matplotlib Figure
REGISTRY: dict[tuple[str, str], Callable[[], matplotlib.figure.Figure]] = {}


@dataclass(frozen=True)
class Style:
    name: str
    foreground: str
    grid: str
    cycle: tuple[str, ...]

    def rc(self) -> dict:
        return {
            "axes.edgecolor": self.foreground,
            "axes.labelcolor": self.foreground,
            "axes.titlecolor": self.foreground,
            "xtick.color": self.foreground,
            "ytick.color": self.foreground,
            "text.color": self.foreground,
            "legend.labelcolor": self.foreground,
            "legend.frameon": False,
            "grid.color": self.grid,
            "axes.grid": True,
            "axes.prop_cycle": matplotlib.cycler(color=list(self.cycle)),
            "axes.spines.top": False,
            "axes.spines.right": False,
            "figure.figsize": (4.6, 3.0),   # drawn for a phone's column (see legibility)
            "font.size": 10,
            "axes.titlesize": 11,
            "axes.labelsize": 10,
            "xtick.labelsize": 10,
            "ytick.labelsize": 10,
            "legend.fontsize": 10,
            "lines.linewidth": 1.8,
            "svg.hashsalt": "nndl-notes",  # stable ids: identical SVG on every build
            "svg.fonttype": "path",        # no font needed in the reader's browser
        }


STYLES = {
    "light": Style("light", "#212121", "#e0e0e0",
                   ("#3949ab", "#e65100", "#2e7d32", "#c2185b", "#00838f", "#6d4c41")),
    "dark": Style("dark", "#e3e3e3", "#3a3f4b",
                  ("#8c9eff", "#ffb74d", "#81c784", "#f48fb1", "#4dd0e1", "#bcaaa4")),
}


def figure(name: str):
    """Register the decorated function as figure ``name`` of its page."""
    if not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        raise ValueError(f"figure name must be ASCII letters, digits, '-' or '_', got {name!r}")

    def register(draw):
        key = (draw.__module__, name)
        if key in REGISTRY and REGISTRY[key] is not draw:
            raise ValueError(f"figure {name!r} registered twice in {draw.__module__}")
        REGISTRY[key] = draw
        return draw

    return register


def page_of(module: str) -> str:
    """'snippets.cnn.conv1d.figures' -> 'cnn/conv1d' (the page's path without .md)."""
    parts = module.split(".")
    if len(parts) < 4 or parts[0] != "snippets" or parts[-1] != "figures":
        raise ValueError(f"figures must live in snippets/<chapter>/<page>/figures.py, not {module}")
    return "/".join(parts[1:-1])


def asset_path(module: str, name: str, style: str) -> str:
    """Site-relative path of a rendered figure, e.g. 'cnn/conv1d.assets/filters-dark.svg'."""
    return f"{page_of(module)}.assets/{name}-{style}.svg"


def render(draw: Callable, style: Style) -> bytes:
    """Draw one figure with ``style`` and return deterministic SVG bytes."""
    with plt.rc_context(style.rc()):
        fig = draw()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg", transparent=True, bbox_inches="tight",
                    metadata={"Date": None, "Creator": None})
        plt.close(fig)
    return buffer.getvalue()


PHONE_COLUMN_PX = 358   # width of the content column on a 390 px phone (Material's margins), measured
MIN_TEXT_PX = 10.0      # no label smaller than this on that phone
_SCALE = re.compile(r"scale\(([-\d.e]+)(?:[ ,]+([-\d.e]+))?\)")
_SVG = "{http://www.w3.org/2000/svg}"


def label_sizes(svg: bytes) -> tuple[float, list[tuple[str, float]]]:
    """The SVG's width in pt and (label, font size in pt) for every text label it draws.

    The size is the label's own font size; sub- and superscripts inside it are 0.7 of that, as in print.
    """
    root = ET.fromstring(svg, ET.XMLParser(target=ET.TreeBuilder(insert_comments=True)))
    width = float(root.get("width", "0").removesuffix("pt"))
    labels = []
    for group in root.iter(f"{_SVG}g"):
        if not (group.get("id") or "").startswith("text_"):
            continue
        for child in group.iter(f"{_SVG}g"):
            found = _SCALE.search(child.get("transform") or "")
            if found and found.group(2) and float(found.group(2)) == -float(found.group(1)):
                comment = next((n.text for n in group.iter() if n.tag is ET.Comment), None)
                labels.append(((comment or "").strip(), round(float(found.group(1)) * 100, 3)))
                break
    return width, labels


def rendered_px(width_pt: float, column_px: float = PHONE_COLUMN_PX) -> float:
    """CSS width of an SVG of ``width_pt`` points in a column: its natural size (1 pt = 4/3 px) or less."""
    return min(column_px, width_pt * 4 / 3)


def legibility(svg: bytes, column_px: float = PHONE_COLUMN_PX) -> tuple[float, list[str]]:
    """The smallest label's size in CSS px in a column ``column_px`` wide, and every label under
    ``MIN_TEXT_PX`` there, described for the person who drew it."""
    width, labels = label_sizes(svg)
    if not labels:
        return float("inf"), []
    px_per_pt = rendered_px(width, column_px) / width
    smallest = min(size for _, size in labels) * px_per_pt
    small = [f"{text!r} is {size:g} pt = {size * px_per_pt:.1f} px" for text, size in labels
             if size * px_per_pt < MIN_TEXT_PX - 1e-9]
    if small:
        need = max(size for _, size in labels if size * px_per_pt < MIN_TEXT_PX - 1e-9)
        small.append(f"the figure is {width / 72:.2f} in wide: at {need:g} pt text it may be at most "
                     f"{need * column_px / MIN_TEXT_PX / 72:.2f} in, or enlarge the text")
    return smallest, small


def discover() -> list[str]:
    """Import every ``figures`` module under the package; return their names."""
    found = []
    for info in pkgutil.walk_packages([str(PACKAGE_ROOT)], prefix="snippets."):
        # page modules only: snippets.<chapter>.<page>.figures
        if info.name.endswith(".figures") and info.name.count(".") == 3:
            importlib.import_module(info.name)
            found.append(info.name)
    return sorted(found)


def render_all(out_dir: Path, styles: list[str] | None = None, pages: list[str] | None = None) -> list[str]:
    """Render the figures of ``pages`` (``<chapter>/<page>``; default: every page) in the given styles
    (default: all) below ``out_dir``."""
    if pages is None:
        discover()
    else:
        for page in pages:
            importlib.import_module("snippets." + page.replace("/", ".") + ".figures")
    chosen = [STYLES[name] for name in (styles or STYLES)]
    wanted = None if pages is None else {"snippets." + p.replace("/", ".") + ".figures" for p in pages}
    written = []
    for (module, name), draw in sorted(REGISTRY.items()):
        if wanted is not None and module not in wanted:
            continue
        for style in chosen:
            rel = asset_path(module, name, style.name)
            target = out_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(render(draw, style))
            written.append(rel)
    return written


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Draw the figures of every page as SVG files.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--style", action="append", choices=sorted(STYLES),
                        help="only this style (repeatable); default: every style")
    parser.add_argument("--page", action="append", metavar="CHAPTER/PAGE",
                        help="only this page's figures (repeatable); default: every page")
    args = parser.parse_args()
    # run through the imported module: page modules register into *its* REGISTRY
    from snippets.figures import render_all as render_registered

    for path in render_registered(args.out_dir, args.style, args.page):
        print(path)
