"""Figures open full size (extensions/figures.py, docs/assets/js/figure-zoom.js)."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup


def test_each_figure_image_links_to_its_own_svg_and_nothing_else_is_wrapped():
    text = ("![图](p.assets/f-light.svg#only-light){ loading=lazy }\n"
            "![图](p.assets/f-dark.svg#only-dark){ loading=lazy }\n\n"
            "![照片](photo.png) and [![已是链接](p.assets/g-light.svg#only-light)](x.md)\n")
    html = markdown.markdown(text, extensions=["attr_list", "extensions.figures"])
    soup = BeautifulSoup(html, "html.parser")
    links = soup.select("a.fig-zoom")
    assert [(a["href"], a["data-scheme"], a.img["src"], a.img["loading"]) for a in links] == [
        ("p.assets/f-light.svg", "light", "p.assets/f-light.svg#only-light", "lazy"),
        ("p.assets/f-dark.svg", "dark", "p.assets/f-dark.svg#only-dark", "lazy")]
    assert soup.select_one("img[src='photo.png']").parent.name == "p"
    assert soup.select_one("a[href='x.md'] > img")  # an image that is already a link stays as it was


@pytest.mark.browser
def test_a_tap_opens_the_figure_large_and_esc_closes_it(page_in, site_url):
    page = page_in("dark", width=390, height=844)
    page.goto(site_url + "cnn/pooling/", wait_until="load")
    links = page.locator(".md-content a.fig-zoom")
    visible = links.filter(visible=True)
    assert visible.count() == links.count() // 2 >= 1  # the light image's link is hidden with it
    first = visible.first
    first.scroll_into_view_if_needed()
    small = first.locator("img").bounding_box()["width"]
    first.click()
    dialog = page.locator("dialog.fig-dialog")
    dialog.wait_for(state="visible")
    big = dialog.locator("img")
    page.wait_for_function("() => document.querySelector('dialog.fig-dialog img').complete")
    assert big.get_attribute("src").endswith("-dark.svg") and big.bounding_box()["width"] > 1.4 * small
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert page.evaluate("() => document.documentElement.scrollWidth") == 390
