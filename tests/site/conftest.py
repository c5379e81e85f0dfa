"""Browser fixtures: the built site served on loopback, and Debian's chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from tests.site.chromium import ARGS as CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-results" / "screenshots"
AXE_PATH = "__tests__/axe.min.js"  # site_url + AXE_PATH: axe-core from node_modules, see TOOLS


# Test tools the server also offers, outside the site: loaded by URL, the browser compiles them once
TOOLS = {"/" + AXE_PATH: ROOT / "node_modules" / "axe-core" / "axe.min.js"}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        tool = TOOLS.get(path.split("?")[0])
        return str(tool) if tool else super().translate_path(path)

    def log_message(self, *args):  # keep pytest output readable
        pass


@pytest.fixture(scope="session")
def site_url(site_dir):
    """Base URL (ending in /) of the built site, served from a loopback port."""
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def built_pages(site_dir) -> list[Path]:
    """The index.html of every page of the built site (not 404.html)."""
    return sorted(site_dir.rglob("index.html"))


@pytest.fixture(scope="session")
def axe_url(site_url) -> str:
    """axe-core (from node_modules), served next to the site by the same server."""
    return site_url + AXE_PATH


def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.fail("Debian's chromium is required (make test installs it with apt); it is never skipped")
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session", autouse=True)
def browser_early(request):
    """make test-page (--page): each worker runs one of the page's two browser checks (FAST_LOOP_UNITS in
    tests/conftest.py), so each starts its browser with its first site test, while the site builds."""
    if request.config.getoption("page"):
        request.getfixturevalue("browser")


@pytest.fixture(params=["light", "dark"])
def scheme(request) -> str:
    return request.param


@pytest.fixture
def page_in(browser):
    """Open pages in a fresh context with a colour scheme; records every request URL."""
    contexts = []

    def open_page(scheme: str = "light", width: int = 1280, height: int = 900, **options):
        """``options`` go to the browser context, e.g. ``is_mobile=True, has_touch=True`` for a phone."""
        options.setdefault("viewport", {"width": width, "height": height})
        context = browser.new_context(color_scheme=scheme, **options)
        contexts.append(context)
        page = context.new_page()
        page.requests = []  # type: ignore[attr-defined]
        page.console_errors = []  # type: ignore[attr-defined]
        page.on("request", lambda r: page.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
        page.on("pageerror", lambda e: page.console_errors.append(str(e)))
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshot():
    """Save a full-page screenshot under test-results/screenshots/ for people to look at."""

    def take(page, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
