"""激活函数的导数：手推公式的 numpy 实现，与 PyTorch 自动微分对照。"""

import math

import numpy as np

from snippets.feedforward.activations.ex01_activations import sigmoid


# --8<-- [start:derivatives]
def d_sigmoid(x):
    s = sigmoid(x)
    return s * (1.0 - s)                          # sigma'(x) = sigma(x) (1 - sigma(x))


def d_tanh(x):
    return 1.0 - np.tanh(x) ** 2                  # tanh'(x) = 1 - tanh(x)^2


def d_relu(x):
    return (np.asarray(x) > 0).astype(float)      # 在 0 处取 0，与 PyTorch 一致


def d_leaky_relu(x, alpha=0.01):
    return np.where(np.asarray(x) > 0, 1.0, alpha)


def d_elu(x, alpha=1.0):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0.0)))


def d_softplus(x):
    return sigmoid(x)                             # softplus 的导数正是 logistic 函数


def d_gelu(x):
    x = np.asarray(x, dtype=float)
    Phi = 0.5 * (1.0 + np.vectorize(math.erf)(x / math.sqrt(2.0)))   # 标准正态的累积分布函数
    phi = np.exp(-0.5 * x**2) / math.sqrt(2.0 * math.pi)              # 标准正态的密度函数
    return Phi + x * phi


def d_gelu_tanh(x):
    x = np.asarray(x, dtype=float)
    c = math.sqrt(2.0 / math.pi)
    u = np.tanh(c * (x + 0.044715 * x**3))
    return 0.5 * (1.0 + u) + 0.5 * x * (1.0 - u**2) * c * (1.0 + 3 * 0.044715 * x**2)


def d_swish(x, beta=1.0):
    x = np.asarray(x, dtype=float)
    s = sigmoid(beta * x)
    return s + beta * x * s * (1.0 - s)
# --8<-- [end:derivatives]


def main():
    # --8<-- [start:usage]
    import torch
    import torch.nn.functional as F

    z = np.linspace(-6, 6, 241)
    t = torch.tensor(z, requires_grad=True)       # float64

    def autograd(f):
        """PyTorch 算出的 f'(z)：对 sum(f(t)) 求梯度，每个分量就是该点的导数。"""
        (grad,) = torch.autograd.grad(f(t).sum(), t)
        return grad.numpy()

    pairs = [
        (d_sigmoid(z), autograd(torch.sigmoid)), (d_tanh(z), autograd(torch.tanh)),
        (d_relu(z), autograd(F.relu)), (d_leaky_relu(z, 0.1), autograd(lambda t: F.leaky_relu(t, 0.1))),
        (d_elu(z), autograd(F.elu)), (d_softplus(z), autograd(F.softplus)),
        (d_gelu(z), autograd(F.gelu)), (d_gelu_tanh(z), autograd(lambda t: F.gelu(t, approximate="tanh"))),
        (d_swish(z), autograd(F.silu)),
    ]
    print(all(np.allclose(ours, theirs, rtol=0, atol=1e-6) for ours, theirs in pairs))
    #> True
    print([round(float(d_sigmoid(0)), 4), round(float(d_tanh(0)), 4)])   # 两者导数的最大值
    #> [0.25, 1.0]
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
