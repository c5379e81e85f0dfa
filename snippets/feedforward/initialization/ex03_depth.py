"""信号穿过 20 层：不同的初始化下，每层活性值和误差项的标准差怎样变化。"""

# --8<-- [start:scales]
import numpy as np
import torch
from torch import nn


def signal_scales(act, init, depth=20, width=128, N=200, seed=0):
    """depth 层、每层 width 个神经元的全连接网络（偏置取 0）：
    返回每层活性值 a^(l) 的标准差，和从输出端送入标准正态“误差”后每层误差项 delta^(l) 的标准差。
    init 为 None 时保留 nn.Linear 的默认初始化。"""
    if not (isinstance(depth, int) and depth >= 1):
        raise ValueError(f"depth 必须是正整数，收到 {depth!r}")
    torch.manual_seed(seed)
    layers = [nn.Linear(width, width, dtype=torch.float64) for _ in range(depth)]
    for layer in layers:
        if init is not None:
            init(layer.weight)
        nn.init.zeros_(layer.bias)
    rng = np.random.default_rng(seed)
    a = torch.from_numpy(rng.standard_normal((N, width)))        # a^(0) = X: (N, width)
    zs, act_std = [], []
    for layer in layers:
        z = layer(a)
        z.retain_grad()                                          # 反向传播后保留 delta^(l) = dL/dz^(l)
        a = act(z)
        zs.append(z)
        act_std.append(a.std().item())
    a.backward(torch.from_numpy(rng.standard_normal((N, width))))
    return act_std, [z.grad.std().item() for z in zs]


SCHEMES = {                                                      # 名字: (激活函数, 初始化)
    "tanh, N(0, 0.01^2)": (torch.tanh, lambda W: nn.init.normal_(W, 0.0, 0.01)),
    "tanh, Xavier": (torch.tanh, nn.init.xavier_normal_),
    "ReLU, N(0, 1)": (torch.relu, lambda W: nn.init.normal_(W, 0.0, 1.0)),
    "ReLU, Xavier": (torch.relu, nn.init.xavier_normal_),
    "ReLU, He": (torch.relu, lambda W: nn.init.kaiming_normal_(W, nonlinearity="relu")),
    "ReLU, default": (torch.relu, None),
}
# --8<-- [end:scales]


def main():
    # --8<-- [start:usage]
    # 各列是标准差：第 1、10、20 层的活性值，第 1 层的误差项
    print(f"{'':>18}  a(1)      a(10)     a(20)     delta(1)")
    for name, (act, init) in SCHEMES.items():
        a, d = signal_scales(act, init)
        print(f"{name:>18}  {a[0]:.2e}  {a[9]:.2e}  {a[19]:.2e}  {d[0]:.2e}")
    #>                     a(1)      a(10)     a(20)     delta(1)
    #> tanh, N(0, 0.01^2)  1.10e-01  3.63e-10  1.35e-19  1.20e-18
    #>       tanh, Xavier  6.24e-01  2.38e-01  1.71e-01  2.07e-01
    #>      ReLU, N(0, 1)  6.49e+00  1.15e+09  1.43e+18  1.08e+17
    #>       ReLU, Xavier  5.74e-01  3.35e-02  1.21e-03  1.03e-03
    #>           ReLU, He  8.12e-01  1.07e+00  1.24e+00  7.47e-01
    #>      ReLU, default  3.33e-01  7.86e-05  7.66e-09  2.48e-08
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
