"""KaTeX, served by the site and run at build time: formulas arrive in the HTML already typeset.

- ``on_files``: copies KaTeX's stylesheet, its woff2 fonts and ``katex.min.js`` from node_modules into
  the site (``npm ci`` fetches the pinned version; nothing is committed, nothing comes from a CDN). Only
  the convolution explorer loads ``katex.min.js``, on demand, for the formula it redraws; no other page
  runs KaTeX in the browser. Only woff2 fonts are copied: every browser that runs the site picks woff2.
- ``on_post_page``: every ``.arithmatex`` box (pymdownx.arithmatex in generic mode, and the notebook
  hook's ``$...$``) is rendered by KaTeX in one long-lived Node process (``katex_render.cjs``), with
  MathML for screen readers. A formula KaTeX cannot parse, or writes only leniently (``strict``), fails
  the build with the page and the formula named, instead of showing red TeX to readers.
  It runs after the search plugin has indexed the page, so search still sees the TeX source.

Rendering in the build removes ~280 KB of script and the layout shift of typesetting in the browser.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from extensions.memo import Memo, digest, source_version

SITE_FILES = ("katex.min.js", "katex.min.css")
RENDERER = Path(__file__).with_name("katex_render.cjs")
# pymdownx.arithmatex (generic) writes <span class="arithmatex">\(...\)</span> and <div ...>\[...\]</div>;
# other attributes are allowed (data-search-exclude stays on when the search plugin is disabled)
BOX = re.compile(r'<(span|div) class="arithmatex"(?:\s[^>]*)?>(.*?)</\1>', re.S)
DELIMITERS = {r"\(": (r"\)", False), r"\[": (r"\]", True)}


def katex_dist(config_dir: Path) -> Path:
    dist = config_dir / "node_modules" / "katex" / "dist"
    if not (dist / "katex.min.js").is_file():
        raise PluginError(f"KaTeX not found in {dist}: run `npm ci` (make setup does it).")
    return dist


def on_files(files: Files, config) -> Files:
    dist = katex_dist(Path(config.config_file_path).parent)
    wanted = list(SITE_FILES) + [f"fonts/{font.name}" for font in sorted((dist / "fonts").glob("*.woff2"))]
    for rel in wanted:
        files.append(File.generated(config, f"assets/katex/{rel}", abs_src_path=str(dist / rel)))
    return files


CJK_CLOSING = re.compile(r"[，。、；：！？）」』》]+")
NOBR_TEX = 16  # TeX characters: a longer inline formula may have to break on a phone, so it is not bound


QQUAD_TOKENS = re.compile(r"\\(?:begin|end|left|right|qquad)(?![A-Za-z])|\\.|[{}]")


def split_qquad(tex: str) -> list[str]:
    """Split a display formula at its top-level ``\\qquad`` (outside braces, environments and
    ``\\left``/``\\right`` pairs): the parts of ``a = 1,\\qquad b = 2``. One part if there is none."""
    parts, depth, start = [], 0, 0
    for token in QQUAD_TOKENS.finditer(tex):
        word = token.group(0)
        if word in ("{", "\\begin", "\\left"):
            depth += 1
        elif word in ("}", "\\end", "\\right"):
            depth -= 1
        elif word == "\\qquad" and depth == 0:
            parts.append(tex[start:token.start()])
            start = token.end()
    parts = [p.strip() for p in parts + [tex[start:]]]
    return parts if len(parts) > 1 and all(parts) else [tex]


# ---------------------------------------------------------------- rendering
class KatexError(ValueError):
    """KaTeX refused a formula; the message names it."""


def split_box(content: str) -> tuple[str, bool]:
    """``\\(x\\)`` -> ("x", False); ``\\[x\\]`` -> ("x", True). Anything else is a bug upstream."""
    opening = content[:2]
    if opening not in DELIMITERS or not content.endswith(DELIMITERS[opening][0]):
        raise KatexError(f"arithmatex box without \\( \\) or \\[ \\] delimiters: {content[:80]!r}")
    return html.unescape(content[2:-2]).strip(), DELIMITERS[opening][1]


class Renderer:
    """One Node process running katex_render.cjs; results are kept for the life of the build (or serve)."""

    def __init__(self, node_modules: Path):
        self.node_modules = node_modules
        self.process: subprocess.Popen | None = None
        # typeset formulas, also kept on disk (extensions/memo.py) for the next build: the version is the
        # renderer script and KaTeX's package.json, the key the formula and its mode
        version = source_version(RENDERER, node_modules / "katex" / "package.json")
        self.cache = Memo("katex", size=20000, version=version)

    @staticmethod
    def key(formula: tuple[str, bool]) -> str:
        return digest(formula[0], "display" if formula[1] else "inline")

    def start(self) -> subprocess.Popen:
        if self.process is None or self.process.poll() is not None:
            node = shutil.which("node")
            if node is None:
                raise PluginError("Node.js is required to typeset formulas at build time (KaTeX).")
            self.process = subprocess.Popen(
                [node, str(RENDERER), str(self.node_modules)], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, text=True, encoding="utf-8")
        return self.process

    def render_all(self, formulas: list[tuple[str, bool]]) -> dict[tuple[str, bool], str]:
        found = {f: self.cache.lookup(self.key(f)) for f in dict.fromkeys(formulas)}
        todo = [f for f, html_ in found.items() if html_ is None]
        if todo:
            process = self.start()
            process.stdin.write(json.dumps([{"tex": t, "display": d} for t, d in todo]) + "\n")
            process.stdin.flush()
            answer = process.stdout.readline()
            if not answer:
                raise PluginError(f"the KaTeX renderer ({RENDERER.name}) stopped unexpectedly")
            for key, result in zip(todo, json.loads(answer), strict=True):
                if "error" in result:
                    raise KatexError(f"KaTeX cannot typeset {key[0]!r}: {result['error']}")
                self.cache.put(self.key(key), result["html"])
                found[key] = result["html"]
        return {f: found[f] for f in formulas}

    def typeset(self, page_html: str) -> str:
        """Replace the content of every arithmatex box in ``page_html`` with KaTeX's HTML and MathML.

        A display formula made of parts joined by a top-level ``\\qquad`` is typeset part by part in a
        ``math-row`` that wraps on a narrow screen (stacked on a phone, side by side on a desktop). A short
        inline formula and the CJK punctuation right after it are kept on one line (``math-nobr``), so that
        no line starts with 。，）.
        """
        boxes = list(BOX.finditer(page_html))
        formulas = [split_box(m.group(2)) for m in boxes]
        parts = [[(t, True) for t in split_qquad(tex)] if display else [(tex, False)]
                 for tex, display in formulas]
        rendered = self.render_all([part for row in parts for part in row])
        out, last = [], 0
        for match, (tex, display), row in zip(boxes, formulas, parts, strict=True):
            tag = match.group(1)
            body = (rendered[row[0]] if len(row) == 1 else
                    '<span class="math-row">' + "".join(rendered[p] for p in row) + "</span>")
            box = f'<{tag} class="arithmatex">{body}</{tag}>'
            before, after = page_html[last:match.start()], ""
            punct = CJK_CLOSING.match(page_html, match.end())
            if not display and punct and len(tex) <= NOBR_TEX:
                box, after = f'<span class="math-nobr">{box}{punct.group(0)}</span>', ""
                out += [before, box]
                last = punct.end()
                continue
            out += [before, box, after]
            last = match.end()
        out.append(page_html[last:])
        return "".join(out)

    def close(self) -> None:
        if self.process is not None:
            self.process.stdin.close()
            self.process.wait(timeout=10)
            self.process = None


RENDERERS: dict[Path, Renderer] = {}


def renderer_for(config) -> Renderer:
    node_modules = Path(config.config_file_path).parent / "node_modules"
    if node_modules not in RENDERERS:
        RENDERERS[node_modules] = Renderer(node_modules)
    return RENDERERS[node_modules]


def on_post_page(output: str, page, config) -> str:
    try:
        return renderer_for(config).typeset(output)
    except KatexError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None


def on_post_build(config) -> None:
    renderer_for(config).close()  # `mkdocs serve` starts a fresh process on the next rebuild; the cache stays


def on_build_error(error) -> None:
    for renderer in RENDERERS.values():
        renderer.close()
