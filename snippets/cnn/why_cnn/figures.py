"""“为什么需要卷积”页的插图：一幅随机纹理图像平移一个像素前后，全连接层与卷积层的输出对比。"""

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

from snippets.cnn.why_cnn.ex02_shift import shift_right
from snippets.figures import figure


def texture(size=12, seed=0):
    """size×size 的随机纹理：每个像素独立地取 -1、0、1（整数，卷积结果可逐位比较）。"""
    g = torch.Generator().manual_seed(seed)
    return torch.randint(-1, 2, (size, size), generator=g).double()


def shift_responses(seed=0):
    """返回 (h, h_shift, Y, Y_shift)：纹理图像平移前后的全连接层输出与卷积特征映射。

    全连接层与页面上的 dense_correlation 相同（同一种子、无偏置、100 个输出），卷积核与页面上的整数核相同。
    """
    X = texture()
    X_shift = shift_right(X)
    torch.manual_seed(seed)
    dense = torch.nn.Linear(X.numel(), 100, bias=False, dtype=torch.float64)
    with torch.no_grad():
        h, h_shift = dense(X.flatten()), dense(X_shift.flatten())
    torch.manual_seed(seed)
    W = torch.randint(-2, 3, (1, 1, 3, 3)).double()
    Y = F.conv2d(X[None, None], W)[0, 0]
    Y_shift = F.conv2d(X_shift[None, None], W)[0, 0]
    return h, h_shift, Y, Y_shift


def correlation(a, b):
    return torch.corrcoef(torch.stack([a, b]))[0, 1].item()


@figure("shift")
def shift_figure():
    h, h_shift, Y, Y_shift = shift_responses()
    fig, axes = plt.subplots(1, 2, figsize=(4.6, 2.6))
    axes[0].scatter(h, h_shift, s=8, color="C0")
    axes[0].set_title(f"dense: $r = {correlation(h, h_shift):.2f}$")
    axes[0].set_xlabel("before shift")
    axes[0].set_ylabel("after shift")
    # each feature-map value against the value one column to its right after the shift
    axes[1].scatter(Y[:, :-1].flatten(), Y_shift[:, 1:].flatten(), s=8, color="C1")
    axes[1].set_title("conv: exact")
    axes[1].set_xlabel("$Y[i, j]$ before")
    axes[1].set_ylabel("$Y[i, j+1]$ after")
    for ax in axes:
        lo, hi = ax.get_xlim()
        ax.plot([lo, hi], [lo, hi], color="C5", lw=1, ls="--", zorder=0)
        ax.set_aspect("equal", adjustable="datalim")
    fig.tight_layout()
    return fig
