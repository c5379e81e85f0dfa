"""一维卷积的循环版本：信号的延迟累积 y_t = sum_k w_k x_{t-k+1}。"""

# --8<-- [start:checks]
import numpy as np


def as_signal(a, name):
    """把 a 转成非空的一维浮点数组，否则报错并指出参数名。"""
    try:
        a = np.asarray(a, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} 必须是数值序列") from None
    if a.ndim != 1 or a.size == 0:
        raise ValueError(f"{name} 必须是非空的一维序列，收到形状 {a.shape}")
    return a
# --8<-- [end:checks]


# --8<-- [start:conv1d_loop]
def conv1d_loop(x, w):
    """窄卷积：书中下标从 1 开始，这里从 0 开始，t 从 K 取到 M。"""
    x, w = as_signal(x, "x"), as_signal(w, "w")
    M, K = len(x), len(w)
    if K > M:
        raise ValueError(f"w 的长度 K={K} 大于输入 x 的长度 M={M}")
    y = []
    for t in range(K - 1, M):            # 代码下标 t 对应公式里的 t+1
        y_t = 0.0
        for k in range(K):               # 代码下标 k 对应公式里的 k+1
            y_t += w[k] * x[t - k]       # 公式 x_{t-k+1} 换成 0 起下标后是 x[t-k]
        y.append(y_t)
    return np.array(y)
# --8<-- [end:conv1d_loop]


def main():
    # --8<-- [start:usage]
    w = [1, 1 / 2, 1 / 4]                # 衰减率 w1, w2, w3
    x = [1, 2, 3, 4, 5, 6]               # 每个时刻产生的信号
    print(conv1d_loop(x, w).tolist())
    #> [4.25, 6.0, 7.75, 9.5]
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
