"""动量法与 Adam 页的插图：在梯度下降一节的病态二次函数上，三种方法的路径与 f(θ_t) 随步数的变化。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.figures import figure
from snippets.ml_basics.gradient_descent.ex03_ill_conditioned import f_quad, gd_path, grad_quad
from snippets.ml_basics.optimizers.ex01_momentum import momentum_path
from snippets.ml_basics.optimizers.ex02_adam import adam_path

START = (-5.0, 1.0)
STEPS = 300
LABELS = ("gradient descent, lr = 0.019", "momentum 0.9, lr = 0.019", "Adam, lr = 0.1")


def runs(steps=STEPS):
    """三条路径，每条形状 (steps + 1, 2)：梯度下降（由 1.3 节的 gd_path 算）、动量法、Adam。"""
    return dict(zip(LABELS, (gd_path(grad_quad, START, 0.019, steps),
                             momentum_path(grad_quad, START, lr=0.019, mu=0.9, steps=steps),
                             adam_path(grad_quad, START, lr=0.1, steps=steps)), strict=True))


@figure("paths")
def paths_figure():
    paths = runs()
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(4.6, 6.0), height_ratios=[1, 1.1])
    T1, T2 = np.meshgrid(np.linspace(-5.6, 1.6, 200), np.linspace(-1.25, 1.25, 200))
    top.contour(T1, T2, f_quad(np.stack([T1, T2], axis=-1)), levels=np.geomspace(0.05, 80, 10),
                colors="C5", linewidths=0.7, alpha=0.6)
    for i, path in enumerate(paths.values()):
        top.plot(path[:60, 0], path[:60, 1], "o-", markersize=2, linewidth=1.0, color=f"C{i}")
    top.plot(0, 0, "*", markersize=10, color="C3")
    top.set_xlabel("$\\theta_1$")
    top.set_ylabel("$\\theta_2$")
    top.set_title("the first 60 steps")
    for i, (label, path) in enumerate(paths.items()):
        bottom.semilogy(f_quad(path), color=f"C{i}", label=label)
    bottom.set_ylim(1e-12, 1e6)
    bottom.set_xlabel("step $t$")
    bottom.set_ylabel("$f(\\theta_t)$")
    bottom.legend(loc="upper right")
    fig.tight_layout(h_pad=1.0)
    return fig
