"""激活函数的几条性质：tanh 与 logistic 的关系、饱和与梯度消失、死亡 ReLU、输出非零中心。"""

import numpy as np

from snippets.feedforward.activations.ex01_activations import as_array, sigmoid  # noqa: F401


# --8<-- [start:chain]
import torch


def sigmoid_chain_grad(depth, x=0.0):
    """depth 层、每层一个 logistic 神经元（权重 1、偏置 0）复合起来，求输出对输入 x 的导数。"""
    if isinstance(depth, bool) or not isinstance(depth, int):
        raise TypeError(f"depth 必须是整数，收到 {type(depth).__name__}")
    if depth < 1:
        raise ValueError(f"depth 必须是正整数，收到 {depth}")
    t = torch.tensor(float(x), dtype=torch.float64, requires_grad=True)
    a = t
    for _ in range(depth):
        a = torch.sigmoid(a)
    a.backward()
    return t.grad.item()
# --8<-- [end:chain]


# --8<-- [start:dying_relu]
import torch


def relu_neuron_grads(bias, N=1000, seed=0):
    """一个 3 输入的 ReLU 神经元在 N 个标准正态样本上的损失 sum(relu(z)) 及其梯度。"""
    if isinstance(N, bool) or not isinstance(N, int) or N < 1:
        raise ValueError(f"N 必须是正整数，收到 {N!r}")
    torch.manual_seed(seed)
    layer = torch.nn.Linear(3, 1, dtype=torch.float64)
    with torch.no_grad():
        layer.bias.fill_(float(bias))
    X = torch.randn(N, 3, dtype=torch.float64)        # X: (N, D)
    z = layer(X)                                      # z: (N, 1)
    loss = torch.relu(z).sum()
    loss.backward()
    return loss.item(), layer.weight.grad.abs().sum().item(), layer.bias.grad.item()
# --8<-- [end:dying_relu]


def main():
    # --8<-- [start:tanh_identity]
    z = np.linspace(-5, 5, 101)
    print(np.allclose(np.tanh(z), 2 * sigmoid(2 * z) - 1))   # tanh(x) = 2 sigma(2x) - 1
    #> True
    # --8<-- [end:tanh_identity]

    # --8<-- [start:saturation]
    for x in [0.0, 2.0, 5.0, 10.0]:
        s = sigmoid(x)
        print(f"x={x:>4}  sigma'={s * (1 - s):.2e}  tanh'={1 - np.tanh(x) ** 2:.2e}")
    #> x= 0.0  sigma'=2.50e-01  tanh'=1.00e+00
    #> x= 2.0  sigma'=1.05e-01  tanh'=7.07e-02
    #> x= 5.0  sigma'=6.65e-03  tanh'=1.82e-04
    #> x=10.0  sigma'=4.54e-05  tanh'=8.24e-09
    # --8<-- [end:saturation]

    # --8<-- [start:chain_usage]
    for depth in [1, 2, 5, 10]:
        print(depth, f"{sigmoid_chain_grad(depth):.2e}", f"{0.25 ** depth:.2e}")  # 实际导数与上界 0.25^L
    #> 1 2.50e-01 2.50e-01
    #> 2 5.88e-02 6.25e-02
    #> 5 6.76e-04 9.77e-04
    #> 10 3.88e-07 9.54e-07
    # --8<-- [end:chain_usage]

    # --8<-- [start:dying_usage]
    print(relu_neuron_grads(bias=-10.0))   # 偏置被推到很负：所有样本上 z < 0
    #> (0.0, 0.0, 0.0)
    print(relu_neuron_grads(bias=0.0)[2])  # 偏置为 0：z > 0 的样本才贡献梯度，约一半
    #> 486.0
    # --8<-- [end:dying_usage]

    # --8<-- [start:not_zero_centred]
    rng = np.random.default_rng(0)
    a = sigmoid(rng.standard_normal(6))   # 上一层 logistic 神经元的输出，全都大于 0
    delta = -0.7                          # 本神经元的误差项 dL/dz，某个实数
    grad_w = delta * a                    # dL/dw_i = delta * a_i
    print(np.sign(grad_w).tolist())       # 所有分量同号：这一步权重只能一起增大或一起减小
    #> [-1.0, -1.0, -1.0, -1.0, -1.0, -1.0]
    print(np.sign(delta * np.tanh(rng.standard_normal(6))).tolist())   # tanh 输出有正有负
    #> [-1.0, -1.0, 1.0, 1.0, 1.0, -1.0]
    # --8<-- [end:not_zero_centred]


if __name__ == "__main__":
    main()
