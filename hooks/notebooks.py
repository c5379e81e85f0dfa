"""Notebook (lab) pages: a real .ipynb to download, a Colab link, a light page, a cache that cannot go stale.

A lab is written as a jupytext percent-format ``docs/<chapter>/lab_<name>.py``: it reads well in a pull
request and runs under pytest. mkdocs-jupyter executes it at build time (see ``plugins:`` in mkdocs.yml);
this hook does the rest.

- ``on_files``: converts every notebook page to ``.ipynb`` with jupytext and publishes it beside the page
  (``feedforward/lab_mlp.py`` -> ``feedforward/lab_mlp.ipynb``). It is generated at every build, so the
  download always matches the page.
- Colab opens notebooks from GitHub, not from the site, so the same ``.ipynb`` is also committed next to
  its ``.py`` and the Colab link points there (``blob/main/docs/...``). A test fails when the committed
  copy differs from what jupytext makes of the ``.py``: after editing a lab, run
  ``python hooks/notebooks.py`` to regenerate it. Never edit the ``.ipynb`` by hand.
- ``on_page_content``: mkdocs-jupyter puts ~600 KB of JupyterLab CSS and MathJax/Mermaid loaders into
  every notebook page. They are dropped with JupyterLab's wrappers; ``docs/assets/css/notebook.css``
  styles the cells instead. Code cells become Material code blocks (copy button, light/dark colours),
  images become files beside the page, headings get ids and a table of contents, and ``[text](page.md)``
  links are resolved like Markdown links (a missing target fails the build).
- ``on_config``: (1) each cell's stream outputs are merged and tqdm's carriage returns settled, as Jupyter
  shows them, and the kernel uses IPC sockets, so the offline build (no loopback) can execute;
  (2) mkdocs-jupyter's cache is keyed on the notebook text and options only, so its folder
  becomes ``.cache/notebooks/<key>``, where the key hashes requirements.txt, the Python version, this
  hook, the installed version of every package the notebooks import, every local module they import and
  the ``LAB_*`` environment variables. A new torch, a changed pin or changed local code gives a new
  folder, never stale output. CI builds from a clean checkout with no cache, so it always executes.
"""

from __future__ import annotations

import ast
import base64
import copy
import functools
import hashlib
import importlib.metadata
import os
import posixpath
import re
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import jupytext
from bs4 import BeautifulSoup, Tag
from markdown.extensions.toc import slugify_unicode, unique
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

try:  # tests and scripts import the hooks as a package
    from hooks import numeric_env
except ImportError:  # MkDocs loads a hook by path, with only its folder on sys.path
    import numeric_env

from extensions.memo import Memo, digest  # noqa: E402 - after the numeric_env fallback above

PLUGIN = "mkdocs-jupyter"
STYLESHEET = "assets/css/notebook.css"
ENV_PREFIX = "LAB_"
COLAB = "https://colab.research.google.com/github/{repo}/blob/{branch}/{path}"
BRANCH = "main"


# ---------------------------------------------------------------- .py -> .ipynb
ROOT = Path(__file__).resolve().parents[1]
MD_LINK = re.compile(r"\]\(([^()\s]+?\.md)(#[^()\s]*)?\)")


