"""激活函数页的插图：各激活函数及其导数的曲线。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.feedforward.activations import ex01_activations as act
from snippets.feedforward.activations import ex02_derivatives as der
from snippets.figures import figure

LEAKY_ALPHA = 0.1     # 图里用 0.1 而不是默认的 0.01，负半轴的斜率才看得出来

# (图例, 函数, 导数)；左图是两个“挤压”型函数，右图是 ReLU 一族与门控型函数
SQUASHING = [
    ("sigmoid", act.sigmoid, der.d_sigmoid),
    ("tanh", act.tanh, der.d_tanh),
]
RECTIFIERS = [
    ("ReLU", act.relu, der.d_relu),
    ("leaky ReLU (0.1)", lambda z: act.leaky_relu(z, LEAKY_ALPHA),
     lambda z: der.d_leaky_relu(z, LEAKY_ALPHA)),
    ("ELU", act.elu, der.d_elu),
    ("softplus", act.softplus, der.d_softplus),
    ("GELU", act.gelu, der.d_gelu),
    ("Swish / SiLU", act.swish, der.d_swish),
]


def curves(which, z=None):
    """返回 z 以及 {图例: (f(z), f'(z))}；which 是 "squashing" 或 "rectifiers"。"""
    groups = {"squashing": SQUASHING, "rectifiers": RECTIFIERS}
    if which not in groups:
        raise ValueError(f"which 必须是 {sorted(groups)} 之一，收到 {which!r}")
    z = np.linspace(-4, 4, 401) if z is None else np.asarray(z, dtype=float)
    return z, {label: (f(z), df(z)) for label, f, df in groups[which]}


YLIM = {0: (-1.5, 4.2), 1: (-0.25, 1.6)}   # 留出左上角放图例


def _draw(index, ylabel):
    """上下两幅（手机屏幕窄，不左右并排）：上为两个 S 形函数，下为 ReLU 一族与门控型函数。"""
    fig, axes = plt.subplots(2, 1, figsize=(4.6, 5.6), sharex=True)
    for ax, which, title in zip(axes, ("squashing", "rectifiers"),
                                ("sigmoid and tanh", "ReLU family, GELU, Swish"), strict=True):
        z, data = curves(which)
        for label, values in data.items():
            ax.plot(z, values[index], label=label)
        ax.set_title(title)
        ax.set_ylabel(ylabel)
        ax.legend(loc="upper left", ncol=1 if which == "squashing" else 2,
                  handlelength=1.2, columnspacing=0.8, labelspacing=0.3)
    axes[1].set_ylim(*YLIM[index])
    axes[1].set_xlabel("$z$")
    fig.tight_layout()
    return fig


@figure("functions")
def functions_figure():
    return _draw(0, "$f(z)$")


@figure("derivatives")
def derivatives_figure():
    return _draw(1, "$f'(z)$")
