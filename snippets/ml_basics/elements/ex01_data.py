"""要素一：数据。一个带噪声的回归问题 y = 2x + 1 + ε，固定随机种子。"""

# --8<-- [start:data]
import numpy as np


def make_data(N=20, noise=0.1, seed=0):
    """从 y = 2x + 1 加高斯噪声生成 N 个样本 (x_n, y_n)，x 在 [-1, 1] 上均匀分布。"""
    if not isinstance(N, int) or isinstance(N, bool) or N < 2:
        raise ValueError(f"N 必须是不小于 2 的整数，收到 {N!r}")
    if not noise >= 0:
        raise ValueError(f"noise 必须是非负数，收到 {noise!r}")
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, size=N)                    # x: (N,)
    y = 2 * x + 1 + noise * rng.standard_normal(N)    # y: (N,)
    return x, y
# --8<-- [end:data]


def main():
    # --8<-- [start:usage]
    x, y = make_data()
    print(x.shape, y.shape)
    #> (20,) (20,)
    print(np.round(x[:3], 4).tolist())
    #> [0.2739, -0.4604, -0.9181]
    print(np.round(y[:3], 4).tolist())
    #> [1.535, 0.2158, -0.9026]
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
