"""Add the figures drawn by ``snippets`` to the site (see snippets/figures.py).

Rendering runs in fresh interpreters, so ``mkdocs serve`` always draws with the current code,
and it runs *while* MkDocs renders the pages (and executes the lab notebooks): ``on_files``
starts one renderer per colour style for the pages whose figures are not cached and adds every
figure's future path to the site, and ``on_env``, the last event before static files are copied,
waits for them. The file names come from the ``@figure("name")`` decorators, read with ``ast``
without importing anything; after drawing, the names actually written for a page must be exactly
those, or the build fails naming the page.

Figures are cached per page under ``.cache/figures/<key>/``, where a page's key hashes its
``figures.py``, every module of the package that it imports (followed through the imports, across
folders), the data files of its snippet folder, the shared ``snippets/figures.py``, the pinned
requirements and this hook: a changed snippet redraws only the pages whose figures import it, and no
figure is ever stale.
"""

from __future__ import annotations

import ast
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

try:  # tests and scripts import the hooks as a package
    from hooks import numeric_env
except ImportError:  # MkDocs loads a hook by path, with only its folder on sys.path
    import numeric_env

from extensions.memo import Memo, digest  # noqa: E402 - after the numeric_env fallback above

STYLES = ("light", "dark")  # the keys of snippets.figures.STYLES; checked after every drawing
_pending: dict = {}  # the drawing started by on_files, finished by on_env
IMPORTS = Memo("snippet imports", size=2000)  # kept across the rebuilds of `mkdocs serve`


def figure_pages(root: Path) -> list[str]:
    """Every page with figures (``snippets/<chapter>/<page>/figures.py``), as ``<chapter>/<page>``."""
    return sorted(m.parent.relative_to(root / "snippets").as_posix()
                  for m in (root / "snippets").glob("*/*/figures.py"))


def imported_names(source: bytes) -> list[str]:
    """The ``snippets...`` names a module's source imports (parsed once per distinct source)."""
    def parse() -> list[str]:
        names = []
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                names += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                # `from snippets.a.b import c`: c may be a module (c.py) or a name in b
                names += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        return [name for name in names if name.split(".")[0] == "snippets"]
    return IMPORTS.get(digest(source), parse)


def local_imports(root: Path, path: Path) -> set[Path]:
    """Files of the ``snippets`` package that the module at ``path`` imports."""
    found = set()
    for name in imported_names(path.read_bytes()):
        base = root.joinpath(*name.split("."))
        for candidate in (base.with_suffix(".py"), base / "__init__.py"):
            if candidate.is_file():
                found.add(candidate)
    return found


def page_sources(root: Path, page: str) -> list[Path]:
    """Every file the drawing of ``page`` may read: its ``figures.py`` and, through its imports (by name,
    as figure modules import), every module it uses in any folder; the data files of its folder; the
    package's shared files. A snippet the figures do not import can change without a redraw."""
    folder = root / "snippets" / page
    todo = [folder / "figures.py", folder / "__init__.py"]
    todo += [p for p in folder.rglob("*")
             if p.is_file() and p.suffix != ".py" and "__pycache__" not in p.parts]  # data it may read
    todo += [root / "snippets" / "__init__.py", root / "snippets" / "figures.py",
             root / "snippets" / page.split("/")[0] / "__init__.py"]
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        if path.suffix == ".py":
            todo += local_imports(root, path)
    return sorted(seen)


