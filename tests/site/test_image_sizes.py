"""Every local image in the built site carries its own width and height (hooks/image_sizes.py).

Without them a lazy-loaded figure pushes the text below it down when it arrives (layout shift).
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from hooks.image_sizes import intrinsic_size


def test_every_local_image_has_its_intrinsic_size(site_dir: Path):
    checked, problems = 0, []
    for page in sorted(site_dir.rglob("*.html")):
        for img in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("img"):
            src = img.get("src", "")
            if not src or re.match(r"^(?:[a-z]+:|//)", src):
                continue
            target = (page.parent / src.split("#")[0].split("?")[0]).resolve()
            size = intrinsic_size(target) if target.is_file() else None
            if size is None:
                continue
            checked += 1
            if (img.get("width"), img.get("height")) != (str(size[0]), str(size[1])):
                problems.append(f"{page.relative_to(site_dir)}: {src} has {img.get('width')}x"
                                f"{img.get('height')}, the file is {size[0]}x{size[1]}")
    assert checked >= 10 and not problems, problems


def test_intrinsic_size_reads_svg_points_and_png_headers(tmp_path: Path):
    svg = tmp_path / "a.svg"
    svg.write_text('<?xml version="1.0"?>\n<svg xmlns:xlink="x" width="411.9pt" height="175.5pt" '
                   'viewBox="0 0 411.9 175.5">', encoding="utf-8")
    png = tmp_path / "b.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + (640).to_bytes(4, "big")
                    + (106).to_bytes(4, "big") + b"\x08\x06\x00\x00\x00")
    assert intrinsic_size(svg) == (549, 234)          # 1 pt = 4/3 px
    assert intrinsic_size(png) == (640, 106)
    assert intrinsic_size(tmp_path / "c.txt") is None
