"""平方损失：回归问题的损失函数。"""

# --8<-- [start:squared]
import numpy as np


def squared_loss(y, f):
    """逐个样本的平方损失 (y - f)^2 / 2；y 是真实值，f 是预测值，都是实数。"""
    y, f = np.asarray(y, dtype=float), np.asarray(f, dtype=float)
    if y.shape != f.shape:
        raise ValueError(f"f 的形状 {f.shape} 必须与 y 的形状 {y.shape} 相同")
    return (y - f) ** 2 / 2
# --8<-- [end:squared]


def main():
    # --8<-- [start:usage]
    y = np.array([3.0, -0.5, 2.0, 7.0])      # 真实值：任意实数
    f = np.array([2.5, 0.0, 2.0, 8.0])       # 预测值
    print(squared_loss(y, f).tolist())
    #> [0.125, 0.125, 0.0, 0.5]
    print(squared_loss(y, f).mean())         # 经验风险：对样本取平均
    #> 0.1875
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
