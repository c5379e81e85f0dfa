"""卷积写成矩阵乘法 z = C x；转置卷积就是乘以 C 的转置。"""

# --8<-- [start:conv_matrix]
import numpy as np


def conv_matrix(w, M):
    """长度 M 的输入与核 w 做窄互相关，写成 (M-K+1)×M 的矩阵 C，使 z = C x。"""
    w = np.asarray(w, dtype=float)
    if w.ndim != 1 or w.size == 0:
        raise ValueError(f"w 必须是非空的一维数组，收到形状 {w.shape}")
    if isinstance(M, bool) or not isinstance(M, int) or M < len(w):
        raise ValueError(f"M 必须是不小于核长 K={len(w)} 的整数，收到 {M!r}")
    K = len(w)
    C = np.zeros((M - K + 1, M))
    for t in range(M - K + 1):
        C[t, t : t + K] = w             # 第 t 行：核放在第 t 个窗口上
    return C
# --8<-- [end:conv_matrix]


def main():
    # --8<-- [start:usage]
    import torch
    import torch.nn.functional as F

    w = [1.0, 2, 3]
    C = conv_matrix(w, M=4)             # 4 个输入 -> 2 个输出
    print(C)
    #> [[1. 2. 3. 0.]
    #>  [0. 1. 2. 3.]]
    x = np.array([1.0, 2, 3, 4])
    print((C @ x).tolist(), np.correlate(x, w, mode="valid").tolist())
    #> [14.0, 20.0] [14.0, 20.0]

    y = np.array([1.0, -1])
    print((C.T @ y).tolist())           # 2 个输入 -> 4 个输出
    #> [1.0, 1.0, 1.0, -3.0]
    Y = F.conv_transpose1d(torch.tensor([1.0, -1]).view(1, 1, -1), torch.tensor(w).view(1, 1, -1))
    print(Y.flatten().tolist())
    #> [1.0, 1.0, 1.0, -3.0]
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
