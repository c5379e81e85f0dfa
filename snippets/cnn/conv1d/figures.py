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
    fig, axes = plt.subplots(1, 2, figsize=(8, 3), sharey=True)
    axes[0].plot(t, x, label="x (noisy)", alpha=0.45)
    axes[0].plot(t[2:], low, label="[1/3, 1/3, 1/3]")
    axes[0].set_title("low-pass: keeps the slow wave")
    axes[1].plot(t, x, label="x (noisy)", alpha=0.45)
    axes[1].plot(t[2:], high, label="[1, -2, 1]", color="C1")
    axes[1].set_title("high-pass: keeps the fast jitter")
    for ax in axes:
        ax.set_xlabel("t")
        ax.legend(loc="lower left", fontsize=8)
    return fig


@figure("delayed-sum")
def delayed_sum_figure():
    w = np.array([1, 1 / 2, 1 / 4])
    fig, ax = plt.subplots(figsize=(6, 2.6))
    ax.stem(np.arange(1, 4), w, basefmt=" ")
    ax.set_xticks([1, 2, 3], ["$w_1$ (now)", "$w_2$ (1 step ago)", "$w_3$ (2 steps ago)"])
    ax.set_ylim(0, 1.15)
    ax.set_ylabel("weight")
    for k, value in enumerate(w, start=1):
        ax.annotate(f"{value:g}", (k, value), textcoords="offset points", xytext=(8, 4))
    return fig
