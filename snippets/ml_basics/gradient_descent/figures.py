"""梯度下降页的插图：二次函数上不同学习率的轨迹；小回归问题上经验风险随步数的变化。"""

import matplotlib.pyplot as plt

from snippets.figures import figure
from snippets.ml_basics.elements.ex01_data import make_data
from snippets.ml_basics.gradient_descent.ex01_quadratic import gd_quadratic
from snippets.ml_basics.gradient_descent.ex02_regression_lr import risk_history

L = 4.0
QUADRATIC_LRS = (0.02, 0.1, 0.4, 0.5, 0.53)
REGRESSION_LRS = (0.01, 0.5, 1.9, 2.1)


def quadratic_runs(steps=15):
    return {lr: gd_quadratic(L, lr, steps=steps) for lr in QUADRATIC_LRS}


def regression_runs(steps=50):
    x, y = make_data()
    return {lr: risk_history(x, y, lr, steps) for lr in REGRESSION_LRS}


BEHAVIOUR = {0.02: "crawls", 0.1: "monotone", 0.4: "oscillates, converges", 0.5: "oscillates forever",
             0.53: "diverges"}


@figure("learning-rate")
def learning_rate_figure():
    fig = plt.figure(figsize=(9, 5.6))
    grid = fig.add_gridspec(2, len(QUADRATIC_LRS), height_ratios=[1, 1.15], hspace=0.55, wspace=0.15)
    for i, (lr, xs) in enumerate(quadratic_runs().items()):
        ax = fig.add_subplot(grid[0, i])
        ax.plot(xs, "o-", markersize=2.5, linewidth=1.2, color=f"C{i}")
        ax.axhline(0, color="C5", linewidth=0.8)
        ax.set_ylim(-2.2, 2.2)
        ax.set_title(f"lr$\\cdot$L = {lr * L:g}\n{BEHAVIOUR[lr]}", fontsize=8)
        ax.set_xlabel("step $t$", fontsize=8)
        ax.tick_params(labelsize=7)
        if i == 0:
            ax.set_ylabel("$x_t$ on $f(x) = \\frac{L}{2}x^2$")
        else:
            ax.tick_params(labelleft=False)
    ax = fig.add_subplot(grid[1, :])
    for lr, risks in regression_runs().items():
        ax.semilogy(risks, label=f"lr = {lr}")
    ax.set_ylim(1e-3, 1e3)
    ax.set_xlabel("step $t$")
    ax.set_ylabel("empirical risk")
    ax.set_title("linear regression: the limit is $2/\\lambda_{max} \\approx 2.0$", fontsize=10)
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.01, 0.5))
    return fig
