"""全连接前馈网络的参数量：sum_l (M_{l-1} + 1) * M_l，与 PyTorch 模型的 numel() 之和对照。"""


# --8<-- [start:count]
def check_sizes(sizes):
    """sizes = [M_0, M_1, ..., M_L]：各层神经元数，至少两层，都是正整数。"""
    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError(f"sizes 至少要有输入层和输出层两个数，收到 {sizes}")
    for M in sizes:
        if isinstance(M, bool) or not isinstance(M, int):
            raise TypeError(f"sizes 的元素必须是整数，收到 {M!r}")
        if M < 1:
            raise ValueError(f"sizes 的元素必须是正整数，收到 {M}")
    return sizes


def count_params(sizes):
    """第 l 层有权重 W^(l)（M_l x M_{l-1} 个元素）和偏置 b^(l)（M_l 个元素）。"""
    sizes = check_sizes(sizes)
    return sum((M_prev + 1) * M for M_prev, M in zip(sizes[:-1], sizes[1:], strict=True))
# --8<-- [end:count]


# --8<-- [start:torch_count]
from torch import nn


def torch_count(sizes):
    """搭一个同样形状的 PyTorch 模型，数它所有参数张量的元素个数。"""
    sizes = check_sizes(sizes)
    layers = []
    for M_prev, M in zip(sizes[:-1], sizes[1:], strict=True):
        # device="meta" 只记录形状、不分配内存：36e6 x 100 的权重也不占 14 GB
        layers += [nn.Linear(M_prev, M, device="meta"), nn.Sigmoid()]
    model = nn.Sequential(*layers[:-1])
    return sum(p.numel() for p in model.parameters())
# --8<-- [end:torch_count]


def main():
    # --8<-- [start:usage_231]
    print(count_params([2, 3, 1]), 2 * 3 + 3 + 3 * 1 + 1)
    #> 13 13
    # --8<-- [end:usage_231]

    # --8<-- [start:table]
    shapes = [[2, 3, 1], [3, 4, 4, 2], [784, 100, 10], [36_000_000, 100]]
    for sizes in shapes:
        print("-".join(map(str, sizes)), count_params(sizes), torch_count(sizes))
    #> 2-3-1 13 13
    #> 3-4-4-2 46 46
    #> 784-100-10 79510 79510
    #> 36000000-100 3600000100 3600000100
    # --8<-- [end:table]


if __name__ == "__main__":
    main()
