"""带参数的激活：PReLU 的斜率是可学习的参数；Maxout 单元取 K 个仿射函数中的最大值。"""

# --8<-- [start:maxout]
import torch
from torch import nn


class Maxout(nn.Module):
    """M 个 Maxout 单元：第 m 个单元输出 max_k (w_{m,k}^T x + b_{m,k})，k = 1..K。"""

    def __init__(self, D, M, K):
        super().__init__()
        for name, value in (("D", D), ("M", M), ("K", K)):
            if not (isinstance(value, int) and value >= 1):
                raise ValueError(f"{name} 必须是正整数，收到 {value!r}")
        self.M, self.K = M, K
        self.linear = nn.Linear(D, M * K)          # 一次算出全部 M * K 个净输入

    def forward(self, X):                          # X: (N, D)
        Z = self.linear(X).view(-1, self.M, self.K)   # Z: (N, M, K)
        return Z.max(dim=-1).values                # (N, M)：每个单元在 K 段中取最大
# --8<-- [end:maxout]


def prelu_demo():
    # --8<-- [start:usage_prelu]
    import torch
    from torch import nn

    prelu = nn.PReLU()                        # 负半轴斜率 alpha 是一个参数，初始值 0.25
    z = torch.tensor([-2.0, -0.5, 0.5, 2.0])
    y = prelu(z)
    y.sum().backward()                        # alpha 和权重一样得到梯度：负输入之和 -2.5
    print(y.tolist(), prelu.weight.item(), prelu.weight.grad.item())
    #> [-0.5, -0.125, 0.5, 2.0] 0.25 -2.5
    # --8<-- [end:usage_prelu]


def main():
    prelu_demo()

    # --8<-- [start:usage_maxout]
    torch.manual_seed(0)
    X = torch.randn(100, 3)                   # X: (N=100, D=3)
    unit = Maxout(D=3, M=1, K=2)
    with torch.no_grad():                     # 第二段取常数 0：max(w^T x + b, 0) 就是 ReLU
        unit.linear.weight[1] = 0.0
        unit.linear.bias[1] = 0.0
    W, b = unit.linear.weight[:1], unit.linear.bias[:1]
    print(torch.allclose(unit(X), torch.relu(X @ W.T + b)))
    #> True
    print(unit(X).shape, sum(p.numel() for p in unit.parameters()))   # 参数量是普通神经元的 K 倍
    #> torch.Size([100, 1]) 8
    # --8<-- [end:usage_maxout]


if __name__ == "__main__":
    main()
