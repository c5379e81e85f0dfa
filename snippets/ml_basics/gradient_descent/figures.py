"""梯度下降页的插图：二次函数上六种学习率的轨迹；小回归问题上经验风险随步数的变化；病态二次函数上的之字形路径。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.figures import figure
from snippets.ml_basics.elements.ex01_data import make_data
from snippets.ml_basics.gradient_descent.ex01_quadratic import gd_quadratic
from snippets.ml_basics.gradient_descent.ex02_regression_lr import risk_history
from snippets.ml_basics.gradient_descent.ex03_ill_conditioned import f_quad, gd_path, grad_quad

L = 4.0
QUADRATIC_LRS = (0.02, 0.1, 0.25, 0.4, 0.5, 0.53)
REGRESSION_LRS = (0.01, 0.5, 1.9, 2.1)
BEHAVIOUR = {0.02: "crawls", 0.1: "monotone", 0.25: "one step", 0.4: "damped oscillation",
             0.5: "oscillates forever", 0.53: "diverges"}
ILL_START, ILL_LR, ILL_STEPS = (-5.0, 1.0), 0.019, 100


def quadratic_runs(steps=15):
    return {lr: gd_quadratic(L, lr, steps=steps) for lr in QUADRATIC_LRS}


def regression_runs(steps=50):
    x, y = make_data()
    return {lr: risk_history(x, y, lr, steps) for lr in REGRESSION_LRS}


def ill_conditioned_run():
    return gd_path(grad_quad, ILL_START, ILL_LR, ILL_STEPS)


@figure("quadratic-lr")
def quadratic_lr_figure():
    """Six panels, two per row: each learning rate's x_t on f(x) = L/2 x^2."""
    fig, axes = plt.subplots(3, 2, figsize=(4.6, 5.6), sharex=True, sharey=True)
    for i, (ax, (lr, xs)) in enumerate(zip(axes.flat, quadratic_runs().items(), strict=True)):
        ax.plot(xs, "o-", markersize=3, linewidth=1.2, color=f"C{i}")
        ax.axhline(0, color="C5", linewidth=0.8)
        ax.set_ylim(-2.4, 2.4)
        ax.set_title(f"lr$\\cdot$L = {lr * L:g}: {BEHAVIOUR[lr]}", fontsize=10)
    for ax in axes[-1]:
        ax.set_xlabel("step $t$")
    for ax in axes[:, 0]:
        ax.set_ylabel("$x_t$")
    fig.tight_layout(h_pad=0.6, w_pad=0.8)
    return fig


@figure("regression-lr")
def regression_lr_figure():
    fig, ax = plt.subplots(figsize=(4.6, 3.2))
    for lr, risks in regression_runs().items():
        ax.semilogy(risks, label=f"lr = {lr}")
    ax.set_ylim(1e-3, 1e5)
    ax.set_xlabel("step $t$")
    ax.set_ylabel("empirical risk")
    ax.legend(ncol=2, loc="upper left")
    return fig


@figure("ill-conditioned")
def ill_conditioned_figure():
    path = ill_conditioned_run()
    fig, ax = plt.subplots(figsize=(4.6, 2.8))
    T1, T2 = np.meshgrid(np.linspace(-5.6, 1.0, 200), np.linspace(-1.25, 1.25, 200))
    ax.contour(T1, T2, f_quad(np.stack([T1, T2], axis=-1)), levels=np.geomspace(0.05, 80, 10),
               colors="C5", linewidths=0.7, alpha=0.6)
    ax.plot(path[:, 0], path[:, 1], "o-", markersize=2.5, linewidth=1.0, color="C0")
    ax.plot(0, 0, "*", markersize=10, color="C3")
    ax.set_xlabel("$\\theta_1$ (curvature 1)")
    ax.set_ylabel("$\\theta_2$ (curvature 100)")
    ax.set_title(f"gradient descent, lr = {ILL_LR}, {ILL_STEPS} steps")
    return fig
