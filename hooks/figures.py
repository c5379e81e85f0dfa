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
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files


def cache_key(root: Path) -> str:
    digest = hashlib.sha256()
    sources = sorted((root / "snippets").rglob("*.py"))
    for path in sources + [root / "requirements.txt", Path(__file__)]:
        digest.update(str(path.relative_to(root) if path.is_relative_to(root) else path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def rendered_dir(root: Path) -> Path:
    cache = root / ".cache" / "figures"
    out = cache / cache_key(root)
    if (out / ".done").is_file():
        return out
    shutil.rmtree(cache, ignore_errors=True)  # keep only the current key
    tmp = out.with_suffix(".tmp")
    tmp.mkdir(parents=True)
    result = subprocess.run(
        [sys.executable, "-m", "snippets.figures", str(tmp)],
        cwd=root, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise PluginError(f"drawing figures failed:\n{result.stderr[-3000:]}")
    tmp.rename(out)
    (out / ".done").touch()
    return out


def on_files(files: Files, config) -> Files:
    root = Path(config.config_file_path).parent
    out = rendered_dir(root)
    for svg in sorted(out.rglob("*.svg")):
        files.append(File.generated(config, svg.relative_to(out).as_posix(), abs_src_path=str(svg)))
    return files
