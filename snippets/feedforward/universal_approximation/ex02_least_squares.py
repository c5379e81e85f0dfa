"""固定隐藏层、用最小二乘求输出层：宽度 1, 2, 4, 8, 32 的单隐藏层网络逼近同一个函数。"""

import numpy as np

from snippets.feedforward.universal_approximation.ex01_staircase import (  # noqa: F401  (页面区段用到)
    check_width,
    sigmoid,
    target,
)


# --8<-- [start:fit]
def hidden_layer(n, steepness=5.0):
    """n 个 sigmoid 单元 sigma(w_j x + b_j)：中心 c_j 均匀铺在 [0, 1] 上，斜率 w_j = steepness * n。"""
    n = check_width(n)
    if not steepness > 0:
        raise ValueError(f"steepness 必须是正数，收到 {steepness}")
    centres = (np.arange(n) + 0.5) / n
    w = np.full(n, steepness * n)
    return w, -w * centres                        # 隐藏层的权重和偏置（每个单元一个）


def fit_output_layer(x, y, w, b):
    """隐藏层固定时，输出 v^T sigma(w x + b) + c 对 (v, c) 是线性的：最小二乘一步求出。"""
    H = sigmoid(np.outer(x, w) + b)                       # H: (N, n)
    A = np.hstack([H, np.ones((len(x), 1))])              # 最后一列对应输出层偏置 c
    coef, *_ = np.linalg.lstsq(A, y, rcond=None)
    return coef[:-1], coef[-1]                            # v: (n,)，c: 标量


def network(x, w, b, v, c):
    """一个隐藏层的网络：y = v^T sigma(w x + b) + c。"""
    return sigmoid(np.outer(x, w) + b) @ v + c
# --8<-- [end:fit]


def fit_width(n, x_train=None):
    """在 201 个等距点上拟合 target，返回 (w, b, v, c)。"""
    x_train = np.linspace(0.0, 1.0, 201) if x_train is None else x_train
    w, b = hidden_layer(n)
    v, c = fit_output_layer(x_train, target(x_train), w, b)
    return w, b, v, c


WIDTHS = [1, 2, 4, 8, 32]


def errors(widths=WIDTHS):
    """每个宽度在 1001 个检验点上的最大误差。"""
    x = np.linspace(0.0, 1.0, 1001)
    return [float(np.abs(network(x, *fit_width(n)) - target(x)).max()) for n in widths]


def main():
    # --8<-- [start:usage]
    x_train = np.linspace(0.0, 1.0, 201)          # 训练点
    x_test = np.linspace(0.0, 1.0, 1001)          # 检验点：比训练点密
    for n in [1, 2, 4, 8, 32]:
        w, b = hidden_layer(n)
        v, c = fit_output_layer(x_train, target(x_train), w, b)
        error = np.abs(network(x_test, w, b, v, c) - target(x_test)).max()
        print(f"n={n:>2}  max error={error:.4f}")
    #> n= 1  max error=0.9117
    #> n= 2  max error=0.8901
    #> n= 4  max error=0.1648
    #> n= 8  max error=0.0577
    #> n=32  max error=0.0106
    # --8<-- [end:usage]

    # --8<-- [start:torch_check]
    import torch
    from torch import nn

    n = 8
    w, b = hidden_layer(n)
    v, c = fit_output_layer(x_train, target(x_train), w, b)
    model = nn.Sequential(nn.Linear(1, n), nn.Sigmoid(), nn.Linear(n, 1)).double()
    with torch.no_grad():                          # 把 numpy 求出的参数拷进真正的网络
        model[0].weight.copy_(torch.from_numpy(w).view(n, 1))
        model[0].bias.copy_(torch.from_numpy(b))
        model[2].weight.copy_(torch.from_numpy(v).view(1, n))
        model[2].bias.fill_(c)
    y_torch = model(torch.from_numpy(x_test).view(-1, 1)).detach().numpy().ravel()   # 每行一个样本
    print(np.allclose(y_torch, network(x_test, w, b, v, c), rtol=0, atol=1e-10))
    #> True
    # --8<-- [end:torch_check]

    # --8<-- [start:usage_outside]
    x_train = np.linspace(0.0, 1.0, 201)          # 只在 [0, 1] 上训练
    w, b = hidden_layer(32)
    v, c = fit_output_layer(x_train, target(x_train), w, b)
    for lo, hi in [(0.0, 1.0), (1.0, 2.0)]:
        x = np.linspace(lo, hi, 501)
        print(f"[{lo}, {hi}]  max error={np.abs(network(x, w, b, v, c) - target(x)).max():.4f}")
    #> [0.0, 1.0]  max error=0.0106
    #> [1.0, 2.0]  max error=1.1221
    x = np.array([2.0, 3.0])                      # 区间外：sigmoid 全部饱和，网络输出是常数
    print(np.round(network(x, w, b, v, c), 4).tolist(), np.round(target(x), 4).tolist())
    #> [0.506, 0.506] [1.0, 1.5]
    # --8<-- [end:usage_outside]


if __name__ == "__main__":
    main()
