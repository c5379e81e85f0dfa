"""对称权重问题：所有权重取同一个常数时，同一层的隐藏神经元永远一模一样；随机初始化打破对称。"""

# --8<-- [start:train]
import numpy as np
import torch
from torch import nn


def train_2_4_1(init, steps=200, lr=0.1, seed=0):
    """用 init(参数) 初始化一个 2-4-1 的 tanh 网络，在一个小回归问题上做 steps 步梯度下降。"""
    if not (isinstance(steps, int) and steps >= 0):
        raise ValueError(f"steps 必须是非负整数，收到 {steps!r}")
    rng = np.random.default_rng(seed)
    X = torch.from_numpy(rng.uniform(-2, 2, (64, 2)))            # X: (N, 2)，每行一个样本
    y = torch.sin(X[:, :1]) * X[:, 1:]                           # y: (N, 1)，目标 sin(x1) * x2
    model = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1)).double()
    for p in model.parameters():
        init(p)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        loss = ((model(X) - y) ** 2).mean()
        loss.backward()
        opt.step()
    return model, ((model(X) - y) ** 2).mean().item()


def units_identical(W, atol=1e-12):
    """W 的各行（每行是一个隐藏神经元的输入权重）是否在 atol 之内全都相同。"""
    return torch.allclose(W, W[:1].expand_as(W), rtol=0, atol=atol)
# --8<-- [end:train]


def main():
    # --8<-- [start:usage]
    def constant(p):
        nn.init.constant_(p, 0.5)                    # 所有权重和偏置都取 0.5

    generator = torch.Generator().manual_seed(0)     # 固定种子：结果可复现

    def random(p):
        nn.init.uniform_(p, -0.5, 0.5, generator=generator)

    for name, init in [("constant 0.5", constant), ("random", random)]:
        model, loss = train_2_4_1(init)
        W1 = model[0].weight.detach()                # W^(1): (4, 2)，第 i 行是第 i 个隐藏神经元的权重
        print(f"{name:>12}  hidden units identical: {units_identical(W1)}  loss: {loss:.3f}")
    #> constant 0.5  hidden units identical: True  loss: 0.881
    #>       random  hidden units identical: False  loss: 0.263
    # --8<-- [end:usage]

    # --8<-- [start:usage_zero]
    model, _ = train_2_4_1(nn.init.zeros_)            # 全部取 0
    print(model[0].weight.abs().max().item(), model[2].weight.abs().max().item())
    #> 0.0 0.0
    # --8<-- [end:usage_zero]


if __name__ == "__main__":
    main()
