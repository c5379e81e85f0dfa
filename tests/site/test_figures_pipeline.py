"""The figure pipeline: registry rules, deterministic SVG, and a cache that never goes stale."""

from __future__ import annotations

import importlib
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from snippets import figures

ROOT = Path(__file__).resolve().parents[2]


def load_hook(name: str):
    return importlib.import_module(f"hooks.{name}")


def tiny():
    fig, ax = plt.subplots(figsize=(2, 1))
    ax.plot([0, 1], [0, 1])
    return fig


def test_render_is_deterministic_and_styled():
    light = figures.render(tiny, figures.STYLES["light"])
    assert light == figures.render(tiny, figures.STYLES["light"])  # same bytes every build
    dark = figures.render(tiny, figures.STYLES["dark"])
    assert figures.STYLES["light"].cycle[0].encode() in light
    assert figures.STYLES["dark"].cycle[0].encode() in dark


def test_asset_path_follows_the_page():
    assert figures.page_of("snippets.cnn.conv1d.figures") == "cnn/conv1d"
    assert figures.asset_path("snippets.cnn.conv1d.figures", "filters", "dark") == \
        "cnn/conv1d.assets/filters-dark.svg"
    with pytest.raises(ValueError, match="figures must live"):
        figures.page_of("snippets.cnn.figures")


@pytest.mark.parametrize("bad", ["", "a b", "x/y", "名字"])
def test_figure_names_are_checked(bad):
    with pytest.raises(ValueError, match="^figure name"):
        figures.figure(bad)


def test_every_page_figure_module_is_discovered():
    found = figures.discover()
    on_disk = sorted(".".join(p.relative_to(ROOT).with_suffix("").parts)
                     for p in (ROOT / "snippets").glob("*/*/figures.py"))
    assert found == on_disk and "snippets.cnn.conv1d.figures" in found


def fake_project(root: Path) -> None:
    """snippets/ with two pages that have figures; page b's figures use a module of page a."""
    for rel, text in {
        "snippets/__init__.py": "", "snippets/figures.py": "STYLE = 1\n", "snippets/c/__init__.py": "",
        "snippets/c/a/__init__.py": "", "snippets/c/a/ex01_x.py": "x = 1\n",
        "snippets/c/a/figures.py": "from snippets.c.a.ex01_x import x\n", "snippets/c/a/data.json": "{}",
        "snippets/c/b/__init__.py": "", "snippets/c/b/figures.py": "from snippets.c.a import ex01_x\n",
        "snippets/c/d/__init__.py": "", "snippets/c/d/ex01_y.py": "y = 1\n",
        "snippets/c/d/figures.py": "import snippets.figures\n", "requirements.txt": "numpy==1\n",
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)


def test_page_keys_follow_code_data_imports_and_pins(tmp_path):
    hook = load_hook("figures")
    fake_project(tmp_path)
    assert hook.figure_pages(tmp_path) == ["c/a", "c/b", "c/d"]

    def keys():
        return {page: hook.page_key(tmp_path, page) for page in ("c/a", "c/b", "c/d")}

    before = keys()
    assert len(set(before.values())) == 3
    changed = {}
    for rel, text in [("snippets/c/a/ex01_x.py", "x = 2\n"), ("snippets/c/a/data.json", '{"a": 1}'),
                      ("snippets/c/d/ex01_y.py", "y = 2\n"), ("snippets/c/d/figures.py", "import snippets\n"),
                      ("snippets/figures.py", "STYLE = 2\n"), ("requirements.txt", "numpy==2\n")]:
        old = keys()
        (tmp_path / rel).write_text(text)
        changed[rel] = sorted(page for page, key in keys().items() if key != old[page])
    assert changed == {
        "snippets/c/a/ex01_x.py": ["c/a", "c/b"],   # b imports a's module: both are redrawn
        "snippets/c/a/data.json": ["c/a"],          # data beside a's code
        "snippets/c/d/ex01_y.py": [],               # d's figures do not import it: nothing to redraw
        "snippets/c/d/figures.py": ["c/d"],         # only the page whose figures changed
        "snippets/figures.py": ["c/a", "c/b", "c/d"],
        "requirements.txt": ["c/a", "c/b", "c/d"],
    }


