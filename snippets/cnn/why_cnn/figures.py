"""“为什么需要卷积”页的插图：平移一个像素前后，全连接层与卷积层的输出对比。"""

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

from snippets.cnn.why_cnn.ex02_shift import shift_right, stroke
from snippets.figures import figure


def shift_responses(seed=0):
    """返回 (h, h_shift, Y, Y_shift)：全连接层输出与卷积特征映射，平移前后各一份。

    全连接层与页面上的 dense_correlation 相同（同一种子、无偏置、100 个输出）；
    卷积核与页面上的整数核相同。
    """
    X, X_shift = stroke(), shift_right(stroke())
    torch.manual_seed(seed)
    dense = torch.nn.Linear(X.numel(), 100, bias=False, dtype=torch.float64)
    with torch.no_grad():
        h, h_shift = dense(X.flatten()), dense(X_shift.flatten())
    torch.manual_seed(seed)
    W = torch.randint(-2, 3, (1, 1, 3, 3)).double()
    Y = F.conv2d(X[None, None], W)[0, 0]
    Y_shift = F.conv2d(X_shift[None, None], W)[0, 0]
    return h, h_shift, Y, Y_shift


@figure("shift")
def shift_figure():
    h, h_shift, Y, Y_shift = shift_responses()
    fig, axes = plt.subplots(1, 2, figsize=(8, 3.6))
    axes[0].scatter(h, h_shift, s=14, color="C0")
    corr = torch.corrcoef(torch.stack([h, h_shift]))[0, 1].item()
    axes[0].set_title(f"dense layer: correlation {corr:.2f}")
    axes[0].set_xlabel("output for the image")
    axes[0].set_ylabel("output for the shifted image")
    # compare each feature-map value with the value one column to its right after the shift
    axes[1].scatter(Y[:, :-1].flatten(), Y_shift[:, 1:].flatten(), s=14, color="C1")
    axes[1].set_title("convolution: feature map moved one column")
    axes[1].set_xlabel("$Y[i, j]$ for the image")
    axes[1].set_ylabel("$Y[i, j+1]$ for the shifted image")
    for ax in axes:
        lo, hi = ax.get_xlim()
        ax.plot([lo, hi], [lo, hi], color="C5", lw=1, ls="--", zorder=0, label="$y = x$")
        ax.set_aspect("equal", adjustable="datalim")
    axes[1].legend(loc="upper left", fontsize=9)
    return fig
