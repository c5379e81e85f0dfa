"""参数初始化页的插图：20 层网络中每层活性值与误差项的标准差。"""

from functools import cache

import matplotlib.pyplot as plt

from snippets.feedforward.initialization.ex03_depth import SCHEMES, signal_scales
from snippets.figures import figure


@cache
def scale_curves():
    """{方案名: (每层活性值的标准差, 每层误差项的标准差)}，层号 1..20。"""
    return {name: tuple(map(tuple, signal_scales(act, init))) for name, (act, init) in SCHEMES.items()}


@figure("depth-scales")
def depth_scales_figure():
    curves = scale_curves()
    fig, axes = plt.subplots(2, 1, figsize=(4.6, 6.4), sharex=True)
    styles = ["o-", "s-", "^-", "v-", "D-", "x-"]
    for (name, (act_std, delta_std)), style in zip(curves.items(), styles, strict=True):
        layers = range(1, len(act_std) + 1)
        label = name.replace("N(0, 0.01^2)", "$N(0, 0.01^2)$").replace("N(0, 1)", "$N(0, 1)$")
        axes[0].semilogy(layers, act_std, style, markersize=3, linewidth=1.4, label=label)
        axes[1].semilogy(layers, delta_std, style, markersize=3, linewidth=1.4)
    axes[0].set_title("forward: std of activations $a^{(l)}$")
    axes[1].set_title(r"backward: std of error terms $\delta^{(l)}$")
    axes[1].set_xlabel("layer $l$")
    for ax in axes:
        ax.set_ylabel("std")
        ax.set_xticks([1, 5, 10, 15, 20])
    fig.legend(loc="lower center", ncol=2, bbox_to_anchor=(0.5, -0.12), handlelength=1.8,
               columnspacing=1.0, labelspacing=0.3)
    fig.tight_layout()
    return fig
