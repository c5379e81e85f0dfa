"""互相关页的插图：讲义 3×3 例子的逐窗口计算，以及循环、向量化与 PyTorch 的计时对比。"""

import json
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

from snippets.cnn.conv2d.figures import draw_grid
from snippets.cnn.cross_correlation.ex01_corr2d import corr2d
from snippets.figures import figure

BENCH_FILE = Path(__file__).with_name("bench_results.json")   # written by scripts/bench_conv2d.py

METHODS = [("loop_s", "plain loop (corr2d)"), ("vectorised_s", "vectorised (im2col + matmul)"),
           ("torch_s", "torch F.conv2d (NCHW)"), ("torch_channels_last_s", "torch, channels_last")]


def example():
    """The 3×3 input 0..8, the kernel [[0, 1], [2, 3]] and their cross-correlation."""
    X = np.arange(9).reshape(3, 3)
    W = np.array([[0, 1], [2, 3]])
    return X, W, corr2d(X, W)


@figure("corr-example")
def corr_example_figure():
    X, W, Y = example()
    fig, axes = plt.subplots(1, 3, figsize=(7.0, 2.6), gridspec_kw={"width_ratios": [3, 2, 2]})
    draw_grid(axes[0], X, "input $X$", box=(0, 0, 2, 2), small=W)
    draw_grid(axes[1], W, "kernel $W$ (not flipped)", box=(0, 0, 2, 2))
    draw_grid(axes[2], Y, "output $Y$", box=(0, 0, 1, 1), highlight=(0, 0))
    return fig


def bench_results():
    return json.loads(BENCH_FILE.read_text(encoding="utf-8"))


def bench_bars():
    """Bars to draw: for each method, (case index, milliseconds); a method missing in a case is skipped."""
    cases = bench_results()["cases"]
    return {key: [(i, c[key] * 1e3) for i, c in enumerate(cases) if key in c] for key, _ in METHODS}


@figure("bench")
def bench_figure():
    results = bench_results()
    cases, bars = results["cases"], bench_bars()
    fig, ax = plt.subplots(figsize=(8.0, 3.8))
    width = 0.2
    for m, (key, label) in enumerate(METHODS):
        xs = [i + (m - 1.5) * width for i, _ in bars[key]]
        heights = [ms for _, ms in bars[key]]
        rects = ax.bar(xs, heights, width, label=label, color=f"C{m}")
        for rect, (i, ms) in zip(rects, bars[key], strict=True):
            if key == "loop_s" and cases[i].get("loop_extrapolated"):
                rect.set_hatch("//")
                rect.set_hatchcolor(plt.rcParams["axes.edgecolor"])
                rect.set_alpha(0.6)
            ax.annotate(f"{ms:.3g}", (rect.get_x() + width / 2, ms), ha="center", va="bottom",
                        fontsize=8, textcoords="offset points", xytext=(0, 2))
    ax.set_yscale("log")
    ax.set_ylabel("time (ms, log scale)")
    ax.set_xticks(range(len(cases)), [c["name"].replace(" * ", "\n* ") for c in cases])
    ax.grid(axis="x", visible=False)
    handles, labels = ax.get_legend_handles_labels()
    if any(c.get("loop_extrapolated") for c in cases):
        handles.append(Patch(facecolor="none", edgecolor="C0", hatch="//",
                             hatchcolor=plt.rcParams["axes.edgecolor"]))
        crop = next(c["loop_measured_on"] for c in cases if c.get("loop_extrapolated"))
        labels.append(f"loop timed on a {crop[2]}x{crop[3]} crop, scaled up")
    ax.legend(handles, labels, fontsize=9, loc="upper left")
    info = results["machine"]
    ax.set_title(f"one thread, {info['cpu']}, numpy {info['numpy']}, torch {info['torch']}", fontsize=9)
    ax.set_ylim(top=max(ms for b in bars.values() for _, ms in b) * 20)
    return fig
