"""通用近似定理的构造思路：很陡的 sigmoid 是台阶，n 个台阶叠成一条阶梯去贴近连续函数。"""

# --8<-- [start:target]
import numpy as np


def sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))        # 1 / (1 + e^{-z})，不会溢出


def target(x):
    """要逼近的连续函数：[0, 1] 上的 sin(2 pi x) + 0.5 x。"""
    return np.sin(2 * np.pi * x) + 0.5 * x


def check_width(n):
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"n 必须是整数，收到 {type(n).__name__}")
    if n < 1:
        raise ValueError(f"n 必须是正整数（隐藏单元个数），收到 {n}")
    return n
# --8<-- [end:target]


# --8<-- [start:staircase]
def staircase(x, n, f=target, slope=1000.0):
    """一个隐藏层、n 个 sigmoid 单元、线性输出层的网络：
    第 k 个单元在区间 [(k-1)/n, k/n] 的中点处“跳一级台阶”，台阶高度取 f(k/n) - f((k-1)/n)。
    """
    n = check_width(n)
    t = np.linspace(0.0, 1.0, n + 1)              # 把 [0, 1] 分成 n 段的端点
    centres = (t[:-1] + t[1:]) / 2                # 每个台阶的位置
    heights = np.diff(f(t))                       # 输出层权重：每级台阶的高度
    s = slope * n                                 # 台阶越密，边沿也要越陡
    H = sigmoid(s * (np.asarray(x, dtype=float)[:, None] - centres))   # 隐藏层输出 (len(x), n)
    return f(0.0) + H @ heights                   # 输出层偏置 f(0) 加上各级台阶
# --8<-- [end:staircase]


def max_error(approx, x=None):
    """在 [0, 1] 的 1001 个等距点上与 target 的最大偏差（一致范数的近似）。"""
    x = np.linspace(0.0, 1.0, 1001) if x is None else x
    return float(np.abs(approx(x) - target(x)).max())


def main():
    # --8<-- [start:usage]
    x = np.linspace(0.0, 1.0, 1001)
    for n in [1, 2, 4, 8, 32, 128]:
        error = np.abs(staircase(x, n) - target(x)).max()
        print(f"n={n:>3}  max error={error:.4f}")
    #> n=  1  max error=1.1282
    #> n=  2  max error=1.1227
    #> n=  4  max error=0.7593
    #> n=  8  max error=0.4045
    #> n= 32  max error=0.1024
    #> n=128  max error=0.0258
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
