"""同一个 2-3-1 网络用 torch.nn.Sequential 搭建，拷入相同的权重，输出与 numpy 版一致。"""

import numpy as np  # noqa: F401  (页面区段用到)

from snippets.feedforward.network_structure.ex01_forward import W1, W2, b1, b2, forward, identity, relu


# --8<-- [start:sequential]
import torch
from torch import nn


def to_sequential(Ws, bs):
    """把 numpy 的 [W^(l)]、[b^(l)] 拷进 Linear-ReLU-...-Linear 结构的 nn.Sequential（float64）。"""
    if len(Ws) != len(bs) or not Ws:
        raise ValueError(f"Ws 与 bs 的长度必须相同且至少为 1，收到 {len(Ws)} 和 {len(bs)}")
    layers = []
    for W, b in zip(Ws, bs, strict=True):
        M_out, M_in = np.shape(W)                 # nn.Linear 的 weight 形状也是 (M_l, M_{l-1})
        linear = nn.Linear(M_in, M_out, dtype=torch.float64)
        with torch.no_grad():
            linear.weight.copy_(torch.as_tensor(W, dtype=torch.float64))
            linear.bias.copy_(torch.as_tensor(b, dtype=torch.float64))
        layers += [linear, nn.ReLU()]
    return nn.Sequential(*layers[:-1])            # 去掉最后一个 ReLU：输出层是线性的
# --8<-- [end:sequential]


def main():
    # --8<-- [start:usage]
    model = to_sequential([W1, W2], [b1, b2])
    print(model)
    #> Sequential(
    #>   (0): Linear(in_features=2, out_features=3, bias=True)
    #>   (1): ReLU()
    #>   (2): Linear(in_features=3, out_features=1, bias=True)
    #> )

    X = np.random.default_rng(0).standard_normal((5, 2))     # X: (N=5, M_0=2)，PyTorch 习惯每行一个样本
    _, activations = forward(X.T, [W1, W2], [b1, b2], [relu, identity])   # 书中习惯每列一个样本
    ours = activations[-1].T                                  # (N, 1)
    theirs = model(torch.from_numpy(X)).detach().numpy()
    print(np.allclose(ours, theirs, rtol=0, atol=1e-12), np.round(theirs[:2, 0], 4).tolist())
    #> True [0.4789, 0.6355]
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
