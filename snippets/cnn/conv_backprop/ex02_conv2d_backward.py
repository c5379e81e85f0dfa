"""多通道二维卷积层的前向与反向：dL/dW 是输入与误差项的互相关，dL/dX 是误差项与旋转核的宽卷积。"""

# --8<-- [start:checks]
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def as_batch(A, name):
    """A 必须是 4 维数组：X 与误差项是 (N, C, H, W)，卷积核是 (C_out, C_in, K_h, K_w)。"""
    A = np.asarray(A, dtype=float)
    if A.ndim != 4:
        raise ValueError(f"{name} 必须是 4 维数组，收到 {A.ndim} 维")
    return A


def check_layer(X, W, stride, padding):
    """步长、填充、通道数、核的大小是否合法；出错时报出参数名。"""
    if isinstance(stride, bool) or not isinstance(stride, int) or stride < 1:
        raise ValueError(f"stride 必须是正整数，收到 {stride!r}")
    if isinstance(padding, bool) or not isinstance(padding, int) or padding < 0:
        raise ValueError(f"padding 必须是非负整数，收到 {padding!r}")
    if W.shape[1] != X.shape[1]:
        raise ValueError(f"W 的输入通道数 {W.shape[1]} 与 X 的通道数 {X.shape[1]} 不一致")
    if W.shape[2] > X.shape[2] + 2 * padding or W.shape[3] > X.shape[3] + 2 * padding:
        raise ValueError(f"W 的核 {W.shape[2:]} 比补零后的输入 "
                         f"{(X.shape[2] + 2 * padding, X.shape[3] + 2 * padding)} 还大")
# --8<-- [end:checks]


# --8<-- [start:conv2d]
def conv2d(X, W, b=None, stride=1, padding=0):
    """卷积层的净输入 Z（互相关，与 PyTorch 相同）。"""
    X, W = as_batch(X, "X"), as_batch(W, "W")   # X: (N, C_in, H, W_in), W: (C_out, C_in, K_h, K_w)
    check_layer(X, W, stride, padding)
    P = padding
    Xp = np.pad(X, ((0, 0), (0, 0), (P, P), (P, P)))
    windows = sliding_window_view(Xp, W.shape[2:], axis=(2, 3))[:, :, ::stride, ::stride]
    Z = np.einsum("ncijuv,ocuv->noij", windows, W)   # Z: (N, C_out, H_out, W_out)
    return Z if b is None else Z + np.asarray(b, dtype=float).reshape(1, -1, 1, 1)
# --8<-- [end:conv2d]


# --8<-- [start:conv2d_backward]
def conv2d_backward(X, W, delta, stride=1, padding=0):
    """已知误差项 delta = dL/dZ，返回 dL/dX、dL/dW、dL/db，形状分别与 X、W、b 相同。"""
    X, W, delta = as_batch(X, "X"), as_batch(W, "W"), as_batch(delta, "delta")
    check_layer(X, W, stride, padding)
    S, P = stride, padding
    Kh, Kw = W.shape[2:]
    Xp = np.pad(X, ((0, 0), (0, 0), (P, P), (P, P)))
    # 误差项放回步长为 1 时的位置：相邻两个之间隔 S-1 个 0（S=1 时就是 delta 本身）
    D = np.zeros((X.shape[0], W.shape[0], Xp.shape[2] - Kh + 1, Xp.shape[3] - Kw + 1))
    if D[:, :, ::S, ::S].shape != delta.shape:
        raise ValueError(f"delta 的形状应为 {D[:, :, ::S, ::S].shape}，收到 {delta.shape}")
    D[:, :, ::S, ::S] = delta
    # dL/dW：输入与误差项的互相关，对批量求和
    dW = np.einsum("ncuvij,noij->ocuv", sliding_window_view(Xp, D.shape[2:], axis=(2, 3)), D)
    # dL/dX：误差项四周补 K-1 圈 0（宽卷积），与旋转 180° 的核做互相关，对输出通道求和
    Dp = np.pad(D, ((0, 0), (0, 0), (Kh - 1, Kh - 1), (Kw - 1, Kw - 1)))
    rot = W[:, :, ::-1, ::-1]
    dXp = np.einsum("noijuv,ocuv->ncij", sliding_window_view(Dp, (Kh, Kw), axis=(2, 3)), rot)
    dX = dXp[:, :, P : P + X.shape[2], P : P + X.shape[3]]   # 去掉补零的位置
    db = delta.sum(axis=(0, 2, 3))
    return dX, dW, db
# --8<-- [end:conv2d_backward]


def main():
    # --8<-- [start:usage]
    import torch
    import torch.nn.functional as F

    rng = np.random.default_rng(0)
    X = rng.standard_normal((2, 3, 6, 5))       # X: (N=2, C_in=3, H=6, W=5)
    W = rng.standard_normal((4, 3, 3, 3))       # W: (C_out=4, C_in=3, K=3, K=3)
    b = rng.standard_normal(4)
    for S, P in [(1, 0), (1, 1), (2, 1)]:
        Z = conv2d(X, W, b, stride=S, padding=P)
        delta = rng.standard_normal(Z.shape)    # 随便取一个误差项：L = sum(delta * Z)
        dX, dW, db = conv2d_backward(X, W, delta, stride=S, padding=P)

        Xt, Wt, bt = (torch.tensor(a, requires_grad=True) for a in (X, W, b))
        Zt = F.conv2d(Xt, Wt, bt, stride=S, padding=P)
        (Zt * torch.tensor(delta)).sum().backward()
        same = [np.allclose(a, t.grad.numpy()) for a, t in ((dX, Xt), (dW, Wt), (db, bt))]
        print(f"S={S} P={P}", Z.shape, np.allclose(Z, Zt.detach().numpy()), same)
    #> S=1 P=0 (2, 4, 4, 3) True [True, True, True]
    #> S=1 P=1 (2, 4, 6, 5) True [True, True, True]
    #> S=2 P=1 (2, 4, 3, 3) True [True, True, True]
    # --8<-- [end:usage]

    # --8<-- [start:wide]
    X = np.arange(9.0).reshape(1, 1, 3, 3)      # 讲义的 3×3 输入 0..8
    W = np.array([[[[0.0, 1], [2, 3]]]])        # 与 2×2 的核 [[0, 1], [2, 3]]
    print(conv2d(X, W)[0, 0].tolist())          # 前向：互相关
    #> [[19.0, 25.0], [37.0, 43.0]]
    delta = np.ones((1, 1, 2, 2))               # 误差项全为 1
    dX, dW, db = conv2d_backward(X, W, delta)
    print(dX[0, 0])                             # 3×3：宽卷积 2 + 2 - 1 = 3
    #> [[0. 1. 1.]
    #>  [2. 6. 4.]
    #>  [2. 5. 3.]]
    print(dW[0, 0], db)
    #> [[ 8. 12.]
    #>  [20. 24.]] [4.]
    # --8<-- [end:wide]


if __name__ == "__main__":
    main()
