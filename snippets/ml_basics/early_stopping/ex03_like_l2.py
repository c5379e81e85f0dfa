"""提前停止像 L2 正则化：梯度下降走 t 步的权重，与 λ = 1/(lr·t) 的岭回归权重相近。"""

import numpy as np

from snippets.ml_basics.early_stopping.ex02_training_run import rbf_features
from snippets.ml_basics.overfitting.ex01_polynomial import make_poly_data


# --8<-- [start:compare]
def gd_weights(X, y, lr, steps):
    """从 w = 0 出发做 steps 步全批量梯度下降（损失为均方误差的一半）。"""
    w = np.zeros(X.shape[1])
    for _ in range(steps):
        w = w - lr * X.T @ (X @ w - y) / len(y)
    return w


def ridge_weights(X, y, lam):
    """最小化 ‖Xw - y‖²/(2N) + lam/2·‖w‖² 的闭式解。"""
    N, D = X.shape
    return np.linalg.solve(X.T @ X / N + lam * np.eye(D), X.T @ y / N)
# --8<-- [end:compare]


def main():
    # --8<-- [start:usage]
    x_tr, y_tr, _, _ = make_poly_data()
    X = rbf_features(x_tr)
    lr = 1.0
    for t in [10, 100, 1000, 3000]:
        w_gd = gd_weights(X, y_tr, lr, t)
        w_ridge = ridge_weights(X, y_tr, lam=1 / (lr * t))
        gap = np.linalg.norm(w_gd - w_ridge) / np.linalg.norm(w_gd)
        print(t, round(np.linalg.norm(w_gd), 3), round(np.linalg.norm(w_ridge), 3), round(gap, 3))
    #> 10 0.899 0.77 0.151
    #> 100 0.985 0.947 0.062
    #> 1000 1.22 1.157 0.109
    #> 3000 1.75 1.681 0.059
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
