"""随机梯度下降（小批量）：打乱、分批、求梯度、更新，重复若干轮。"""

import numpy as np

from snippets.ml_basics.elements.ex01_data import make_data


# --8<-- [start:sgd]
def sgd(x, y, lr=0.1, batch_size=10, epochs=20, seed=0):
    """用小批量随机梯度下降拟合 y ≈ w x + b，返回 w, b。"""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 1 or x.size == 0 or y.shape != x.shape:
        raise ValueError(f"x, y 必须是等长的非空一维数组，收到形状 {x.shape} 与 {y.shape}")
    if not lr > 0:
        raise ValueError(f"lr 必须是正数，收到 {lr!r}")
    if not isinstance(batch_size, int) or not 1 <= batch_size <= len(x):
        raise ValueError(f"batch_size 必须是 1 到 N={len(x)} 之间的整数，收到 {batch_size!r}")
    if not isinstance(epochs, int) or epochs < 0:
        raise ValueError(f"epochs 必须是非负整数，收到 {epochs!r}")
    rng = np.random.default_rng(seed)
    w, b = 0.0, 0.0                                  # 1. 初始化参数
    for _ in range(epochs):                          # 6. 重复 epochs 轮，每轮做下面的 2～5
        order = rng.permutation(len(x))              # 2. 打乱样本顺序
        for start in range(0, len(x), batch_size):
            idx = order[start:start + batch_size]    # 3. 按顺序切出一个小批量
            xb, yb = x[idx], y[idx]
            r = yb - (w * xb + b)                    # 4. 只用这批样本计算平均梯度
            grad_w, grad_b = -np.mean(r * xb), -np.mean(r)
            w, b = w - lr * grad_w, b - lr * grad_b  # 5. 沿负梯度更新参数
    return w, b
# --8<-- [end:sgd]


def main():
    # --8<-- [start:usage]
    x, y = make_data(N=200)
    w, b = sgd(x, y, lr=0.1, batch_size=10, epochs=20)
    print(round(w, 4), round(b, 4))
    #> 1.9862 0.9959

    A = np.column_stack([x, np.ones_like(x)])          # 闭式解，作为对照
    (w_ls, b_ls), *_ = np.linalg.lstsq(A, y, rcond=None)
    print(round(w_ls, 4), round(b_ls, 4))
    #> 1.9873 0.9921
    print(abs(w - w_ls) < 0.02 and abs(b - b_ls) < 0.02)
    #> True
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
