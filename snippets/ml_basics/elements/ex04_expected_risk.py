"""期望风险：对真实分布求期望的平均损失。这个小问题的分布已知，可以精确算出，再与一百万个新样本上的平均损失对照。"""

import numpy as np

from snippets.ml_basics.elements.ex01_data import make_data
from snippets.ml_basics.elements.ex02_model_risk import empirical_risk, f  # noqa: F401


# --8<-- [start:expected]
def expected_risk(w, b, noise=0.1):
    """x ~ U(-1, 1)、y = 2x + 1 + ε、ε ~ N(0, noise²) 时，平方损失的期望 E[(y - wx - b)²] / 2。"""
    # y - f(x) = (2 - w)·x + (1 - b) + ε：三项两两不相关，E[x] = 0，E[x²] = 1/3，E[ε²] = noise²
    return ((2 - w) ** 2 / 3 + (1 - b) ** 2 + noise ** 2) / 2
# --8<-- [end:expected]


def main():
    # --8<-- [start:usage]
    x, y = make_data()
    A = np.column_stack([x, np.ones_like(x)])
    (w, b), *_ = np.linalg.lstsq(A, y, rcond=None)        # 学到的参数，与梯度下降的结果相同
    x_new, y_new = make_data(N=1_000_000, seed=1)          # 一百万个新样本
    for name, (w_, b_) in [("学到的", (w, b)), ("真实的", (2.0, 1.0))]:
        R_emp = empirical_risk(w_, b_, x, y)               # 训练集上的平均损失
        R = expected_risk(w_, b_)                          # 对真实分布的期望
        print(name, round(R_emp, 4), round(R, 4), round(empirical_risk(w_, b_, x_new, y_new), 4))
    #> 学到的 0.0022 0.0052 0.0052
    #> 真实的 0.0024 0.005 0.005
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
