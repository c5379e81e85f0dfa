"""反向传播页的插图：手写反向传播训练 300 步的损失曲线，与 torch.optim.SGD 的曲线重合。"""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F

from snippets.feedforward.backprop.ex01_backprop import init_params, train_step
from snippets.figures import figure

STEPS, LR = 300, 2.0


def toy_batch(N=40, seed=1):
    """两类二维点（第三个特征是噪声）：类别由 x1 * x2 的符号决定，线性不可分。"""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((3, N))
    y = (X[0] * X[1] > 0).astype(int)
    return X, y


@cache
def manual_losses(steps=STEPS, lr=LR):
    X, y = toy_batch()
    params, losses = init_params([3, 4, 2]), []
    for _ in range(steps):
        params, value = train_step(X, y, params, lr=lr)
        losses.append(value)
    return tuple(losses)


@cache
def torch_losses(steps=STEPS, lr=LR):
    """同样的初始参数、同样的数据，用 autograd + torch.optim.SGD 训练。"""
    X, y = toy_batch()
    tensors = [torch.tensor(p, requires_grad=True) for pair in init_params([3, 4, 2]) for p in pair]
    opt = torch.optim.SGD(tensors, lr=lr)
    W1, b1, W2, b2 = tensors
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
    losses = []
    for _ in range(steps):
        opt.zero_grad()
        Z2 = W2 @ torch.sigmoid(W1 @ Xt + b1[:, None]) + b2[:, None]
        loss = F.cross_entropy(Z2.T, yt)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return tuple(losses)


@figure("training")
def training_figure():
    manual, auto = manual_losses(), torch_losses()
    fig, ax = plt.subplots()
    ax.plot(manual, linewidth=4, alpha=0.45, label="manual backprop\n(numpy)")
    ax.plot(auto, "--", label="autograd +\ntorch.optim.SGD")
    ax.set_xlabel("SGD step")
    ax.set_ylabel("mean cross-entropy")
    ax.legend()
    return fig
