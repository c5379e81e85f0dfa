"""常用激活函数的 numpy 实现：逐元素作用在净输入 z 上。"""

# --8<-- [start:imports]
import math

import numpy as np
# --8<-- [end:imports]


# --8<-- [start:squashing]
def sigmoid(x):
    """logistic 函数 1 / (1 + e^{-x})：把实数挤压到 (0, 1)。"""
    x = np.asarray(x, dtype=float)
    return np.exp(-np.logaddexp(0.0, -x))     # 与 1 / (1 + e^{-x}) 相等，但 x 很负时不会溢出


def tanh(x):
    """(e^x - e^{-x}) / (e^x + e^{-x})：把实数挤压到 (-1, 1)。"""
    return np.tanh(np.asarray(x, dtype=float))
# --8<-- [end:squashing]


# --8<-- [start:hard]
def hard_logistic(x):
    """logistic 在 0 处的一阶泰勒展开 0.25 x + 0.5，再截断到 [0, 1]。"""
    return np.clip(0.25 * np.asarray(x, dtype=float) + 0.5, 0.0, 1.0)


def hard_tanh(x):
    """tanh 在 0 处的一阶泰勒展开 x，再截断到 [-1, 1]。"""
    return np.clip(np.asarray(x, dtype=float), -1.0, 1.0)
# --8<-- [end:hard]


# --8<-- [start:relu_family]
def relu(x):
    """max(0, x)"""
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def leaky_relu(x, alpha=0.01):
    """x > 0 时为 x，否则为 alpha * x（alpha 取 PyTorch 的默认值 0.01）。"""
    if not alpha > 0:
        raise ValueError(f"alpha 必须是正数，收到 {alpha}")
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, alpha * x)


def elu(x, alpha=1.0):
    """x > 0 时为 x，否则为 alpha * (e^x - 1)。"""
    if not alpha > 0:
        raise ValueError(f"alpha 必须是正数，收到 {alpha}")
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))


def softplus(x):
    """log(1 + e^x)：ReLU 的光滑版本。"""
    return np.logaddexp(0.0, np.asarray(x, dtype=float))
# --8<-- [end:relu_family]


# --8<-- [start:gated]
def gelu(x):
    """x * Phi(x)，Phi 是标准正态分布的累积分布函数（精确的 erf 形式）。"""
    x = np.asarray(x, dtype=float)
    erf = np.vectorize(math.erf, otypes=[float])          # 逐元素的误差函数
    return x * 0.5 * (1.0 + erf(x / math.sqrt(2.0)))


def gelu_tanh(x):
    """GELU 的 tanh 近似：0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))。"""
    x = np.asarray(x, dtype=float)
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x**3)))


def swish(x, beta=1.0):
    """x * sigmoid(beta * x)；beta = 1 时就是 SiLU，beta = 0 时是 x / 2。"""
    if not beta >= 0:
        raise ValueError(f"beta 必须是非负数，收到 {beta}")
    x = np.asarray(x, dtype=float)
    return x * sigmoid(beta * x)
# --8<-- [end:gated]


ACTIVATIONS = {
    "sigmoid": sigmoid, "tanh": tanh, "relu": relu, "leaky_relu": leaky_relu, "elu": elu,
    "softplus": softplus, "gelu": gelu, "gelu_tanh": gelu_tanh, "swish": swish,
}


def main():
    # --8<-- [start:usage_squashing]
    z = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    print(np.round(sigmoid(z), 4).tolist())
    #> [0.1192, 0.3775, 0.5, 0.6225, 0.8808]
    print(np.round(tanh(z), 4).tolist())
    #> [-0.964, -0.4621, 0.0, 0.4621, 0.964]
    z = np.linspace(-5, 5, 101)
    print(np.allclose(tanh(z), 2 * sigmoid(2 * z) - 1))   # tanh(x) = 2 sigma(2x) - 1
    #> True
    # --8<-- [end:usage_squashing]

    # --8<-- [start:usage_hard]
    z = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
    print(hard_logistic(z).tolist(), np.round(sigmoid(z), 4).tolist())
    #> [0.0, 0.25, 0.5, 0.75, 1.0] [0.0474, 0.2689, 0.5, 0.7311, 0.9526]
    print(hard_tanh(z).tolist(), np.round(tanh(z), 4).tolist())
    #> [-1.0, -1.0, 0.0, 1.0, 1.0] [-0.9951, -0.7616, 0.0, 0.7616, 0.9951]
    # --8<-- [end:usage_hard]

    # --8<-- [start:usage_relu]
    z = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    for f in [relu, leaky_relu, elu, softplus]:
        print(f"{f.__name__:>10}", np.round(f(z), 4).tolist())
    #>       relu [0.0, 0.0, 0.0, 0.5, 2.0]
    #> leaky_relu [-0.02, -0.005, 0.0, 0.5, 2.0]
    #>        elu [-0.8647, -0.3935, 0.0, 0.5, 2.0]
    #>   softplus [0.1269, 0.4741, 0.6931, 0.9741, 2.1269]
    # --8<-- [end:usage_relu]

    # --8<-- [start:usage_gated]
    z = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    for f in [gelu, gelu_tanh, swish]:
        print(f"{f.__name__:>9}", np.round(f(z), 4).tolist())
    #>      gelu [-0.0455, -0.1543, 0.0, 0.3457, 1.9545]
    #> gelu_tanh [-0.0454, -0.1543, 0.0, 0.3457, 1.9546]
    #>     swish [-0.2384, -0.1888, 0.0, 0.3112, 1.7616]
    print(swish(z, beta=0.0).tolist())                    # beta = 0：门恒为 1/2
    #> [-1.0, -0.25, 0.0, 0.25, 1.0]
    # --8<-- [end:usage_gated]

    # --8<-- [start:torch_check]
    import torch
    import torch.nn.functional as F

    z = np.linspace(-6, 6, 241)
    t = torch.from_numpy(z)                      # float64，与 numpy 精度相同
    pairs = [
        (sigmoid(z), torch.sigmoid(t)), (tanh(z), torch.tanh(t)),
        (hard_tanh(z), F.hardtanh(t)),
        (relu(z), F.relu(t)), (leaky_relu(z, 0.1), F.leaky_relu(t, 0.1)),
        (elu(z), F.elu(t)), (softplus(z), F.softplus(t)),
        (gelu(z), F.gelu(t)), (gelu_tanh(z), F.gelu(t, approximate="tanh")),
        (swish(z), F.silu(t)),
    ]
    print(all(np.allclose(ours, theirs.numpy(), rtol=0, atol=1e-6) for ours, theirs in pairs))
    #> True
    # --8<-- [end:torch_check]


if __name__ == "__main__":
    main()
