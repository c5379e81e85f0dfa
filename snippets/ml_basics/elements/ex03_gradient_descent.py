"""要素四：优化算法。用梯度下降最小化经验风险，结果与最小二乘的闭式解对照。"""

import numpy as np

from snippets.ml_basics.elements.ex01_data import make_data
from snippets.ml_basics.elements.ex02_model_risk import empirical_risk, f  # noqa: F401


# --8<-- [start:gd]
def gradient_descent(x, y, lr=0.5, steps=200):
    """从 w = b = 0 出发，沿经验风险的负梯度方向走 steps 步。"""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 1 or x.size == 0 or y.shape != x.shape:
        raise ValueError(f"x, y 必须是等长的非空一维数组，收到形状 {x.shape} 与 {y.shape}")
    if not lr > 0:
        raise ValueError(f"lr 必须是正数，收到 {lr!r}")
    if not isinstance(steps, int) or steps < 0:
        raise ValueError(f"steps 必须是非负整数，收到 {steps!r}")
    w, b = 0.0, 0.0
    for _ in range(steps):
        r = y - f(x, w, b)               # 残差 y_n - f(x_n)
        grad_w = -np.mean(r * x)         # ∂R/∂w
        grad_b = -np.mean(r)             # ∂R/∂b
        w, b = w - lr * grad_w, b - lr * grad_b
    return w, b
# --8<-- [end:gd]


def least_squares(x, y):
    """闭式解：numpy.linalg.lstsq 解 [x, 1] @ [w, b] ≈ y。"""
    A = np.column_stack([x, np.ones_like(x)])
    (w, b), *_ = np.linalg.lstsq(A, y, rcond=None)
    return float(w), float(b)


def main():
    # --8<-- [start:usage]
    x, y = make_data()
    w, b = gradient_descent(x, y, lr=0.5, steps=200)
    print(round(w, 4), round(b, 4), round(empirical_risk(w, b, x, y), 4))
    #> 1.9707 1.007 0.0022

    A = np.column_stack([x, np.ones_like(x)])        # 每行 [x_n, 1]
    (w_ls, b_ls), *_ = np.linalg.lstsq(A, y, rcond=None)
    print(round(w_ls, 4), round(b_ls, 4))
    #> 1.9707 1.007
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
