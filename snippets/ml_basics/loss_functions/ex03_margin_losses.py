"""二分类损失写成间隔 m = y·f(x) 的函数：0-1 损失、合页损失、逻辑（交叉熵）损失、平方损失。"""

# --8<-- [start:margin]
import numpy as np


def as_pm1_labels(y, name="y"):
    """二分类标签取 -1 或 +1。"""
    y = np.asarray(y)
    if y.size == 0 or not np.isin(y, (-1, 1)).all():
        raise ValueError(f"{name} 的每个元素必须是 -1 或 +1，收到 {np.unique(y).tolist()}")
    return y.astype(float)


def margin(y, f):
    """间隔 y·f(x)：为正表示分对，越大越有把握。"""
    y, f = as_pm1_labels(y), np.asarray(f, dtype=float)
    if y.shape != f.shape:
        raise ValueError(f"f 的形状 {f.shape} 必须与 y 的形状 {y.shape} 相同")
    return y * f


def zero_one_loss(y, f):
    """分错（间隔不为正）记 1，分对记 0。"""
    return (margin(y, f) <= 0).astype(float)


def hinge_loss(y, f):
    """合页损失 max(0, 1 - y·f)：分对了还要求间隔至少为 1。"""
    return np.maximum(0.0, 1 - margin(y, f))


def logistic_loss(y, f):
    """交叉熵（逻辑）损失 log(1 + exp(-y·f))，即标签记作 ±1 时的二元交叉熵。"""
    return np.logaddexp(0.0, -margin(y, f))
# --8<-- [end:margin]


def main():
    # --8<-- [start:usage]
    y = np.array([1, 1, 1, -1, -1])
    f = np.array([2.0, 0.5, -0.3, -1.5, 0.2])   # 模型输出的实数分数
    print(margin(y, f).tolist())
    #> [2.0, 0.5, -0.3, 1.5, -0.2]
    for loss in (zero_one_loss, hinge_loss, logistic_loss):
        print(loss.__name__, np.round(loss(y, f), 4).tolist())
    #> zero_one_loss [0.0, 0.0, 1.0, 0.0, 1.0]
    #> hinge_loss [0.0, 0.5, 1.3, 0.0, 1.2]
    #> logistic_loss [0.1269, 0.4741, 0.8544, 0.2014, 0.7981]
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
