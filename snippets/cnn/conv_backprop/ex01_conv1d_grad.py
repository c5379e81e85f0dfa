"""一维卷积层的梯度：dL/dw 是输入与误差项的互相关，dL/dx 是误差项与核的宽卷积。"""

# --8<-- [start:grads1d]
import numpy as np


def conv1d_grads(x, w, delta):
    """z = 互相关(x, w)（窄，长度 M-K+1），已知误差项 delta = dL/dz，返回 (dL/dx, dL/dw)。"""
    x, w, delta = (np.asarray(a, dtype=float) for a in (x, w, delta))
    for name, a in (("x", x), ("w", w), ("delta", delta)):
        if a.ndim != 1:
            raise ValueError(f"{name} 必须是一维的，收到 {a.ndim} 维")
    if not 1 <= len(w) <= len(x):
        raise ValueError(f"w 的长度 K={len(w)} 必须在 1 到 M={len(x)} 之间")
    if len(delta) != len(x) - len(w) + 1:
        raise ValueError(f"delta 的长度必须是 M-K+1={len(x) - len(w) + 1}，收到 {len(delta)}")
    dw = np.correlate(x, delta, mode="valid")   # 互相关：dL/dw_k = sum_t delta_t x_{t+k-1}
    dx = np.convolve(delta, w, mode="full")     # 宽卷积（翻转核）：dL/dx_s = sum_t delta_t w_{s-t+1}
    return dx, dw
# --8<-- [end:grads1d]


def main():
    # --8<-- [start:usage]
    x = [1.0, 2, 3, 4, 5]                       # M = 5
    w = [1.0, 2, 3]                             # K = 3
    z = np.correlate(x, w, mode="valid")        # 前向：z_t = sum_k w_k x_{t+k-1}
    print(z.tolist())
    #> [14.0, 20.0, 26.0]

    delta = [1.0, -1, 2]                        # 误差项 dL/dz，例如 L = sum_t delta_t z_t
    dx, dw = conv1d_grads(x, w, delta)
    print(dw.tolist())                          # 长度 K
    #> [5.0, 7.0, 9.0]
    print(dx.tolist())                          # 长度 (M-K+1)+(K-1) = M
    #> [1.0, 1.0, 3.0, 1.0, 6.0]
    # --8<-- [end:usage]

    # --8<-- [start:autograd]
    import torch
    import torch.nn.functional as F

    X = torch.tensor([1.0, 2, 3, 4, 5], requires_grad=True)
    W = torch.tensor([1.0, 2, 3], requires_grad=True)
    Z = F.conv1d(X.view(1, 1, -1), W.view(1, 1, -1)).flatten()   # PyTorch 的 conv1d 就是互相关
    L = (torch.tensor([1.0, -1, 2]) * Z).sum()                    # dL/dZ = [1, -1, 2]
    L.backward()
    print(W.grad.tolist(), X.grad.tolist())
    #> [5.0, 7.0, 9.0] [1.0, 1.0, 3.0, 1.0, 6.0]
    # --8<-- [end:autograd]


if __name__ == "__main__":
    main()
