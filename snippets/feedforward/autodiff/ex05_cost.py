"""n 个输入、一个标量输出：前向模式求梯度要走 n 遍，反向模式一遍前向加一遍反向。数一数基本运算的次数。"""

from snippets.feedforward.autodiff.ex03_forward_mode import Dual, jvp
from snippets.feedforward.autodiff.ex04_reverse_mode import Var, backward


# --8<-- [start:cost]
def f(*xs):
    """f(x) = sum_i exp(x_i) x_{i-1}（下标循环）：n 个输入，一个标量输出，共 3n - 1 次运算。"""
    y = xs[0].exp() * xs[-1]
    for i in range(1, len(xs)):
        y = y + xs[i].exp() * xs[i - 1]
    return y


def gradient_costs(n):
    """返回 (求一次 f 的运算数, 前向模式求梯度的运算数, 反向模式的运算数, 两种梯度之差)。"""
    if not (isinstance(n, int) and n >= 1):
        raise ValueError(f"n 必须是正整数，收到 {n!r}")
    point = [0.01 * i for i in range(n)]

    Dual.ops = 0
    forward = [jvp(f, point, [1.0 if j == i else 0.0 for j in range(n)])[1]   # 第 i 遍：方向 e_i
               for i in range(n)]
    forward_ops = Dual.ops

    Var.ops = 0
    xs = [Var(p) for p in point]
    y = f(*xs)                                    # 前向：同时记录计算图
    f_ops = Var.ops
    backward(y)                                   # 反向：一遍得到全部 n 个偏导数
    reverse_ops = Var.ops

    gap = max(abs(g - x.grad) for g, x in zip(forward, xs, strict=True))
    return f_ops, forward_ops, reverse_ops, gap
# --8<-- [end:cost]


def main():
    # --8<-- [start:usage]
    print("  n  f  forward reverse  same")       # 求一次 f、前向模式、反向模式各做了多少次运算
    for n in [1, 10, 100]:
        f_ops, forward_ops, reverse_ops, gap = gradient_costs(n)
        print(f"{n:>3} {f_ops:>3} {forward_ops:>7} {reverse_ops:>7}  {gap < 1e-12}")
    #>   n  f  forward reverse  same
    #>   1   2       2       4  True
    #>  10  29     290      58  True
    #> 100 299   29900     598  True
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
