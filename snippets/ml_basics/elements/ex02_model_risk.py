"""要素二、三：线性模型 f(x; w, b) = wx + b，学习准则是平方损失下的经验风险。"""

import numpy as np

from snippets.ml_basics.elements.ex01_data import make_data


# --8<-- [start:model]
def f(x, w, b):
    """线性模型：对每个 x_n 输出 w * x_n + b。"""
    return w * np.asarray(x, dtype=float) + b
# --8<-- [end:model]


# --8<-- [start:risk]
def empirical_risk(w, b, x, y):
    """平方损失 L = (y - f)^2 / 2 在 N 个训练样本上的平均。"""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 1 or x.size == 0 or y.shape != x.shape:
        raise ValueError(f"x, y 必须是等长的非空一维数组，收到形状 {x.shape} 与 {y.shape}")
    return float(np.mean((y - f(x, w, b)) ** 2) / 2)
# --8<-- [end:risk]


def main():
    # --8<-- [start:usage]
    x, y = make_data()
    print(round(empirical_risk(0.0, 0.0, x, y), 4))   # 什么都没学：w = b = 0
    #> 1.3621
    print(round(empirical_risk(2.0, 1.0, x, y), 4))   # 真实的参数：只剩噪声
    #> 0.0024
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
