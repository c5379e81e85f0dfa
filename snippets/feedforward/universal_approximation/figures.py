"""通用近似定理页的插图：不同宽度的拟合曲线，以及最大误差随宽度的变化。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.feedforward.universal_approximation.ex01_staircase import max_error, staircase, target
from snippets.feedforward.universal_approximation.ex02_least_squares import fit_width, network
from snippets.figures import figure

STAIR_WIDTHS = [4, 8, 32]
LSQ_WIDTHS = [1, 2, 4, 8, 32]
ERROR_WIDTHS = [1, 2, 4, 8, 16, 32, 64]


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
    x, y, stairs, lsq = fit_curves()
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.4), sharey=True)
    for ax, curves, title in ((axes[0], stairs, "staircase of steep sigmoids"),
                              (axes[1], lsq, "least-squares output layer")):
        ax.plot(x, y, linewidth=4, alpha=0.5, color="C5", label="target")
        for k, (n, values) in enumerate(curves.items()):
            ax.plot(x, values, color=f"C{k}", linewidth=1.3, label=f"n = {n}")
        ax.set_title(title)
        ax.set_xlabel("$x$")
        ax.legend(fontsize=8, loc="lower left")
    axes[0].set_ylabel(r"$\sin(2\pi x) + 0.5x$")
    return fig


@figure("error-vs-width")
def error_figure():
    widths, stair, lsq = error_curves()
    fig, ax = plt.subplots(figsize=(5.5, 3.4))
    ax.loglog(widths, stair, "o-", label="staircase")
    ax.loglog(widths, lsq, "s-", label="least squares")
    ax.set_xticks(widths, [str(n) for n in widths])
    ax.set_xlabel("hidden units $n$")
    ax.set_ylabel("max error on [0, 1]")
    ax.legend()
    return fig
