"""偏差-方差分解页的插图：各阶数的偏差²、方差、噪声（堆叠）与实测误差；交叉验证误差随阶数的变化。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.figures import figure
from snippets.ml_basics.bias_variance.ex01_decomposition import bias_variance
from snippets.ml_basics.bias_variance.ex02_cross_validation import k_fold_mse
from snippets.ml_basics.overfitting.ex01_polynomial import fit_polynomial, make_poly_data, mse

DEGREES = range(7)


def decomposition():
    """每个阶数的 (偏差², 方差, 噪声, 实测误差)，与 ex01 的表相同。"""
    x_tr, *_ = make_poly_data()
    return {d: bias_variance(x_tr, d) for d in DEGREES}


def cv_curves():
    """5 折、10 折交叉验证误差与 100 个验证样本上的误差，每个阶数一个值。"""
    x_tr, y_tr, x_val, y_val = make_poly_data()
    curves = {f"{K}-fold CV": [k_fold_mse(x_tr, y_tr, d, K).mean() for d in DEGREES] for K in (5, 10)}
    curves["validation set (100)"] = [mse(fit_polynomial(x_tr, y_tr, d), x_val, y_val) for d in DEGREES]
    return curves


@figure("decomposition")
def decomposition_figure():
    parts = decomposition()
    d = np.array(list(parts))
    bias2, var, noise, err = (np.array(v) for v in zip(*parts.values(), strict=True))
    fig, ax = plt.subplots(figsize=(4.6, 3.4))
    ax.set_axisbelow(True)             # grid lines behind the bars
    ax.bar(d, noise, color="C5", label="noise $\\sigma^2$")
    ax.bar(d, bias2, bottom=noise, color="C0", label="bias$^2$")
    ax.bar(d, var, bottom=noise + bias2, color="C1", label="variance")
    ax.plot(d, err, "_", linestyle="none", markersize=22, markeredgewidth=2, color="C3",
            label="measured error")
    ax.set_xlabel("polynomial degree")
    ax.set_ylabel("expected squared error")
    ax.legend(loc="upper right")
    return fig


@figure("cross-validation")
def cross_validation_figure():
    fig, ax = plt.subplots(figsize=(4.6, 3.2))
    for (label, values), marker in zip(cv_curves().items(), ("o", "s", "^"), strict=True):
        best = int(np.argmin(values))
        line, = ax.semilogy(list(DEGREES), values, marker + "-", label=f"{label}: best {best}")
        ax.plot(best, values[best], marker, markersize=12, fillstyle="none", color=line.get_color())
    ax.set_xlabel("polynomial degree")
    ax.set_ylabel("mean squared error")
    ax.legend(loc="upper left")
    return fig
