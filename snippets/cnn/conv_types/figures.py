"""卷积类型页的插图：同一段短信号的窄卷积、等宽卷积和宽卷积。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.cnn.conv_types.ex01_conv_types import EXAMPLE_W, EXAMPLE_X, conv1d_kind, paddings
from snippets.figures import figure

KINDS = ("narrow", "same", "wide")


def placed_outputs(x, w, kind):
    """输出及其位置：每个输出画在它的窗口中点上，坐标与输入 x_t 的下标 t（从 1 开始）一致。"""
    K = len(w)
    left, _ = paddings(kind, K)
    y = conv1d_kind(x, w, kind)
    # 第 j 个窗口（从 0 起）覆盖原输入的 x_{j-left+1} ... x_{j-left+K}
    centres = np.arange(len(y)) - left + 1 + (K - 1) / 2
    return centres, y


@figure("types")
def types_figure():
    x, w = EXAMPLE_X, EXAMPLE_W
    M = len(x)
    fig, axes = plt.subplots(4, 1, figsize=(4.6, 6.4), sharex=True)
    names = {"narrow": ("narrow: $P=0$", "M-K+1"),
             "same": ("same: $P=(K-1)/2$", "M"),
             "wide": ("wide: $P=K-1$", "M+K-1")}
    axes[0].stem(np.arange(1, M + 1), x, basefmt=" ")
    axes[0].set_title(f"input $x$, $M = {M}$; kernel $w = {list(w)}$", fontsize=10)
    axes[0].set_ylim(0, 6.5)
    for ax, kind in zip(axes[1:], KINDS, strict=True):
        centres, y = placed_outputs(x, w, kind)
        markers, stems, _ = ax.stem(centres, y, basefmt=" ")
        markers.set_color("C1")
        stems.set_color("C1")
        name, formula = names[kind]
        ax.set_title(f"{name}, length ${formula} = {len(y)}$", fontsize=10)
        ax.set_ylim(0, 27)
    for ax in axes:
        ax.axvspan(0.6, M + 0.4, color="C0", alpha=0.12, lw=0)   # where the input lives
    axes[-1].set_xlabel("position $t$ (outputs at their window centres)")
    axes[-1].set_xticks(np.arange(0, M + 2))
    fig.tight_layout()
    return fig
