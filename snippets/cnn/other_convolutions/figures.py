"""其他卷积页的插图：转置卷积的两种看法；三层空洞卷积的感受野。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.cnn.other_convolutions.ex02_conv_transpose import conv_transpose1d
from snippets.cnn.other_convolutions.ex03_fractional_stride import insert_zeros
from snippets.figures import figure

EXAMPLE_X = [1, 2, 3]
EXAMPLE_W = [0.5, 1, 0.5]
STRIDE = 2


def scatter_edges(M, K, S):
    """转置卷积的连线 (i, s, k)：输入 x_i 经 w_k 加到输出 y_s，s = iS + k（下标从 0 开始）。"""
    return [(i, i * S + k, k) for i in range(M) for k in range(K)]


def zero_edges(M, K, S):
    """微步卷积的连线 (j, s, k)：插 0 并两端补 K-1 个 0 的序列第 j 个元素经 w_k 连到 y_s。

    y_s 的窗口是序列的第 s 到 s+K-1 个元素，核翻转，所以第 s+u 个元素乘 w_{K-1-u}。
    """
    L = (M - 1) * S + K
    return [(s + u, s, K - 1 - u) for s in range(L) for u in range(K)]


def dependency_edges(dilations, K, top=0):
    """多层空洞卷积中，顶层位置 top 的输出依赖的连线 (层, 上层位置, 下层位置)，层从上往下数。"""
    edges, frontier = [], {top}
    for level, D in enumerate(reversed(dilations)):
        below = set()
        for p in sorted(frontier):
            for k in range(K):
                q = p + (k - (K - 1) // 2) * D       # 居中画：核的中心在 p 的正下方
                edges.append((level, p, q))
                below.add(q)
        frontier = below
    return edges, sorted(frontier)


GAP = 1.0  # 相邻两个位置在图上的距离


def _circles(ax, xs, y, labels, dashed=None, size=330):
    dashed = [False] * len(xs) if dashed is None else dashed
    for x, label, dash in zip(xs, labels, dashed, strict=True):
        ax.scatter(x * GAP, y, s=size, facecolor="none", edgecolor="C5" if dash else "C0",
                   linestyle="--" if dash else "-", linewidth=1.5, zorder=2)
        ax.text(x * GAP, y, label, ha="center", va="center", fontsize=10)


def _line(ax, x0, x1, color, style="-", lw=1.8, label=None, gap=0.2):
    x0, x1 = x0 * GAP, x1 * GAP
    ax.plot([x0 + gap * (x1 - x0), x1 - gap * (x1 - x0)], [1 - gap, gap], color=color, linestyle=style,
            lw=lw, label=label, zorder=1)


@figure("transposed")
def transposed_figure():
    x, w, S = EXAMPLE_X, EXAMPLE_W, STRIDE
    M, K = len(x), len(w)
    y = conv_transpose1d(x, w, stride=S)
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(4.6, 4.6))
    centre = (K - 1) / 2
    # (a) 每个输入把 x_i·w 画到输出的 iS .. iS+K-1 上
    for i, s, k in scatter_edges(M, K, S):
        _line(top, i * S + centre, s, f"C{k + 1}", label=f"$w_{k + 1} = {w[k]:g}$" if i == 0 else None)
    _circles(top, [i * S + centre for i in range(M)], 1, [f"{v:g}" for v in x])
    _circles(top, range(len(y)), 0, [f"{v:g}" for v in y])
    top.set_title(f"(a) each input adds a copy of $w$, stride $S={S}$")
    # (b) 插 0、两端补 K-1 个 0，再做步长 1 的卷积
    padded = np.pad(insert_zeros(x, S), K - 1)
    real = [False] * (K - 1) + [j % S == 0 for j in range(len(padded) - 2 * (K - 1))] + [False] * (K - 1)
    pos = np.arange(len(padded)) - centre
    for j, s, k in zero_edges(M, K, S):
        if real[j]:
            _line(bottom, pos[j], s, f"C{k + 1}")
        else:
            _line(bottom, pos[j], s, "C5", style=":", lw=1.0)
    _circles(bottom, pos, 1, [f"{v:g}" for v in padded], dashed=[not r for r in real], size=280)
    _circles(bottom, range(len(y)), 0, [f"{v:g}" for v in y])
    bottom.set_title("(b) insert zeros, then stride-1 convolution")
    for ax in (top, bottom):
        ax.text(-1.7, 1, "input", ha="right", va="center")
        ax.text(-1.7, 0, "output", ha="right", va="center")
        ax.set_xlim(-3.1, len(y) + 0.5)
        ax.set_ylim(-0.35, 1.35)
        ax.axis("off")
    fig.legend(loc="lower center", ncol=3, bbox_to_anchor=(0.5, -0.02))
    fig.subplots_adjust(bottom=0.1)
    return fig


@figure("dilated")
def dilated_figure():
    dilations, K = (1, 2, 4), 3
    edges, inputs = dependency_edges(dilations, K)
    levels = len(dilations)
    fig, ax = plt.subplots(figsize=(4.6, 3.2))
    span = range(-9, 10)
    for level in range(levels + 1):
        height = levels - level
        used = {p for lv, p, _ in edges if lv == level} | ({q for lv, _, q in edges if lv == level - 1})
        ax.scatter(list(span), [height] * len(span), s=28, facecolor="none", edgecolor="C5", lw=0.8)
        ax.scatter(sorted(used), [height] * len(used), s=40, color="C0", zorder=3)
    for level, p, q in edges:
        D = dilations[levels - 1 - level]
        ax.plot([p, q], [levels - level, levels - level - 1], color=f"C{dilations.index(D) + 1}", lw=1.4)
    for level, D in enumerate(reversed(dilations)):
        ax.text(-10.2, levels - level - 0.5, f"$D={D}$", ha="right", va="center")
    ax.text(-10.2, 0, "input", ha="right", va="center")
    ax.set_title(f"receptive field: {len(inputs)} inputs ($K={K}$)")
    ax.set_xlim(-13.5, 9.6)
    ax.set_ylim(-0.4, levels + 0.4)
    ax.axis("off")
    return fig
