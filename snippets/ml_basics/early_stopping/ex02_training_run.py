"""一次真实的训练：30 个高斯基函数的线性模型，用梯度下降拟合 10 个样本，由验证误差决定何时停止。"""

import copy  # noqa: F401
import math  # noqa: F401

import numpy as np

from snippets.ml_basics.early_stopping.ex01_early_stopping import EarlyStopping
from snippets.ml_basics.overfitting.ex01_polynomial import make_poly_data


# --8<-- [start:features]
def rbf_features(x, K=30, width=0.06):
    """K 个中心均匀分布在 [0, 1] 上的高斯“鼓包”：特征 k 是 exp(-(x - c_k)^2 / (2 width^2))。"""
    if not isinstance(K, int) or K < 1:
        raise ValueError(f"K 必须是正整数，收到 {K!r}")
    if not width > 0:
        raise ValueError(f"width 必须是正数，收到 {width!r}")
    centers = np.linspace(0, 1, K)
    return np.exp(-(np.asarray(x, dtype=float)[:, None] - centers) ** 2 / (2 * width ** 2))  # (N, K)
# --8<-- [end:features]


# --8<-- [start:train]
def train(X, y, X_val, y_val, lr=1.0, max_epochs=3000, stopper=None):
    """全批量梯度下降，每轮记录训练与验证的均方误差；给了 stopper 就按它提前停止。"""
    w = np.zeros(X.shape[1])                            # 从 0 出发
    train_mse, val_mse = [], []
    for _ in range(max_epochs):
        w = w - lr * X.T @ (X @ w - y) / len(y)         # 一步梯度下降（一轮）
        train_mse.append(float(np.mean((X @ w - y) ** 2)))
        val_mse.append(float(np.mean((X_val @ w - y_val) ** 2)))
        if stopper is not None and stopper.step(val_mse[-1], params=w):
            break
    return w, train_mse, val_mse
# --8<-- [end:train]


def main():
    # --8<-- [start:usage]
    x_tr, y_tr, x_val, y_val = make_poly_data()
    X, X_val = rbf_features(x_tr), rbf_features(x_val)

    stopper = EarlyStopping(patience=50)
    w, train_mse, val_mse = train(X, y_tr, X_val, y_val, stopper=stopper)
    print(stopper.epoch, stopper.best_epoch, round(stopper.best_loss, 4))
    #> 393 343 0.0546

    _, train_full, val_full = train(X, y_tr, X_val, y_val)     # 不停，一直训练 3000 轮
    print(round(train_full[-1], 4), round(val_full[-1], 4))
    #> 0.0062 0.1965
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
