"""同样的输入和输出大小，换成全连接层要多少参数：局部连接与权重共享省下了什么。"""

import torch
from torch import nn

from snippets.cnn.lenet.ex01_lenet import lenet5


# --8<-- [start:dense]
def dense_equivalent(model, shape):
    """每个有参数的层，若换成输入、输出个数都相同的全连接层，需要的参数量。"""
    x = torch.zeros(1, *shape)
    rows = []
    for layer in model:
        n_in = x[0].numel()
        x = layer(x)
        if isinstance(layer, nn.Conv2d | nn.Linear):
            n_out = x[0].numel()
            own = sum(p.numel() for p in layer.parameters())
            rows.append((type(layer).__name__, n_in, n_out, own, (n_in + 1) * n_out))
    return rows
# --8<-- [end:dense]


def main():
    # --8<-- [start:usage]
    rows = dense_equivalent(lenet5(), (1, 32, 32))
    for name, n_in, n_out, own, dense in rows:
        print(f"{name:6s} {n_in:4d} -> {n_out:4d}  自身 {own:5d}  全连接 {dense}")
    #> Conv2d 1024 -> 4704  自身   156  全连接 4821600
    #> Conv2d 1176 -> 1600  自身  2416  全连接 1883200
    #> Conv2d  400 ->  120  自身 48120  全连接 48120
    #> Linear  120 ->   84  自身 10164  全连接 10164
    #> Linear   84 ->   10  自身   850  全连接 850
    own, dense = sum(r[3] for r in rows), sum(r[4] for r in rows)
    print(own, dense, round(dense / own))
    #> 61706 6763934 110

    # 直接把 32×32 的像素接到同样的 120-84-10 全连接头上
    mlp = nn.Sequential(nn.Flatten(), nn.Linear(32 * 32, 120), nn.Tanh(),
                        nn.Linear(120, 84), nn.Tanh(), nn.Linear(84, 10))
    print(sum(p.numel() for p in mlp.parameters()))
    #> 134014
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
