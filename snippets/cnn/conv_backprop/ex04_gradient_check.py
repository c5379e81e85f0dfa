"""把卷积、ReLU、最大汇聚连起来手写反向传播，与自动微分和数值差分对照。"""

import numpy as np

from snippets.cnn.conv_backprop.ex02_conv2d_backward import conv2d, conv2d_backward
from snippets.cnn.conv_backprop.ex03_pool_backward import max_pool2d_backward, pool_windows


# --8<-- [start:network]
def forward(X, W, b, G):
    """卷积（P=1）→ ReLU → 2×2 最大汇聚 → L = sum(G * 汇聚输出)。返回 L 和反向要用的中间量。"""
    Z = conv2d(X, W, b, padding=1)              # 净输入 Z: (N, C_out, H, W)
    A = np.maximum(Z, 0)                        # 活性值 A = ReLU(Z)
    Y = pool_windows(A, 2).max(axis=-1)         # 汇聚输出 Y: (N, C_out, H/2, W/2)
    return (G * Y).sum(), (Z, A)


def backward(X, W, G, Z, A):
    """从后往前：dL/dY = G → 汇聚层 → ReLU 的导数 → 卷积层。"""
    dA = max_pool2d_backward(A, 2, G)           # 误差只回到每个窗口的最大值处
    delta = dA * (Z > 0)                        # 卷积层的误差项 dL/dZ = f'(Z) ⊙ dL/dA
    return conv2d_backward(X, W, delta, padding=1)   # (dL/dX, dL/dW, dL/db)
# --8<-- [end:network]


# --8<-- [start:numeric]
def numeric_grad(f, A, h=1e-6):
    """中心差分：逐个元素把 A 加、减 h，(f(A+h) - f(A-h)) / 2h。"""
    grad = np.zeros_like(A)
    for index in np.ndindex(A.shape):
        old = A[index]
        A[index] = old + h
        up = f()
        A[index] = old - h
        down = f()
        A[index] = old
        grad[index] = (up - down) / (2 * h)
    return grad
# --8<-- [end:numeric]


def main():
    # --8<-- [start:usage]
    import torch
    import torch.nn.functional as F

    rng = np.random.default_rng(1)
    X = rng.standard_normal((2, 2, 6, 6))       # X: (N=2, C_in=2, 6, 6)
    W = rng.standard_normal((3, 2, 3, 3))       # W: (C_out=3, C_in=2, 3, 3)
    b = rng.standard_normal(3)
    G = rng.standard_normal((2, 3, 3, 3))       # dL/dY，汇聚输出是 3×3

    L, (Z, A) = forward(X, W, b, G)
    dX, dW, db = backward(X, W, G, Z, A)

    # 自动微分
    Xt, Wt, bt = (torch.tensor(a, requires_grad=True) for a in (X, W, b))
    Yt = F.max_pool2d(torch.relu(F.conv2d(Xt, Wt, bt, padding=1)), 2)
    (torch.tensor(G) * Yt).sum().backward()
    print([np.allclose(m, t.grad.numpy()) for m, t in ((dX, Xt), (dW, Wt), (db, bt))])
    #> [True, True, True]

    # 数值差分
    def loss():
        return forward(X, W, b, G)[0]           # 每次调用都读取 X、W、b 当前的值

    print([np.allclose(m, numeric_grad(loss, a), atol=1e-6) for m, a in ((dX, X), (dW, W), (db, b))])
    #> [True, True, True]
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
