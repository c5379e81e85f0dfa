"""卷积层是一种特殊的全连接层：权重矩阵是带状的，每一行共用同一组数（Toeplitz 矩阵）。"""

# --8<-- [start:conv_matrix]
import numpy as np


def conv_matrix(w, M):
    """返回 (M-K+1, M) 的带状矩阵 T，使 T @ x 等于书中（翻转核）的窄卷积。"""
    if type(M) is not int or M < 1:
        raise ValueError(f"M 必须是正整数，收到 {M!r}")
    w = np.asarray(w, dtype=float)
    if w.ndim != 1 or not 1 <= len(w) <= M:
        raise ValueError(f"w 必须是一维的，长度 K 在 1 到 M={M} 之间，收到形状 {w.shape}")
    K = len(w)
    T = np.zeros((M - K + 1, M))
    for i in range(M - K + 1):
        T[i, i : i + K] = w[::-1]    # 第 i 到 i+K-1 列放 w_K, ..., w_1
    return T
# --8<-- [end:conv_matrix]


def main():
    # --8<-- [start:usage]
    import torch
    import torch.nn.functional as F

    w = [1, 1 / 2, 1 / 4]
    x = np.array([1.0, 2, 3, 4, 5, 6])
    T = conv_matrix(w, M=len(x))         # T: (M-K+1, M) = (4, 6)
    for row in T:
        print(row.tolist())
    #> [0.25, 0.5, 1.0, 0.0, 0.0, 0.0]
    #> [0.0, 0.25, 0.5, 1.0, 0.0, 0.0]
    #> [0.0, 0.0, 0.25, 0.5, 1.0, 0.0]
    #> [0.0, 0.0, 0.0, 0.25, 0.5, 1.0]
    print((T @ x).tolist())              # 矩阵乘法
    #> [4.25, 6.0, 7.75, 9.5]
    X = torch.from_numpy(x).view(1, 1, -1)                  # X: (N, C, M)
    W = torch.tensor(w, dtype=torch.float64).view(1, 1, -1)  # W: (C_out, C_in, K)
    print(F.conv1d(X, W.flip(-1)).flatten().tolist())   # 互相关，先翻转核
    #> [4.25, 6.0, 7.75, 9.5]
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
