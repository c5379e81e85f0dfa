"""Serve KaTeX from the site itself: copy it from node_modules into the build.

No third-party code is committed; `npm ci` fetches the pinned version and this
hook adds its files to the site, so formulas render with no CDN and offline.
Only woff2 fonts are copied: every browser that runs KaTeX picks woff2 first.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

KATEX_FILES = ("katex.min.js", "katex.min.css", "contrib/auto-render.min.js")


def katex_dist(config_dir: Path) -> Path:
    dist = config_dir / "node_modules" / "katex" / "dist"
    if not (dist / "katex.min.js").is_file():
        raise PluginError(f"KaTeX not found in {dist}: run `npm ci` (make setup does it).")
    return dist


def on_files(files: Files, config) -> Files:
    dist = katex_dist(Path(config.config_file_path).parent)
    wanted = list(KATEX_FILES) + [
        f"fonts/{font.name}" for font in sorted((dist / "fonts").glob("*.woff2"))
    ]
    for rel in wanted:
        files.append(
            File.generated(config, f"assets/katex/{rel}", abs_src_path=str(dist / rel))
        )
    return files
