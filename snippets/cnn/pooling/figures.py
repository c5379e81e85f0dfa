"""汇聚层页的插图：4×4 的特征映射分成四个 2×2 区域，最大汇聚与平均汇聚的结果。"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from snippets.cnn.conv2d.figures import draw_grid
from snippets.cnn.pooling.ex01_pool2d import EXAMPLE, pool2d_loop
from snippets.figures import figure


def pooled():
    """The example, its 2×2 max pooling and its 2×2 average pooling (stride 2)."""
    X = np.array(EXAMPLE, dtype=float)
    return X, pool2d_loop(X, 2), pool2d_loop(X, 2, mode="avg")


def _frame_regions(ax, n, size):
    """Frame each size×size region of an n×n grid in its own colour C0, C1, ..."""
    for k, (r, c) in enumerate((r, c) for r in range(0, n, size) for c in range(0, n, size)):
        ax.add_patch(Rectangle((c + 0.06, r + 0.06), size - 0.12, size - 0.12, fill=False,
                               edgecolor=f"C{k}", lw=2.4))


@figure("pooling")
def pooling_figure():
    X, Y_max, Y_avg = pooled()
    fig, axes = plt.subplot_mosaic("XX;MA", figsize=(4.2, 5.2), height_ratios=[4, 2.4])
    draw_grid(axes["X"], X, "feature map, $2\\times 2$ regions")
    _frame_regions(axes["X"], 4, 2)
    draw_grid(axes["M"], Y_max, "max pooling")
    draw_grid(axes["A"], Y_avg, "average pooling")
    for name in "MA":
        _frame_regions(axes[name], 2, 1)
    fig.tight_layout()
    return fig
