"""多通道卷积页的插图：两通道输入、一个输出通道的核，以及各通道的结果相加成一张特征映射。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.cnn.conv2d.figures import draw_grid
from snippets.cnn.multichannel.ex01_channels import W, X, b, conv_multi
from snippets.figures import figure


def channel_sums(o=0, i=0, j=0):
    """输出 Y[o, i, j] 的组成：每个输入通道的窗口与核切片的乘积之和，以及偏置。"""
    K = W.shape[2]
    parts = [int(np.sum(X[c, i:i + K, j:j + K] * W[o, c])) for c in range(X.shape[0])]
    return parts, int(b[o]), int(conv_multi(X, W, b)[o, i, j])


@figure("channels")
def channels_figure():
    parts, bias, total = channel_sums()
    Y = conv_multi(X, W, b)
    fig, axes = plt.subplots(3, 2, figsize=(4.0, 6.4))
    for c in range(2):
        draw_grid(axes[c, 0], X[c], f"input channel {c}", box=(0, 0, 2, 2), box_color=f"C{c}")
        draw_grid(axes[c, 1], W[0, c], f"$W[0, {c}]$ gives ${parts[c]}$", box=(0, 0, 2, 2),
                  box_color=f"C{c}")
    draw_grid(axes[2, 0], Y[0], "output channel 0", box=(0, 0, 1, 1), highlight=(0, 0))
    axes[2, 1].axis("off")
    sums = f"${parts[0]} + {parts[1]} + b_0$\n$= {parts[0]} + {parts[1]} + {bias}$\n$= {total}$"
    axes[2, 1].text(0.5, 0.5, sums, ha="center", va="center", transform=axes[2, 1].transAxes, fontsize=12)
    fig.tight_layout()
    return fig
