"""学习率对梯度下降的影响：在四要素一节的小回归问题上。"""

import numpy as np

from snippets.ml_basics.elements.ex01_data import make_data
from snippets.ml_basics.elements.ex02_model_risk import empirical_risk, f  # noqa: F401


# --8<-- [start:history]
def risk_history(x, y, lr, steps):
    """与四要素一节相同的梯度下降，但记下每一步的经验风险 R_0, ..., R_steps。"""
    if not lr > 0:
        raise ValueError(f"lr 必须是正数，收到 {lr!r}")
    if not isinstance(steps, int) or steps < 0:
        raise ValueError(f"steps 必须是非负整数，收到 {steps!r}")
    w, b = 0.0, 0.0
    risks = [empirical_risk(w, b, x, y)]
    for _ in range(steps):
        r = y - f(x, w, b)
        w, b = w + lr * np.mean(r * x), b + lr * np.mean(r)    # 负梯度方向
        risks.append(empirical_risk(w, b, x, y))
    return risks
# --8<-- [end:history]


def main():
    # --8<-- [start:threshold]
    x, y = make_data()
    A = np.column_stack([x, np.ones_like(x)])
    H = A.T @ A / len(x)                      # 经验风险的 Hessian，与 (w, b) 无关
    h_max = np.linalg.eigvalsh(H).max()       # 最大的特征值
    print(round(h_max, 4), round(2 / h_max, 4))
    #> 1.001 1.9979
    # --8<-- [end:threshold]

    # --8<-- [start:usage]
    x, y = make_data()
    for lr in [0.01, 0.5, 1.9, 2.1]:
        risks = risk_history(x, y, lr, steps=50)
        print(lr, [round(risks[t], 4) for t in (0, 10, 50)])
    #> 0.01 [1.3621, 1.1931, 0.726]
    #> 0.5 [1.3621, 0.0098, 0.0022]
    #> 1.9 [1.3621, 0.0776, 0.0023]
    #> 2.1 [1.3621, 4.1564, 9972.0416]
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
