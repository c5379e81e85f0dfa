"""The convolution explorer (docs/assets/js/conv-explorer.js) in a real browser.

The numbers the explorer draws come from ``window.convExplorer.compute``; the widget reads its own
results from that function and publishes them on its element (``data-output-values``).  Here both are
compared with the Python package (the oracle) for hundreds of settings, and the widget is driven the
way a reader drives it: with the mouse, the keyboard, on a phone-width screen, in light and dark mode,
and after leaving the page and coming back.

Widgets are put on a page in two ways: the pages that carry ``<div class="conv-explorer">`` mount points
(found in the built site), and a mount point spliced into the HTML of the CNN chapter's short index page
as the browser receives it (``page.route``), so these tests never depend on another chapter being finished.
"""

from __future__ import annotations

import itertools
import json
import re
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.conv2d.ex01_conv2d_loop import W as BOOK_W
from snippets.cnn.conv2d.ex01_conv2d_loop import X as BOOK_X
from snippets.cnn.conv2d.ex01_conv2d_loop import conv2d_loop
from snippets.cnn.conv_types.ex01_conv_types import conv1d_kind, paddings
from snippets.cnn.cross_correlation.ex02_conv2d_vectorised import conv2d as corr2d
from snippets.cnn.padding_stride_2d.ex01_output_size import conv_output_size
from snippets.cnn.padding_stride_2d.ex02_stride_padding import window_sums
from snippets.cnn.stride_padding.ex01_stride_padding import check_int, conv1d, output_length

pytestmark = pytest.mark.browser

HOST = "cnn/"                 # page that receives the spliced-in widgets (a short one: loads fast)
OTHER = "ml_basics/"          # a page to navigate to and back from

# A reader's screens: a phone (touch, no hover) and a desktop with the sidebar showing.
SCREENS = {"phone": dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True),
           "desktop": dict(viewport={"width": 1280, "height": 800})}

# The mount points a chapter writes (see the header of conv-explorer.js), used for the spliced-in widgets.
WIDGETS = {
    "m1": '<div class="conv-explorer" id="cx-test-1d" data-dim="1" data-m="7" data-k="3" data-s="2" '
          'data-p="1"><p>fallback-1d</p></div>',
    "m2": '<div class="conv-explorer" id="cx-test-2d" data-dim="2" data-h="3" data-w="3" data-k="2" '
          'data-s="1" data-p="0"><p>fallback-2d</p></div>',
}


# The 2-D presets are the lecture's worked examples, with the numbers their pages print.
PRESET_VALUES = {
    # prose (cross_correlation): 输出是 [[19, 25], [37, 43]]
    "example": [[19, 25], [37, 43]],
    # prose (conv2d): the book's 5×5 example, printed [[0.0, -2.0, -1.0], [2.0, 2.0, 4.0], [-1.0, 0.0, 0.0]]
    "book": [[0, -2, -1], [2, 2, 4], [-1, 0, 0]],
    # prose (padding_stride_2d): 步长 2、无填充 ... 54 ... 72 ... 144 (printed [[54, 72], [144, 162]])
    "stride2pad0": [[54, 72], [144, 162]],
    # prose (padding_stride_2d): 步长 2、填充 1 ... 12 ... 108
    # (printed [[12, 27, 24], [63, 108, 81], [72, 117, 84]])
    "stride2pad1": [[12, 27, 24], [63, 108, 81], [72, 117, 84]],
}


# ---------------------------------------------------------------------------------------- oracles

def pattern(rows: int, cols: int) -> np.ndarray:
    """The explorer's documented default numbers: (i * cols + j) mod 10, row-major."""
    return (np.arange(rows * cols) % 10).reshape(rows, cols).astype(float)


def oracle_1d(M, K, S, P, mode, x=None, w=None, Pr=None):
    """The package's output for the explorer's setting, or None when the package refuses it.

    With ``Pr`` the ends differ: ``P`` zeros on the left, ``Pr`` on the right (np.pad, then no padding).
    """
    x = pattern(1, M)[0] if x is None else np.asarray(x, float)
    w = pattern(1, K)[0] if w is None else np.asarray(w, float)
    # the package's conv1d is the book's convolution (flipped kernel); cross-correlation flips it back
    w = w if mode == "conv" else w[::-1]
    try:
        if Pr is None:
            length = output_length(M, K, S, P)
            y = conv1d(x, w, stride=S, padding=P)
        else:
            check_int(P, "P", 0), check_int(Pr, "Pr", 0)
            length = output_length(P + M + Pr, K, S, 0)
            y = conv1d(np.pad(x, (P, Pr)), w, stride=S)
    except ValueError:
        return None
    assert len(y) == length
    return np.asarray(y, float)


def oracle_2d(H, W, K, S, P, mode, X=None, Wk=None):
    """Cross-correlation of the cross-correlation page; convolution = cross-correlation, kernel flipped."""
    X = pattern(H, W) if X is None else np.asarray(X, float)
    Wk = pattern(K, K) if Wk is None else np.asarray(Wk, float)
    if mode == "conv":
        Wk = Wk[::-1, ::-1]
    try:
        shape = conv_output_size(H, K, S, P), conv_output_size(W, K, S, P)
        Y = corr2d(X.reshape(1, 1, H, W), Wk.reshape(1, 1, K, K).copy(), stride=S, padding=P)[0, 0]
    except ValueError:
        return None
    assert Y.shape == shape
    return np.asarray(Y, float)


def test_oracles_agree_with_torch():
    """The package functions used as oracles agree with PyTorch on a few settings (and on the flips)."""
    x, w = np.arange(9.0) % 10, np.array([1.0, -2.0, 4.0])
    for S, P in [(1, 0), (2, 1), (3, 2)]:
        want = F.conv1d(torch.tensor(x).view(1, 1, -1), torch.tensor(w).view(1, 1, -1), stride=S, padding=P)
        assert np.allclose(oracle_1d(9, 3, S, P, "corr", x, w), want.flatten().numpy())
        want = F.conv1d(torch.tensor(x).view(1, 1, -1), torch.tensor(w[::-1].copy()).view(1, 1, -1),
                        stride=S, padding=P)
        assert np.allclose(oracle_1d(9, 3, S, P, "conv", x, w), want.flatten().numpy())
    # asymmetric padding: np.pad + conv1d is what F.pad + F.conv1d computes
    for P, Pr in [(0, 1), (2, 0), (1, 3)]:
        padded = F.pad(torch.tensor(x).view(1, 1, -1), (P, Pr))
        want = F.conv1d(padded, torch.tensor(w).view(1, 1, -1), stride=2)
        assert np.allclose(oracle_1d(9, 3, 2, P, "corr", x, w, Pr=Pr), want.flatten().numpy())
    X, Wk = pattern(5, 6), np.array([[1.0, 2.0], [-3.0, 5.0]])
    want = F.conv2d(torch.tensor(X).view(1, 1, 5, 6), torch.tensor(np.flip(Wk).copy()).view(1, 1, 2, 2),
                    stride=2, padding=1)[0, 0].numpy()
    assert np.allclose(oracle_2d(5, 6, 2, 2, 1, "conv", X, Wk), want)


# ---------------------------------------------------------------------------------------- helpers

