"""转置卷积：每个输入元素把“自己乘以整个核”加到输出上，步长 S 决定相邻两份之间错开几格。"""

# --8<-- [start:checks]
import numpy as np


def check_int(value, name, minimum):
    """value 必须是不小于 minimum 的整数，否则报错并指出参数名。"""
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise ValueError(f"{name} 必须是不小于 {minimum} 的整数，收到 {value!r}")
    return int(value)


def check_transposed(M, K, stride, padding, output_padding):
    """检查步长、填充和 output_padding，返回输出长度 (M-1)S - 2P + K + output_padding。"""
    S, P = check_int(stride, "stride", 1), check_int(padding, "padding", 0)
    if check_int(output_padding, "output_padding", 0) >= S:
        raise ValueError(f"output_padding 必须小于步长 S={S}，收到 {output_padding}")
    length = (M - 1) * S - 2 * P + K + output_padding
    if length < 1:
        raise ValueError(f"padding 太大（P={P}）：输出长度 (M-1)S-2P+K+output_padding = {length}")
    return length
# --8<-- [end:checks]


# --8<-- [start:conv_transpose1d]
def conv_transpose1d(x, w, stride=1, padding=0, output_padding=0):
    """一维转置卷积：x_i 把 x_i·w 加到输出的第 iS 到 iS+K-1 个位置，最后两端各去掉 P 个。"""
    x, w = np.asarray(x, dtype=float), np.asarray(w, dtype=float)
    for name, a in (("x", x), ("w", w)):
        if a.ndim != 1 or a.size == 0:
            raise ValueError(f"{name} 必须是非空的一维数组，收到形状 {a.shape}")
    M, K, S, P = len(x), len(w), stride, padding
    check_transposed(M, K, S, P, output_padding)
    full = np.zeros((M - 1) * S + K + output_padding)
    for i in range(M):
        full[i * S : i * S + K] += x[i] * w     # 每个输入“画”一份核
    return full[P : len(full) - P]
# --8<-- [end:conv_transpose1d]


# --8<-- [start:conv_transpose2d]
def conv_transpose2d(X, W, stride=1, padding=0, output_padding=0):
    """二维、多通道。X: (N, C_in, H, W_in)，W: (C_in, C_out, K_h, K_w)，与 PyTorch 的约定相同。"""
    X, W = np.asarray(X, dtype=float), np.asarray(W, dtype=float)
    for name, A in (("X", X), ("W", W)):
        if A.ndim != 4:
            raise ValueError(f"{name} 必须是 4 维数组，收到 {A.ndim} 维")
    if W.shape[0] != X.shape[1]:
        raise ValueError(f"W 的第一维 {W.shape[0]} 必须等于 X 的通道数 {X.shape[1]}")
    (N, _, H, W_in), (_, C_out, Kh, Kw) = X.shape, W.shape
    S, P, op = stride, padding, output_padding
    check_transposed(H, Kh, S, P, op)
    check_transposed(W_in, Kw, S, P, op)
    full = np.zeros((N, C_out, (H - 1) * S + Kh + op, (W_in - 1) * S + Kw + op))
    for u in range(Kh):
        for v in range(Kw):
            # 输入位置 (i, j) 经核元素 W[:, :, u, v] 加到输出位置 (iS+u, jS+v)，对输入通道求和
            full[:, :, u : u + (H - 1) * S + 1 : S, v : v + (W_in - 1) * S + 1 : S] += \
                np.einsum("nchw,cd->ndhw", X, W[:, :, u, v])
    return full[:, :, P : full.shape[2] - P, P : full.shape[3] - P]
# --8<-- [end:conv_transpose2d]


def main():
    # --8<-- [start:usage1d]
    x = [1.0, 2, 3]
    w = [0.5, 1, 0.5]
    print(conv_transpose1d(x, w, stride=2).tolist())                 # (3-1)·2 + 3 = 7 个
    #> [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 1.5]
    print(conv_transpose1d(x, w, stride=2, padding=1).tolist())      # 两端各去掉 1 个：5 个
    #> [1.0, 1.5, 2.0, 2.5, 3.0]
    print(conv_transpose1d(x, w, stride=2, padding=1, output_padding=1).tolist())
    #> [1.0, 1.5, 2.0, 2.5, 3.0, 1.5]
    # --8<-- [end:usage1d]

    # --8<-- [start:torch]
    import numpy as np
    import torch
    import torch.nn.functional as F

    rng = np.random.default_rng(0)
    X = rng.standard_normal((2, 3, 4, 5))       # X: (N=2, C_in=3, 4, 5)
    W = rng.standard_normal((3, 2, 3, 3))       # W: (C_in=3, C_out=2, 3, 3)
    for S, P, op in [(1, 0, 0), (2, 1, 0), (2, 1, 1), (3, 2, 2)]:
        Y = conv_transpose2d(X, W, stride=S, padding=P, output_padding=op)
        T = F.conv_transpose2d(torch.tensor(X), torch.tensor(W), stride=S, padding=P, output_padding=op)
        print(f"S={S} P={P} output_padding={op}:", Y.shape, np.allclose(Y, T.numpy()))
    #> S=1 P=0 output_padding=0: (2, 2, 6, 7) True
    #> S=2 P=1 output_padding=0: (2, 2, 7, 9) True
    #> S=2 P=1 output_padding=1: (2, 2, 8, 10) True
    #> S=3 P=2 output_padding=2: (2, 2, 10, 13) True
    # --8<-- [end:torch]

    # --8<-- [start:adjoint]
    import numpy as np
    import torch
    import torch.nn.functional as F

    rng = np.random.default_rng(1)
    V = torch.tensor(rng.standard_normal((4, 3, 3, 3)))   # 卷积核: 3 个通道 -> 4 个通道
    x = torch.tensor(rng.standard_normal((1, 3, 7, 8)), requires_grad=True)
    z = F.conv2d(x, V, stride=2, padding=1)               # 前向卷积 z = C x
    y = torch.tensor(rng.standard_normal(z.shape))        # 与 z 同形状的任意张量
    back = F.conv_transpose2d(y, V, stride=2, padding=1, output_padding=(0, 1))   # C^T y
    print(tuple(z.shape), tuple(back.shape))
    #> (1, 4, 4, 4) (1, 3, 7, 8)
    print(torch.allclose((z * y).sum(), (x * back).sum()))                   # <Cx, y> = <x, C^T y>
    #> True
    (grad,) = torch.autograd.grad(z, x, grad_outputs=y)                      # 反向传播求 dL/dx
    print(torch.allclose(grad, back))
    #> True
    # --8<-- [end:adjoint]


if __name__ == "__main__":
    main()
