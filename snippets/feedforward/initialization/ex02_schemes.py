"""Xavier 与 He 初始化的 numpy 实现，与 torch.nn.init 比较分布的参数（界、标准差），而不是比较随机数本身。"""

# --8<-- [start:schemes]
import math

import numpy as np


def check_fans(M_in, M_out):
    for name, value in (("M_in", M_in), ("M_out", M_out)):
        if not (isinstance(value, int) and value >= 1):
            raise ValueError(f"{name} 必须是正整数，收到 {value!r}")


def xavier_uniform(M_in, M_out, rng):
    """U(-r, r)，r = sqrt(6 / (M_in + M_out))：方差 r^2 / 3 = 2 / (M_in + M_out)。"""
    check_fans(M_in, M_out)
    r = math.sqrt(6 / (M_in + M_out))
    return rng.uniform(-r, r, size=(M_out, M_in))        # W: (M_l, M_{l-1})，与书中一致


def xavier_normal(M_in, M_out, rng):
    """N(0, 2 / (M_in + M_out))。"""
    check_fans(M_in, M_out)
    return rng.normal(0.0, math.sqrt(2 / (M_in + M_out)), size=(M_out, M_in))


def he_uniform(M_in, M_out, rng):
    """U(-r, r)，r = sqrt(6 / M_in)：方差 2 / M_in，给 ReLU 用。"""
    check_fans(M_in, M_out)
    r = math.sqrt(6 / M_in)
    return rng.uniform(-r, r, size=(M_out, M_in))


def he_normal(M_in, M_out, rng):
    """N(0, 2 / M_in)，给 ReLU 用。"""
    check_fans(M_in, M_out)
    return rng.normal(0.0, math.sqrt(2 / M_in), size=(M_out, M_in))
# --8<-- [end:schemes]


def main():
    # --8<-- [start:usage]
    import torch
    from torch import nn

    M_in, M_out = 1000, 500                              # 50 万个随机数：样本标准差误差约 0.1%
    rng = np.random.default_rng(0)
    torch.manual_seed(0)
    pairs = {                                            # 我们的实现，PyTorch 的实现，理论标准差
        "Xavier uniform": (xavier_uniform, nn.init.xavier_uniform_, math.sqrt(2 / (M_in + M_out))),
        "Xavier normal": (xavier_normal, nn.init.xavier_normal_, math.sqrt(2 / (M_in + M_out))),
        "He uniform": (he_uniform, lambda W: nn.init.kaiming_uniform_(W, nonlinearity="relu"),
                       math.sqrt(2 / M_in)),
        "He normal": (he_normal, lambda W: nn.init.kaiming_normal_(W, nonlinearity="relu"),
                      math.sqrt(2 / M_in)),
    }
    for name, (ours, theirs, std) in pairs.items():
        W_ours = ours(M_in, M_out, rng)
        W_torch = theirs(torch.empty(M_out, M_in, dtype=torch.float64))   # weight 形状 (M_out, M_in)
        print(f"{name:>14}  std={std:.4f}  ours/std={W_ours.std() / std:.2f}"
              f"  torch/std={W_torch.std().item() / std:.2f}")
    #> Xavier uniform  std=0.0365  ours/std=1.00  torch/std=1.00
    #>  Xavier normal  std=0.0365  ours/std=1.00  torch/std=1.00
    #>     He uniform  std=0.0447  ours/std=1.00  torch/std=1.00
    #>      He normal  std=0.0447  ours/std=1.00  torch/std=1.00
    # --8<-- [end:usage]

    # --8<-- [start:usage_bounds]
    rng = np.random.default_rng(1)
    torch.manual_seed(1)
    W_ours = xavier_uniform(400, 200, rng)
    W_torch = nn.init.xavier_uniform_(torch.empty(200, 400, dtype=torch.float64))
    r = math.sqrt(6 / (400 + 200))                       # 理论上的界 0.1
    print(round(r, 4), round(float(np.abs(W_ours).max()), 4), round(W_torch.abs().max().item(), 4))
    #> 0.1 0.1 0.1
    # --8<-- [end:usage_bounds]


if __name__ == "__main__":
    main()
