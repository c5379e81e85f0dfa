"""按输出长度分的三种卷积：窄卷积 M-K+1、宽卷积 M+K-1、等宽卷积 M。"""

# --8<-- [start:paddings]
import numpy as np


def paddings(kind, K):
    """三种卷积（步长都是 1）在输入左、右两端各补几个 0：返回 (左, 右)。"""
    if type(K) is not int or K < 1:
        raise ValueError(f"K 必须是正整数，收到 {K!r}")
    if kind == "narrow":                 # 窄卷积：不补零
        return 0, 0
    if kind == "wide":                   # 宽卷积：两端各补 K-1 个
        return K - 1, K - 1
    if kind == "same":                   # 等宽卷积：K 为偶数时右边多补一个
        return (K - 1) // 2, K // 2
    raise ValueError(f"kind 必须是 'narrow'、'wide' 或 'same'，收到 {kind!r}")


def conv1d_kind(x, w, kind):
    """步长为 1 的书中卷积（翻转核）：按 kind 补零，再做窄卷积（numpy 的 valid 模式）。"""
    x, w = np.asarray(x, dtype=float), np.asarray(w, dtype=float)
    for name, a in (("x", x), ("w", w)):
        if a.ndim != 1 or a.size == 0:
            raise ValueError(f"{name} 必须是非空的一维序列，收到形状 {a.shape}")
    left, right = paddings(kind, len(w))
    if len(w) > left + len(x) + right:
        raise ValueError(f"w 的长度 K={len(w)} 大于补零后的输入长度 {left + len(x) + right}")
    return np.convolve(np.pad(x, (left, right)), w, mode="valid")
# --8<-- [end:paddings]


EXAMPLE_X = [1, 2, 3, 4, 5]              # M = 5
EXAMPLE_W = [1, 2, 3]                    # K = 3，不对称：翻不翻转结果不同


def main():
    # --8<-- [start:usage]
    x = [1, 2, 3, 4, 5]                  # M = 5
    w = [1, 2, 3]                        # K = 3
    for kind in ["narrow", "same", "wide"]:
        y = conv1d_kind(x, w, kind)
        print(kind, paddings(kind, len(w)), len(y), y.tolist())
    #> narrow (0, 0) 3 [10.0, 16.0, 22.0]
    #> same (1, 1) 5 [4.0, 10.0, 16.0, 22.0, 22.0]
    #> wide (2, 2) 7 [1.0, 4.0, 10.0, 16.0, 22.0, 22.0, 15.0]
    # --8<-- [end:usage]

    # --8<-- [start:numpy]
    for kind, mode in [("narrow", "valid"), ("same", "same"), ("wide", "full")]:
        equal = np.array_equal(conv1d_kind(x, w, kind), np.convolve(x, w, mode=mode))
        print(kind, mode, equal)
    #> narrow valid True
    #> same same True
    #> wide full True
    # --8<-- [end:numpy]

    # --8<-- [start:even]
    print(paddings("same", 4), paddings("same", 2))  # K 为偶数：补零不能两边一样多
    #> (1, 2) (0, 1)
    print(conv1d_kind([1, 2, 3, 4, 5], [1, 1], "same").tolist())
    #> [3.0, 5.0, 7.0, 9.0, 5.0]
    # numpy 的 mode="same" 把多出的那个 0 补在左边
    print(np.convolve([1, 2, 3, 4, 5], [1, 1], mode="same").tolist())
    #> [1, 3, 5, 7, 9]
    # --8<-- [end:even]

    # --8<-- [start:commute]
    x, w = [1, 2, 3, 4, 5], [1, 2, 3]
    print(conv1d_kind(x, w, "wide").tolist())
    #> [1.0, 4.0, 10.0, 16.0, 22.0, 22.0, 15.0]
    print(conv1d_kind(w, x, "wide").tolist())    # 信号与核对调
    #> [1.0, 4.0, 10.0, 16.0, 22.0, 22.0, 15.0]
    try:
        conv1d_kind(w, x, "narrow")               # 核比信号长：窄卷积算不出来
    except ValueError as error:
        print("narrow:", error)
    #> narrow: w 的长度 K=5 大于补零后的输入长度 3
    # --8<-- [end:commute]


if __name__ == "__main__":
    main()
