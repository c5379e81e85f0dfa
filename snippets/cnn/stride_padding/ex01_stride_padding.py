"""一维卷积加上步长 S 与零填充 P：输出长度为 floor((M + 2P - K) / S) + 1。"""

import numpy as np

from snippets.cnn.conv1d.ex01_delayed_sum import as_signal


# --8<-- [start:check_int]
def check_int(value, name, minimum):
    """value 必须是不小于 minimum 的整数，否则报错并指出参数名。"""
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise ValueError(f"{name} 必须是不小于 {minimum} 的整数，收到 {value!r}")
    return int(value)
# --8<-- [end:check_int]


# --8<-- [start:output_length]
def output_length(M, K, S=1, P=0):
    """长度 M 的输入两端各补 P 个 0，长度 K 的核以步长 S 滑动：输出长度。"""
    M, K = check_int(M, "M", 1), check_int(K, "K", 1)
    S, P = check_int(S, "S", 1), check_int(P, "P", 0)
    if K > M + 2 * P:
        raise ValueError(f"K 不能大于补零后的长度 M+2P={M + 2 * P}，收到 K={K}")
    return (M + 2 * P - K) // S + 1      # 第一个窗口 + 能走的整步数
# --8<-- [end:output_length]


# --8<-- [start:conv1d_loop]
def conv1d_loop(x, w, stride=1, padding=0):
    """循环版本：窗口起点依次是 0, S, 2S, ...，最后一个起点不超过 M+2P-K。"""
    x, w = as_signal(x, "x"), as_signal(w, "w")
    stride = check_int(stride, "stride", 1)
    padding = check_int(padding, "padding", 0)
    x = np.pad(x, padding)                   # 补零后长度 L = M+2P
    K = len(w)
    if K > len(x):
        raise ValueError(f"w 的长度 K={K} 大于补零后的长度 M+2P={len(x)}")
    y = []
    for start in range(0, len(x) - K + 1, stride):
        window = x[start : start + K]
        y.append(sum(w[k] * window[K - 1 - k] for k in range(K)))   # 翻转核
    return np.array(y)
# --8<-- [end:conv1d_loop]


# --8<-- [start:conv1d]
from numpy.lib.stride_tricks import sliding_window_view


def conv1d(x, w, stride=1, padding=0):
    """书中的（翻转核）一维卷积，带步长和零填充，没有 Python 循环。"""
    x, w = as_signal(x, "x"), as_signal(w, "w")
    stride = check_int(stride, "stride", 1)
    padding = check_int(padding, "padding", 0)
    x = np.pad(x, padding)                   # 两端各补 P 个 0，长度 M+2P
    if len(w) > len(x):
        raise ValueError(f"w 的长度 K={len(w)} 大于补零后的长度 M+2P={len(x)}")
    windows = sliding_window_view(x, len(w))[::stride]   # 每隔 S 个位置取一个窗口
    return windows @ w[::-1]                 # 卷积要翻转核
# --8<-- [end:conv1d]


EXAMPLE_X = [1, 1, 2, -1, 1, -2, 1]          # M = 7
EXAMPLE_W = [-1, 0, 1]                       # K = 3：y_t = x_{t-2} - x_t


def main():
    # --8<-- [start:usage]
    x = [1, 1, 2, -1, 1, -2, 1]              # M = 7
    w = [-1, 0, 1]                           # K = 3
    print(conv1d(x, w).tolist())                         # S=1, P=0：窄卷积
    #> [-1.0, 2.0, 1.0, 1.0, 0.0]
    print(conv1d(x, w, stride=2).tolist())               # (a) 步长 S=2
    #> [-1.0, 1.0, 0.0]
    print(conv1d(x, w, padding=1).tolist())              # (b) 零填充 P=1
    #> [-1.0, -1.0, 2.0, 1.0, 1.0, 0.0, -2.0]
    print(conv1d(x, w, stride=2, padding=1).tolist())    # 两者一起
    #> [-1.0, 2.0, 1.0, -2.0]
    # --8<-- [end:usage]

    # --8<-- [start:loop_usage]
    x = [1, 1, 2, -1, 1, -2, 1]
    w = [-1, 0, 1]
    print(list(range(0, 7 + 2 * 1 - 3 + 1, 2)))         # S=2、P=1 时的窗口起点
    #> [0, 2, 4, 6]
    print(conv1d_loop(x, w, stride=2, padding=1).tolist())
    #> [-1.0, 2.0, 1.0, -2.0]
    # --8<-- [end:loop_usage]

    # --8<-- [start:lengths]
    for S, P in [(1, 0), (2, 0), (1, 1), (2, 1)]:
        print(f"S={S} P={P}:", output_length(M=7, K=3, S=S, P=P))
    #> S=1 P=0: 5
    #> S=2 P=0: 3
    #> S=1 P=1: 7
    #> S=2 P=1: 4
    # --8<-- [end:lengths]

    # --8<-- [start:torch]
    import torch
    import torch.nn.functional as F

    X = torch.tensor([1.0, 1, 2, -1, 1, -2, 1]).view(1, 1, -1)   # X: (N=1, C=1, M=7)
    W = torch.tensor([-1.0, 0, 1]).view(1, 1, -1)        # W: (C_out=1, C_in=1, K=3)
    Y = F.conv1d(X, W.flip(-1), stride=2, padding=1)             # 翻转核：书中的卷积
    print(Y.shape, Y.flatten().tolist())
    #> torch.Size([1, 1, 4]) [-1.0, 2.0, 1.0, -2.0]
    # --8<-- [end:torch]


if __name__ == "__main__":
    main()
