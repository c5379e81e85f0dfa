"""Add the figures drawn by ``snippets`` to the site (see snippets/figures.py).

Rendering runs in fresh interpreters, so ``mkdocs serve`` always draws with the current code,
and it runs *while* MkDocs renders the pages (and executes the lab notebook): ``on_files``
starts one renderer per colour style and adds the figures' future paths to the site, and
``on_env``, the last event before static files are copied, waits for them. The file names
come from the ``@figure("name")`` decorators, read with ``ast`` without importing anything;
after drawing, the names actually written must be exactly those, or the build fails.

The result is cached under ``.cache/figures/<key>`` where the key hashes every file of the
snippets package (code and data), the pinned requirements and this hook: any change of code
or versions gives a new key, never a stale figure.
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

STYLES = ("light", "dark")  # the keys of snippets.figures.STYLES; checked after every drawing
_pending: dict = {}  # the drawing started by on_files, finished by on_env


def cache_key(root: Path) -> str:
    digest = hashlib.sha256()
    # every file the drawing code may read (modules and data such as benchmark results)
    sources = sorted(p for p in (root / "snippets").rglob("*")
                     if p.is_file() and "__pycache__" not in p.parts)
    for path in sources + [root / "requirements.txt", Path(__file__)]:
        digest.update(str(path.relative_to(root) if path.is_relative_to(root) else path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def declared_figures(root: Path) -> list[str]:
    """Site paths of every figure, from the literal names in ``@figure("...")`` decorators."""
    paths = []
    for module in sorted((root / "snippets").glob("*/*/figures.py")):
        page = module.parent.relative_to(root / "snippets").as_posix()
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            for deco in node.decorator_list:
                if (isinstance(deco, ast.Call) and getattr(deco.func, "id", None) == "figure"
                        and deco.args and isinstance(deco.args[0], ast.Constant)):
                    paths += [f"{page}.assets/{deco.args[0].value}-{style}.svg" for style in STYLES]
    return sorted(paths)


def start_drawing(root: Path, cache: Path) -> tuple[Path, list[subprocess.Popen]]:
    """Draw into a private folder, one process per style (the machine has two cores)."""
    cache.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="draw-", dir=cache))
    # the project's default numeric environment, one thread each: two renderers share two cores with MkDocs
    # and the notebook kernel, and torch's OpenMP threads spinning on a busy core made drawing 3x slower
    env = numeric_env.apply(dict(os.environ))
    procs = [subprocess.Popen([sys.executable, "-m", "snippets.figures", str(tmp), "--style", style],
                              cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for style in STYLES]
    return tmp, procs


def finish_drawing(out: Path, tmp: Path, procs: list[subprocess.Popen], expected: list[str]) -> None:
    errors = [p.communicate()[1] for p in procs]
    failed = [err for p, err in zip(procs, errors, strict=True) if p.returncode != 0]
    if failed:
        shutil.rmtree(tmp, ignore_errors=True)
        raise PluginError("drawing figures failed:\n" + "\n".join(e[-3000:] for e in failed))
    drawn = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*.svg"))
    if drawn != expected:
        shutil.rmtree(tmp, ignore_errors=True)
        raise PluginError("figures drawn differ from the names in @figure(...) decorators "
                          f"(use literal names): {sorted(set(drawn) ^ set(expected))}")
    (tmp / ".done").touch()
    try:
        tmp.rename(out)  # concurrent builds never see half a set
    except OSError:  # another build finished the same key first
        shutil.rmtree(tmp, ignore_errors=True)


def prune(cache: Path, keep: Path, spare: int = 3) -> None:
    """Drop all but the newest few finished keys (a serve session makes many)."""
    finished = sorted((d for d in cache.iterdir() if (d / ".done").is_file() and d != keep),
                      key=lambda d: d.stat().st_mtime, reverse=True)
    for old in finished[spare:]:
        shutil.rmtree(old, ignore_errors=True)


def on_files(files: Files, config) -> Files:
    root = Path(config.config_file_path).parent
    cache = root / ".cache" / "figures"
    out = cache / cache_key(root)
    expected = declared_figures(root)
    _pending.clear()
    if not (out / ".done").is_file():
        tmp, procs = start_drawing(root, cache)
        _pending.update(out=out, tmp=tmp, procs=procs, expected=expected)
    for rel in expected:
        files.append(File.generated(config, rel, abs_src_path=str(out / rel)))
    return files


def on_env(env, config, files):
    if _pending:
        finish_drawing(**_pending)
        prune(_pending["out"].parent, keep=_pending["out"])
        _pending.clear()
    return env
