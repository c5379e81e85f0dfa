"""卷积 = 与旋转 180° 的核做互相关：W * X = xcorr(X, rot180(W))。"""

import numpy as np

from snippets.cnn.conv2d.ex01_conv2d_loop import as_matrix  # noqa: F401  (corr2d 用到)
from snippets.cnn.cross_correlation.ex01_corr2d import corr2d
from snippets.cnn.cross_correlation.ex02_conv2d_vectorised import conv2d


# --8<-- [start:flip]
def rot180(W):
    """把核的最后两维上下、左右各翻一次，即旋转 180°。"""
    W = np.asarray(W)
    if W.ndim < 2:
        raise ValueError(f"W 至少要有两维（核的行和列），收到 {W.ndim} 维")
    return W[..., ::-1, ::-1]


def conv2d_book_loop(X, W):
    """书中按定义的窄卷积（翻转核）：先把核旋转 180°，再做互相关。"""
    return corr2d(X, rot180(W))
# --8<-- [end:flip]


def conv2d_book(X, W, b=None, stride=1, padding=0):
    """同上，用向量化的 conv2d：支持批量、多通道、步长和填充，形状同 conv2d。"""
    return conv2d(X, rot180(W), b, stride=stride, padding=padding)


def main():
    # --8<-- [start:usage]
    import torch
    import torch.nn.functional as F

    X = np.arange(9).reshape(3, 3)            # [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    W = np.array([[0, 1], [2, 3]])
    print(rot180(W).tolist())
    #> [[3, 2], [1, 0]]
    print(conv2d_book_loop(X, W).tolist())    # 书中的卷积
    #> [[5.0, 11.0], [23.0, 29.0]]
    print(corr2d(X, W).tolist())              # 互相关
    #> [[19.0, 25.0], [37.0, 43.0]]
    X_t = torch.arange(9.0).view(1, 1, 3, 3)                  # X: (N, C, H, W)
    W_t = torch.tensor([[0.0, 1], [2, 3]]).view(1, 1, 2, 2)   # W: (C_out, C_in, K, K)
    print(F.conv2d(X_t, W_t.flip(-2, -1))[0, 0].tolist())     # PyTorch：自己翻转
    #> [[5.0, 11.0], [23.0, 29.0]]
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
