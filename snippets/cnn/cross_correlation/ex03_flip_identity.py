"""卷积 = 与旋转 180° 的核做互相关：conv(X, W) = xcorr(X, rot180(W))。"""

import numpy as np

from snippets.cnn.cross_correlation.ex02_conv2d_vectorised import conv2d


# --8<-- [start:flip]
def rot180(W):
    """把核的最后两维上下、左右各翻一次，即旋转 180°。"""
    W = np.asarray(W)
    if W.ndim < 2:
        raise ValueError(f"W 至少要有两维（核的行和列），收到 {W.ndim} 维")
    return W[..., ::-1, ::-1]


def conv2d_book(X, W, b=None, stride=1, padding=0):
    """书中的卷积（翻转核）：先把核旋转 180°，再做互相关。形状同 conv2d。"""
    return conv2d(X, rot180(W), b, stride=stride, padding=padding)
# --8<-- [end:flip]


def main():
    # --8<-- [start:usage]
    import torch
    import torch.nn.functional as F

    X = np.arange(9.0).reshape(1, 1, 3, 3)                # (N, C_in, H, W)
    W = np.array([[0.0, 1], [2, 3]]).reshape(1, 1, 2, 2)  # (C_out, C_in, 2, 2)
    print(rot180(W)[0, 0].tolist())
    #> [[3.0, 2.0], [1.0, 0.0]]
    print(conv2d_book(X, W)[0, 0].tolist())               # 书中的卷积
    #> [[5.0, 11.0], [23.0, 29.0]]
    W_t = torch.from_numpy(W).flip(-2, -1)                # PyTorch：自己翻转
    print(F.conv2d(torch.from_numpy(X), W_t)[0, 0].tolist())
    #> [[5.0, 11.0], [23.0, 29.0]]
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