def page_key(root: Path, page: str) -> str:
    digest = hashlib.sha256(page.encode() + b"\0")
    for path in page_sources(root, page) + [root / "requirements.txt", Path(__file__),
                                            Path(numeric_env.__file__)]:
        digest.update(str(path.relative_to(root) if path.is_relative_to(root) else path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def declared_figures(root: Path, pages: list[str] | None = None) -> list[str]:
    """Site paths of the figures of ``pages`` (default: all), from the literal names in
    ``@figure("...")`` decorators."""
    paths = []
    for page in figure_pages(root) if pages is None else pages:
        module = root / "snippets" / page / "figures.py"
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            for deco in node.decorator_list:
                if (isinstance(deco, ast.Call) and getattr(deco.func, "id", None) == "figure"
                        and deco.args and isinstance(deco.args[0], ast.Constant)):
                    paths += [f"{page}.assets/{deco.args[0].value}-{style}.svg" for style in STYLES]
    return sorted(paths)


def start_drawing(root: Path, cache: Path, pages: list[str]) -> tuple[Path, list[subprocess.Popen]]:
    """Draw the figures of ``pages`` into a private folder, one process per style (two cores)."""
    cache.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="draw-", dir=cache))
    # the project's default numeric environment, one thread each: two renderers share two cores with MkDocs
    # and the notebook kernel, and torch's OpenMP threads spinning on a busy core made drawing 3x slower
    env = numeric_env.apply(dict(os.environ))
    # no __pycache__ writes under snippets/: `mkdocs serve` watches that folder and would rebuild again
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    only = [arg for page in pages for arg in ("--page", page)]
    procs = [subprocess.Popen([sys.executable, "-m", "snippets.figures", str(tmp), "--style", style, *only],
                              cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for style in STYLES]
    return tmp, procs


def finish_drawing(tmp: Path, procs: list[subprocess.Popen], outs: dict[str, Path],
                   expected: dict[str, list[str]]) -> None:
    """Check what was drawn page by page and move each page's figures to its cache folder."""
    errors = [p.communicate()[1] for p in procs]
    failed = [err for p, err in zip(procs, errors, strict=True) if p.returncode != 0]
    try:
        if failed:
            raise PluginError("drawing figures failed:\n" + "\n".join(e[-3000:] for e in failed))
        for page, out in outs.items():
            assets = tmp / f"{page}.assets"
            drawn = sorted(f"{page}.assets/{p.name}" for p in assets.glob("*.svg"))
            if drawn != expected[page]:
                raise PluginError(f"snippets/{page}/figures.py: the figures drawn differ from the names in "
                                  f"its @figure(...) decorators (use literal names): "
                                  f"{sorted(set(drawn) ^ set(expected[page]))}")
            staged = tmp / f"key-{out.name}"
            (staged / page).parent.mkdir(parents=True)
            assets.rename(staged / f"{page}.assets")
            (staged / ".done").touch()
            try:
                staged.rename(out)  # concurrent builds never see half a set
            except OSError:  # another build finished the same key first
                pass
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def prune(cache: Path, keep: set[Path], spare: int = 40) -> None:
    """Drop all but the newest few finished keys that this build does not use (a serve session makes many)."""
    finished = sorted((d for d in cache.iterdir() if (d / ".done").is_file() and d not in keep),
                      key=lambda d: d.stat().st_mtime, reverse=True)
    for old in finished[spare:]:
        shutil.rmtree(old, ignore_errors=True)


def on_files(files: Files, config) -> Files:
    root = Path(config.config_file_path).parent
    cache = root / ".cache" / "figures"
    _pending.clear()
    outs = {page: cache / page_key(root, page) for page in figure_pages(root)}
    todo = {page: out for page, out in outs.items() if not (out / ".done").is_file()}
    expected = {page: declared_figures(root, [page]) for page in outs}
    if todo:
        tmp, procs = start_drawing(root, cache, sorted(todo))
        _pending.update(tmp=tmp, procs=procs, outs=todo, expected=expected)
    for page, out in outs.items():
        for rel in expected[page]:
            files.append(File.generated(config, rel, abs_src_path=str(out / rel)))
    _pending["keep"] = set(outs.values())
    _pending["cache"] = cache
    return files


def on_env(env, config, files):
    keep, cache = _pending.pop("keep", set()), _pending.pop("cache", None)
    if _pending:
        finish_drawing(**_pending)
        _pending.clear()
    if cache is not None:
        for out in keep:
            os.utime(out)  # recently used: pruned last
        prune(cache, keep)
    return env
