"""分组卷积与深度可分离卷积的参数量。"""


# --8<-- [start:conv_params]
def conv_params(C_in, C_out, K, groups=1, bias=True):
    """分组卷积的参数量：每个输出通道只连本组的 C_in/groups 个输入通道。"""
    for name, value in (("C_in", C_in), ("C_out", C_out), ("K", K), ("groups", groups)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} 必须是正整数，收到 {value!r}")
    if C_in % groups or C_out % groups:
        raise ValueError(f"groups={groups} 必须同时整除 C_in={C_in} 和 C_out={C_out}")
    return C_out * (C_in // groups) * K * K + (C_out if bias else 0)
# --8<-- [end:conv_params]


def main():
    # --8<-- [start:usage]
    from torch import nn

    def numel(module):
        return sum(p.numel() for p in module.parameters())

    C_in, C_out, K = 64, 128, 3
    standard = conv_params(C_in, C_out, K)                    # 普通卷积
    grouped = conv_params(C_in, C_out, K, groups=4)           # 分成 4 组
    separable = conv_params(C_in, C_in, K, groups=C_in) + conv_params(C_in, C_out, 1)
    print(standard, grouped, separable)
    #> 73856 18560 8960
    print(numel(nn.Conv2d(C_in, C_out, K)), numel(nn.Conv2d(C_in, C_out, K, groups=4)),
          numel(nn.Sequential(nn.Conv2d(C_in, C_in, K, groups=C_in), nn.Conv2d(C_in, C_out, 1))))
    #> 73856 18560 8960
    print(round(standard / separable, 1))
    #> 8.2
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
