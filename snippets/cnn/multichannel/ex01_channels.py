"""多通道卷积：每个输出通道 = 各输入通道分别与核的对应切片做互相关，再全部相加，加上偏置。"""

import numpy as np


# --8<-- [start:conv_multi_loop]
def conv_multi_loop(X, W, b):
    """X: (C_in, H_in, W_in)，W: (C_out, C_in, K, K)，b: (C_out,)；返回 Y: (C_out, H_out, W_out)。"""
    X, W, b = (np.asarray(a, dtype=float) for a in (X, W, b))
    if X.ndim != 3 or W.ndim != 4 or W.shape[1] != X.shape[0] or b.shape != (W.shape[0],):
        raise ValueError(f"X, W, b 的形状不匹配：{X.shape}、{W.shape}、{b.shape}")
    C_out, C_in, K, _ = W.shape
    H_out, W_out = X.shape[1] - K + 1, X.shape[2] - K + 1
    Y = np.zeros((C_out, H_out, W_out))
    for o in range(C_out):                        # 每个输出通道用自己的核 W[o]：(C_in, K, K)
        for i in range(H_out):
            for j in range(W_out):
                window = X[:, i:i + K, j:j + K]    # 深度为 C_in 的窗口：(C_in, K, K)
                Y[o, i, j] = np.sum(W[o] * window) + b[o]   # 所有通道的乘积一起相加
    return Y
# --8<-- [end:conv_multi_loop]


# --8<-- [start:conv_multi]
from numpy.lib.stride_tricks import sliding_window_view


def conv_multi(X, W, b):
    """与 conv_multi_loop 相同，没有 Python 循环。"""
    X, W, b = (np.asarray(a, dtype=float) for a in (X, W, b))
    if X.ndim != 3 or W.ndim != 4 or W.shape[1] != X.shape[0] or b.shape != (W.shape[0],):
        raise ValueError(f"X, W, b 的形状不匹配：{X.shape}、{W.shape}、{b.shape}")
    K = W.shape[2]
    windows = sliding_window_view(X, (K, K), axis=(1, 2))     # (C_in, H_out, W_out, K, K)
    # 对输入通道 c 和核内位置 u, v 求和：Y[o, i, j] = Σ_c Σ_u Σ_v W[o, c, u, v] · X[c, i+u, j+v]
    return np.einsum("cijuv,ocuv->oij", windows, W) + b[:, None, None]
# --8<-- [end:conv_multi]


# --8<-- [start:example]
import numpy as np

X = np.array([[[1, 2, 0],          # 输入通道 0
               [0, 1, 3],
               [2, 1, 1]],
              [[0, 1, 1],          # 输入通道 1
               [2, 0, 1],
               [1, 3, 0]]])        # X: (C_in=2, 3, 3)
W = np.array([[[[1, 0], [0, 1]],   # 输出通道 0 的核：对输入通道 0 的切片
               [[0, 1], [1, 0]]],  #                  对输入通道 1 的切片
              [[[1, 1], [1, 1]],   # 输出通道 1 的核
               [[-1, 0], [0, 0]]]])   # W: (C_out=2, C_in=2, 2, 2)
b = np.array([0, 1])
# --8<-- [end:example]


def conv_parameters(C_in, C_out, K):
    """一个卷积层（K×K 的核，含偏置）的参数个数：(C_in·K·K + 1)·C_out。"""
    return (C_in * K * K + 1) * C_out


def main():
    # --8<-- [start:usage]
    Y = conv_multi_loop(X, W, b)
    print(Y.shape)
    #> (2, 2, 2)
    print(Y.tolist())
    #> [[[5.0, 6.0], [2.0, 6.0]], [[5.0, 6.0], [3.0, 7.0]]]
    print(np.array_equal(conv_multi(X, W, b), Y))
    #> True
    # --8<-- [end:usage]

    # --8<-- [start:torch]
    import torch
    import torch.nn.functional as F

    Y_torch = F.conv2d(torch.tensor(X[None], dtype=torch.float64),    # X: (N=1, C_in, H, W)
                       torch.tensor(W, dtype=torch.float64),          # W: (C_out, C_in, K, K)
                       torch.tensor(b, dtype=torch.float64))
    print(Y_torch[0].tolist() == conv_multi(X, W, b).tolist())
    #> True
    # --8<-- [end:torch]

    # --8<-- [start:parameters]
    import torch

    for C_in, C_out, K in [(2, 2, 2), (3, 16, 5), (64, 128, 3)]:
        layer = torch.nn.Conv2d(C_in, C_out, K)
        numel = sum(p.numel() for p in layer.parameters())
        print(C_in, C_out, K, layer.weight.shape, numel, (C_in * K * K + 1) * C_out)
    #> 2 2 2 torch.Size([2, 2, 2, 2]) 18 18
    #> 3 16 5 torch.Size([16, 3, 5, 5]) 1216 1216
    #> 64 128 3 torch.Size([128, 64, 3, 3]) 73856 73856
    # --8<-- [end:parameters]


if __name__ == "__main__":
    main()
