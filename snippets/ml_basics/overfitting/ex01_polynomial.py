"""过拟合的经典演示：用不同阶数的多项式拟合 10 个带噪样本，比较训练误差与验证误差。"""

# --8<-- [start:data]
import numpy as np


def make_poly_data(N_train=10, N_val=100, noise=0.2, seed=27):
    """y = sin(2πx) + 噪声，x 在 [0, 1] 上均匀分布；前 N_train 个作训练集，其余作验证集。"""
    if not isinstance(N_train, int) or N_train < 1:
        raise ValueError(f"N_train 必须是正整数，收到 {N_train!r}")
    if not isinstance(N_val, int) or N_val < 1:
        raise ValueError(f"N_val 必须是正整数，收到 {N_val!r}")
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 1, N_train + N_val)
    y = np.sin(2 * np.pi * x) + noise * rng.standard_normal(N_train + N_val)
    return x[:N_train], y[:N_train], x[N_train:], y[N_train:]
# --8<-- [end:data]


# --8<-- [start:fit]
def poly_features(x, degree):
    """每行 [1, x, x^2, ..., x^degree]：多项式是这些特征的线性模型。"""
    if not isinstance(degree, int) or degree < 0:
        raise ValueError(f"degree 必须是非负整数，收到 {degree!r}")
    return np.vander(np.asarray(x, dtype=float), degree + 1, increasing=True)


def fit_polynomial(x, y, degree):
    """最小二乘拟合 degree 阶多项式，返回系数 w_0, ..., w_degree。"""
    w, *_ = np.linalg.lstsq(poly_features(x, degree), y, rcond=None)
    return w


def mse(w, x, y):
    """均方误差：预测与真实值之差的平方的平均。"""
    return float(np.mean((poly_features(x, len(w) - 1) @ w - y) ** 2))
# --8<-- [end:fit]


def errors_by_degree(degrees=range(10)):
    """每个阶数的 (训练误差, 验证误差)。"""
    x_tr, y_tr, x_val, y_val = make_poly_data()
    result = {}
    for d in degrees:
        w = fit_polynomial(x_tr, y_tr, d)
        result[d] = (mse(w, x_tr, y_tr), mse(w, x_val, y_val))
    return result


def main():
    # --8<-- [start:usage]
    x_tr, y_tr, x_val, y_val = make_poly_data()
    for degree in range(10):
        w = fit_polynomial(x_tr, y_tr, degree)
        print(degree, round(mse(w, x_tr, y_tr), 4), f"{mse(w, x_val, y_val):.3g}")   # 验证误差取 3 位有效数字
    #> 0 0.5091 0.607
    #> 1 0.2716 0.302
    #> 2 0.2615 0.333
    #> 3 0.0131 0.0593
    #> 4 0.0122 0.0627
    #> 5 0.0121 0.0633
    #> 6 0.0093 0.0823
    #> 7 0.0072 0.118
    #> 8 0.0071 0.172
    #> 9 0.0 2.97e+03
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
