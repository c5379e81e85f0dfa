"""空洞卷积：核的相邻两个元素在输入上相隔 D 个位置，不增加参数就看得更远。"""

# --8<-- [start:dilated_length]
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def dilated_length(M, K, S=1, P=0, D=1):
    """空洞卷积的输出长度：核实际覆盖 D(K-1)+1 个位置，代入输出长度公式。"""
    for name, value, minimum in (("M", M, 1), ("K", K, 1), ("S", S, 1), ("P", P, 0), ("D", D, 1)):
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise ValueError(f"{name} 必须是不小于 {minimum} 的整数，收到 {value!r}")
    span = D * (K - 1) + 1
    if span > M + 2 * P:
        raise ValueError(f"K 太大：核覆盖 D(K-1)+1={span} 个位置，补零后的输入只有 {M + 2 * P} 个")
    return (M + 2 * P - span) // S + 1
# --8<-- [end:dilated_length]


# --8<-- [start:conv2d_dilated]
def conv2d_dilated(X, W, stride=1, padding=0, dilation=1):
    """多通道空洞卷积（互相关）。X: (N, C_in, H, W_in)，W: (C_out, C_in, K_h, K_w)。"""
    X, W = np.asarray(X, dtype=float), np.asarray(W, dtype=float)
    for name, A in (("X", X), ("W", W)):
        if A.ndim != 4:
            raise ValueError(f"{name} 必须是 4 维数组，收到 {A.ndim} 维")
    if W.shape[1] != X.shape[1]:
        raise ValueError(f"W 的输入通道数 {W.shape[1]} 与 X 的通道数 {X.shape[1]} 不一致")
    S, P, D = stride, padding, dilation
    (_, _, H, W_in), (_, _, Kh, Kw) = X.shape, W.shape
    dilated_length(H, Kh, S, P, D)                        # 检查参数，出错时报出参数名
    dilated_length(W_in, Kw, S, P, D)
    Xp = np.pad(X, ((0, 0), (0, 0), (P, P), (P, P)))
    span = (D * (Kh - 1) + 1, D * (Kw - 1) + 1)           # 核实际覆盖的范围
    windows = sliding_window_view(Xp, span, axis=(2, 3))[:, :, ::S, ::S, ::D, ::D]
    return np.einsum("ncijuv,ocuv->noij", windows, W)      # 每个窗口里只取隔 D 个的元素
# --8<-- [end:conv2d_dilated]


def main():
    # --8<-- [start:usage]
    import torch
    import torch.nn.functional as F

    print(dilated_length(M=7, K=3, D=2), dilated_length(M=7, K=3, D=3))
    #> 3 1
    X = np.arange(49.0).reshape(1, 1, 7, 7)
    W = np.ones((1, 1, 3, 3))
    Y = conv2d_dilated(X, W, dilation=2)                  # 每个输出是 9 个相隔 2 格的元素之和
    print(Y[0, 0].tolist())
    #> [[144.0, 153.0, 162.0], [207.0, 216.0, 225.0], [270.0, 279.0, 288.0]]
    print(np.array_equal(Y, F.conv2d(torch.tensor(X), torch.tensor(W), dilation=2).numpy()))
    #> True

    holes = np.zeros((1, 1, 5, 5))                        # 把核的元素之间填上 D-1 = 1 个 0
    holes[:, :, ::2, ::2] = W
    print(np.array_equal(Y, conv2d_dilated(X, holes)))    # 就是一个 5×5 的普通卷积
    #> True
    # --8<-- [end:usage]

    # --8<-- [start:receptive_field]
    import torch
    import torch.nn.functional as F

    x = torch.zeros(1, 1, 41, requires_grad=True)         # x: (N=1, C=1, M=41)
    w = torch.ones(1, 1, 3)                               # 三层都用 K=3 的核
    y = x
    for D in (1, 2, 4):
        y = F.conv1d(y, w, dilation=D)                    # 长度 41 -> 39 -> 35 -> 27
    y[0, 0, 13].backward()                                # 顶层正中的一个输出
    seen = x.grad.flatten().nonzero().flatten()
    print(len(seen), seen.min().item(), seen.max().item())
    #> 15 13 27
    print(1 + sum(D * (3 - 1) for D in (1, 2, 4)))         # 感受野公式 1 + sum_l D_l (K-1)
    #> 15
    # --8<-- [end:receptive_field]


if __name__ == "__main__":
    main()
