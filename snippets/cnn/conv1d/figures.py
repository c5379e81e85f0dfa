"""一维卷积页的插图：带噪信号经过低通与高通滤波器。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.cnn.conv1d.ex02_conv1d_vectorised import conv1d
from snippets.cnn.conv1d.ex03_filters import HIGH_PASS, LOW_PASS
from snippets.figures import figure


def noisy_signal(M=120, seed=0):
    """一段缓慢的正弦波加上快速的随机抖动（固定种子）。"""
    t = np.arange(M)
    slow = np.sin(2 * np.pi * t / M * 2)
    noise = 0.25 * np.random.default_rng(seed).standard_normal(M)
    return t, slow, slow + noise


def filtered():
    """返回时间轴、原信号、低通和高通输出；输出第 i 个值对应时刻 t = i + K - 1。"""
    t, slow, x = noisy_signal()
    return t, slow, x, conv1d(x, LOW_PASS), conv1d(x, HIGH_PASS)


@figure("filters")
def filters_figure():
    t, slow, x, low, high = filtered()
    fig, axes = plt.subplots(2, 1, figsize=(4.6, 4.4), sharex=True, sharey=True)
    axes[0].plot(t, x, label="noisy $x$", alpha=0.45)
    axes[0].plot(t[2:], low, label="$[1/3, 1/3, 1/3]$")
    axes[0].set_title("low-pass: keeps the slow wave")
    axes[1].plot(t, x, label="noisy $x$", alpha=0.45)
    axes[1].plot(t[2:], high, label="$[1, -2, 1]$", color="C1")
    axes[1].set_title("high-pass: keeps the fast jitter")
    axes[1].set_xlabel("$t$")
    for ax in axes:
        ax.legend(loc="lower left", ncols=2)
    axes[0].set_ylim(-2.6, 1.8)
    fig.tight_layout()
    return fig


def delayed_edges(M=6, K=3):
    """Edges of the delayed sum: (t, s, k) means y_t receives x_s with weight w_k, s = t - k + 1 (from 1)."""
    return [(t, t - k + 1, k) for t in range(K, M + 1) for k in range(1, K + 1)]


W_DECAY = (1, 1 / 2, 1 / 4)


@figure("delayed-sum")
def delayed_sum_figure(M=6, K=3):
    fig, ax = plt.subplots(figsize=(4.6, 2.4))
    names = {1: "1", 2: "1/2", 3: "1/4"}
    for t, s, k in delayed_edges(M, K):
        ax.plot([s, t], [0.13, 0.87], color=f"C{k}", lw=3.2 * W_DECAY[k - 1] + 0.6,
                label=f"$w_{k} = {names[k]}$" if t == K else None, zorder=1)
    ax.scatter(range(1, M + 1), [0] * M, s=330, facecolor="none", edgecolor="C0", lw=1.5, zorder=2)
    ax.scatter(range(K, M + 1), [1] * (M - K + 1), s=330, facecolor="none", edgecolor="C0", lw=1.5, zorder=2)
    for s in range(1, M + 1):
        ax.text(s, 0, f"$x_{s}$", ha="center", va="center")
    for t in range(K, M + 1):
        ax.text(t, 1, f"$y_{t}$", ha="center", va="center")
    ax.legend(loc="upper left", bbox_to_anchor=(-0.02, 1.02), handlelength=1.2)
    ax.set_xlim(0.5, M + 0.5)
    ax.set_ylim(-0.25, 1.25)
    ax.axis("off")
    return fig
