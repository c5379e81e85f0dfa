"""用卷积层代替全连接层：参数从 (M-K+1)·M + (M-K+1) 个降到 K + 1 个。"""

import numpy as np  # noqa: F401  (conv_matrix 用到)

from snippets.cnn.structure.ex01_conv_matrix import conv_matrix


# --8<-- [start:layer_parameters]
def layer_parameters(M, K):
    """M 个输入、M-K+1 个输出时，(全连接层, 卷积层) 的参数个数，都含偏置。"""
    if type(M) is not int or M < 1:
        raise ValueError(f"M 必须是正整数，收到 {M!r}")
    if type(K) is not int or not 1 <= K <= M:
        raise ValueError(f"K 必须是 1 到 M={M} 之间的整数，收到 {K!r}")
    N = M - K + 1                        # 输出个数
    # 全连接：N×M 个权重 + N 个偏置；卷积：K 个权重 + 1 个共用的偏置
    return N * M + N, K + 1
# --8<-- [end:layer_parameters]


def main():
    # --8<-- [start:usage]
    import torch

    torch.manual_seed(0)
    M, K = 6, 3
    dense = torch.nn.Linear(M, M - K + 1, dtype=torch.float64)   # 全连接层：6 -> 4
    conv = torch.nn.Conv1d(1, 1, K, dtype=torch.float64)         # 卷积层：核长 3

    def count(layer):
        return sum(p.numel() for p in layer.parameters())

    print(count(dense), count(conv), layer_parameters(M, K))
    #> 28 4 (28, 4)

    # nn.Conv1d 做互相关，它的权重翻转过来才是书中的核 w
    w = conv.weight.detach().flatten().flip(0).numpy()
    with torch.no_grad():
        dense.weight.copy_(torch.from_numpy(conv_matrix(w, M)))  # 带状、共享
        dense.bias.fill_(conv.bias.item())                       # 同一个偏置
    x = torch.randn(M, dtype=torch.float64)
    print(torch.allclose(dense(x), conv(x.view(1, 1, -1)).flatten()))
    #> True
    print(layer_parameters(1000, 3))
    #> (998998, 4)
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
