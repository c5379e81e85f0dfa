"""Take the README screenshots from a real build (light and dark), with Debian's chromium."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / ".github" / "readme"
PAGE = "cnn/conv1d/"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    with tempfile.TemporaryDirectory() as site:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site],
                       cwd=ROOT, check=True)
        handler = functools.partial(QuietHandler, directory=site)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/{PAGE}"
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for scheme in ("light", "dark"):
                page = browser.new_context(color_scheme=scheme,
                                           viewport={"width": 1280, "height": 800}).new_page()
                page.goto(url, wait_until="networkidle")
                page.wait_for_selector(".katex")
                target = OUT / f"conv1d-{scheme}.png"
                page.screenshot(path=str(target))
                print(target.relative_to(ROOT))
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