def published_site_url(root: Path = ROOT) -> str:
    """``site_url`` of mkdocs.yml (read as text: the file uses MkDocs' own YAML tags)."""
    found = re.search(r"^site_url:\s*(\S+)\s*$", (root / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    if not found:
        raise PluginError("mkdocs.yml has no site_url: the downloaded notebook's links need it")
    return found.group(1).rstrip("/") + "/"


def site_links(markdown: str, source: Path, docs: Path, site_url: str) -> str:
    """Point ``[text](page.md)`` links at the published site: a downloaded notebook has no docs folder."""
    def absolute(match: re.Match) -> str:
        if urlsplit(match.group(1)).scheme:
            return match.group(0)
        page = (source.parent / match.group(1)).resolve().relative_to(docs.resolve()).as_posix()[:-3]
        page = page.removesuffix("index") if page == "index" or page.endswith("/index") else page + "/"
        return f"]({site_url}{page}{match.group(2) or ''})"

    return MD_LINK.sub(absolute, markdown)


def to_ipynb(source: Path, docs: Path = ROOT / "docs") -> str:
    """The notebook jupytext makes of ``source``: stable cell ids, so the text is reproducible, and links
    to other pages that work from Jupyter or Colab."""
    nb = jupytext.read(source)
    site_url = published_site_url()
    for i, cell in enumerate(nb.cells, start=1):
        cell["id"] = f"cell-{i:02d}"
        if cell.cell_type == "markdown":
            cell.source = site_links(cell.source, source, docs, site_url)
    return jupytext.writes(nb, fmt="ipynb")


def paired_ipynb(source: Path) -> Path:
    return source.with_suffix(".ipynb")


def sync(docs: Path) -> list[Path]:
    """Rewrite the committed ``.ipynb`` of each jupytext ``.py`` under ``docs``; return those that changed."""
    changed = []
    for source in sorted(docs.rglob("*.py")):
        if not source.read_text(encoding="utf-8").startswith("# ---\n# jupyter:"):
            continue
        target, text = paired_ipynb(source), to_ipynb(source, docs)
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(target)
    return changed


# ---------------------------------------------------------------- cache key
def imported_names(source: Path) -> set[str]:
    """Top-level names of the modules that the notebook's code cells import."""
    names = set()
    for cell in jupytext.read(source).cells:
        if cell.cell_type != "code":
            continue
        lines = cell.source.splitlines()
        code = "\n".join(line for line in lines if not line.lstrip().startswith(("%", "!")))
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return names


@functools.cache
def installed_distributions() -> dict[str, list[str]]:
    """Top-level module name -> distributions providing it. Reading every installed package's file list
    takes ~3 s: it is read once per process (``mkdocs serve`` rebuilds in the same process), while the
    versions that go into the key are still read at every build."""
    return importlib.metadata.packages_distributions()


def cache_key(root: Path, sources: list[Path], environ: dict[str, str]) -> str:
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(label.encode() + b"\0" + data + b"\0")

    add("python", sys.version.encode())
    add("hook", Path(__file__).read_bytes())
    requirements = root / "requirements.txt"
    if requirements.is_file():
        add("requirements", requirements.read_bytes())
    distributions = installed_distributions()
    for name in sorted(set().union(*(imported_names(s) for s in sources))):
        local = [p for p in (root / name, root / f"{name}.py") if p.exists()]
        if local:  # a module of this repository: hash its code
            for path in sorted(local[0].rglob("*.py") if local[0].is_dir() else local):
                add(str(path.relative_to(root)), path.read_bytes())
        for dist in sorted(distributions.get(name, [])):
            add(dist, importlib.metadata.version(dist).encode())
    for name in sorted(k for k in environ if k.startswith(ENV_PREFIX)):
        add(f"env {name}", environ[name].encode())
    return digest.hexdigest()[:16]


def prune(cache: Path, keep: Path, spare: int = 3) -> None:
    """Drop all but the newest few key folders (each build of changed code makes one)."""
    others = sorted((d for d in cache.iterdir() if d.is_dir() and d != keep),
                    key=lambda d: d.stat().st_mtime, reverse=True)
    for old in others[spare:]:
        shutil.rmtree(old, ignore_errors=True)


# ---------------------------------------------------------------- HTML clean-up
def drop_head_resources(html: str) -> str:
    """Remove the <style>/<script> blocks mkdocs-jupyter puts before the notebook; refuse anything else."""
    start = html.find('<div class="jupyter-wrapper">')
    if start < 0:
        raise PluginError("notebook HTML without .jupyter-wrapper: mkdocs-jupyter's template has changed")
    head = re.sub(r"<style\b.*?</style>|<script\b.*?</script>|<!--.*?-->", "", html[:start], flags=re.S)
    if head.strip():
        raise PluginError(f"unexpected markup before the notebook: {head.strip()[:200]!r}")
    return html[start:]


def clean_notebook_html(html: str, resolve_link, save_image) -> tuple[str, list[dict]]:
    """Return the trimmed notebook HTML and the TOC tokens of its headings.

    ``resolve_link(href)`` returns the URL for a ``.md`` link (or raises); ``save_image(data, ext)`` stores
    an image and returns its URL.
    """
    soup = BeautifulSoup(drop_head_resources(html), "html.parser")
    notebook = soup.new_tag("div", attrs={"class": "nb-notebook"})
    for cell in soup.select_one(".jp-Notebook").find_all("div", class_="jp-Cell", recursive=False):
        if "jp-MarkdownCell" in cell["class"]:
            markdown = cell.select_one(".jp-RenderedMarkdown")
            markdown.attrs = {"class": ["nb-markdown"]}
            join_cjk_lines(markdown)
            mark_math(soup, markdown)
            notebook.append(markdown.extract())
        elif "jp-CodeCell" in cell["class"]:
            notebook.append(code_cell(soup, cell))
        else:
            raise PluginError(f"unsupported notebook cell: {cell.get('class')}")
    for img in notebook.select("img[src^='data:image/']"):
        header, data = img["src"].split(",", 1)
        ext = header.removeprefix("data:image/").split(";")[0].replace("svg+xml", "svg")
        img["src"] = save_image(base64.b64decode(data), ext)
        img["loading"] = "lazy"
        heading = img.find_previous(re.compile(r"^h[1-6]$"))
        if img.get("alt", "").startswith("No description") and heading is not None:
            img["alt"] = f"{heading.get_text().strip()}：代码单元输出的图像"
    for a in notebook.select("a[href]"):
        href = a["href"]
        if not urlsplit(href).scheme and urlsplit(href).path.endswith(".md"):
            a["href"] = resolve_link(href)
    toc = heading_toc(soup, notebook)
    return str(notebook), toc


CLEANED = Memo("notebook html", size=8)  # kept across the rebuilds of `mkdocs serve`


def clean_notebook_html_memo(html: str, resolve_link, save_image) -> tuple[str, list[dict]]:
    """``clean_notebook_html``, cleaned once per distinct notebook HTML in a ``mkdocs serve`` session.

    A stored result is used only if ``resolve_link`` and ``save_image`` give again, for the same
    arguments, the answers they gave when it was computed (a renamed page or a moved site recomputes);
    on a hit the images are saved again, into this build's site folder."""
    calls: list[tuple[str, tuple, str]] = []

    def recorded(kind: str, callback):
        def call(*args):
            answer = callback(*args)
            calls.append((kind, args, answer))
            return answer
        return call

    def compute():
        return clean_notebook_html(html, recorded("link", resolve_link), recorded("image", save_image)), calls

    key = digest(html)
    (body, tokens), made_by = CLEANED.get(key, compute)
    if made_by is not calls:
        callbacks = {"link": resolve_link, "image": save_image}
        replay = sorted(made_by, key=lambda call: call[0] != "link")  # the links first: they save nothing
        if any(callbacks[kind](*args) != answer for kind, args, answer in replay):
            fresh = compute()
            CLEANED.put(key, fresh)
            body, tokens = fresh[0]
    return body, copy.deepcopy(tokens)


CJK = r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]"  # CJK ideographs and full-width punctuation
CJK_LINE_BREAK = re.compile(rf"(?<={CJK})\n(?={CJK})")


def join_cjk_lines(node: Tag) -> None:
    """Drop a source line break between two Chinese characters: browsers would show it as a space."""
    for text in node.find_all(string=True):
        if text.parent.name not in ("code", "pre") and CJK_LINE_BREAK.search(text):
            text.replace_with(CJK_LINE_BREAK.sub("", str(text)))


# Jupyter's math delimiters; display first, so that $$x$$ is not read as two inline formulas.
NOTEBOOK_MATH = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$", re.S)


def mark_math(soup: BeautifulSoup, node: Tag) -> None:
    """Turn Jupyter's ``$...$`` and ``$$...$$`` into arithmatex boxes, which hooks/katex.py typesets."""
    for text in node.find_all(string=True):
        if text.parent.name in ("code", "pre") or "$" not in text:
            continue
        pieces, last = [], 0
        for match in NOTEBOOK_MATH.finditer(text):
            display = match.group(1) is not None
            # out of the search index (Material's search plugin honours the attribute, then removes it)
            box = soup.new_tag("span", attrs={"class": "arithmatex", "data-search-exclude": "formula"})
            box.string = (r"\[{}\]" if display else r"\({}\)").format(match.group(1) or match.group(2))
            pieces += [text[last:match.start()], box]
            last = match.end()
        if "$" in text[last:]:
            raise PluginError(f"unpaired $ in a notebook Markdown cell: {text[last:][:80]!r}")
        text.replace_with(*pieces, text[last:])


def code_cell(soup: BeautifulSoup, cell) -> Tag:
    """A code cell as a Material code block (colours follow light/dark; its copy button finds
    ``pre > code``) followed by the cell's outputs, without JupyterLab's wrappers and copy widget."""
    block = soup.new_tag("div", attrs={"class": "nb-cell"})
    source = cell.select_one("div.highlight-ipynb")
    if source is not None and source.get_text().strip():
        pre = source.find("pre")
        code = soup.new_tag("code")
        for child in list(pre.contents):
            code.append(child.extract())
        pre.append(code)
        source.attrs = {"class": ["highlight", "nb-source"]}
        block.append(source.extract())
    for output in cell.select(".jp-OutputArea-output"):
        kinds = [c for c in output["class"] if c.startswith("jp-Rendered")]
        attrs = {"class": ["nb-output", *kinds]}
        if output.get("data-mime-type"):
            attrs["data-mime-type"] = output["data-mime-type"]
        output.attrs = attrs
        block.append(output.extract())
    return block


def heading_toc(soup: BeautifulSoup, root_node: Tag) -> list[dict]:
    """Give each heading a unique Unicode id and a Material permalink; return nested TOC tokens."""
    used: set[str] = set()
    root: list[dict] = []
    stack: list[dict] = []
    for h in root_node.find_all(re.compile(r"^h[1-6]$")):
        for old in h.select("a.anchor-link"):
            old.decompose()
        name = h.get_text().strip()
        h["id"] = unique(slugify_unicode(name, "-") or "section", used)
        link = soup.new_tag("a", attrs={"class": "headerlink", "href": f"#{h['id']}", "title": "永久链接"})
        link.string = "¶"
        h.append(link)
        token = {"level": int(h.name[1]), "id": h["id"], "name": name, "children": []}
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


# ---------------------------------------------------------------- MkDocs events
def _plugin(config):
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise PluginError(f"hooks/notebooks.py needs the {PLUGIN} plugin in mkdocs.yml")
    return plugin


def _is_notebook(config, file: File) -> bool:
    return _plugin(config).should_include(file)


COALESCE = "nbconvert.preprocessors.CoalesceStreamsPreprocessor"
EXECUTE = "nbconvert.preprocessors.ExecutePreprocessor"


def preprocessors_with_coalescing_after_execution() -> list[str]:
    """nbconvert's default preprocessors, with stream coalescing moved after execution."""
    from nbconvert.exporters import HTMLExporter

    names = list(HTMLExporter.class_traits()["default_preprocessors"].default())
    if COALESCE not in names or EXECUTE not in names:
        raise PluginError(f"nbconvert's default preprocessors changed: {names}")
    names.remove(COALESCE)
    names.insert(names.index(EXECUTE) + 1, COALESCE)
    return names


_kernel_dirs: list[str] = []  # IPC socket folders of this build's kernels, removed after the build


def configure_nbconvert() -> None:
    """Adjust how mkdocs-jupyter executes notebooks; it has no options for either change.

    - Stream outputs: nbconvert merges a cell's stream outputs and settles their carriage returns, as
      Jupyter shows them, but by default before execution. Without this every flush of a progress bar is
      a separate output and each ``\\r`` a line break: the page would show every state of the bar.
    - The kernel talks over IPC sockets in a temporary folder instead of TCP on localhost, so an offline
      build (``unshare --net``, where even the loopback interface is down) can execute notebooks.

    Its app factory is wrapped once (``mkdocs serve`` calls on_config again at every rebuild).
    """
    from mkdocs_jupyter import nbconvert2

    if hasattr(nbconvert2.get_nbconvert_app, "wrapped"):
        return
    original = nbconvert2.get_nbconvert_app
    order = preprocessors_with_coalescing_after_execution()

    def get_nbconvert_app(*args, **kwargs):
        app = original(*args, **kwargs)
        if not _kernel_dirs:  # only a cache miss gets here: no folder for builds that execute nothing
            _kernel_dirs.append(tempfile.mkdtemp(prefix="nb-kernel-"))
        sockets = str(Path(_kernel_dirs[-1]) / "kernel")
        app.config.merge({"CoalesceStreamsPreprocessor": {"enabled": True},
                          "HTMLExporter": {"default_preprocessors": order},
                          "KernelManager": {"transport": "ipc", "ip": sockets}})
        return app

    get_nbconvert_app.wrapped = original
    nbconvert2.get_nbconvert_app = get_nbconvert_app


def on_config(config):
    configure_nbconvert()
    # the kernels that execute the labs inherit this process's environment: give them the project's
    # numeric environment, as the tests that rerun the labs have (hooks/numeric_env.py)
    numeric_env.apply(os.environ)
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    plugin = _plugin(config)
    sources = [p for p in sorted(docs.rglob("*.py"))
               if plugin.should_include(File(p.relative_to(docs).as_posix(), str(docs), "", False))]
    cache = root / ".cache" / "notebooks"
    folder = cache / cache_key(root, sources, dict(os.environ))
    folder.mkdir(parents=True, exist_ok=True)
    os.utime(folder)
    prune(cache, keep=folder)
    plugin.config["cache_dir"] = str(folder)
    return config


def on_post_build(config) -> None:
    while _kernel_dirs:
        shutil.rmtree(_kernel_dirs.pop(), ignore_errors=True)


def on_build_error(error) -> None:
    on_post_build(None)


def on_files(files: Files, config) -> Files:
    for file in [f for f in files if f.src_uri.endswith(".py") and _is_notebook(config, f)]:
        uri = posixpath.splitext(file.src_uri)[0] + ".ipynb"
        committed = files.get_file_from_path(uri)
        if committed is not None:
            files.remove(committed)  # the build serves a fresh conversion, even if the commit lags behind
        content = to_ipynb(Path(file.abs_src_path), Path(config.docs_dir))
        files.append(File.generated(config, uri, content=content))
    return files


def colab_url(repo_url: str | None, path: str) -> str | None:
    parts = urlsplit(repo_url or "")
    repo = parts.path.strip("/").removesuffix(".git")
    if parts.netloc != "github.com" or repo.count("/") != 1:
        return None
    return COLAB.format(repo=repo, branch=BRANCH, path=path)


def on_page_content(html: str, page, config, files: Files) -> str:
    if not _is_notebook(config, page.file):
        return html
    root = Path(config.config_file_path).parent
    src_dir = posixpath.dirname(page.file.src_uri)
    stem = posixpath.splitext(posixpath.basename(page.file.src_uri))[0]

    def resolve_link(href: str) -> str:
        path, _, anchor = href.partition("#")
        target = files.get_file_from_path(posixpath.normpath(posixpath.join(src_dir, path)))
        if target is None:
            raise PluginError(f"{page.file.src_uri} links to '{href}', which is not a documentation file")
        return target.url_relative_to(page.file) + (f"#{anchor}" if anchor else "")

    def save_image(data: bytes, ext: str) -> str:
        name = f"{stem}-{hashlib.sha256(data).hexdigest()[:12]}.{ext}"
        target = Path(config.site_dir) / posixpath.dirname(page.file.dest_uri) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return name

    body, tokens = clean_notebook_html_memo(html, resolve_link, save_image)
    page.toc = get_toc(tokens)
    if files.get_file_from_path(STYLESHEET) is None:
        raise PluginError(f"{STYLESHEET} is missing: notebook pages need it")
    stylesheet = get_relative_url(STYLESHEET, page.url)
    ipynb = posixpath.splitext(page.file.src_uri)[0] + ".ipynb"
    page.meta["notebook"] = {
        "ipynb": files.get_file_from_path(ipynb).url_relative_to(page.file),
        "name": posixpath.basename(ipynb),
        "colab": colab_url(config.repo_url, (Path(config.docs_dir) / ipynb).relative_to(root).as_posix()),
    }
    return f'<link rel="stylesheet" href="{stylesheet}">\n{body}'


if __name__ == "__main__":
    docs_dir = ROOT / "docs"
    for path in sync(docs_dir):
        print(f"rewrote {path.relative_to(docs_dir.parent)}")
