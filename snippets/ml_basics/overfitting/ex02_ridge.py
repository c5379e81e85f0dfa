"""L2 正则化（岭回归）：在平方误差的一半上加 (λ/2)‖w‖²，把 9 阶多项式的权重压小。"""

import numpy as np

from snippets.ml_basics.overfitting.ex01_polynomial import make_poly_data, mse, poly_features


# --8<-- [start:ridge]
def ridge(X, y, lam):
    """最小化 ‖y - Xw‖²/2 + lam/2·‖w‖²：等价于给 X 下面补上 sqrt(lam)·I、给 y 补上 0 的最小二乘。"""
    if not lam >= 0:
        raise ValueError(f"lam 必须是非负数，收到 {lam!r}")
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError(f"X 必须是 (N, D) 的二维数组、y 必须是 (N,)，收到 {X.shape} 与 {y.shape}")
    D = X.shape[1]
    X_aug = np.vstack([X, np.sqrt(lam) * np.eye(D)])     # (N + D, D)
    y_aug = np.concatenate([y, np.zeros(D)])             # (N + D,)
    w, *_ = np.linalg.lstsq(X_aug, y_aug, rcond=None)
    return w
# --8<-- [end:ridge]


def main():
    # --8<-- [start:usage]
    x_tr, y_tr, x_val, y_val = make_poly_data()
    X = poly_features(x_tr, 9)                    # 9 阶多项式：10 个系数，10 个训练样本
    print(f"{np.linalg.cond(X):.1e}")             # 条件数：输入的相对误差最多被放大这么多倍
    #> 6.9e+08
    for lam in [0, 1e-6, 1e-3, 1e-1]:
        w = ridge(X, y_tr, lam)
        # 只打印稳定的位数：λ = 0 时解对舍入误差极其敏感，最大权重的第 9 位有效数字已经是噪声
        print(lam, f"{np.abs(w).max():.3g}", round(mse(w, x_tr, y_tr), 4), f"{mse(w, x_val, y_val):.3g}")
    #> 0 2.64e+07 0.0 2.97e+03
    #> 1e-06 38.6 0.0119 0.0606
    #> 0.001 9.19 0.0312 0.101
    #> 0.1 1.36 0.1585 0.178
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
