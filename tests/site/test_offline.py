"""Everything a page loads comes from the site itself: no CDN, no web fonts, no analytics.

The build itself runs with the network cut off (see the ``site_dir`` fixture), so a
build step that downloads anything fails there. Here the built HTML and CSS are
read for any script, stylesheet, font, image or frame that another host would serve.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

# <link rel=...> values that make the browser fetch the target
FETCHING_RELS = {"stylesheet", "preload", "modulepreload", "icon", "shortcut", "apple-touch-icon",
                 "manifest", "prefetch", "preconnect", "dns-prefetch"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


def is_remote(url: str) -> bool:
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url.strip(), re.I))


def remote_loads_in_html(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(["script", "img", "iframe", "source", "audio", "video", "embed", "object"]):
        for attr in ("src", "data", "srcset", "poster"):
            value = tag.get(attr)
            if value and is_remote(value.split()[0]):
                found.append(f"<{tag.name} {attr}={value}>")
    for link in soup.find_all("link"):
        if FETCHING_RELS & {r.lower() for r in link.get("rel", [])} and is_remote(link.get("href", "")):
            found.append(f"<link rel={link.get('rel')} href={link['href']}>")
    for style in soup.find_all("style"):
        found += [f"<style> url({u})" for u in CSS_URL.findall(style.get_text()) if is_remote(u)]
    for tag in soup.find_all(style=True):
        found += [f"style=url({u})" for u in CSS_URL.findall(tag["style"]) if is_remote(u)]
    return found


def test_no_page_loads_anything_from_another_host(site_dir: Path):
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        for load in remote_loads_in_html(page.read_text(encoding="utf-8")):
            problems.append(f"{page.relative_to(site_dir)}: {load}")
    for css in sorted(site_dir.rglob("*.css")):
        for url in CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace")):
            if is_remote(url):
                problems.append(f"{css.relative_to(site_dir)}: url({url})")
    assert not problems, "\n".join(problems)


def test_katex_and_its_fonts_are_served_by_the_site(site_dir: Path):
    katex = site_dir / "assets" / "katex"
    css = (katex / "katex.min.css").read_text(encoding="utf-8")
    woff2 = set(re.findall(r"fonts/([\w-]+\.woff2)", css))
    assert woff2 and all((katex / "fonts" / name).is_file() for name in woff2)


def test_detector_finds_remote_loads():
    html = ('<script src="https://cdn.example/katex.js"></script><link rel="stylesheet" '
            'href="//fonts.example/css"><img src="a.png"><a href="https://example.org">ok</a>'
            '<style>@import "https://x.example/a.css";</style>')
    found = remote_loads_in_html(html)
    assert len(found) == 3 and not any("a.png" in f or "example.org" in f for f in found)
