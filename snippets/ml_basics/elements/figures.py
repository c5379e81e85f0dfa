"""四要素页的插图：数据与学到的直线；经验风险的等高线与梯度下降的路径。"""

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
    fig, axes = plt.subplots(1, 2, figsize=(8, 3.2))
    grid = np.linspace(-1, 1, 2)
    axes[0].scatter(x, y, s=14, label="data $(x_n, y_n)$")
    axes[0].plot(grid, f(grid, w, b), color="C1", label=f"learned $f(x) = {w:.2f}x + {b:.2f}$")
    axes[0].plot(grid, 2 * grid + 1, "--", color="C2", label="truth $y = 2x + 1$")
    axes[0].set_xlabel("$x$")
    axes[0].set_ylabel("$y$")
    axes[0].legend(fontsize=8)

    W, B = np.meshgrid(np.linspace(-0.5, 3, 80), np.linspace(-0.5, 2, 80))
    R = np.vectorize(lambda w_, b_: empirical_risk(w_, b_, x, y))(W, B)
    axes[1].contour(W, B, R, levels=np.geomspace(0.005, 3, 12), colors="C0", linewidths=0.8,
                    alpha=0.7)
    axes[1].plot(path[:, 0], path[:, 1], "o-", markersize=3, color="C1", label="gradient descent")
    axes[1].set_aspect("equal")        # same scale on both axes: steps look perpendicular to contours
    axes[1].set_xlabel("$w$")
    axes[1].set_ylabel("$b$")
    axes[1].set_title("empirical risk $R(w, b)$", fontsize=10)
    axes[1].legend(fontsize=8, loc="upper left")
    return fig
