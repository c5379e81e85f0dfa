"""定理只保证“存在”一个好网络：从 12 个带噪样本出发，更宽的网络把训练集拟合得更好，却未必泛化得更好。"""

import numpy as np

from snippets.feedforward.universal_approximation.ex01_staircase import (  # noqa: F401  (页面区段用到)
    check_width,
    sigmoid,
    target,
)
from snippets.feedforward.universal_approximation.ex02_least_squares import (  # noqa: F401
    fit_output_layer,
    hidden_layer,
    network,
)


# --8<-- [start:noisy]
def noisy_samples(N=12, noise=0.2, seed=0):
    """在 [0, 1] 上随机取 N 个点，观测值 = target + 高斯噪声。"""
    if isinstance(N, bool) or not isinstance(N, int) or N < 2:
        raise ValueError(f"N 必须是不小于 2 的整数，收到 {N!r}")
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(0.0, 1.0, N))
    return x, target(x) + noise * rng.standard_normal(N)


def rmse(pred, y):
    return float(np.sqrt(np.mean((pred - y) ** 2)))
# --8<-- [end:noisy]


def train_test_errors(widths, N=12):
    x, y = noisy_samples(N)
    x_test = np.linspace(0.0, 1.0, 1001)
    rows = []
    for n in widths:
        w, b = hidden_layer(n)
        v, c = fit_output_layer(x, y, w, b)
        rows.append((rmse(network(x, w, b, v, c), y),
                     rmse(network(x_test, w, b, v, c), target(x_test))))
    return rows


def main():
    # --8<-- [start:usage]
    x, y = noisy_samples()                          # 只有 12 个带噪样本
    x_test = np.linspace(0.0, 1.0, 1001)
    for n in [2, 4, 8, 16, 32, 64]:
        w, b = hidden_layer(n)
        v, c = fit_output_layer(x, y, w, b)
        train = rmse(network(x, w, b, v, c), y)
        test = rmse(network(x_test, w, b, v, c), target(x_test))
        print(f"n={n:>2}  train={train:.3f}  test={test:.3f}")
    #> n= 2  train=0.376  test=0.649
    #> n= 4  train=0.136  test=0.237
    #> n= 8  train=0.112  test=12.596
    #> n=16  train=0.000  test=52.812
    #> n=32  train=0.000  test=1.272
    #> n=64  train=0.000  test=0.520
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
