"""汇聚层的反向传播：最大汇聚把误差项送回最大值所在的位置，平均汇聚把它平均分给 K×K 个位置。"""

# --8<-- [start:windows]
import numpy as np


def pool_windows(X, K):
    """把 X: (N, C, H, W) 切成不重叠的 K×K 窗口：(N, C, H//K, W//K, K*K)。除不尽的行列丢掉。"""
    X = np.asarray(X, dtype=float)
    if X.ndim != 4:
        raise ValueError(f"X 必须是 4 维数组 (N, C, H, W)，收到 {X.ndim} 维")
    if isinstance(K, bool) or not isinstance(K, int) or K < 1:
        raise ValueError(f"K 必须是正整数，收到 {K!r}")
    if K > min(X.shape[2:]):
        raise ValueError(f"K={K} 大于输入的高或宽 {X.shape[2:]}")
    N, C, H, W = X.shape
    Ho, Wo = H // K, W // K
    blocks = X[:, :, : Ho * K, : Wo * K].reshape(N, C, Ho, K, Wo, K)
    return blocks.transpose(0, 1, 2, 4, 3, 5).reshape(N, C, Ho, Wo, K * K)


def unpool(G, X, K):
    """pool_windows 的逆：把 (N, C, Ho, Wo, K*K) 放回 X 的形状，丢掉的行列补 0。"""
    N, C, Ho, Wo, _ = G.shape
    dX = np.zeros(np.shape(X))
    dX[:, :, : Ho * K, : Wo * K] = (G.reshape(N, C, Ho, Wo, K, K)
                                    .transpose(0, 1, 2, 4, 3, 5).reshape(N, C, Ho * K, Wo * K))
    return dX


def check_delta(delta, windows):
    delta = np.asarray(delta, dtype=float)
    if delta.shape != windows.shape[:4]:
        raise ValueError(f"delta 的形状应为 {windows.shape[:4]}，收到 {delta.shape}")
    return delta
# --8<-- [end:windows]


# --8<-- [start:pool_backward]
def max_pool2d_backward(X, K, delta):
    """最大汇聚：误差项只传给每个窗口中（第一个）最大值所在的位置，其余位置的梯度为 0。"""
    windows = pool_windows(X, K)
    delta = check_delta(delta, windows)
    winner = windows.argmax(axis=-1)                       # 每个窗口里最大值的位置
    mask = np.arange(K * K) == winner[..., None]           # 只有这个位置是 True
    return unpool(mask * delta[..., None], X, K)


def avg_pool2d_backward(X, K, delta):
    """平均汇聚：每个位置对输出的贡献都是 1/K²，误差项平均分给窗口里的 K² 个位置。"""
    windows = pool_windows(X, K)
    delta = check_delta(delta, windows)
    return unpool(np.repeat(delta[..., None] / K**2, K * K, axis=-1), X, K)
# --8<-- [end:pool_backward]


def main():
    # --8<-- [start:usage]
    X = np.array([[1.0, 3, 2, 1],
                  [4, 2, 0, 5],
                  [6, 7, 1, 1],
                  [8, 0, 3, 2]]).reshape(1, 1, 4, 4)
    print(pool_windows(X, 2).max(axis=-1)[0, 0].tolist())   # 前向：2×2 最大汇聚
    #> [[4.0, 5.0], [8.0, 3.0]]
    delta = np.array([[1.0, 2], [3, 4]]).reshape(1, 1, 2, 2)
    print(max_pool2d_backward(X, 2, delta)[0, 0])          # 只有 4 个最大值的位置收到误差
    #> [[0. 0. 0. 0.]
    #>  [1. 0. 0. 2.]
    #>  [0. 0. 0. 0.]
    #>  [3. 0. 4. 0.]]
    print(avg_pool2d_backward(X, 2, delta)[0, 0])          # 每个位置收到 1/4
    #> [[0.25 0.25 0.5  0.5 ]
    #>  [0.25 0.25 0.5  0.5 ]
    #>  [0.75 0.75 1.   1.  ]
    #>  [0.75 0.75 1.   1.  ]]
    # --8<-- [end:usage]

    # --8<-- [start:torch]
    import torch
    import torch.nn.functional as F

    Xt = torch.tensor(X, requires_grad=True)
    (F.max_pool2d(Xt, 2) * torch.tensor(delta)).sum().backward()
    print(np.array_equal(Xt.grad.numpy(), max_pool2d_backward(X, 2, delta)))
    #> True
    Xt.grad = None
    (F.avg_pool2d(Xt, 2) * torch.tensor(delta)).sum().backward()
    print(np.array_equal(Xt.grad.numpy(), avg_pool2d_backward(X, 2, delta)))
    #> True
    # --8<-- [end:torch]


if __name__ == "__main__":
    main()
