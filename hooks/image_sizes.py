"""Give every local <img> its intrinsic width and height, so the page does not jump as images load.

Figures are lazy-loaded SVGs (and notebook outputs are PNGs) written without a size, so the browser
learns their height only when they arrive and moves the text below them (Lighthouse: unsized images,
cumulative layout shift). After the build, when every image is in the site folder, this hook reads
each image's own size and writes it on the tag; Material's `img { max-width: 100%; height: auto }`
keeps them responsive.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path
from urllib.parse import unquote, urlsplit

IMG = re.compile(r"<img\b[^>]*>")
SRC = re.compile(r'\ssrc="([^"]+)"')
SVG_SIZE = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)(pt|px)?"[^>]*?\sheight="([\d.]+)(pt|px)?"', re.S)
PX_PER = {"pt": 4 / 3, "px": 1.0, None: 1.0}


def intrinsic_size(path: Path) -> tuple[int, int] | None:
    if path.suffix == ".svg":
        match = SVG_SIZE.search(path.read_text(encoding="utf-8", errors="replace")[:4000])
        if match:
            return (round(float(match[1]) * PX_PER[match[2]]), round(float(match[3]) * PX_PER[match[4]]))
    elif path.suffix == ".png":
        head = path.read_bytes()[:24]
        if head[:8] == b"\x89PNG\r\n\x1a\n":
            return struct.unpack(">II", head[16:24])
    return None


def sized(html_file: Path, site: Path, text: str) -> str:
    def add(match: re.Match) -> str:
        tag = match.group(0)
        src = SRC.search(tag)
        if " width=" in tag or " height=" in tag or not src or re.match(r"^(?:[a-z]+:|//)", src[1]):
            return tag
        target = (html_file.parent / unquote(urlsplit(src[1]).path)).resolve()
        if site not in target.parents or not target.is_file():
            return tag
        size = intrinsic_size(target)
        return tag if size is None else f'<img width="{size[0]}" height="{size[1]}"' + tag[4:]

    return IMG.sub(add, text)


def on_post_build(config) -> None:
    site = Path(config.site_dir).resolve()
    for html_file in site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        new = sized(html_file, site, text)
        if new != text:
            html_file.write_text(new, encoding="utf-8")