@pytest.fixture(scope="module")
def api_page(browser, site_url):
    """One page for the tests that only call ``convExplorer.compute``."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + HOST)
    page.wait_for_function("() => window.convExplorer !== undefined")
    yield page
    context.close()


def splice_widgets(page, site_url, markup: str = WIDGETS["m1"] + WIDGETS["m2"]):
    """Serve HOST with ``markup`` inserted right after its title (every time it loads)."""

    def handle(route):
        response = route.fetch()
        html = response.text()
        html, n = re.subn(r"(</h1>)", r"\1" + markup.replace("\\", "\\\\"), html, count=1)
        assert n == 1, "the host page has no <h1>"
        route.fulfill(response=response, body=html)

    page.route(re.compile(re.escape(site_url + HOST) + r"(index\.html)?$"), handle)


def open_host(page_in, site_url, scheme="light", width=1280, page=None, **kwargs):
    page = page or page_in(scheme, width=width)
    splice_widgets(page, site_url, **kwargs)
    page.goto(site_url + HOST)
    page.wait_for_selector(".conv-explorer[data-cx-mounted]")
    wait_for_katex(page)
    return page


def wait_for_katex(page, selector=".conv-explorer"):
    """The explorer loads KaTeX itself; until then its formulas are plain text."""
    page.wait_for_function("sel => [...document.querySelectorAll(sel)].every(el =>"
                           " el.querySelector('.cx-formula .katex'))", arg=selector, timeout=10000)


def katex_requests(page):
    return [u for u in page.requests if u.endswith("/assets/katex/katex.min.js")]


def widget_state(page, selector):
    return page.eval_on_selector(selector, """el => ({
        shape: el.dataset.outputShape, length: el.dataset.outputLength,
        values: el.dataset.outputValues ? JSON.parse(el.dataset.outputValues) : null,
        error: el.dataset.error || null, step: Number(el.dataset.step),
        cells: [...el.querySelectorAll('.cx-outcell')].map(c => c.textContent),
        done: el.querySelectorAll('.cx-outcell.cx-done, .cx-outcell.cx-now').length,
        window: [...el.querySelectorAll('.cx-win')].map(c => c.textContent),
        playing: el.querySelector('.cx-play').getAttribute('aria-pressed') === 'true',
        alert: el.querySelector('.cx-error').hidden ? '' : el.querySelector('.cx-error').textContent,
        tex: (el.querySelector('.cx-formula annotation') || {}).textContent || '',
        formula: el.querySelector('.cx-formula').textContent,
        uis: el.querySelectorAll('.cx-ui').length,
        inputs: [...el.querySelectorAll('.cx-grid1 .cx-cell:not(.cx-kernel):not(.cx-outcell)')]
                .map(c => c.textContent),
        pads: [...el.querySelectorAll('.cx-grid1 .cx-cell:not(.cx-kernel):not(.cx-outcell)')]
              .map(c => c.classList.contains('cx-pad')),
        note: el.querySelector('.cx-note').hidden ? ''
              : el.querySelector('.cx-note').textContent.replaceAll('\u00a0', ' '),
        asym: el.querySelector('.cx-asym') ? el.querySelector('.cx-asym').checked : null,
        right: el.querySelector('input[data-param=Pr]') && !el.querySelector('input[data-param=Pr]')
               .closest('label').hidden ? el.querySelector('input[data-param=Pr]').value : null,
        left_label: el.querySelector('input[data-param=P]').closest('label').textContent.trim(),
    })""")


def set_params(page, selector, **params):
    for key, value in params.items():
        page.fill(f"{selector} input[data-param={key}]", str(value))


# ---------------------------------------------------------------------------------------- numbers

def test_explorer_1d_matches_the_package_on_a_grid(api_page):
    page = api_page
    grid = [dict(dim=1, M=M, K=K, S=S, P=P, mode=mode)
            for M, K, S, P, mode in itertools.product(range(1, 10), range(1, 6), range(0, 4), range(-1, 3),
                                                      ("corr", "conv"))]
    results = page.evaluate("grid => grid.map(o => { const r = convExplorer.compute(o); "
                            "return r.ok ? {ok: true, shape: r.outShape, values: r.values} "
                            ": {ok: false, field: r.field, error: r.error}; })", grid)
    assert len(results) == 1440
    valid = 0
    for o, r in zip(grid, results, strict=True):
        want = oracle_1d(o["M"], o["K"], o["S"], o["P"], o["mode"])
        if want is None:  # impossible setting: the widget says why instead of drawing
            assert not r["ok"], (o, r)
            assert r["field"] in ("K", "S", "P") and r["error"].startswith(r["field"]), (o, r)
            continue
        valid += 1
        assert r["ok"], (o, r)
        # output length = floor((M + 2P - K) / S) + 1
        assert r["shape"] == [len(want)] == [(o["M"] + 2 * o["P"] - o["K"]) // o["S"] + 1], (o, r)
        assert r["values"] == want.tolist(), (o, r)
    assert valid >= 400


def compute_all(page, grid):
    return page.evaluate("grid => grid.map(o => { const r = convExplorer.compute(o); "
                         "return r.ok ? {ok: true, shape: r.outShape, values: r.values, pads: [r.Pl, r.Pr],"
                         " text: r.text, tex: r.tex} : {ok: false, field: r.field, error: r.error}; })", grid)


def test_explorer_1d_asymmetric_padding_matches_the_package(api_page):
    """Different zeros on the two ends (P on the left, Pr on the right) against np.pad + conv1d."""
    pairs = [(a, b) for a in range(-1, 3) for b in range(-1, 4) if a != b]
    grid = [dict(dim=1, M=M, K=K, S=S, P=P, Pr=Pr, mode=mode)
            for M, K, S, (P, Pr), mode in itertools.product((1, 2, 3, 5, 8), range(1, 7), range(0, 4), pairs,
                                                             ("corr", "conv"))]
    assert len(grid) == 3840
    valid = 0
    for o, r in zip(grid, compute_all(api_page, grid), strict=True):
        want = oracle_1d(o["M"], o["K"], o["S"], o["P"], o["mode"], Pr=o["Pr"])
        if want is None:  # negative padding, zero stride, kernel longer than the padded input
            assert not r["ok"] and r["field"] in ("K", "S", "P", "Pr"), (o, r)
            assert r["error"].startswith(r["field"] + "（"), (o, r)
            continue
        valid += 1
        assert r["ok"], (o, r)
        M, K, S, P, Pr = o["M"], o["K"], o["S"], o["P"], o["Pr"]
        # output length = floor((M + P_left + P_right - K) / S) + 1, and the formula says so with numbers
        assert r["shape"] == [len(want)] == [(M + P + Pr - K) // S + 1], (o, r)
        assert r["values"] == want.tolist(), (o, r)
        assert r["pads"] == [P, Pr]
        assert r["text"] == (f"⌊(M + P左 + P右 − K) / S⌋ + 1 = ⌊({M} + {P} + {Pr} − {K}) / {S}⌋ + 1 "
                             f"= {len(want)}")
        assert r["tex"].endswith(f"{{{M}+{P}+{Pr}-{K}}}{{{S}}}\\right\\rfloor+1={len(want)}"), r["tex"]
    assert valid == 1380
    # equal ends given as P and Pr: the symmetric formula with 2P, and the same numbers as P alone
    both = compute_all(api_page, [dict(dim=1, M=7, K=3, S=2, P=1, Pr=1), dict(dim=1, M=7, K=3, S=2, P=1)])
    assert both[0] == both[1] and both[0]["text"] == "⌊(M + 2P − K) / S⌋ + 1 = ⌊(7 + 2×1 − 3) / 2⌋ + 1 = 4"
    # the messages name the setting (the two ends have their own names)
    bad = compute_all(api_page, [
        dict(dim=1, M=4, K=2, S=1, P=0, Pr=-1), dict(dim=1, M=4, K=2, S=1, P=-2, Pr=0),
        dict(dim=1, M=4, K=2, S=1, P=0, Pr=1.5), dict(dim=1, M=2, K=6, S=1, P=1, Pr=2),
        dict(dim=1, M=4, K=2, S=0, P=0, Pr=1), dict(dim=1, M=4, K=2, S=1, P=0, Pr=""),
        dict(dim=2, H=3, W=3, K=2, S=1, P=0, Pr=1)])
    assert [b["error"] for b in bad] == [
        "Pr（右端补零）不能是负数，收到 -1",
        "P（左端补零）不能是负数，收到 -2",
        "Pr（右端补零）必须是整数，收到 1.5",
        "K（核大小）= 6 比补零后的输入长度 M + P左 + P右 = 5 还大：卷积核放不进去，没有输出。"
        "请减小 K 或多补些零。",
        "S（步长）必须是正整数，收到 0",
        "Pr（右端补零）不能为空",
        "Pr（右端补零）只用于一维卷积，收到 dim = 2"]


def test_presets_1d_pad_like_the_package_and_pytorch(api_page):
    """Every kernel length's narrow / wide / same preset pads as ``paddings`` does; the same preset keeps
    the length M for even K too (PyTorch's padding="same" puts the extra zero on the right)."""
    Ks = range(1, 16)  # every K the widget allows
    presets = api_page.evaluate("Ks => Ks.map(K => ['narrow', 'wide', 'same'].map("
                                "kind => convExplorer.preset1d(kind, K)))", list(Ks))
    grid = []
    for K, row in zip(Ks, presets, strict=True):
        for kind, pr in zip(("narrow", "wide", "same"), row, strict=True):
            assert pr["S"] == 1 and (pr["P"], pr["Pr"]) == paddings(kind, K), (kind, K, pr)
        same = row[2]
        grid += [dict(dim=1, M=M, K=K, S=1, P=same["P"], Pr=same["Pr"], mode="conv") for M in (1, 2, 5, 9)]
    for o, r in zip(grid, compute_all(api_page, grid), strict=True):
        M, K = o["M"], o["K"]
        x, w = pattern(1, M)[0], pattern(1, K)[0]
        assert r["ok"] and r["shape"] == [M], (o, r)
        assert r["values"] == conv1d_kind(x, w, "same").tolist(), (o, r)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # torch warns that even K needs a padded copy
            torch_same = F.conv1d(torch.tensor(x).view(1, 1, -1), torch.tensor(w[::-1].copy()).view(1, 1, -1),
                                  padding="same").flatten()
        assert len(torch_same) == M and r["values"] == torch_same.tolist(), (o, r)
    # the note of an even K says where the extra zero goes
    note = presets[3][2]["note"]  # K = 4
    assert "K\u00a0−\u00a01\u00a0=\u00a03" in note  # the expressions do not break at a narrow width
    note = note.replace("\u00a0", " ")
    assert "左端补 ⌊(K − 1)/2⌋ = 1 个，右端补 K/2 = 2 个" in note and 'padding="same"' in note
    assert "右边" in note and note.endswith("输出长度仍是 M。")
    assert len(grid) == 60


def test_explorer_2d_matches_the_package_on_a_grid(api_page):
    page = api_page
    grid = [dict(dim=2, H=H, W=W, K=K, S=S, P=P, mode=mode)
            for H, W, K, S, P, mode in itertools.product((1, 2, 3, 5, 6), (1, 3, 4, 6), range(1, 5),
                                                         range(0, 4), range(-1, 3), ("corr", "conv"))]
    # the lecture's cases, with their sizes
    grid += [dict(dim=2, H=32, W=32, K=5, S=1, P=0, mode="corr"),
             dict(dim=2, H=5, W=5, K=3, S=2, P=0, mode="corr"),
             dict(dim=2, H=5, W=5, K=3, S=2, P=1, mode="corr")]
    results = page.evaluate("grid => grid.map(o => { const r = convExplorer.compute(o); "
                            "return r.ok ? {ok: true, shape: r.outShape, values: r.values} "
                            ": {ok: false, field: r.field, error: r.error}; })", grid)
    valid = 0
    for o, r in zip(grid, results, strict=True):
        want = oracle_2d(o["H"], o["W"], o["K"], o["S"], o["P"], o["mode"])
        if want is None:
            assert not r["ok"] and r["error"].startswith(r["field"]), (o, r)
            continue
        valid += 1
        assert r["ok"], (o, r)
        assert r["shape"] == list(want.shape), (o, r)
        assert np.array_equal(np.asarray(r["values"], float), want), (o, r)
    assert valid >= 800
    assert [r["shape"] for r in results[-3:]] == [[28, 28], [2, 2], [3, 3]]


def test_presets_2d_are_the_pages_examples(api_page):
    """Each 2-D preset carries its example's own input and kernel and gives the numbers its page prints."""
    presets = api_page.evaluate("() => convExplorer.presets2d")
    assert list(presets) == ["example", "book", "stride2pad0", "stride2pad1", "lenet"]
    book = presets["book"]
    assert (book["input"], book["kernel"], book["mode"]) == (BOOK_X, BOOK_W, "conv")
    for name in ("stride2pad0", "stride2pad1"):   # the page's arange(25) and all-ones 3x3 kernel
        assert presets[name]["input"] == np.arange(25).reshape(5, 5).tolist(), name
        assert presets[name]["kernel"] == np.ones((3, 3), int).tolist(), name
    grid = [dict(dim=2, mode=p["mode"], input=p.get("input"), kernel=p.get("kernel"), **p["st"])
            for p in presets.values()]
    got = dict(zip(presets, compute_all(api_page, grid), strict=True))
    want = {"example": oracle_2d(3, 3, 2, 1, 0, "corr"), "book": conv2d_loop(BOOK_X, BOOK_W),
            "stride2pad0": window_sums(5, 2, 0).numpy(), "stride2pad1": window_sums(5, 2, 1).numpy(),
            "lenet": oracle_2d(32, 32, 5, 1, 0, "corr")}
    for name, r in got.items():
        assert r["ok"] and r["values"] == want[name].tolist(), name
        if name in PRESET_VALUES:
            assert r["values"] == PRESET_VALUES[name], name
            assert json.dumps(r["values"]) in presets[name]["note"], name   # the note quotes them
    # prose (padding_stride_2d): 32×32 ... 5×5 ... 输出为 28×28
    assert got["lenet"]["shape"] == [28, 28] and "输出 28×28" in presets["lenet"]["note"]


def test_explorer_uses_given_numbers_exactly(api_page):
    """Non-default inputs and kernels (floats, negatives) give the package's values."""
    page = api_page
    rng = np.random.default_rng(6)
    grid = []
    for _ in range(60):
        M, K = int(rng.integers(3, 12)), int(rng.integers(1, 4))
        grid.append(dict(dim=1, M=M, K=K, S=int(rng.integers(1, 4)), P=int(rng.integers(0, 3)),
                         mode=str(rng.choice(["corr", "conv"])),
                         input=np.round(rng.normal(size=M), 3).tolist(),
                         kernel=np.round(rng.normal(size=K), 3).tolist()))
    for _ in range(60):
        H, W, K = int(rng.integers(2, 7)), int(rng.integers(2, 7)), int(rng.integers(1, 3))
        grid.append(dict(dim=2, H=H, W=W, K=K, S=int(rng.integers(1, 3)), P=int(rng.integers(0, 2)),
                         mode=str(rng.choice(["corr", "conv"])),
                         input=rng.integers(-5, 6, size=(H, W)).tolist(),
                         kernel=rng.integers(-3, 4, size=(K, K)).tolist()))
    results = page.evaluate("grid => grid.map(o => convExplorer.compute(o).values)", grid)
    for o, got in zip(grid, results, strict=True):
        if o["dim"] == 1:
            want = oracle_1d(o["M"], o["K"], o["S"], o["P"], o["mode"], o["input"], o["kernel"])
        else:
            want = oracle_2d(o["H"], o["W"], o["K"], o["S"], o["P"], o["mode"], o["input"], o["kernel"])
        assert np.allclose(np.asarray(got, float), want, rtol=0, atol=1e-9), (o, got, want)
    # the API refuses wrong shapes and names the argument
    bad = page.evaluate("() => [convExplorer.compute({dim: 1, M: 3, K: 2, S: 1, P: 0, input: [1, 2]}),"
                        " convExplorer.compute({dim: 2, H: 2, W: 2, K: 2, S: 1, P: 0, kernel: [[1, 2]]}),"
                        " convExplorer.compute({dim: 3}),"
                        " convExplorer.compute({dim: 1, M: 2.5, K: 1, S: 1, P: 0}),"
                        " convExplorer.compute({dim: 1, M: 4, K: 1, S: 1, P: 0, mode: 'flip'})]")
    assert [b["field"] for b in bad] == ["input", "kernel", "dim", "M", "mode"]
    assert all(not b["ok"] and b["error"].startswith(b["field"]) for b in bad)


def test_widget_draws_what_the_package_computes(page_in, site_url):
    """Set the parameters with the widget's own fields and read the drawn output cells."""
    page = open_host(page_in, site_url)
    one, two = "#cx-test-1d", "#cx-test-2d"
    # the page's default settings: M=7, K=3, S=2, P=1 -> 4 outputs
    state = widget_state(page, one)
    assert state["length"] == "4" and state["values"] == oracle_1d(7, 3, 2, 1, "corr").tolist()
    assert state["tex"].endswith("=4") and state["cells"] == [str(int(v)) for v in state["values"]]
    # the lecture's 2-D example: 0..8 with [[0, 1], [2, 3]] -> [[19, 25], [37, 43]]
    state = widget_state(page, two)
    assert state["shape"] == "2x2" and state["values"] == [[19, 25], [37, 43]]
    assert state["cells"] == ["19", "25", "37", "43"]

    settings_1d = [dict(M=9, K=4, S=1, P=3), dict(M=12, K=5, S=3, P=2), dict(M=5, K=5, S=1, P=0)]
    for s in settings_1d:
        set_params(page, one, **s)
        for mode in ("corr", "conv"):
            page.check(f"{one} input[type=radio][value={mode}]")
            state = widget_state(page, one)
            want = oracle_1d(s["M"], s["K"], s["S"], s["P"], mode)
            assert state["values"] == want.tolist(), (s, mode, state)
            assert state["cells"] == [str(int(v)) for v in want], (s, mode)
            assert state["length"] == str(len(want))
    settings_2d = [dict(H=32, W=32, K=5, S=1, P=0), dict(H=5, W=5, K=3, S=2, P=0),
                   dict(H=5, W=5, K=3, S=2, P=1), dict(H=4, W=6, K=3, S=2, P=2)]
    for s in settings_2d:
        set_params(page, two, **s)
        for mode in ("corr", "conv"):
            page.check(f"{two} input[type=radio][value={mode}]")
            state = widget_state(page, two)
            want = oracle_2d(s["H"], s["W"], s["K"], s["S"], s["P"], mode)
            assert state["shape"] == "x".join(map(str, want.shape))
            assert state["cells"] == [str(int(v)) for v in want.flatten()], (s, mode)
    # the lecture's presets: each gives its page's numbers, and only its own button is pressed
    def pressed(sel):
        return page.eval_on_selector_all(f"{sel} .cx-preset[aria-pressed=true]",
                                         "bs => bs.map(b => b.dataset.preset)")

    assert pressed(two) == []                    # 4x6, K=3, S=2, P=2 is none of them
    for preset, mode in [("stride2pad0", "corr"), ("stride2pad1", "corr"), ("book", "conv"),
                         ("example", "corr")]:
        page.click(f"{two} button[data-preset={preset}]")
        state = widget_state(page, two)
        assert pressed(two) == [preset] and page.is_checked(f"{two} input[type=radio][value={mode}]")
        want = PRESET_VALUES[preset]
        assert state["values"] == want, preset
        assert state["cells"] == [str(v) for row in want for v in row], preset
    set_params(page, two, S=2)                   # any change leaves the example: no button pressed
    assert pressed(two) == []
    # 1-D presets: narrow M-K+1, wide M+K-1, same M (M=7, K=3)
    set_params(page, one, M=7, K=3)
    lengths = {}
    for preset in ("narrow", "wide", "same"):
        page.click(f"{one} button[data-preset={preset}]")
        lengths[preset] = widget_state(page, one)["length"]
        assert pressed(one) == [preset]
    assert lengths == {"narrow": "5", "wide": "9", "same": "7"}
    # dilation: M=9, K=3, S=1, P=1, D=3 -> floor((9 + 2 - 3 * 2 - 1) / 1) + 1 = 5 outputs
    page.check(f"{one} input[type=radio][value=corr]")
    set_params(page, one, M=9, S=1, P=1, D=3)
    state = widget_state(page, one)
    want = torch_dilated(pattern(1, 9)[0], pattern(1, 3)[0], 1, 1, 3, "corr", 1)
    assert state["length"] == str(len(want)) == "5" and state["values"] == want.tolist()
    assert "空洞卷积" in state["note"]
    page.click(f"{one} .cx-next")                 # y[1]: taps at padded positions 1, 4, 7 (x[0], x[3], x[6])
    assert widget_state(page, one)["window"] == ["0", "3", "6"]
    columns = page.eval_on_selector_all(f"{one} .cx-kernel", "ks => ks.map(k => k.style.gridColumnStart)")
    assert columns == ["3", "6", "9"]             # the kernel row has D - 1 = 2 holes between its cells
    page.click(f"{one} button[data-preset=same]")  # the three kinds of convolution are undilated
    assert page.input_value(f"{one} input[data-param=D]") == "1" and widget_state(page, one)["length"] == "9"


def test_same_preset_with_an_even_kernel_pads_one_more_zero_on_the_right(page_in, site_url):
    """On the conv_types page (prose: K = 4 and 等宽卷积 -> 1 zero on the left, 2 on the right, still 5
    outputs), and for every even K the widget allows."""
    page = page_in()
    page.goto(site_url + "cnn/conv_types/")
    sel = ".conv-explorer"
    wait_for_katex(page, sel)
    x = [1, 2, 3, 4, 5]                          # the page's input; its kernel [1, 2, 3] only fits K = 3
    state = widget_state(page, sel)
    assert state["length"] == "5" and state["asym"] is False and state["right"] is None
    assert state["pads"] == [True, False, False, False, False, False, True]

    set_params(page, sel, K=4)
    page.click(f"{sel} button[data-preset=same]")
    state = widget_state(page, sel)
    want = conv1d_kind(x, pattern(1, 4)[0], "same")  # the page's mode is the book's convolution
    assert state["length"] == "5" and state["values"] == want.tolist() == [4, 10, 16, 22, 22]
    assert state["cells"] == ["4", "10", "16", "22", "22"]
    assert state["inputs"] == ["0", "1", "2", "3", "4", "5", "0", "0"]
    assert state["pads"] == [True] + [False] * 5 + [True, True]
    assert page.input_value(f"{sel} input[data-param=P]") == "1" and state["right"] == "2" and state["asym"]
    assert state["left_label"] == "左端补零 P左"
    assert state["note"] == ("等宽卷积：S = 1。K = 4 是偶数，要补 K − 1 = 3 个零，两端没法一样多："
                             "左端补 ⌊(K − 1)/2⌋ = 1 个，右端补 K/2 = 2 个"
                             '（PyTorch 的 padding="same" 也把多出的那个零补在右边），输出长度仍是 M。')
    wait_for_katex(page, sel)
    tex = widget_state(page, sel)["tex"]
    assert "{M+P_{\\text{左}}+P_{\\text{右}}-K}{S}" in tex and tex.endswith("{5+1+2-4}{1}\\right\\rfloor+1=5")
    page.focus(f"{sel} .cx-stage")
    page.keyboard.press("End")                   # the last window: x[3], x[4] and both zeros on the right
    assert widget_state(page, sel)["window"] == ["4", "5", "0", "0"]

    for K in range(2, 16, 2):                    # every even K up to the widget's limit of 15
        set_params(page, sel, K=K)
        page.click(f"{sel} button[data-preset=same]")
        state = widget_state(page, sel)
        left, right = paddings("same", K)
        assert state["length"] == "5" and state["pads"] == [True] * left + [False] * 5 + [True] * right, K
        assert state["values"] == conv1d_kind(x, pattern(1, K)[0], "same").tolist(), K
        assert f"左端补 ⌊(K − 1)/2⌋ = {left} 个，右端补 K/2 = {right} 个" in state["note"]
    # the symmetric presets switch the two ends back together
    set_params(page, sel, K=3)
    page.click(f"{sel} button[data-preset=wide]")
    state = widget_state(page, sel)
    assert state["asym"] is False and state["right"] is None and state["length"] == "7"
    assert state["pads"] == [True, True] + [False] * 5 + [True, True]
    assert state["left_label"] == "填充 P"
    assert page.console_errors == []


def test_both_ends_can_be_set_with_the_keyboard(page_in, site_url):
    page = open_host(page_in, site_url, markup=WIDGETS["m1"])
    one = "#cx-test-1d"
    page.focus(f"{one} input[data-param=P]")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('cx-asym')")
    assert page.evaluate("() => document.activeElement.labels[0].textContent") == "两端补零不同"
    page.keyboard.press(" ")
    state = widget_state(page, one)
    assert state["asym"] and state["right"] == "1" and state["length"] == "4"   # starts equal to P
    page.keyboard.press("Shift+Tab")             # the right end's field sits just before the checkbox
    assert page.evaluate("() => document.activeElement.dataset.param") == "Pr"
    page.keyboard.press("Control+a")
    page.keyboard.type("3")
    state = widget_state(page, one)
    want = oracle_1d(7, 3, 2, 1, "corr", Pr=3)   # M=7, K=3, S=2: floor((7 + 1 + 3 - 3) / 2) + 1 = 5
    assert state["length"] == "5" and state["values"] == want.tolist()
    assert state["pads"] == [True] + [False] * 7 + [True] * 3
    wait_for_katex(page, one)
    assert widget_state(page, one)["tex"].endswith("{7+1+3-3}{2}\\right\\rfloor+1=5")
    set_params(page, one, Pr=-1)                 # a negative right end is refused by name
    state = widget_state(page, one)
    assert state["alert"] == "Pr（右端补零）不能是负数，收到 -1" and state["values"] is None
    assert page.get_attribute(f"{one} input[data-param=Pr]", "aria-invalid") == "true"
    set_params(page, one, Pr=0)
    assert widget_state(page, one)["values"] == oracle_1d(7, 3, 2, 1, "corr", Pr=0).tolist()
    page.focus(f"{one} .cx-asym")
    page.keyboard.press(" ")                     # unchecked: the right end follows P again
    state = widget_state(page, one)
    assert not state["asym"] and state["right"] is None and state["length"] == "4"
    assert state["values"] == oracle_1d(7, 3, 2, 1, "corr").tolist()
    assert state["left_label"] == "填充 P"


def test_impossible_settings_show_a_message_not_a_picture(page_in, site_url):
    page = open_host(page_in, site_url)
    one = "#cx-test-1d"
    cases = [(dict(M=3, K=6, S=1, P=1), "K"), (dict(M=7, K=3, S=0, P=1), "S"), (dict(S=1, P=-1), "P"),
             (dict(P=0, M=""), "M")]
    for params, field in cases:
        set_params(page, one, **params)
        state = widget_state(page, one)
        assert state["error"] and state["alert"].startswith(field), (params, state)
        assert state["values"] is None and state["cells"] == [], params
        assert page.get_attribute(f"{one} input[data-param={field}]", "aria-invalid") == "true"
        assert page.locator(f"{one} .cx-error").is_visible()
    set_params(page, one, M=7, K=3, S=2, P=1)  # and it recovers
    state = widget_state(page, one)
    assert state["error"] is None and state["length"] == "4" and state["alert"] == ""


# ---------------------------------------------------------------------------------------- interaction

def test_keyboard_reaches_every_control_and_steps_the_window(page_in, site_url):
    page = open_host(page_in, site_url, markup=WIDGETS["m1"])
    one = "#cx-test-1d"
    page.focus(f"{one} input[data-param=M]")
    reached = []
    for _ in range(20):
        reached.append(page.evaluate("""() => { const a = document.activeElement;
            if (!a.closest('#cx-test-1d')) return null;
            return a.dataset.param || a.dataset.preset || (a.type === 'radio' ? 'radio' : a.className); }"""))
        if reached[-1] is None:
            break
        page.keyboard.press("Tab")
    reached = [r for r in reached if r]
    assert reached[:4] == ["M", "K", "S", "P"]
    for wanted in ("cx-asym", "D", "radio", "narrow", "wide", "same", "cx-stage", "cx-play", "cx-next",
                   "cx-end", "cx-reset", "cx-speed"):
        assert any(wanted in r for r in reached), (wanted, reached)

    page.focus(f"{one} .cx-stage")
    assert widget_state(page, one)["step"] == 1
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    state = widget_state(page, one)
    # step 3 of 4: window at padded positions 4..6 (x = 3, 4, 5), outputs 0..2 filled
    assert state["step"] == 3 and state["window"] == ["3", "4", "5"] and state["done"] == 3
    page.keyboard.press("ArrowLeft")
    assert widget_state(page, one)["step"] == 2
    page.keyboard.press("End")
    assert widget_state(page, one)["step"] == 4 and widget_state(page, one)["done"] == 4
    page.keyboard.press("Home")
    page.keyboard.press(" ")                       # play
    assert widget_state(page, one)["playing"]
    page.wait_for_function("() => document.querySelector('#cx-test-1d').dataset.step === '4'", timeout=5000)
    page.wait_for_function("() => document.querySelector('#cx-test-1d .cx-play')"
                           ".getAttribute('aria-pressed') === 'false'", timeout=3000)  # stops at the end
    page.keyboard.press(" ")                       # play again from the start, then pause
    page.keyboard.press(" ")
    state = widget_state(page, one)
    assert not state["playing"] and state["step"] == 1
    # the buttons do the same with the mouse
    page.click(f"{one} .cx-next")
    assert widget_state(page, one)["step"] == 2
    assert page.is_disabled(f"{one} .cx-prev") is False
    page.click(f"{one} .cx-reset")
    assert widget_state(page, one)["step"] == 1 and page.is_disabled(f"{one} .cx-prev")


def serve_sitemap_for_loopback(page, site_url):
    """Instant navigation only follows links listed in sitemap.xml, whose addresses name the public
    site_url; Material keeps their port and path, so point them at the loopback server instead."""

    def handle(route):
        response = route.fetch()
        text = response.text()
        public = re.search(r"<loc>([^<]+)</loc>", text).group(1)  # the first entry is the home page
        route.fulfill(response=response, body=text.replace(f"<loc>{public}", f"<loc>{site_url}"))

    page.route(site_url + "sitemap.xml", handle)


def away_and_back(page, site_url, times: int) -> None:
    """Follow a link to another page, then go back to the widgets, ``times`` times. The site has no
    instant navigation (mkdocs.yml): each way is a page load, and the document it leaves is gone."""
    for _ in range(times):
        page.evaluate("() => { window.leftBehind = true; }")
        page.evaluate("href => { const a = document.createElement('a'); a.href = href;"
                      " document.querySelector('.md-content').append(a); a.click(); }", site_url + OTHER)
        page.wait_for_url(site_url + OTHER)
        page.wait_for_function("() => !document.querySelector('.conv-explorer')")
        page.go_back()
        page.wait_for_selector("#cx-test-2d[data-cx-mounted]")
        assert page.evaluate("() => window.leftBehind === undefined"), "going back did not load the page"


def test_away_and_back_mounts_once(page_in, site_url):
    """To another page and back, twice: one widget per mount point, one listener (the script mounts when
    it runs, at DOMContentLoaded and on Material's document$, and must build each widget once)."""
    page = page_in()
    serve_sitemap_for_loopback(page, site_url)
    splice_widgets(page, site_url)
    page.goto(site_url + HOST, wait_until="networkidle")
    page.wait_for_selector("#cx-test-2d[data-cx-mounted]")
    away_and_back(page, site_url, times=2)
    for sel in ("#cx-test-1d", "#cx-test-2d"):
        assert widget_state(page, sel)["uis"] == 1
    assert page.locator(".conv-explorer").count() == 2
    page.focus("#cx-test-1d .cx-stage")
    page.keyboard.press("ArrowRight")               # one listener: exactly one step
    assert widget_state(page, "#cx-test-1d")["step"] == 2
    assert page.console_errors == []


def test_explorer_loads_katex_once_and_renders_with_it(page_in, site_url):
    """The pages carry no KaTeX script; the explorer inserts katex.min.js (next to its own script) once,
    however often the settings change, and once again on each page load, and typesets its formulas with it."""
    page = page_in()
    serve_sitemap_for_loopback(page, site_url)
    splice_widgets(page, site_url)
    page.goto(site_url + HOST, wait_until="networkidle")
    wait_for_katex(page)
    for s in (dict(M=9, K=4), dict(S=1, P=0), dict(K=2, P=2)):
        set_params(page, "#cx-test-1d", **s)
    for s in (dict(H=5, K=3), dict(S=2, P=1), dict(W=6)):
        set_params(page, "#cx-test-2d", **s)
    page.check("#cx-test-1d .cx-asym")
    set_params(page, "#cx-test-1d", Pr=1)
    # M=9, K=2, S=1, P=2 on the left and 1 on the right: floor((9 + 2 + 1 - 2) / 1) + 1 = 11
    assert widget_state(page, "#cx-test-1d")["tex"].endswith("{9+2+1-2}{1}\\right\\rfloor+1=11")
    # one script element, resolved next to conv-explorer.js (Material drops it from <head> on navigation)
    assert page.evaluate("() => [...document.scripts].map(s => s.src).filter(s => s.includes('katex'))") == \
        [site_url + "assets/katex/katex.min.js"]
    assert katex_requests(page) == [site_url + "assets/katex/katex.min.js"]
    page.requests.clear()
    away_and_back(page, site_url, times=2)  # two more loads of the widgets' page: once each
    wait_for_katex(page)
    assert katex_requests(page) == [site_url + "assets/katex/katex.min.js"] * 2
    assert page.evaluate("() => [...document.scripts].filter(s => s.src.includes('katex')).length") == 1
    # the page's own settings again after navigating back, typeset: M=7, K=3, S=2, P=1 -> 4; 2x2
    assert widget_state(page, "#cx-test-1d")["tex"].endswith("{7+2\\times1-3}{2}\\right\\rfloor+1=4")
    assert widget_state(page, "#cx-test-2d")["tex"].endswith("{3+2\\times0-2}{1}\\right\\rfloor+1=2"
                                                            "\\end{aligned}")
    assert page.locator(".katex-error").count() == 0
    assert page.console_errors == []


def test_formula_is_text_until_katex_arrives_and_stays_text_if_it_never_does(page_in, site_url):
    text_4 = "⌊(M + 2P − K) / S⌋ + 1 = ⌊(7 + 2×1 − 3) / 2⌋ + 1 = 4"
    text_5 = "⌊(M + 2P − K) / S⌋ + 1 = ⌊(9 + 2×1 − 3) / 2⌋ + 1 = 5"
    # held back: the text formula follows the settings, then KaTeX typesets the current one
    page = page_in()
    held = []
    page.route(site_url + "assets/katex/katex.min.js", lambda route: held.append(route))
    splice_widgets(page, site_url, markup=WIDGETS["m1"])
    page.goto(site_url + HOST, wait_until="domcontentloaded")
    page.wait_for_selector("#cx-test-1d[data-cx-mounted]")
    for _ in range(100):                          # until the explorer has asked for KaTeX
        if held:
            break
        page.wait_for_timeout(50)
    assert widget_state(page, "#cx-test-1d")["formula"] == text_4
    set_params(page, "#cx-test-1d", M=9)
    assert widget_state(page, "#cx-test-1d")["formula"] == text_5
    assert len(held) == 1 and page.locator(".cx-formula .katex").count() == 0
    held[0].continue_()
    wait_for_katex(page)
    assert widget_state(page, "#cx-test-1d")["tex"].endswith("{9+2\\times1-3}{2}\\right\\rfloor+1=5")
    assert page.console_errors == []
    # never arrives: the text formula stays, and our code throws nothing
    page = page_in()
    page.route(site_url + "assets/katex/katex.min.js", lambda route: route.abort())
    splice_widgets(page, site_url, markup=WIDGETS["m1"])
    with page.expect_event("requestfailed", lambda r: r.url.endswith("katex.min.js")):
        page.goto(site_url + HOST)
    page.wait_for_selector("#cx-test-1d[data-cx-mounted]")
    set_params(page, "#cx-test-1d", M=9)
    page.evaluate("() => new Promise(r => setTimeout(r, 100))")
    assert widget_state(page, "#cx-test-1d")["formula"] == text_5
    assert page.locator(".cx-formula .katex").count() == 0 and len(katex_requests(page)) == 1
    assert [e for e in page.console_errors if not e.startswith("Failed to load resource")] == []


def test_fallback_text_shows_only_without_scripts(browser, page_in, site_url):
    page = open_host(page_in, site_url)
    assert not page.locator("text=fallback-1d").is_visible()
    context = browser.new_context(java_script_enabled=False)
    try:
        plain = context.new_page()
        splice_widgets(plain, site_url)
        plain.goto(site_url + HOST)
        assert plain.locator("text=fallback-1d").is_visible()
        assert plain.locator("text=fallback-2d").is_visible()
    finally:
        context.close()


def test_explorer_is_accessible_and_marks_disabled_and_pressed_buttons(page_in, site_url, scheme, axe_url):
    """axe finds nothing; in both schemes a disabled button is not drawn like an enabled one (dark mode once
    gave both the link colour), and the preset in use is marked."""
    page = open_host(page_in, site_url, scheme)
    two = "#cx-test-2d"
    page.focus(f"{two} input[data-param=H]")      # no button has the focus or the mouse
    page.mouse.move(0, 0)
    look = page.evaluate("""sel => Object.fromEntries(['.cx-prev', '.cx-next', '[data-preset=example]',
        '[data-preset=lenet]'].map(b => {
          const e = document.querySelector(sel + ' ' + b), s = getComputedStyle(e);
          return [b, {disabled: e.disabled, color: s.color, border: s.borderTopColor, ring: s.boxShadow,
                      pressed: e.getAttribute('aria-pressed'),
                      mark: getComputedStyle(e, '::before').content}];
        }))""", two)
    prev, nxt, example, lenet = look.values()
    assert prev["disabled"] and not nxt["disabled"]
    assert prev["color"] != nxt["color"] and prev["border"] != nxt["border"], look
    assert (example["pressed"], lenet["pressed"]) == ("true", "false")
    assert example["ring"] != lenet["ring"] == "none", look
    assert (example["mark"], lenet["mark"]) == ('"✓"', "none"), look
    page.click("#cx-test-1d .cx-next")
    page.check("#cx-test-1d .cx-asym")             # with both padding fields showing
    page.add_script_tag(url=axe_url)
    result = page.evaluate("""async () => {
        const r = await axe.run({include: [['#cx-test-1d'], ['#cx-test-2d']]}, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                                        html: v.nodes.slice(0, 3).map(n => n.html)}));
    }""")
    assert result == [], json.dumps(result, ensure_ascii=False, indent=1)


# ---------------------------------------------------------------------------------------- the chapters

def explorer_pages(site_dir: Path, built_pages: list[Path]) -> list[str]:
    return sorted(str(p.parent.relative_to(site_dir)) + "/" for p in built_pages
                  if 'class="conv-explorer' in p.read_text(encoding="utf-8"))


CHAPTER_EXPLORERS = {"cnn/stride_padding/", "cnn/conv_types/", "cnn/cross_correlation/",
                     "cnn/padding_stride_2d/"}


# What each chapter page's widget shows first, as the page's text says: (output, pressed preset).
CHAPTER_DEFAULTS = {
    # prose (stride_padding): 取 S=2、P=1，输出长度为 4，输出是 [-1, 2, 1, -2]
    "cnn/stride_padding/": ([-1, 2, 1, -2], []),
    # prose (conv_types): M=5、K=3 的等宽卷积（S=1、P=1）……输出是 [4, 10, 16, 22, 22]
    "cnn/conv_types/": ([4, 10, 16, 22, 22], ["same"]),
    # prose (cross_correlation): 3×3 输入、2×2 卷积核、步长 1、无填充为例，输出为 2×2：[[19, 25], [37, 43]]
    "cnn/cross_correlation/": (PRESET_VALUES["example"], ["example"]),
    # prose (padding_stride_2d): 32×32 输入、5×5 卷积核、步长 1、无填充为例，输出为 28×28
    "cnn/padding_stride_2d/": (oracle_2d(32, 32, 5, 1, 0, "corr").astype(int).tolist(), ["lenet"]),
}


def page_oracle(d: dict) -> list:
    """The package's output for a mount point's data- attributes (1-D presets are narrow/wide/same)."""
    mode = d.get("mode", "corr")
    x, w = json.loads(d.get("input", "null")), json.loads(d.get("kernel", "null"))
    if d["dim"] == "2":
        return oracle_2d(int(d["h"]), int(d["w"]), int(d["k"]), int(d["s"]), int(d["p"]), mode, x, w).tolist()
    M, K = int(d["m"]), int(d["k"])
    S, P, Pr = (1, *paddings(d["preset"], K)) if "preset" in d else (int(d["s"]), int(d["p"]), None)
    return oracle_1d(M, K, S, P, mode, x, w, Pr=Pr).tolist()


def test_every_mount_point_in_the_chapters_mounts(page_in, site_url, site_dir, built_pages):
    """Each chapter widget mounts on a phone with its page's own settings and shows the page's numbers."""
    pages = explorer_pages(site_dir, built_pages)
    assert CHAPTER_EXPLORERS <= set(pages) and CHAPTER_EXPLORERS == set(CHAPTER_DEFAULTS), pages
    page = page_in("light", **SCREENS["phone"])
    for rel in pages:
        page.goto(site_url + rel, wait_until="networkidle")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, (rel, overflow)
        states = page.eval_on_selector_all(".conv-explorer", """els => els.map(el => ({
            mounted: el.hasAttribute('data-cx-mounted'), error: el.dataset.error || null,
            uis: el.querySelectorAll('.cx-ui').length, fallback: el.querySelector('.cx-fallback').hidden,
            data: {...el.dataset}, values: JSON.parse(el.dataset.outputValues || 'null'),
            pressed: [...el.querySelectorAll('.cx-preset[aria-pressed=true]')]
                     .map(b => b.dataset.preset)}))""")
        assert states, rel
        for s in states:
            # each page's own settings are possible ones, drawn once, with the fallback hidden
            assert s["mounted"] and s["uis"] == 1 and s["fallback"] and s["error"] is None, (rel, s)
            assert s["values"] == page_oracle(s["data"]), rel
        if rel in CHAPTER_DEFAULTS:
            [s] = states
            assert (s["values"], s["pressed"]) == CHAPTER_DEFAULTS[rel], rel
    assert page.console_errors == []


# ------------------------------------------------------------------------------------- on a reader's screen

# Step through the windows with the widget's own "下一步" button (and, between samples of a long run, its
# go()), and after each step measure where the current window, its kernel row, the row labels and the
# current output cell are: inside the visible part of their scroll box, right of the row labels.
STEP_THROUGH_JS = """([sel, steps]) => {
  const root = document.querySelector(sel), two = root.dataset.dim === '2';
  const rect = els => { const q = [...els].map(e => e.getBoundingClientRect());
    return {left: Math.min(...q.map(r => r.left)), right: Math.max(...q.map(r => r.right)),
            top: Math.min(...q.map(r => r.top)), bottom: Math.max(...q.map(r => r.bottom))}; };
  const inside = (r, box, left) => r.left >= left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1
                                   && r.bottom <= box.bottom + 1;
  const boxes = two ? [...root.querySelectorAll('.cx-mat .cx-box')] : [root.querySelector('.cx-stage')];
  const y0 = scrollY, bad = [];
  root.querySelector('.cx-reset').click();
  for (const step of steps) {
    if (step === Number(root.dataset.step) + 1) root.querySelector('.cx-next').click();
    else if (step !== 1) root.convExplorer.go(step);
    const inBox = boxes[0].getBoundingClientRect(), outBox = boxes[boxes.length - 1].getBoundingClientRect();
    let left = inBox.left;
    if (!two) {
      const labels = rect(root.querySelectorAll('.cx-label'));
      if (labels.left < inBox.left - 1 || labels.right > inBox.right) bad.push([step, 'labels']);
      left = labels.right;
      if (!inside(rect(root.querySelectorAll('.cx-kernel')), inBox, left)) bad.push([step, 'kernel']);
    }
    if (!inside(rect(root.querySelectorAll('.cx-win')), inBox, left)) bad.push([step, 'window']);
    if (!inside(rect([root.querySelector('.cx-outcell.cx-now')]), outBox, two ? outBox.left : left))
      bad.push([step, 'output']);
    if (Number(root.dataset.step) !== step) bad.push([step, 'step']);
  }
  return {bad: bad.slice(0, 10), pageScrolled: scrollY - y0,
          boxes: boxes.map(b => { const r = b.getBoundingClientRect();
            return {left: r.left, right: r.right,
                    scrolls: b.scrollWidth > b.clientWidth || b.scrollHeight > b.clientHeight}; })};
}"""

# The reported cases: M = 40 as on stride_padding (on the desktop the sidebar once pushed the window
# off-screen for steps 1-13), a dilated kernel, the 32x32 default of padding_stride_2d, and a 2-D grid that
# scrolls both ways. (widget markup, its steps to check)
IN_VIEW = {
    "cx-v1": ('data-dim="1" data-m="40" data-k="3" data-s="2" data-p="1" data-mode="conv"', range(1, 21)),
    "cx-v2": ('data-dim="1" data-m="30" data-k="3" data-s="1" data-p="1" data-d="3"', range(1, 27)),
    # both ends of the first and the last row, and every 29th step in between (each row, many columns)
    "cx-v3": ('data-dim="2" data-h="32" data-w="32" data-k="5" data-s="1" data-p="0"',
              [*range(1, 8), *range(23, 757, 29), *range(757, 762), *range(778, 785)]),
    "cx-v4": ('data-dim="2" data-h="6" data-w="6" data-k="2" data-s="1" data-p="2"', range(1, 82)),
}


NEGATIVE = ('<div class="conv-explorer" id="cx-neg" data-dim="1" data-m="4" data-k="2" data-s="1" '
            'data-p="1" data-input="[3, -1, 2, 5]" data-kernel="[-2, 1]"></div>')
READER_MARKUP = WIDGETS["m1"] + WIDGETS["m2"] + NEGATIVE + "".join(
    f'<div class="conv-explorer" id="{k}" {a}></div>' for k, (a, _) in IN_VIEW.items())


def reader_page(browser, site_url, screen):
    """The host page with READER_MARKUP on a phone or a desktop, shared by the tests of this section
    (loading and drawing it is the slow part); each test sets the state it needs first."""
    context = browser.new_context(**SCREENS[screen])
    page = context.new_page()
    page.console_errors = []  # type: ignore[attr-defined]
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    open_host(None, site_url, page=page, markup=READER_MARKUP)
    return context, page


@pytest.fixture(scope="module")
def phone_page(browser, site_url):
    context, page = reader_page(browser, site_url, "phone")
    yield page
    context.close()


@pytest.fixture(scope="module")
def desktop_page(browser, site_url):
    context, page = reader_page(browser, site_url, "desktop")
    yield page
    context.close()


@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_current_window_stays_in_view_at_every_step(request, screen):
    page = request.getfixturevalue(f"{screen}_page")
    width = page.evaluate("() => innerWidth")
    for sel, (attrs, steps) in IN_VIEW.items():
        page.locator(f"#{sel} .cx-stage").scroll_into_view_if_needed()
        got = page.evaluate(STEP_THROUGH_JS, [f"#{sel}", list(steps)])
        assert got["bad"] == [], (screen, attrs, got)
        assert got["pageScrolled"] == 0, "stepping scrolls the widget's own boxes, never the page"
        assert any(b["scrolls"] for b in got["boxes"]), ("big enough to need scrolling", attrs, got)
        assert all(0 <= b["left"] and b["right"] <= width for b in got["boxes"]), got["boxes"]
    assert page.console_errors == []


def test_jump_to_end_and_the_speed_control(desktop_page):
    """跳到最后 shows the whole output at once; the fastest speed plays the 32x32 preset in seconds."""
    page = desktop_page
    two = "#cx-test-2d"
    page.click(f"{two} button[data-preset=lenet]")
    page.click(f"{two} .cx-end")
    state = widget_state(page, two)
    assert state["step"] == 784 and state["done"] == 784
    hidden = page.eval_on_selector_all(f"{two} .cx-outcell", "cs => cs.filter(c => c.ariaHidden === 'true'"
                                       " || getComputedStyle(c).color === 'rgba(0, 0, 0, 0)').length")
    assert hidden == 0, "every output value is shown"
    assert page.is_disabled(f"{two} .cx-end") and page.is_disabled(f"{two} .cx-next")
    assert not page.is_disabled(f"{two} .cx-prev")
    assert page.evaluate("() => document.activeElement.classList.contains('cx-stage')"), \
        "the focused button became disabled: the focus moves to the stage, not to the page"
    page.keyboard.press("Home")                   # back to the first step
    assert widget_state(page, two)["done"] == 1 and not page.is_disabled(f"{two} .cx-end")
    speeds = page.eval_on_selector_all(f"{two} .cx-speed option", "os => os.map(o => [o.value, o.selected])")
    assert speeds == [["1", False], ["2", True], ["5", False], ["20", False], ["100", False]]
    page.select_option(f"{two} .cx-speed", "100")
    page.click(f"{two} .cx-play")
    started = page.evaluate("() => performance.now()")
    page.wait_for_function("sel => Number(document.querySelector(sel).dataset.step) >= 120", arg=two,
                           timeout=10000)
    rate = page.evaluate(f"t => Number(document.querySelector('{two}').dataset.step) / "
                         "((performance.now() - t) / 1000)", started)
    assert rate > 40, f"{rate:.0f} steps/s: the 784 steps would take {784 / rate:.0f} s"
    page.select_option(f"{two} .cx-speed", "1")   # a new speed while playing keeps playing
    assert widget_state(page, two)["playing"]
    page.click(f"{two} .cx-end")                  # and 跳到最后 stops the playback
    state = widget_state(page, two)
    assert not state["playing"] and state["step"] == 784
    assert page.console_errors == []


def test_touch_screens_get_big_targets_and_no_keyboard_hint(phone_page):
    """On a touch screen every button, radio and checkbox label, number field and the speed select is at
    least 40 px both ways, and there is no hint about the ← → and space keys."""
    page = phone_page
    targets = page.evaluate("""() => [...document.querySelectorAll(
        '.conv-explorer :is(.md-button, .cx-radio, .cx-check, .cx-num, .cx-speed)')]
        .filter(e => e.offsetParent)
        .map(e => { const r = e.getBoundingClientRect();
                    return [e.className, Math.round(r.width), Math.round(r.height)]; })""")
    assert len(targets) >= 30
    small = [t for t in targets if min(t[1], t[2]) < 40]
    assert small == [], small
    for sel in ("#cx-test-1d", "#cx-test-2d"):      # no ← → or space bar on a touch screen
        assert not page.locator(f"{sel} .cx-keys").is_visible()
        assert page.locator(f"{sel} .cx-data").is_visible()
    assert page.console_errors == []


def test_phone_wraps_the_grids_and_scrolls_their_boxes_not_the_page(phone_page, screenshot):
    """At 390 px (touch) the 2-D output sits below the input, on screen, for the page's example, the stride
    presets and the 32x32 preset (which scrolls inside its own box to the cell being computed); the 1-D
    fields with both padding ends fit too, and the page itself never scrolls sideways."""
    page = phone_page
    page.check("#cx-test-1d .cx-asym")             # the extra padding field and its checkbox fit too
    set_params(page, "#cx-test-1d", Pr=2)
    sel = "#cx-test-2d"
    for preset in ("example", "stride2pad1", "lenet"):
        page.click(f"{sel} button[data-preset={preset}]")
        page.click(f"{sel} .cx-next")
        got = page.evaluate("""sel => {
            const root = document.querySelector(sel), [inp, ker, out] = root.querySelectorAll('.cx-mat');
            const r = e => e.getBoundingClientRect(), box = out.querySelector('.cx-box'), now = r(
              root.querySelector('.cx-outcell.cx-now'));
            return {view: innerWidth, page: document.documentElement.scrollWidth,
                    out: [r(out).left, r(out).right], below: r(out).top >= r(inp).bottom,
                    nowIn: now.left >= r(box).left && now.right <= r(box).right
                           && now.top >= r(box).top && now.bottom <= r(box).bottom,
                    scrolls: box.scrollWidth > box.clientWidth, focusable: box.tabIndex === 0};
        }""", sel)
        assert got["page"] <= got["view"] and got["below"] and got["nowIn"], (preset, got)
        assert 0 <= got["out"][0] and got["out"][1] <= got["view"], (preset, got)
        # the 28 columns of the 32x32 preset scroll inside their box, which the keyboard can reach
        assert got["scrolls"] == got["focusable"] == (preset == "lenet"), (preset, got)
    assert page.console_errors == []
    page.locator(sel).scroll_into_view_if_needed()
    screenshot(page, "explorer-390")            # (last: a full-page screenshot resizes the page)


def test_small_text_details(desktop_page):
    """Negative factors in parentheses, padding zeros keep their dashed, striped look inside the window,
    readable weight labels (and none where the cells are too small for them)."""
    page = desktop_page
    page.click("#cx-test-2d button[data-preset=example]")
    assert page.locator("#cx-neg .cx-keys").is_visible()  # the keyboard hint is for screens with a keyboard
    page.click("#cx-neg .cx-next")
    # y[1] = x[0]·w[0] + x[1]·w[1] with x = [3, -1, 2, 5] and the kernel [-2, 1]
    assert page.text_content("#cx-neg .cx-status") == "y[1] = 3×(-2) + (-1)×1 = -7"
    page.click("#cx-neg .cx-reset")               # the first window holds the left padding zero
    pad = page.eval_on_selector("#cx-neg .cx-cell.cx-pad.cx-win", """c => { const s = getComputedStyle(c);
        return [s.borderTopStyle, s.backgroundImage]; }""")
    assert pad[0] == "dashed" and "repeating-linear-gradient" in pad[1], pad
    set_params(page, "#cx-test-2d", P=1)          # 2-D: a padding zero in the window, weight labels
    label = page.eval_on_selector("#cx-test-2d .cx-cell.cx-win", """c => {
        const s = getComputedStyle(c, '::after'); return [s.content, parseFloat(s.fontSize)]; }""")
    assert label[0] == '"×0"' and label[1] >= 10, label
    assert page.eval_on_selector("#cx-test-2d .cx-cell.cx-pad.cx-win",
                                 "c => getComputedStyle(c).borderTopStyle") == "dashed"
    set_params(page, "#cx-test-2d", H=32, W=32)   # small cells: no label (the status line lists the products)
    assert page.eval_on_selector("#cx-test-2d .cx-cell.cx-win",
                                 "c => getComputedStyle(c, '::after').content") == "none"
    # messages: the setting's name, then the problem, with no stray space between
    set_params(page, "#cx-test-2d", S=0)
    assert widget_state(page, "#cx-test-2d")["alert"] == "S（步长）必须是正整数，收到 0"
    assert page.console_errors == []


def test_mounts_from_a_file_copy(page_in, site_dir):
    """Opened from the file system, Material's document$ never fires; the widget mounts anyway, so the
    fallback "需要启用 JavaScript" is not shown while scripts run, and it loads KaTeX from beside itself."""
    page = page_in()
    page.goto((site_dir / "cnn" / "stride_padding" / "index.html").as_uri())
    page.wait_for_selector(".conv-explorer[data-cx-mounted]", timeout=5000)
    assert not page.locator("text=需要启用 JavaScript").is_visible()
    wait_for_katex(page)
    assert widget_state(page, ".conv-explorer")["values"] == [-1, 2, 1, -2]
    # only the fonts' CORS refusals of file:// remain, and Material's search asking for the index as a
    # script (search_index.js), which only the offline copy has (OFFLINE=true, test_offline_copy.py)
    assert [e for e in page.console_errors if "CORS" not in e and "Failed to load resource" not in e
            and not e.endswith("/search/search_index.js")] == []


# ---------------------------------------------------------------------------------------- dilation

def torch_dilated(x, w, S, P, D, mode, dim):
    """PyTorch's conv1d / conv2d with dilation D (cross-correlation; the book's convolution flips w)."""
    w = np.flip(w).copy() if mode == "conv" else np.asarray(w, float)
    conv = F.conv1d if dim == 1 else F.conv2d
    try:
        y = conv(torch.tensor(x, dtype=torch.float64)[None, None],
                 torch.tensor(w, dtype=torch.float64)[None, None], stride=S, padding=P, dilation=D)
    except RuntimeError:  # "Kernel size can't be greater than actual input size"
        return None
    return y[0, 0].numpy()


def test_dilation_matches_pytorch(api_page):
    """空洞卷积: the kernel's taps are D apart; output length floor((M + 2P - D(K - 1) - 1) / S) + 1."""
    grid = [dict(dim=1, M=M, K=K, S=S, P=P, D=D, mode=mode)
            for M, K, S, P, D, mode in itertools.product((1, 4, 7, 12), range(1, 5), (1, 2, 3), (0, 1, 3),
                                                         range(1, 5), ("corr", "conv"))]
    grid += [dict(dim=2, H=H, W=W, K=K, S=S, P=P, D=D, mode="corr")
             for H, W, K, S, P, D in itertools.product((3, 6), (4, 7), (2, 3), (1, 2), (0, 1), (1, 2, 3))]
    valid = 0
    for o, r in zip(grid, compute_all(api_page, grid), strict=True):
        dim, K, S, P, D = o["dim"], o["K"], o["S"], o["P"], o["D"]
        x = pattern(1, o["M"])[0] if dim == 1 else pattern(o["H"], o["W"])
        want = torch_dilated(x, pattern(1, K)[0] if dim == 1 else pattern(K, K), S, P, D, o["mode"], dim)
        if want is None:
            assert not r["ok"] and r["field"] in ("K", "D"), (o, r)
            assert r["error"].startswith(r["field"] + "（"), (o, r)
            continue
        valid += 1
        sizes = [o["M"]] if dim == 1 else [o["H"], o["W"]]
        assert r["ok"] and r["shape"] == [(n + 2 * P - D * (K - 1) - 1) // S + 1 for n in sizes], (o, r)
        assert np.array_equal(np.asarray(r["values"], float), want), (o, r)
    assert valid >= 450
    one = compute_all(api_page, [dict(dim=1, M=7, K=3, S=2, P=1, D=2), dict(dim=1, M=4, K=3, S=1, P=0, D=2),
                                 dict(dim=1, M=4, K=3, S=1, P=0, D=0)])
    assert one[0]["text"] == "⌊(M + 2P − D(K − 1) − 1) / S⌋ + 1 = ⌊(7 + 2×1 − 2×(3 − 1) − 1) / 2⌋ + 1 = 3"
    assert one[0]["tex"].endswith("{7+2\\times1-2\\times(3-1)-1}{2}\\right\\rfloor+1=3")
    assert one[1]["error"] == ("D（膨胀率）= 2 时，K = 3 的核跨 D(K − 1) + 1 = 5 格，"
                               "比补零后的输入长度 M + 2P = 4 还大：卷积核放不进去，没有输出。"
                               "请减小 D 或增大 P。")
    assert one[2]["error"] == "D（膨胀率）必须是正整数，收到 0"
