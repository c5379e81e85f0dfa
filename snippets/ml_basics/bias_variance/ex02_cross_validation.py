"""K 折交叉验证：把训练集分成 K 份，轮流留一份做验证，用 K 个验证误差的平均来选多项式的阶数。"""

import numpy as np

from snippets.ml_basics.overfitting.ex01_polynomial import fit_polynomial, make_poly_data, mse


# --8<-- [start:kfold]
def k_fold_mse(x, y, degree, K):
    """把 N 个样本按顺序分成 K 份（前 N % K 份多一个），第 k 次用第 k 份验证、其余 K-1 份训练。
    返回 K 个验证集上的均方误差。"""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if not isinstance(K, int) or not 2 <= K <= len(x):
        raise ValueError(f"K 必须是 2 到 N={len(x)} 之间的整数，收到 {K!r}")
    folds = np.array_split(np.arange(len(x)), K)       # 每份的下标，例如 [0, 1], [2, 3], ...
    scores = []
    for val_idx in folds:
        train_idx = np.setdiff1d(np.arange(len(x)), val_idx)
        w = fit_polynomial(x[train_idx], y[train_idx], degree)
        scores.append(mse(w, x[val_idx], y[val_idx]))
    return np.array(scores)
# --8<-- [end:kfold]


def main():
    # --8<-- [start:usage]
    x_tr, y_tr, x_val, y_val = make_poly_data()        # 只用 10 个训练样本做交叉验证
    for K in (5, 10):                                  # K = 10 = N：留一交叉验证
        cv = [k_fold_mse(x_tr, y_tr, degree, K).mean() for degree in range(7)]
        print(K, " ".join(f"{c:.3g}" for c in cv), "-> 阶数", int(np.argmin(cv)))
    #> 5 0.665 0.439 0.853 0.0485 0.0387 0.779 6.4 -> 阶数 4
    #> 10 0.629 0.445 0.846 0.0357 0.0584 0.607 1.78 -> 阶数 3

    val = [mse(fit_polynomial(x_tr, y_tr, degree), x_val, y_val) for degree in range(7)]
    print("验证集", " ".join(f"{v:.3g}" for v in val), "-> 阶数", int(np.argmin(val)))
    #> 验证集 0.607 0.302 0.333 0.0593 0.0627 0.0633 0.0823 -> 阶数 3
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
