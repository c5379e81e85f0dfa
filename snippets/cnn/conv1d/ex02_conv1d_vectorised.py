"""一维卷积的向量化版本：滑动窗口乘以翻转后的卷积核。"""

import numpy as np

from snippets.cnn.conv1d.ex01_delayed_sum import as_signal


# --8<-- [start:conv1d]
from numpy.lib.stride_tricks import sliding_window_view


def conv1d(x, w):
    """窄卷积，结果与 conv1d_loop 相同，但没有 Python 循环。"""
    x, w = as_signal(x, "x"), as_signal(w, "w")
    if len(w) > len(x):
        raise ValueError(f"w 的长度 K={len(w)} 大于输入 x 的长度 M={len(x)}")
    windows = sliding_window_view(x, len(w))   # (M-K+1, K)：第 i 行是 x[i : i+K]
    return windows @ w[::-1]                   # 卷积要翻转核：x[i+K-1] 配 w[0]
# --8<-- [end:conv1d]


def main():
    # --8<-- [start:usage]
    x = [1, 2, 3, 4, 5, 6]
    w = [1, 1 / 2, 1 / 4]
    print(conv1d(x, w).tolist())
    #> [4.25, 6.0, 7.75, 9.5]
    print(np.convolve(x, w, mode="valid").tolist())   # numpy 的卷积同样翻转核
    #> [4.25, 6.0, 7.75, 9.5]
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
