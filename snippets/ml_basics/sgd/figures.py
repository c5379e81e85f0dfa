"""随机梯度下降页的插图：不同批量大小下训练集经验风险随训练轮数的变化。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.figures import figure
from snippets.ml_basics.elements.ex01_data import make_data
from snippets.ml_basics.elements.ex02_model_risk import empirical_risk

BATCH_SIZES = (1, 10, 200)


def sgd_trace(batch_size, lr=0.1, epochs=5, seed=0, N=200):
    """与 ex01 的 sgd 相同的循环，记下每次更新后全体训练集上的经验风险。"""
    x, y = make_data(N=N)
    rng = np.random.default_rng(seed)
    w, b = 0.0, 0.0
    epoch_axis, risks = [0.0], [empirical_risk(w, b, x, y)]
    for epoch in range(epochs):
        order = rng.permutation(N)
        for start in range(0, N, batch_size):
            idx = order[start:start + batch_size]
            r = y[idx] - (w * x[idx] + b)
            w, b = w + lr * np.mean(r * x[idx]), b + lr * np.mean(r)
            epoch_axis.append(epoch + min(start + batch_size, N) / N)
            risks.append(empirical_risk(w, b, x, y))
    return np.array(epoch_axis), np.array(risks), (w, b)


@figure("batch-size")
def batch_size_figure():
    fig, ax = plt.subplots(figsize=(4.6, 3.2))
    for B in BATCH_SIZES:
        t, risks, _ = sgd_trace(B)
        ax.semilogy(t, risks, label=f"batch {B}" + (" (GD)" if B == 200 else ""), linewidth=1.2)
    ax.set_xlabel("epoch")
    ax.set_ylabel("training risk")
    ax.legend(loc="upper right", bbox_to_anchor=(1.0, 0.84))
    return fig
