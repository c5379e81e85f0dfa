"""Downloadable offline copy (``OFFLINE=true mkdocs build``): search without a CDN.

Material's ``offline`` plugin makes the site work from ``file://``; its search then needs the
iframe-worker shim (browsers refuse Web Workers from ``file://``), which the plugin loads from a CDN.
This hook serves the pinned copy from node_modules instead, so the offline copy loads nothing from
another host. It does nothing when the offline plugin is off (the normal build).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

SHIM = "assets/javascripts/iframe-worker-shim.js"


@event_priority(-100)  # after the offline plugin has added its CDN address
def on_config(config):
    polyfills = config.extra.get("polyfills") or []
    if not any("iframe-worker" in str(p) for p in polyfills):
        return config  # the offline plugin is off: normal build
    config.extra["polyfills"] = [SHIM if "iframe-worker" in str(p) else p for p in polyfills]
    # overrides/main.html: no font preloads, which Chromium refuses from file:// (CORS), unlike @font-face
    config.extra["offline_copy"] = True
    return config


def on_files(files: Files, config) -> Files:
    if SHIM not in (config.extra.get("polyfills") or []):
        return files
    shim = Path(config.config_file_path).parent / "node_modules" / "iframe-worker" / "shim" / "index.js"
    if not shim.is_file():
        raise PluginError(f"iframe-worker not found at {shim}: run `npm ci` (make setup does it).")
    files.append(File.generated(config, SHIM, abs_src_path=str(shim)))
    return files
