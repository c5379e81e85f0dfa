"""汇聚层：最大汇聚与平均汇聚，循环版本与向量化版本，输出大小 floor((H + 2P - K) / S) + 1。"""

# --8<-- [start:checks]
import numpy as np


def check_pool(X, K, S, P, mode, ndim):
    """检查汇聚的参数；返回浮点数组 X 和步长 S（默认等于窗口边长 K）。"""
    X = np.asarray(X, dtype=float)
    S = K if S is None else S
    if X.ndim != ndim:
        raise ValueError(f"X 必须是 {ndim} 维的，收到形状 {X.shape}")
    for name, value, low in (("K", K, 1), ("S", S, 1), ("P", P, 0)):
        if type(value) is not int or value < low:
            raise ValueError(f"{name} 必须是不小于 {low} 的整数，收到 {value!r}")
    if K > min(X.shape[-2:]) + 2 * P:
        raise ValueError(f"K={K} 大于填充后的输入 {X.shape[-2] + 2 * P}×{X.shape[-1] + 2 * P}")
    if mode not in ("max", "avg"):
        raise ValueError(f"mode 必须是 'max' 或 'avg'，收到 {mode!r}")
    return X, S
# --8<-- [end:checks]


# --8<-- [start:pool2d_loop]
def pool2d_loop(X, K, S=None, P=0, mode="max"):
    """一张特征映射 X: (H, W) 上的 K×K 汇聚；步长 S 默认等于 K，四周各填充 P 格。"""
    X, S = check_pool(X, K, S, P, mode, ndim=2)
    fill = -np.inf if mode == "max" else 0.0         # 最大汇聚的填充不能赢过真实的值
    X = np.pad(X, P, constant_values=fill)
    H_out = (X.shape[0] - K) // S + 1                # 即 floor((H + 2P - K) / S) + 1
    W_out = (X.shape[1] - K) // S + 1
    Y = np.zeros((H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            window = X[i * S : i * S + K, j * S : j * S + K]   # 区域 R_ij
            Y[i, j] = window.max() if mode == "max" else window.mean()
    return Y
# --8<-- [end:pool2d_loop]


# --8<-- [start:pool2d]
from numpy.lib.stride_tricks import sliding_window_view


def pool2d(X, K, S=None, P=0, mode="max"):
    """与 pool2d_loop 相同，但处理 X: (N, C, H, W)，没有 Python 循环；每个通道各自汇聚。"""
    X, S = check_pool(X, K, S, P, mode, ndim=4)
    fill = -np.inf if mode == "max" else 0.0
    X = np.pad(X, ((0, 0), (0, 0), (P, P), (P, P)), constant_values=fill)
    windows = sliding_window_view(X, (K, K), axis=(2, 3))[:, :, ::S, ::S]   # (N, C, H_out, W_out, K, K)
    return windows.max(axis=(4, 5)) if mode == "max" else windows.mean(axis=(4, 5))
# --8<-- [end:pool2d]


EXAMPLE = [[1, 3, 2, 1],
           [4, 2, 0, 1],
           [5, 6, 1, 2],
           [0, 2, 3, 4]]


def main():
    # --8<-- [start:usage]
    X = np.array([[1, 3, 2, 1],
                  [4, 2, 0, 1],
                  [5, 6, 1, 2],
                  [0, 2, 3, 4]])
    print(pool2d_loop(X, K=2).tolist())               # 2×2 窗口、步长 2
    #> [[4.0, 2.0], [6.0, 4.0]]
    print(pool2d_loop(X, K=2, mode="avg").tolist())
    #> [[2.5, 1.0], [3.25, 2.5]]
    print(pool2d_loop(X, K=3, S=1).tolist())          # 3×3 窗口、步长 1：窗口重叠
    #> [[6.0, 6.0], [6.0, 6.0]]
    # --8<-- [end:usage]

    # --8<-- [start:torch]
    import torch
    import torch.nn.functional as F

    rng = np.random.default_rng(0)
    X = rng.standard_normal((2, 3, 7, 9))             # X: (N, C, H, W)
    Xt = torch.from_numpy(X)
    for K, S, P in [(2, 2, 0), (3, 2, 1), (3, 1, 0)]:
        same_max = np.allclose(pool2d(X, K, S, P), F.max_pool2d(Xt, K, S, P).numpy())
        same_avg = np.allclose(pool2d(X, K, S, P, "avg"), F.avg_pool2d(Xt, K, S, P).numpy())
        print(K, S, P, pool2d(X, K, S, P).shape, same_max, same_avg)
    #> 2 2 0 (2, 3, 3, 4) True True
    #> 3 2 1 (2, 3, 4, 5) True True
    #> 3 1 0 (2, 3, 5, 7) True True
    print(sum(p.numel() for p in torch.nn.MaxPool2d(2).parameters()))   # 汇聚层没有参数
    #> 0
    # --8<-- [end:torch]


if __name__ == "__main__":
    main()