def test_a_page_folder_without_init_is_still_drawn(tmp_path):
    # pkgutil.walk_packages skips folders without __init__.py; the build imports a page's figure module by
    # its name, so a missing __init__.py cannot make figures vanish (the layout test names it instead)
    import shutil
    import subprocess
    import sys

    (tmp_path / "snippets" / "c" / "p").mkdir(parents=True)
    for name in ("__init__.py", "figures.py"):
        shutil.copy(ROOT / "snippets" / name, tmp_path / "snippets" / name)
    (tmp_path / "snippets" / "c" / "p" / "figures.py").write_text(
        "import matplotlib.pyplot as plt\nfrom snippets.figures import figure\n\n\n"
        "@figure('tiny')\ndef tiny():\n    fig, ax = plt.subplots(figsize=(2, 1))\n    return fig\n")
    hook = load_hook("figures")
    assert hook.figure_pages(tmp_path) == ["c/p"]
    out = subprocess.run([sys.executable, "-m", "snippets.figures", str(tmp_path / "out"), "--page", "c/p"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in (tmp_path / "out" / "c" / "p.assets").iterdir()) == \
        ["tiny-dark.svg", "tiny-light.svg"] == sorted(Path(p).name for p in hook.declared_figures(tmp_path))


def test_missing_katex_is_a_clear_build_error(tmp_path):
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="npm ci"):
        load_hook("katex").katex_dist(tmp_path)


def test_declared_names_match_the_registry():
    # the build adds files by the decorator names read with ast, before anything is drawn
    hook = load_hook("figures")
    figures.discover()
    registered = sorted(figures.asset_path(m, n, s) for (m, n) in figures.REGISTRY for s in hook.STYLES)
    assert hook.declared_figures(ROOT) == registered
    assert sorted(hook.STYLES) == sorted(figures.STYLES)


def test_drawing_with_a_wrong_name_fails_the_build_naming_the_page(tmp_path):
    from mkdocs.exceptions import PluginError

    hook = load_hook("figures")
    (tmp_path / "draw" / "a" / "b.assets").mkdir(parents=True)
    (tmp_path / "draw" / "a" / "b.assets" / "y-light.svg").write_text("<svg/>")
    done = __import__("subprocess").Popen(["true"])
    with pytest.raises(PluginError, match=r"snippets/a/b/figures.py: the figures drawn differ"):
        hook.finish_drawing(tmp_path / "draw", [done], {"a/b": tmp_path / "key"},
                            {"a/b": ["a/b.assets/x-light.svg"]})
    assert not (tmp_path / "draw").exists() and not (tmp_path / "key").exists()


def registered_figures():
    figures.discover()
    return sorted(figures.REGISTRY.items())


@pytest.mark.parametrize(("key", "draw"), registered_figures(),
                         ids=lambda v: ":".join(v) if isinstance(v, tuple) else "")
def test_every_figure_renders_in_both_styles(key, draw, site_dir):
    # one check for every registered figure, on the SVG files the build drew with figures.render
    # (drawing them again here would double the work); the page tests check what each figure shows
    module, name = key
    page = module.removeprefix("snippets.").removesuffix(".figures").replace(".", "/")
    light, dark = ((site_dir / f"{page}.assets" / f"{name}-{s}.svg").read_bytes() for s in ("light", "dark"))
    assert light.startswith(b"<?xml") and b"<svg" in light and light != dark
    assert figures.STYLES["dark"].foreground.encode() in dark
    for svg in (light, dark):  # drawn for a phone: no label under 10 px in its 358 px column
        assert figures.legibility(svg)[1] == [], figures.legibility(svg)[1]


def test_legibility_reads_label_sizes_from_the_svg():
    def labelled(width_in: float, size: float):
        def draw():
            fig, ax = plt.subplots(figsize=(width_in, 2))
            ax.plot([0, 1], [0, 1])
            ax.set_xlabel("$w_1$ label", fontsize=size)
            ax.tick_params(labelsize=size)
            return fig
        return draw

    svg = figures.render(labelled(4.0, 12), figures.STYLES["light"])
    width, labels = figures.label_sizes(svg)
    assert 3.0 * 72 < width < 4.2 * 72  # bbox tight: the drawing and its labels, not the figure size
    assert {size for _, size in labels} == {12.0} and any("label" in text for text, _ in labels)
    smallest, small = figures.legibility(svg)
    assert small == [] and smallest == pytest.approx(12 * figures.rendered_px(width) / width)
    # 7 pt text on a 9-inch figure: about 4 px on a phone, and the message says what to change
    smallest, small = figures.legibility(figures.render(labelled(9.0, 7), figures.STYLES["light"]))
    assert smallest < 5 and "at most" in small[-1] and "pt =" in small[0]
    # a narrow figure is not scaled down: 8 pt text is 10.7 px at its natural size
    assert figures.rendered_px(200) == pytest.approx(200 * 4 / 3)
