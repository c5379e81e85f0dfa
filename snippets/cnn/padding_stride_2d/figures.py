"""二维填充与步长页的插图：输出大小随层数的变化；步长 2 时窗口在（补零后的）输入上的位置。"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from snippets.cnn.conv2d.figures import draw_grid
from snippets.cnn.padding_stride_2d.ex01_output_size import sizes_by_depth
from snippets.figures import figure

LAYERS = 7
SETTINGS = [  # (label, K, S, P) for a 32×32 input
    ("$K=5$, $P=0$, $S=1$", 5, 1, 0),
    ("$K=5$, $P=2$, $S=1$", 5, 1, 2),
    ("$K=5$, $P=2$, $S=2$", 5, 2, 2),
]


def depth_curves(H=32):
    """Output side length after 0..LAYERS layers for each setting (stops when the kernel no longer fits)."""
    curves = {}
    for label, K, S, P in SETTINGS:
        sizes = [H]
        while len(sizes) <= LAYERS and K <= sizes[-1] + 2 * P:
            sizes = sizes_by_depth(H, K, len(sizes), S, P)
        curves[label] = sizes
    return curves


@figure("size-vs-depth")
def size_vs_depth_figure():
    fig, ax = plt.subplots(figsize=(4.6, 3.4))
    for label, sizes in depth_curves().items():
        ax.plot(range(len(sizes)), sizes, marker="o", label=label)
    ax.set_xlabel("layer")
    ax.set_ylabel("output side length")
    ax.set_xticks(range(LAYERS + 1))
    ax.set_yticks([1, 4, 8, 16, 28, 32])
    ax.legend(loc="upper right", bbox_to_anchor=(1.02, 0.94))
    ax.set_title("$32\\times 32$ input, $5\\times 5$ kernels")
    return fig


def padded_example(P):
    """The 5×5 input 0..24 padded with P rings of zeros, and a mask of the padding cells."""
    X = np.arange(25).reshape(5, 5)
    Xp = np.pad(X, P)
    mask = np.pad(np.zeros((5, 5), bool), P, constant_values=True)
    return Xp, mask


def window_corners(H, K, S, P):
    """Top-left corners (row, col) of the windows, in the padded input's coordinates."""
    n = (H + 2 * P - K) // S + 1
    return [(i * S, j * S) for i in range(n) for j in range(n)]


@figure("stride-windows")
def stride_windows_figure():
    fig, axes = plt.subplots(2, 1, figsize=(4.0, 6.6), gridspec_kw={"height_ratios": [5, 7]})
    for ax, P in zip(axes, (0, 1), strict=True):
        Xp, mask = padded_example(P)
        draw_grid(ax, Xp, f"$S=2$, $P={P}$: output "
                  f"${(5 + 2 * P - 3) // 2 + 1}\\times{(5 + 2 * P - 3) // 2 + 1}$")
        for r, c in zip(*np.nonzero(mask), strict=True):          # padding cells: shaded
            ax.add_patch(Rectangle((c, r), 1, 1, color="C5", alpha=0.25, lw=0))
        first_row = [(r, c) for r, c in window_corners(5, 3, 2, P) if r == 0]
        for k, (r, c) in enumerate(first_row):                      # the first row of windows
            inset = 0.08 * (k + 1)
            ax.add_patch(Rectangle((c + inset, r + inset), 3 - 2 * inset, 3 - 2 * inset, fill=False,
                                   edgecolor=f"C{k}", lw=2.2))
    return fig
