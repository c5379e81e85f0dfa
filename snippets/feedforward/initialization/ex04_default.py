"""nn.Linear 的默认初始化：kaiming_uniform_(a=sqrt(5))，即 U(-1/sqrt(M_in), 1/sqrt(M_in))；偏置同一个区间。"""


def main():
    # --8<-- [start:usage]
    import math

    import torch
    from torch import nn

    torch.manual_seed(0)
    M_in, M_out = 400, 200
    layer = nn.Linear(M_in, M_out)                  # 不做任何初始化，看 PyTorch 默认给了什么
    bound = 1 / math.sqrt(M_in)                     # 1/sqrt(400) = 0.05
    gain = math.sqrt(2 / (1 + 5))                   # a = sqrt(5) 时 gain = sqrt(2 / (1 + a^2))
    print(bound, round(gain * math.sqrt(3 / M_in), 4))   # kaiming_uniform_ 的界 gain * sqrt(3 / M_in)
    #> 0.05 0.05
    W, b = layer.weight.detach(), layer.bias.detach()
    print(round(W.abs().max().item() / bound, 3), bool(b.abs().max() <= bound))   # 最大的权重几乎碰到界
    #> 1.0 True
    print(round(W.std().item() / (bound / math.sqrt(3)), 2))   # U(-r, r) 的标准差是 r / sqrt(3)
    #> 1.0
    print(round(W.var().item() * M_in, 2))          # M_in 乘方差约为 1/3；He 初始化是 2，大 6 倍
    #> 0.33
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
