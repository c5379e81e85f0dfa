"""PyTorch 的 conv1d 计算的是互相关：把核翻转后才等于书中的卷积。"""

import numpy as np
import torch
import torch.nn.functional as F


def torch_conv1d(x, w):
    """书中的（翻转）窄卷积，用 PyTorch 计算；供测试与其他页面对照。"""
    X = torch.as_tensor(np.asarray(x, dtype=float)).view(1, 1, -1)   # X: (N, C, M)
    W = torch.as_tensor(np.asarray(w, dtype=float)).view(1, 1, -1)   # W: (C_out, C_in, K)
    return F.conv1d(X, W.flip(-1)).flatten().numpy()


def main():
    # --8<-- [start:compare]
    import torch
    import torch.nn.functional as F

    x = torch.tensor([1.0, 2, 3, 4, 5, 6])
    w = torch.tensor([1.0, 1 / 2, 1 / 4])
    # conv1d 要求 (N, C, L) 形状的输入和 (C_out, C_in, K) 形状的核
    X = x.view(1, 1, -1)                      # X: (N=1, C=1, M=6)
    W = w.view(1, 1, -1)                      # W: (C_out=1, C_in=1, K=3)

    print(F.conv1d(X, W).flatten().tolist())            # 不翻转：互相关
    #> [2.75, 4.5, 6.25, 8.0]
    print(F.conv1d(X, W.flip(-1)).flatten().tolist())   # 翻转后：书中的卷积
    #> [4.25, 6.0, 7.75, 9.5]
    # --8<-- [end:compare]


if __name__ == "__main__":
    main()
