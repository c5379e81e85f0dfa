"""激活函数的几条性质：饱和与梯度消失（和它的反面：梯度爆炸）、输出不以零为中心、死亡 ReLU。"""

# --8<-- [start:chain]
import torch


def sigmoid_chain_grad(depth, w=1.0, b=0.0, x=0.0):
    """depth 层、每层一个 logistic 神经元 a <- sigma(w a + b) 复合起来，求输出对输入 x 的导数。"""
    if not (isinstance(depth, int) and depth >= 1):
        raise ValueError(f"depth 必须是正整数，收到 {depth!r}")
    t = torch.tensor(float(x), dtype=torch.float64, requires_grad=True)
    a = t
    for _ in range(depth):
        a = torch.sigmoid(w * a + b)
    a.backward()
    return t.grad.item()
# --8<-- [end:chain]


# --8<-- [start:dying_relu]
import torch


def relu_neuron_grads(bias, N=1000, seed=0):
    """一个 3 输入的 ReLU 神经元在 N 个标准正态样本上的损失 sum(relu(z)) 及其梯度。"""
    if not (isinstance(N, int) and N >= 1):
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
    # --8<-- [start:saturation]
    import numpy as np

    for x in [0.0, 2.0, 5.0, 10.0]:
        s = 1 / (1 + np.exp(-x))            # x >= 0，这样写不会溢出
        print(f"x={x:>4}  sigma'={s * (1 - s):.2e}  tanh'={1 - np.tanh(x) ** 2:.2e}")
    #> x= 0.0  sigma'=2.50e-01  tanh'=1.00e+00
    #> x= 2.0  sigma'=1.05e-01  tanh'=7.07e-02
    #> x= 5.0  sigma'=6.65e-03  tanh'=1.82e-04
    #> x=10.0  sigma'=4.54e-05  tanh'=8.24e-09
    # --8<-- [end:saturation]

    # --8<-- [start:chain_usage]
    for depth in [1, 2, 5, 10]:
        vanish = sigmoid_chain_grad(depth)                      # w = 1：每层乘 sigma'(z) <= 0.25
        explode = sigmoid_chain_grad(depth, w=8.0, b=-4.0, x=0.5)   # w = 8：每层乘 8 * 0.25 = 2
        print(depth, f"{vanish:.2e}", f"{0.25 ** depth:.2e}", explode)
    #> 1 2.50e-01 2.50e-01 2.0
    #> 2 5.88e-02 6.25e-02 4.0
    #> 5 6.76e-04 9.77e-04 32.0
    #> 10 3.88e-07 9.54e-07 1024.0
    # --8<-- [end:chain_usage]

    # --8<-- [start:not_zero_centred]
    import numpy as np
    import torch

    rng = np.random.default_rng(0)
    a = torch.sigmoid(torch.from_numpy(rng.standard_normal(6)))   # 上一层 logistic 神经元的输出，全都大于 0
    delta = -0.7                          # 本神经元的误差项 dL/dz，某个实数
    grad_w = delta * a                    # dL/dw_i = delta * a_i
    print(torch.sign(grad_w).tolist())    # 所有分量同号：这一步权重只能一起增大或一起减小
    #> [-1.0, -1.0, -1.0, -1.0, -1.0, -1.0]
    a = torch.tanh(torch.from_numpy(rng.standard_normal(6)))      # tanh 的输出有正有负
    print(torch.sign(delta * a).tolist())
    #> [-1.0, -1.0, 1.0, 1.0, 1.0, -1.0]
    # --8<-- [end:not_zero_centred]

    # --8<-- [start:means]
    import numpy as np
    import torch
    import torch.nn.functional as F

    z = torch.from_numpy(np.random.default_rng(0).standard_normal(1_000_000))   # 100 万个 N(0, 1) 输入
    functions = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "ReLU": F.relu, "leaky ReLU": F.leaky_relu,
                 "ELU": F.elu, "softplus": F.softplus, "GELU": F.gelu, "Swish": F.silu}
    for name, f in functions.items():
        print(f"{name:>10}  {f(z).mean().item():.2f}")   # 输出的平均值
    #>    sigmoid  0.50
    #>       tanh  0.00
    #>       ReLU  0.40
    #> leaky ReLU  0.40
    #>        ELU  0.16
    #>   softplus  0.81
    #>       GELU  0.28
    #>      Swish  0.21
    # --8<-- [end:means]

    # --8<-- [start:dying_usage]
    print(relu_neuron_grads(bias=-10.0))   # 偏置被推到很负：所有样本上 z < 0
    #> (0.0, 0.0, 0.0)
    print(relu_neuron_grads(bias=0.0)[2])  # 偏置为 0：z > 0 的样本才贡献梯度，约一半
    #> 486.0
    # --8<-- [end:dying_usage]


if __name__ == "__main__":
    main()
