"""复习题中答案是数字或选项的三题，由代码算出：2-3-1 网络的参数量、反向传播的步骤顺序、回归用的损失函数。"""


# --8<-- [start:param_count]
def count_parameters(sizes):
    """全连接网络各层神经元数 [M_0, M_1, ..., M_L]：参数量 = Σ_l (M_{l-1} + 1) · M_l。"""
    sizes = list(sizes)
    if len(sizes) < 2 or not all(isinstance(m, int) and not isinstance(m, bool) and m > 0 for m in sizes):
        raise ValueError(f"sizes 必须是至少两个正整数（输入层、输出层），收到 {sizes!r}")
    # 第 l 层：权重矩阵 W 有 M_l × M_{l-1} 个元素，偏置 b 有 M_l 个元素
    return sum((m_prev + 1) * m for m_prev, m in zip(sizes[:-1], sizes[1:], strict=True))
# --8<-- [end:param_count]


def torch_parameter_count(sizes):
    """用 torch.nn.Sequential 搭同样的网络，数 numel()。"""
    from torch import nn

    layers = []
    for m_prev, m in zip(sizes[:-1], sizes[1:], strict=True):
        layers += [nn.Linear(m_prev, m), nn.Sigmoid()]
    return sum(p.numel() for p in nn.Sequential(*layers[:-1]).parameters())


# --8<-- [start:backprop_order]
from graphlib import TopologicalSorter

steps = {"①": "反向传播计算每一层的误差", "②": "采用梯度下降方法更新参数",
         "③": "计算每一层参数的导数值", "④": "前馈计算，得到每层的净输入和激活值"}
needs = {                  # 每一步要用到哪些步骤的结果
    "①": {"④"},            # 误差 δ 要用前馈得到的净输入 z
    "②": {"③"},            # 更新参数要用导数
    "③": {"①", "④"},       # ∂L/∂W = δ a^T：要用误差和激活值
    "④": set(),            # 前馈只要输入和当前参数
}


def step_order(needs):
    """按依赖关系排出先后顺序；若相邻两步都有直接依赖，这个顺序就是唯一的。"""
    order = list(TopologicalSorter(needs).static_order())
    unique = all(a in needs[b] for a, b in zip(order[:-1], order[1:], strict=True))
    return order, unique
# --8<-- [end:backprop_order]


# --8<-- [start:regression_loss]
import numpy as np

options = {                                   # 真实值 y 与预测 f 都是任意实数
    "A": lambda y, f: (f != y).astype(float),                                # 0-1 损失
    "B": lambda y, f: np.logaddexp(0, -f) * y + np.logaddexp(0, f) * (1 - y),  # 交叉熵（f 为 logit）
    "C": lambda y, f: (y - f) ** 2 / 2,                                      # 平方损失
    "D": lambda y, f: np.maximum(0, 1 - y * f),                              # 合页损失
}


def fits_real_targets(loss, targets=(-2.5, 0.3, 1.7, 4.0)):
    """回归损失应当：对任意实数 y，在 f = y 处最小，f 离 y 越远损失越大（两侧都严格单调）。"""
    for y in targets:
        f = np.linspace(y - 3, y + 3, 601)    # 中间一点恰好是 f = y
        L = loss(y, f)
        left, right = L[:301], L[300:]
        if not (np.all(np.diff(left) < 0) and np.all(np.diff(right) > 0)):
            return False
    return True
# --8<-- [end:regression_loss]


def main():
    # --8<-- [start:usage_param_count]
    print(count_parameters([2, 3, 1]))          # (2+1)×3 + (3+1)×1
    #> 13

    from torch import nn

    net = nn.Sequential(nn.Linear(2, 3), nn.Sigmoid(), nn.Linear(3, 1))
    print([p.numel() for p in net.parameters()], sum(p.numel() for p in net.parameters()))
    #> [6, 3, 3, 1] 13
    # --8<-- [end:usage_param_count]

    # --8<-- [start:usage_backprop_order]
    order, unique = step_order(needs)
    print("".join(order), unique)
    #> ④①③② True
    for k in order:
        print(k, steps[k])
    #> ④ 前馈计算，得到每层的净输入和激活值
    #> ① 反向传播计算每一层的误差
    #> ③ 计算每一层参数的导数值
    #> ② 采用梯度下降方法更新参数
    # --8<-- [end:usage_backprop_order]

    # --8<-- [start:usage_regression_loss]
    print([name for name, loss in options.items() if fits_real_targets(loss)])
    #> ['C']
    # --8<-- [end:usage_regression_loss]


if __name__ == "__main__":
    main()
