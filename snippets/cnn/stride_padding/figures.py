"""步长与零填充页的插图：步长 S=2 与零填充 P=1 时，每个输出看输入的哪一段。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.cnn.stride_padding.ex01_stride_padding import EXAMPLE_W, EXAMPLE_X, conv1d
from snippets.figures import figure


def layout(x, w, S, P):
    """返回 (补零后的输入, 输出, 连线)。

    连线 (j, i, k)：第 j 个输出经权重 w_k 连到补零后输入的第 i 个位置（i、j 从 0 开始）。
    第 j 个窗口是补零后输入的 [j*S, j*S+K)；卷积翻转核，所以 w_1 连窗口里最右（最新）的那个。
    """
    xp = np.pad(np.asarray(x, dtype=float), P)
    y = conv1d(x, w, stride=S, padding=P)
    K = len(w)
    edges = [(j, j * S + K - k, k) for j in range(len(y)) for k in range(1, K + 1)]
    return xp, y, edges


def _panel(ax, x, w, S, P, title):
    xp, y, edges = layout(x, w, S, P)
    K = len(w)
    pos_in = np.arange(len(xp)) - P                      # 原输入 x_1 画在 0 处
    pos_out = np.arange(len(y)) * S + (K - 1) / 2 - P    # 输出画在窗口中点的正上方
    gap = 0.15                                           # 线在圆圈边上停下，不压住数字
    for j, i, k in edges:
        x0, x1 = pos_in[i], pos_out[j]
        ax.plot([x0 + gap * (x1 - x0), x1 - gap * (x1 - x0)], [gap, 1 - gap], color=f"C{k}", lw=1.8,
                label=f"$w_{k} = {w[k - 1]:g}$" if j == 0 else None, zorder=1)
    padded = (np.arange(len(xp)) < P) | (np.arange(len(xp)) >= len(xp) - P)
    for pos, value, pad in zip(pos_in, xp, padded, strict=True):
        ax.scatter(pos, 0, s=300, facecolor="none", edgecolor="C5" if pad else "C0",
                   linestyle="--" if pad else "-", linewidth=1.4, zorder=2)
        ax.text(pos, 0, f"{value:g}", ha="center", va="center")
    for pos, value in zip(pos_out, y, strict=True):
        ax.scatter(pos, 1, s=300, facecolor="none", edgecolor="C0", linewidth=1.4, zorder=2)
        ax.text(pos, 1, f"{value:g}", ha="center", va="center")
    ax.text(-1.6, 0, "$x$", ha="right", va="center")
    ax.text(-1.6, 1, "$y$", ha="right", va="center")
    ax.set_title(title)
    ax.set_xlim(-2.2, 7.6)
    ax.set_ylim(-0.3, 1.3)
    ax.axis("off")


@figure("stride-padding")
def stride_padding_figure():
    fig, axes = plt.subplots(2, 1, figsize=(4.6, 4.4))
    _panel(axes[0], EXAMPLE_X, EXAMPLE_W, S=2, P=0, title="(a) $S=2$, $P=0$: 3 outputs")
    _panel(axes[1], EXAMPLE_X, EXAMPLE_W, S=1, P=1, title="(b) $S=1$, $P=1$: 7 outputs")
    fig.legend(*axes[0].get_legend_handles_labels(), loc="lower center", ncols=3, handlelength=1.2,
               bbox_to_anchor=(0.5, -0.04))
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return fig
