"""二维卷积页的插图：讲义 5×5 例子的输入、翻转后的核所在窗口与输出。"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from snippets.cnn.conv2d.ex01_conv2d_loop import W, X, conv2d_loop
from snippets.figures import figure


def draw_grid(ax, A, title, box=None, box_color="C0", small=None, highlight=None, size=12):
    """Draw matrix A as a grid of numbers.

    box: (row, col, rows, cols) framed in box_color; small: matrix of the same size as the box whose
    entries are written small in the lower-right corner of each boxed cell (e.g. "x-1");
    highlight: (row, col) of one cell filled lightly with C1.
    """
    A = np.asarray(A)
    rows, cols = A.shape
    edge = plt.rcParams["axes.edgecolor"]
    if highlight is not None:
        ax.add_patch(Rectangle((highlight[1], highlight[0]), 1, 1, color="C1", alpha=0.35, lw=0))
    for r in range(rows):
        for c in range(cols):
            ax.add_patch(Rectangle((c, r), 1, 1, fill=False, edgecolor=edge, lw=0.8))
            inside = small is not None and box[0] <= r < box[0] + box[2] and box[1] <= c < box[1] + box[3]
            ax.text(c + (0.32 if inside else 0.5), r + (0.34 if inside else 0.5), f"{A[r, c]:g}",
                    ha="center", va="center", fontsize=size)
    if box is not None:
        r0, c0, h, w = box
        ax.add_patch(Rectangle((c0, r0), w, h, fill=False, edgecolor=box_color, lw=2.6))
        if small is not None:
            for u in range(h):
                for v in range(w):
                    ax.text(c0 + v + 0.97, r0 + u + 0.97, rf"$\times{{{small[u][v]:g}}}$", ha="right",
                            va="bottom", fontsize=10, color=box_color)
    ax.set_xlim(-0.05, cols + 0.05)
    ax.set_ylim(rows + 0.05, -0.05)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title)


def worked_example():
    """The numbers drawn: input, kernel, rotated kernel, output, and the top-right window (row, col, U, V)."""
    X_ = np.array(X, dtype=float)
    W_ = np.array(W, dtype=float)
    W_rot = W_[::-1, ::-1]
    Y = conv2d_loop(X, W)
    return X_, W_, W_rot, Y, (0, 2, 3, 3)


@figure("worked-example")
def worked_example_figure():
    X_, W_, W_rot, Y, box = worked_example()
    fig, axes = plt.subplots(2, 2, figsize=(4.6, 4.9), gridspec_kw={"height_ratios": [5, 3]})
    draw_grid(axes[0, 0], X_, "input $X$", box=box, small=W_rot, size=11)
    draw_grid(axes[0, 1], Y, "$Y = W * X$", box=(0, 2, 1, 1), highlight=(0, 2))
    draw_grid(axes[1, 0], W_, "kernel $W$")
    draw_grid(axes[1, 1], W_rot, "rotated $180^\\circ$", box=(0, 0, 3, 3))
    fig.tight_layout()
    return fig
