"""PyTorch 的 conv2d 不翻转卷积核：把核上下、左右各翻一次，才得到书中的二维卷积。"""

import torch
import torch.nn.functional as F


def torch_conv2d_book(X, W):
    """书中的（翻转）窄卷积，用 PyTorch 计算；X、W 是二维数组，供测试对照。"""
    X = torch.as_tensor(X, dtype=torch.float64)[None, None]     # X: (N=1, C=1, M, N)
    W = torch.as_tensor(W, dtype=torch.float64)[None, None]     # W: (C_out=1, C_in=1, U, V)
    return F.conv2d(X, W.flip(-2, -1))[0, 0].numpy()


def main():
    # --8<-- [start:compare]
    import torch
    import torch.nn.functional as F

    X = torch.tensor([[ 1.0,  1,  1,  1, 1],
                      [-1,    0, -3,  0, 1],
                      [ 2,    1,  1, -1, 0],
                      [ 0,   -1,  1,  2, 1],
                      [ 1,    2,  1,  1, 1]]).view(1, 1, 5, 5)  # X: (N, C, H, W)
    W = torch.tensor([[1.0, 0,  0],
                      [0,   0,  0],
                      [0,   0, -1]]).view(1, 1, 3, 3)   # W: (C_out, C_in, U, V)

    # 上下、左右各翻一次 = 旋转 180°
    print(W.flip(-2, -1)[0, 0].tolist())
    #> [[-1.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
    print(F.conv2d(X, W.flip(-2, -1))[0, 0].tolist())  # 翻转后：书中的卷积
    #> [[0.0, -2.0, -1.0], [2.0, 2.0, 4.0], [-1.0, 0.0, 0.0]]
    print(F.conv2d(X, W)[0, 0].tolist())               # 不翻转：互相关
    #> [[0.0, 2.0, 1.0], [-2.0, -2.0, -4.0], [1.0, 0.0, 0.0]]
    # --8<-- [end:compare]


if __name__ == "__main__":
    main()
