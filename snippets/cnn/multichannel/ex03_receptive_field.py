"""感受野随层数增长：RF = 1 + Σ_l (K_l - 1)·∏_{i<l} S_i，并用梯度的非零区域验证。"""

# --8<-- [start:receptive_field]
def receptive_field(layers):
    """layers: [(K, S), ...] 从输入到输出依次排列；返回最上层一个神经元在输入上的感受野边长。"""
    rf, jump = 1, 1                 # jump：本层相邻两个神经元在输入上相隔几个像素
    for K, S in layers:
        if type(K) is not int or type(S) is not int or K < 1 or S < 1:
            raise ValueError(f"layers 中的 K、S 必须是正整数，收到 {(K, S)!r}")
        rf += (K - 1) * jump        # 多出的 K-1 个位置，每个相隔 jump 个输入像素
        jump *= S                   # 步长连乘
    return rf
# --8<-- [end:receptive_field]


# --8<-- [start:traced]
import torch


def traced_receptive_field(layers, size=64):
    """叠起这些卷积层（正的随机权重 + tanh），看中心输出对输入的梯度在多大的方块里不为 0。"""
    torch.manual_seed(0)
    X = torch.randn(1, 1, size, size, requires_grad=True)      # X: (N, C, H, W)
    h = X
    for K, S in layers:
        W = torch.rand(1, 1, K, K) + 0.1                        # 全为正：各条路径不会相互抵消
        h = torch.tanh(torch.nn.functional.conv2d(h, W, stride=S))
    centre = h.shape[-1] // 2
    h[0, 0, centre, centre].backward()                         # ∂y_centre / ∂X
    rows = X.grad[0, 0].abs().sum(dim=1).nonzero()              # 梯度不为 0 的行
    return int(rows.max() - rows.min() + 1)
# --8<-- [end:traced]


def main():
    # --8<-- [start:usage]
    stacks = {
        "3x3": [(3, 1)],
        "3x3, 3x3": [(3, 1), (3, 1)],
        "3x3, 3x3, 3x3": [(3, 1), (3, 1), (3, 1)],
        "5x5": [(5, 1)],
        "3x3/2, 3x3/2": [(3, 2), (3, 2)],               # 步长 2 的两层
        "3x3, 2x2/2, 3x3": [(3, 1), (2, 2), (3, 1)],   # 中间是 2×2、步长 2 的一层
    }
    for name, layers in stacks.items():
        print(f"{name:<16} {receptive_field(layers)} {traced_receptive_field(layers)}")
    #> 3x3              3 3
    #> 3x3, 3x3         5 5
    #> 3x3, 3x3, 3x3    7 7
    #> 5x5              5 5
    #> 3x3/2, 3x3/2     7 7
    #> 3x3, 2x2/2, 3x3  8 8
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
