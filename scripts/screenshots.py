"""Screenshots from a real build with Debian's chromium (``make screenshots [PAGE=<chapter>/<page>]``).

Without PAGE: the README's two screenshots of the 1-D convolution page (light and dark, 1280 px).
With PAGE (repeatable: ``PAGE="cnn/pooling cnn/lenet"``): full-page screenshots of each page as a phone
(390x844, touch, 2x) and a desktop (1280x800) show it, in light and dark, into
``test-results/screenshots/<chapter>_<page>/`` to attach to a pull request; it also says whether the
page scrolls sideways on the phone.
"""

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
sys.path.insert(0, str(ROOT))
from tests.site.chromium import ARGS  # noqa: E402 - the browser tests' flags

README = ROOT / ".github" / "readme"
PR = ROOT / "test-results" / "screenshots"
README_PAGE = "cnn/conv1d/"
VIEWS = {"phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
                   "device_scale_factor": 2},
         "desktop": {"viewport": {"width": 1280, "height": 800}}}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# a full-page screenshot does not scroll, so lazy images below the fold would stay blank: load them all
LOAD_IMAGES_JS = """async () => {
  const images = [...document.images];
  images.forEach(img => { img.loading = 'eager'; });
  await Promise.all(images.map(img => img.complete ? null : new Promise(done => {
    img.addEventListener('load', done, {once: true}); img.addEventListener('error', done, {once: true});
  })));
}"""


def load_every_image(tab) -> None:
    tab.evaluate(LOAD_IMAGES_JS)


def page_url(page: str) -> str:
    page = page.strip("/")
    return "" if page in ("", "index") else page.removesuffix("/index") + "/"


def shoot(browser, base: str, pages: list[str]) -> None:
    for page in pages:
        folder = PR / (page.strip("/").replace("/", "_") or "home")
        folder.mkdir(parents=True, exist_ok=True)
        for view, options in VIEWS.items():
            for scheme in ("light", "dark"):
                context = browser.new_context(color_scheme=scheme, **options)
                tab = context.new_page()
                tab.goto(base + page_url(page), wait_until="networkidle")
                load_every_image(tab)
                width = tab.evaluate("() => document.documentElement.scrollWidth")
                target = folder / f"{view}-{scheme}.png"
                tab.screenshot(path=str(target), full_page=True)
                wide = width > options["viewport"]["width"]
                print(f"{target.relative_to(ROOT)}" + (f"  (scrolls sideways: {width} px)" if wide else ""))
                context.close()


def readme(browser, base: str) -> None:
    README.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 800})
        tab = context.new_page()
        tab.goto(base + README_PAGE, wait_until="networkidle")
        tab.wait_for_selector(".katex")
        target = README / f"conv1d-{scheme}.png"
        tab.screenshot(path=str(target))
        print(target.relative_to(ROOT))
        context.close()


def main(pages: list[str]) -> int:
    missing = [p for p in pages
               if not any((ROOT / "docs" / f"{p.strip('/')}{ext}").is_file() for ext in (".md", ".py"))]
    if missing:
        print(f"PAGE: no such page {missing} (give <chapter>/<page>, e.g. cnn/conv1d)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as site:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", site],
                       cwd=ROOT, check=True)
        handler = functools.partial(QuietHandler, directory=site)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            shoot(browser, base, pages) if pages else readme(browser, base)
            browser.close()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
