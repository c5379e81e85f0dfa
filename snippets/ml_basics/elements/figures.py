"""四要素页的插图：数据与学到的直线（上）；经验风险的等高线与梯度下降的路径（下）。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.figures import figure
from snippets.ml_basics.elements.ex01_data import make_data
from snippets.ml_basics.elements.ex02_model_risk import empirical_risk, f


def descent_path(lr=0.5, steps=30):
    """梯度下降每一步的 (w, b)，与 ex03 的循环相同，只是把路径记下来。"""
    x, y = make_data()
    w, b = 0.0, 0.0
    path = [(w, b)]
    for _ in range(steps):
        r = y - f(x, w, b)
        w, b = w + lr * np.mean(r * x), b + lr * np.mean(r)
        path.append((w, b))
    return np.array(path)


@figure("regression")
def regression_figure():
    x, y = make_data()
    path = descent_path()
    w, b = path[-1]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(4.6, 6.6), height_ratios=[1, 1.15])
    grid = np.linspace(-1, 1, 2)
    top.scatter(x, y, s=16, label="data $(x_n, y_n)$")
    top.plot(grid, f(grid, w, b), color="C1", label=f"learned ${w:.2f}x + {b:.2f}$")
    top.plot(grid, 2 * grid + 1, "--", color="C2", label="truth $2x + 1$")
    top.set_xlabel("$x$")
    top.set_ylabel("$y$")
    top.legend(loc="upper left")

    W, B = np.meshgrid(np.linspace(-0.5, 3, 80), np.linspace(-0.5, 2, 80))
    R = np.vectorize(lambda w_, b_: empirical_risk(w_, b_, x, y))(W, B)
    bottom.contour(W, B, R, levels=np.geomspace(0.005, 3, 12), colors="C0", linewidths=0.8, alpha=0.7)
    bottom.plot(path[:, 0], path[:, 1], "o-", markersize=3, color="C1", label="gradient descent")
    bottom.set_aspect("equal")        # same scale on both axes: steps look perpendicular to contours
    bottom.set_xlabel("$w$")
    bottom.set_ylabel("$b$")
    bottom.set_title("empirical risk $R(w, b)$")
    bottom.legend(loc="upper left")
    fig.tight_layout(h_pad=1.2)
    return fig
