"""损失函数页的插图：分类损失随间隔 y·f(x) 的变化；平方损失随误差 y - f(x) 的变化。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.figures import figure
from snippets.ml_basics.loss_functions.ex01_squared_loss import squared_loss
from snippets.ml_basics.loss_functions.ex03_margin_losses import hinge_loss, logistic_loss, zero_one_loss


def margin_curves(m=None):
    """标签取 +1 时 f = m，于是间隔就是 m；交叉熵除以 log 2，使它与 0-1 损失同过 (0, 1)。"""
    m = np.linspace(-2, 3, 501) if m is None else np.asarray(m, dtype=float)
    y = np.ones_like(m, dtype=int)
    return m, {
        "0-1": zero_one_loss(y, m),
        "hinge": hinge_loss(y, m),
        "cross-entropy / log 2": logistic_loss(y, m) / np.log(2),
        "squared $(1 - m)^2$": 2 * squared_loss(np.ones_like(m), m),
    }


@figure("margin")
def margin_figure():
    m, curves = margin_curves()
    e = np.linspace(-3, 3, 301)
    fig, axes = plt.subplots(1, 2, figsize=(8, 3.2), gridspec_kw={"width_ratios": [3, 2]})
    for (label, loss), style in zip(curves.items(), ("-", "-", "-", "--"), strict=True):
        axes[0].plot(m, loss, style, label=label)
    axes[0].set_ylim(-0.1, 4)
    axes[0].set_xlabel("margin $m = y\\,f(x)$")
    axes[0].set_ylabel("loss")
    axes[0].set_title("classification, $y \\in \\{-1, +1\\}$", fontsize=10)
    axes[0].legend(fontsize=8, loc="upper center")
    axes[1].plot(e, squared_loss(e, np.zeros_like(e)), color="C3")
    axes[1].set_xlabel("error $y - f(x)$")
    axes[1].set_title("regression: squared $(y - f)^2 / 2$", fontsize=10)
    return fig
