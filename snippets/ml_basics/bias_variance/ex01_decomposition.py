"""偏差-方差分解：在许多个训练集上重新拟合，量出平均模型离真实函数多远（偏差）、各次拟合彼此差多少（方差）。"""

import numpy as np

from snippets.ml_basics.overfitting.ex01_polynomial import fit_polynomial, make_poly_data, poly_features


# --8<-- [start:decompose]
def bias_variance(x_train, degree, S=2000, noise=0.2, M=101, seed=0):
    """输入 x_train 固定，每次重新抽噪声得到一个训练集，共 S 个，各拟合一个 degree 阶多项式。
    在 [0, 1] 上 M 个等距测试点处返回 (偏差², 方差, 噪声, 实测的期望平方误差)，都对测试点取平均。"""
    if not isinstance(S, int) or S < 2:
        raise ValueError(f"S 必须是不小于 2 的整数，收到 {S!r}")
    rng = np.random.default_rng(seed)
    x_test = np.linspace(0, 1, M)
    h = np.sin(2 * np.pi * x_test)                     # 真实函数在测试点上的值
    preds = np.empty((S, M))                           # 第 s 行：第 s 个训练集学到的模型的预测
    sq_err = np.empty(S)
    for s in range(S):
        y = np.sin(2 * np.pi * x_train) + noise * rng.standard_normal(len(x_train))   # 第 s 个训练集
        preds[s] = poly_features(x_test, degree) @ fit_polynomial(x_train, y, degree)
        y_new = h + noise * rng.standard_normal(M)     # 测试点上新的带噪声标签
        sq_err[s] = np.mean((y_new - preds[s]) ** 2)
    mean_pred = preds.mean(axis=0)                     # 平均模型 E_D[f_D(x)]
    bias2 = np.mean((mean_pred - h) ** 2)
    variance = np.mean(preds.var(axis=0))
    return float(bias2), float(variance), noise ** 2, float(sq_err.mean())
# --8<-- [end:decompose]


def main():
    # --8<-- [start:usage]
    x_tr, *_ = make_poly_data()                        # 过拟合一节的 10 个训练输入
    for degree in range(7):
        bias2, var, noise2, err = bias_variance(x_tr, degree)
        total = bias2 + var + noise2                   # 三项之和
        print(degree, round(bias2, 4), round(var, 4), round(noise2, 4), round(total, 4), round(err, 4),
              abs(total - err) < 0.01 * err)           # 与实测误差相差不到 1%
    #> 0 0.527 0.0038 0.04 0.5708 0.571 True
    #> 1 0.2178 0.0071 0.04 0.2649 0.2647 True
    #> 2 0.266 0.0122 0.04 0.3182 0.3181 True
    #> 3 0.0054 0.0171 0.04 0.0625 0.0627 True
    #> 4 0.0124 0.0288 0.04 0.0812 0.0814 True
    #> 5 0.0 0.0606 0.04 0.1007 0.1012 True
    #> 6 0.0001 0.1481 0.04 0.1882 0.1889 True
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
