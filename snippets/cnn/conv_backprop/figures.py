"""卷积层反向传播页的插图：前向的每条连线，在反向时把误差项送回输入。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.cnn.conv_backprop.ex01_conv1d_grad import conv1d_grads
from snippets.figures import figure

EXAMPLE_X = [1, 2, 3, 4, 5]     # M = 5
EXAMPLE_W = [1, 2, 3]           # K = 3
EXAMPLE_DELTA = [1, -1, 2]      # dL/dz


def edges(M, K):
    """前向的连线 (t, s, k)：输出 z_t 经权重 w_k 连到输入 x_s，s = t + k - 1（下标从 1 开始）。"""
    return [(t, t + k - 1, k) for t in range(1, M - K + 2) for k in range(1, K + 1)]


def _row(ax, positions, values, y, padded=None):
    padded = [False] * len(values) if padded is None else padded
    for pos, value, pad in zip(positions, values, padded, strict=True):
        ax.scatter(pos, y, s=420, facecolor="none", edgecolor="C5" if pad else "C0",
                   linestyle="--" if pad else "-", linewidth=1.6, zorder=2)
        ax.text(pos, y, f"{value:g}", ha="center", va="center", fontsize=10)


def _links(ax, K, M, top_offset, legend):
    gap = 0.17
    for t, s, k in edges(M, K):
        x0, x1 = s, t + top_offset
        ax.plot([x0 + gap * (x1 - x0), x1 - gap * (x1 - x0)], [gap, 1 - gap], color=f"C{k}", lw=1.8,
                label=f"$w_{k}$" if legend and t == 1 else None, zorder=1)


@figure("forward-backward")
def forward_backward_figure():
    x, w, delta = EXAMPLE_X, EXAMPLE_W, EXAMPLE_DELTA
    M, K = len(x), len(w)
    z = np.correlate(x, w, mode="valid")
    dx, _ = conv1d_grads(x, w, delta)
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(4.6, 4.2))
    # (a) 前向：z_t 画在它的窗口正中上方
    _links(top, K, M, top_offset=(K - 1) / 2, legend=True)
    _row(top, np.arange(1, M + 1), x, 0)
    _row(top, np.arange(1, M - K + 2) + (K - 1) / 2, z, 1)
    top.text(-1.6, 0, "$x$", ha="center", va="center")
    top.text(-1.6, 1, "$z$", ha="center", va="center")
    top.set_title("(a) forward: $z = \\mathrm{xcorr}(x, w)$")
    top.legend(loc="center left", bbox_to_anchor=(0.86, 0.5))
    # (b) 反向：同样的连线，误差项从上往下走。误差项两端各补 K-1 个 0（宽卷积），
    # dL/dx_s 正下方对着的 K 个位置就是它的窗口
    _links(bottom, K, M, top_offset=(K - 1) / 2, legend=False)
    values = [0] * (K - 1) + list(delta) + [0] * (K - 1)
    padded = [True] * (K - 1) + [False] * len(delta) + [True] * (K - 1)
    _row(bottom, np.arange(1, M + K) - (K - 1) / 2, values, 1, padded)
    _row(bottom, np.arange(1, M + 1), dx, 0)
    bottom.text(-1.6, 0, r"$\partial L/\partial x$", ha="center", va="center")
    bottom.text(-1.6, 1, r"$\delta$", ha="center", va="center")
    bottom.set_title("(b) backward: $\\partial L/\\partial x$ = wide convolution")
    for ax in (top, bottom):
        ax.set_xlim(-2.4, M + 2.6)
        ax.set_ylim(-0.35, 1.35)
        ax.axis("off")
    return fig
