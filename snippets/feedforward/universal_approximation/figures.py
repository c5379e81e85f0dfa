"""通用近似定理页的插图：不同宽度的拟合曲线，以及最大误差随宽度的变化。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.feedforward.universal_approximation.ex01_staircase import max_error, staircase, target
from snippets.feedforward.universal_approximation.ex02_least_squares import fit_width, network
from snippets.feedforward.universal_approximation.ex03_generalisation import train_test_errors
from snippets.figures import figure

STAIR_WIDTHS = [4, 8, 32]
LSQ_WIDTHS = [1, 2, 4, 8, 32]
ERROR_WIDTHS = [1, 2, 4, 8, 16, 32, 64]
NOISY_WIDTHS = list(range(1, 33)) + [40, 48, 64, 96, 128]
SAMPLES = 12                 # ex03 的样本数：n + 1 = 12 时输出层恰好能穿过全部样本（插值阈值）


def fit_curves(x=None):
    """返回 x、target(x)、{n: 阶梯网络输出}、{n: 最小二乘网络输出}。"""
    x = np.linspace(0.0, 1.0, 501) if x is None else x
    stairs = {n: staircase(x, n) for n in STAIR_WIDTHS}
    lsq = {n: network(x, *fit_width(n)) for n in LSQ_WIDTHS}
    return x, target(x), stairs, lsq


def error_curves():
    """每个宽度下两种构造的最大误差。"""
    stair = [max_error(lambda x, n=n: staircase(x, n)) for n in ERROR_WIDTHS]
    lsq = [max_error(lambda x, n=n: network(x, *fit_width(n))) for n in ERROR_WIDTHS]
    return ERROR_WIDTHS, stair, lsq


@figure("fits")
def fits_figure():
    """上下两幅：上为台阶构造，下为最小二乘输出层。"""
    x, y, stairs, lsq = fit_curves()
    fig, axes = plt.subplots(2, 1, figsize=(4.6, 5.8), sharex=True, sharey=True)
    for ax, curves, title in ((axes[0], stairs, "staircase of steep sigmoids"),
                              (axes[1], lsq, "least-squares output layer")):
        ax.plot(x, y, linewidth=4, alpha=0.5, color="C5", label="target")
        for k, (n, values) in enumerate(curves.items()):
            ax.plot(x, values, color=f"C{k}", linewidth=1.3, label=f"n = {n}")
        ax.set_title(title)
        ax.set_ylabel(r"$\sin(2\pi x) + 0.5x$")
        ax.legend(loc="lower left", ncol=3, handlelength=1.2, columnspacing=0.8, labelspacing=0.3)
    axes[1].set_ylim(-1.55, 1.3)                  # 图例放在曲线下方
    axes[1].set_xlabel("$x$")
    fig.tight_layout()
    return fig


@figure("error-vs-width")
def error_figure():
    widths, stair, lsq = error_curves()
    fig, ax = plt.subplots()
    ax.loglog(widths, stair, "o-", label="staircase")
    ax.loglog(widths, lsq, "s-", label="least squares")
    ax.set_xticks(widths, [str(n) for n in widths])
    ax.set_xlabel("hidden units $n$")
    ax.set_ylabel("max error on [0, 1]")
    ax.legend()
    return fig


def noisy_curves():
    """12 个带噪样本上，各宽度 n 的训练与测试均方根误差（双下降曲线的数据）。"""
    train, test = zip(*train_test_errors(NOISY_WIDTHS), strict=True)
    return NOISY_WIDTHS, list(train), list(test)


@figure("double-descent")
def double_descent_figure():
    widths, train, test = noisy_curves()
    fig, ax = plt.subplots()
    ax.loglog(widths, test, "o-", markersize=3)
    ax.axvline(SAMPLES - 1, color="C1", linestyle="--", linewidth=1.2)
    ax.annotate("$n + 1 = N = 12$\ntrain RMSE = 0 from here", (SAMPLES - 1, 3e7), xytext=(6, 0),
                textcoords="offset points", color="C1", va="center")
    ax.set_xticks([1, 2, 4, 8, 16, 32, 64, 128], ["1", "2", "4", "8", "16", "32", "64", "128"])
    ax.set_xlabel("hidden units $n$")
    ax.set_ylabel("test RMSE")
    return fig
