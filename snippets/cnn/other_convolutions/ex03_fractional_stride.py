"""微步卷积：在输入的相邻元素之间插 S-1 个 0，再做步长为 1 的普通卷积，就得到步长 S 的转置卷积。"""

# --8<-- [start:zeros]
import numpy as np


def insert_zeros(x, S):
    """在相邻两个元素之间插入 S-1 个 0：长度 M 变成 (M-1)S + 1。"""
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"x 必须是非空的一维数组，收到形状 {x.shape}")
    if isinstance(S, bool) or not isinstance(S, int) or S < 1:
        raise ValueError(f"S 必须是正整数，收到 {S!r}")
    out = np.zeros((len(x) - 1) * S + 1)
    out[::S] = x
    return out


def fractionally_strided(x, w, S, P=0):
    """插 0，两端各补 K-1-P 个 0，再与翻转的核做步长 1 的互相关（也就是书中的卷积）。"""
    w = np.asarray(w, dtype=float)
    if isinstance(P, bool) or not isinstance(P, int) or not 0 <= P <= len(w) - 1:
        raise ValueError(f"P 必须是 0 到 K-1={len(w) - 1} 之间的整数，收到 {P!r}")
    padded = np.pad(insert_zeros(x, S), len(w) - 1 - P)
    return np.correlate(padded, w[::-1], mode="valid")
# --8<-- [end:zeros]


def main():
    # --8<-- [start:usage]
    x = [1.0, 2, 3]
    w = [0.5, 1, 0.5]
    print(insert_zeros(x, 2).tolist())
    #> [1.0, 0.0, 2.0, 0.0, 3.0]
    print(fractionally_strided(x, w, S=2).tolist())          # 与步长 2 的转置卷积相同
    #> [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 1.5]
    print(fractionally_strided(x, w, S=2, P=1).tolist())
    #> [1.0, 1.5, 2.0, 2.5, 3.0]
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
