"""互相关页的插图：讲义 3×3 例子的逐窗口计算，以及循环、向量化与 PyTorch 的计时对比。"""

import json
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

from snippets.cnn.conv2d.figures import draw_grid
from snippets.cnn.cross_correlation.ex01_corr2d import corr2d
from snippets.figures import figure

BENCH_FILE = Path(__file__).with_name("bench_results.json")   # written by scripts/bench_conv2d.py

METHODS = [("loop_s", "plain loop"), ("vectorised_s", "vectorised (im2col)"),
           ("torch_s", "torch, default NCHW"), ("torch_channels_last_s", "torch, channels_last")]
CASE_LABELS = ["$3\\times 3$", "$5\\times 5$", "$3\\times 224^2$"]   # the input of each case


def example():
    """The 3×3 input 0..8, the kernel [[0, 1], [2, 3]] and their cross-correlation."""
    X = np.arange(9).reshape(3, 3)
    W = np.array([[0, 1], [2, 3]])
    return X, W, corr2d(X, W)


@figure("corr-example")
def corr_example_figure():
    X, W, Y = example()
    fig, axes = plt.subplot_mosaic("XW;XY", figsize=(4.4, 3.2), width_ratios=[3, 2])
    draw_grid(axes["X"], X, "input $X$", box=(0, 0, 2, 2), small=W)
    draw_grid(axes["W"], W, "kernel $W$", box=(0, 0, 2, 2))
    draw_grid(axes["Y"], Y, "output $Y$", box=(0, 0, 1, 1), highlight=(0, 0))
    fig.tight_layout()
    return fig


def bench_results():
    return json.loads(BENCH_FILE.read_text(encoding="utf-8"))


def bench_bars():
    """Bars to draw: for each method, (case index, milliseconds); a method missing in a case is skipped."""
    cases = bench_results()["cases"]
    return {key: [(i, c[key] * 1e3) for i, c in enumerate(cases) if key in c] for key, _ in METHODS}


def time_label(ms):
    """A duration in ms as the page writes it: 12 µs, 3.3 ms, 85 s."""
    if ms < 1:
        return f"{ms * 1e3:.0f} µs" if ms >= 0.01 else f"{ms * 1e3:.1f} µs"
    return f"{ms:.2g} ms" if ms < 1000 else f"{ms / 1e3:.0f} s"


@figure("bench")
def bench_figure():
    cases, bars = bench_results()["cases"], bench_bars()
    fig, ax = plt.subplots(figsize=(4.6, 4.2))
    height = 0.2
    for m, (key, label) in enumerate(METHODS):
        ys = [i + (m - 1.5) * height for i, _ in bars[key]]
        widths = [ms for _, ms in bars[key]]
        rects = ax.barh(ys, widths, height, label=label, color=f"C{m}")
        for rect, (i, ms) in zip(rects, bars[key], strict=True):
            if key == "loop_s" and cases[i].get("loop_extrapolated"):
                rect.set_hatch("//")
                rect.set_hatchcolor(plt.rcParams["axes.edgecolor"])
            ax.annotate(time_label(ms), (ms, rect.get_y() + height / 2), va="center", ha="left",
                        textcoords="offset points", xytext=(2, 0))
    ax.set_xscale("log")
    ax.set_xlabel("time (ms, log scale; hatched: estimated)")
    ax.set_yticks(range(len(cases)), CASE_LABELS[:len(cases)])
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.set_xlim(right=max(ms for b in bars.values() for _, ms in b) * 30)
    ax.legend(loc="upper center", bbox_to_anchor=(0.45, -0.2), ncols=2, handlelength=1.2)
    return fig
