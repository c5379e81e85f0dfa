"""二维卷积的输出大小：每一维都是 floor((H + 2P - K) / S) + 1。"""


# --8<-- [start:output_size]
def conv_output_size(H, K, S=1, P=0):
    """输入边长 H、核边长 K、步长 S、填充 P 时输出的边长（行、列分别套用）。"""
    checks = (("H", H, 1), ("K", K, 1), ("S", S, 1), ("P", P, 0))
    for name, value, minimum in checks:
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"{name} 必须是整数，收到 {value!r}")
        if value < minimum:
            raise ValueError(f"{name} 必须 >= {minimum}，收到 {value}")
    if K > H + 2 * P:
        raise ValueError(f"K={K} 大于填充后的输入边长 H+2P={H + 2 * P}")
    return (H + 2 * P - K) // S + 1
# --8<-- [end:output_size]


def sizes_by_depth(H, K, layers, S=1, P=0):
    """输入边长 H 经过 layers 个相同卷积层后，每层输出的边长（第 0 项是输入本身）。"""
    sizes = [H]
    for _ in range(layers):
        sizes.append(conv_output_size(sizes[-1], K, S, P))
    return sizes


def main():
    # --8<-- [start:depth]
    H, sizes = 32, [32]                      # 32×32 的输入，每层都用 5×5 的卷积核
    for _ in range(7):
        H = conv_output_size(H, K=5)
        sizes.append(H)
    print(sizes)
    #> [32, 28, 24, 20, 16, 12, 8, 4]
    # --8<-- [end:depth]

    # --8<-- [start:same]
    for K in (1, 3, 5, 7):                   # 奇数的核：P = (K - 1) / 2 保持大小不变
        P = (K - 1) // 2
        print(K, P, conv_output_size(32, K, P=P))
    #> 1 0 32
    #> 3 1 32
    #> 5 2 32
    #> 7 3 32
    # --8<-- [end:same]

    # --8<-- [start:stride]
    print(conv_output_size(224, K=3, S=1, P=1), conv_output_size(224, K=3, S=2, P=1))
    #> 224 112
    print(conv_output_size(224, K=7, S=4, P=3))
    #> 56
    # --8<-- [end:stride]


if __name__ == "__main__":
    main()
