"""常用激活函数的 numpy 实现：逐元素作用在净输入 z 上。"""

# --8<-- [start:checks]
import math

import numpy as np


def as_array(x, name):
    """把 x 转成浮点数组（标量也可以）；不是数值时报错并指出参数名。"""
    try:
        x = np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} 必须是数值或数值数组，收到 {type(x).__name__}") from None
    return x


def check_positive(value, name):
    """超参数（斜率、尺度）必须是正的有限实数。"""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} 必须是实数，收到 {type(value).__name__}")
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{name} 必须是正的有限实数，收到 {value}")
    return float(value)


_erf = np.vectorize(math.erf, otypes=[float])   # 逐元素的误差函数 erf（GELU 要用）
# --8<-- [end:checks]


# --8<-- [start:squashing]
def sigmoid(x):
    """logistic 函数 1 / (1 + e^{-x})：把实数挤压到 (0, 1)。"""
    x = as_array(x, "x")
    # 与 1 / (1 + np.exp(-x)) 相等，但 x 很负时 np.exp(-x) 不会溢出
    return np.exp(-np.logaddexp(0.0, -x))


def tanh(x):
    """(e^x - e^{-x}) / (e^x + e^{-x})：把实数挤压到 (-1, 1)。"""
    return np.tanh(as_array(x, "x"))
# --8<-- [end:squashing]


# --8<-- [start:relu_family]
def relu(x):
    """max(0, x)"""
    return np.maximum(as_array(x, "x"), 0.0)


def leaky_relu(x, alpha=0.01):
    """x > 0 时为 x，否则为 alpha * x（alpha 取 PyTorch 的默认值 0.01）。"""
    x, alpha = as_array(x, "x"), check_positive(alpha, "alpha")
    return np.where(x > 0, x, alpha * x)


def elu(x, alpha=1.0):
    """x > 0 时为 x，否则为 alpha * (e^x - 1)。"""
    x, alpha = as_array(x, "x"), check_positive(alpha, "alpha")
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))


def softplus(x):
    """log(1 + e^x)：ReLU 的光滑版本。"""
    return np.logaddexp(0.0, as_array(x, "x"))
# --8<-- [end:relu_family]


# --8<-- [start:gated]
def gelu(x):
    """x * Phi(x)，Phi 是标准正态分布的累积分布函数（精确的 erf 形式）。"""
    x = as_array(x, "x")
    return x * 0.5 * (1.0 + _erf(x / math.sqrt(2.0)))


def gelu_tanh(x):
    """GELU 的 tanh 近似：0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))。"""
    x = as_array(x, "x")
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x**3)))


def swish(x, beta=1.0):
    """x * sigmoid(beta * x)；beta = 1 时就是 SiLU。"""
    x, beta = as_array(x, "x"), check_positive(beta, "beta")
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
    # --8<-- [end:usage_squashing]

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
    # --8<-- [end:usage_gated]

    # --8<-- [start:torch_check]
    import torch
    import torch.nn.functional as F

    z = np.linspace(-6, 6, 241)
    t = torch.from_numpy(z)                      # float64，与 numpy 精度相同
    pairs = [
        (sigmoid(z), torch.sigmoid(t)), (tanh(z), torch.tanh(t)),
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
