"""过拟合页的插图：1、3、9 阶多项式的拟合曲线（上）；训练误差与验证误差随阶数的变化（下）。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.figures import figure
from snippets.ml_basics.overfitting.ex01_polynomial import (
    errors_by_degree,
    fit_polynomial,
    make_poly_data,
    poly_features,
)

SHOWN_DEGREES = (1, 3, 9)


def fitted_curves(grid=None):
    """在 [0, 1] 的网格上计算各阶多项式的预测值。"""
    grid = np.linspace(0, 1, 400) if grid is None else np.asarray(grid, dtype=float)
    x_tr, y_tr, _, _ = make_poly_data()
    return grid, {d: poly_features(grid, d) @ fit_polynomial(x_tr, y_tr, d) for d in SHOWN_DEGREES}


@figure("polynomial")
def polynomial_figure():
    x_tr, y_tr, _, _ = make_poly_data()
    grid, curves = fitted_curves()
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(4.6, 6.4), height_ratios=[1.25, 1])
    top.plot(grid, np.sin(2 * np.pi * grid), "--", color="C5", label="truth $\\sin 2\\pi x$")
    for i, (d, pred) in enumerate(curves.items()):
        top.plot(grid, pred, color=f"C{i}", label=f"degree {d}")
    top.scatter(x_tr, y_tr, s=22, color="C3", zorder=3, label="training data")
    top.set_ylim(-1.8, 1.8)
    top.set_xlabel("$x$")
    top.legend(ncol=2, loc="lower center", bbox_to_anchor=(0.5, 1.0))
    errors = errors_by_degree()
    degrees = list(errors)
    bottom.semilogy(degrees, [errors[d][0] + 1e-6 for d in degrees], "o-", label="training MSE + $10^{-6}$")
    bottom.semilogy(degrees, [errors[d][1] for d in degrees], "s-", label="validation MSE")
    bottom.set_ylim(1e-6, 1e4)
    bottom.set_xlabel("polynomial degree")
    bottom.legend(loc="upper left")
    fig.tight_layout(h_pad=1.2)
    return fig
