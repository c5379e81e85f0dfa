"""步长 2、填充 0 与填充 1：用 PyTorch 的 conv2d 在小例子上看输出如何变化。"""

import torch
import torch.nn.functional as F


def window_sums(H, S, P, K=3):
    """H×H 的输入 0..H²-1 与全 1 的 K×K 核做互相关（步长 S、填充 P）：每个窗口内数字之和。"""
    X = torch.arange(H * H, dtype=torch.float64).view(1, 1, H, H)   # X: (N, C, H, W)
    W = torch.ones(1, 1, K, K, dtype=torch.float64)                 # W: (C_out, C_in, K, K)
    return F.conv2d(X, W, stride=S, padding=P)[0, 0]


def main():
    # --8<-- [start:stride_padding]
    import torch
    import torch.nn.functional as F

    X = torch.arange(25.0).view(1, 1, 5, 5)   # X: (N=1, C=1, 5, 5)，内容是 0..24
    W = torch.ones(1, 1, 3, 3)                # 全 1 的 3×3 核：输出 = 窗口内数字之和
    for row in X[0, 0].int().tolist():
        print(row)
    #> [0, 1, 2, 3, 4]
    #> [5, 6, 7, 8, 9]
    #> [10, 11, 12, 13, 14]
    #> [15, 16, 17, 18, 19]
    #> [20, 21, 22, 23, 24]

    Y = F.conv2d(X, W, stride=1, padding=0)   # (5 - 3) / 1 + 1 = 3
    print(tuple(Y.shape[2:]))
    #> (3, 3)
    Y = F.conv2d(X, W, stride=2, padding=0)   # (5 - 3) // 2 + 1 = 2
    print(Y[0, 0].int().tolist())
    #> [[54, 72], [144, 162]]
    Y = F.conv2d(X, W, stride=2, padding=1)   # (5 + 2 - 3) // 2 + 1 = 3
    print(Y[0, 0].int().tolist())
    #> [[12, 27, 24], [63, 108, 81], [72, 117, 84]]
    # --8<-- [end:stride_padding]


if __name__ == "__main__":
    main()
