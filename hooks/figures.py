"""Add the figures drawn by ``snippets`` to the site (see snippets/figures.py).

Rendering runs in a fresh interpreter, so ``mkdocs serve`` always draws with
the current code. The result is cached under ``.cache/figures/<key>`` where the
key hashes every file of the snippets package, the pinned requirements and this
hook: any change of code or versions gives a new key, never a stale figure.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files


def cache_key(root: Path) -> str:
    digest = hashlib.sha256()
    # every file the drawing code may read (modules and data such as benchmark results)
    sources = sorted(p for p in (root / "snippets").rglob("*")
                     if p.is_file() and "__pycache__" not in p.parts)
    for path in sources + [root / "requirements.txt", Path(__file__)]:
        digest.update(str(path.relative_to(root) if path.is_relative_to(root) else path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def rendered_dir(root: Path) -> Path:
    cache = root / ".cache" / "figures"
    out = cache / cache_key(root)
    if (out / ".done").is_file():
        return out
    cache.mkdir(parents=True, exist_ok=True)
    # draw into a private folder, then rename: concurrent builds never see half a set
    tmp = Path(tempfile.mkdtemp(prefix="draw-", dir=cache))
    result = subprocess.run(
        [sys.executable, "-m", "snippets.figures", str(tmp)],
        cwd=root, capture_output=True, text=True,
    )
    if result.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        raise PluginError(f"drawing figures failed:\n{result.stderr[-3000:]}")
    (tmp / ".done").touch()
    try:
        tmp.rename(out)
    except OSError:  # another build finished the same key first
        shutil.rmtree(tmp, ignore_errors=True)
    prune(cache, keep=out)
    return out


def prune(cache: Path, keep: Path, spare: int = 3) -> None:
    """Drop all but the newest few finished keys (a serve session makes many)."""
    finished = sorted((d for d in cache.iterdir() if (d / ".done").is_file() and d != keep),
                      key=lambda d: d.stat().st_mtime, reverse=True)
    for old in finished[spare:]:
        shutil.rmtree(old, ignore_errors=True)


def on_files(files: Files, config) -> Files:
    root = Path(config.config_file_path).parent
    out = rendered_dir(root)
    for svg in sorted(out.rglob("*.svg")):
        files.append(File.generated(config, svg.relative_to(out).as_posix(), abs_src_path=str(svg)))
    return files
