"""把图像平移一个像素：全连接层的输出面目全非，卷积的特征映射跟着平移。"""

# --8<-- [start:shift]
import torch


def shift_right(X, d=1):
    """把图像 X: (H, W) 向右平移 d 个像素，左边空出的列补 0。"""
    if not isinstance(X, torch.Tensor) or X.ndim != 2:
        raise ValueError("X 必须是形状为 (H, W) 的二维张量")
    if type(d) is not int or not 0 <= d <= X.shape[1]:
        raise ValueError(f"d 必须是 0 到 {X.shape[1]} 之间的整数，收到 {d!r}")
    X_shift = torch.zeros_like(X)
    X_shift[:, d:] = X[:, : X.shape[1] - d]
    return X_shift


def stroke(size=12, width=1):
    """size×size 的黑底图像，中间一道 width 像素宽的竖笔画（像数字 1）。"""
    X = torch.zeros(size, size, dtype=torch.float64)
    X[2 : size - 2, size // 2 - 1 : size // 2 - 1 + width] = 1.0
    return X
# --8<-- [end:shift]


# --8<-- [start:dense_correlation]
def dense_correlation(X, X_shift, seed=0):
    """随机全连接层（无偏置，100 个输出）对两幅图的输出之间的相关系数。"""
    torch.manual_seed(seed)
    dense = torch.nn.Linear(X.numel(), 100, bias=False, dtype=torch.float64)
    with torch.no_grad():
        h, h_shift = dense(X.flatten()), dense(X_shift.flatten())
    return torch.corrcoef(torch.stack([h, h_shift]))[0, 1].item()
# --8<-- [end:dense_correlation]


def main():
    # --8<-- [start:dense]
    X = stroke()                           # X: (12, 12)
    X_shift = shift_right(X)               # 同一道笔画，右移 1 个像素
    print(round(dense_correlation(X, X_shift, seed=0), 4))       # 一个随机全连接层
    #> -0.1639
    mean = sum(dense_correlation(X, X_shift, seed) for seed in range(200)) / 200
    print(round(mean, 4))                                       # 200 个随机层的平均
    #> 0.0021
    # --8<-- [end:dense]

    # --8<-- [start:conv]
    import torch.nn.functional as F

    X = stroke()[None, None]               # X: (N=1, C=1, H=12, W=12)
    X_shift = shift_right(stroke())[None, None]
    torch.manual_seed(0)
    W = torch.randint(-2, 3, (1, 1, 3, 3)).double()   # 整数核：结果可逐位比较
    Y = F.conv2d(X, W)[0, 0]               # Y: (10, 10)，特征映射
    Y_shift = F.conv2d(X_shift, W)[0, 0]
    print(torch.equal(Y_shift[:, 1:], Y[:, :-1]))   # 特征映射也整体右移了 1 列
    #> True
    print(Y.max().item() == Y_shift.max().item())   # 最强的响应一点没变
    #> True
    # --8<-- [end:conv]


if __name__ == "__main__":
    main()
