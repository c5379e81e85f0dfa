"""损失函数页的插图：分类损失随间隔 y·f(x) 的变化（上）；平方损失随误差 y - f(x) 的变化（下）。"""

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
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(4.6, 5.8), height_ratios=[1.4, 1])
    for (label, loss), style in zip(curves.items(), ("-", "-", "-", "--"), strict=True):
        top.plot(m, loss, style, label=label)
    top.set_ylim(-0.1, 4)
    top.set_xlabel("margin $m = y\\,f(x)$")
    top.set_ylabel("loss")
    top.set_title("classification, $y \\in \\{-1, +1\\}$")
    top.legend(loc="upper center", bbox_to_anchor=(0.6, 1.0))
    bottom.plot(e, squared_loss(e, np.zeros_like(e)), color="C3")
    bottom.set_xlabel("error $y - f(x)$")
    bottom.set_ylabel("loss")
    bottom.set_title("regression: squared $(y - f)^2 / 2$")
    fig.tight_layout(h_pad=1.2)
    return fig
