"""学习率对梯度下降的影响：二次函数 f(x) = L/2 · x^2 上的精确分析。"""

# --8<-- [start:quadratic]
def check_positive(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ValueError(f"{name} 必须是正数，收到 {value!r}")


def gd_quadratic(L, lr, x0=1.0, steps=6):
    """在 f(x) = L/2 · x^2 上做梯度下降，返回 x_0, x_1, ..., x_steps。"""
    check_positive(L, "L")
    check_positive(lr, "lr")
    xs = [float(x0)]
    for _ in range(steps):
        grad = L * xs[-1]                  # f'(x) = L x
        xs.append(xs[-1] - lr * grad)      # 即 x_{t+1} = (1 - lr·L) x_t
    return xs


def regime(L, lr):
    """按 |1 - lr·L| 与 1 的大小关系判断迭代的走势。"""
    check_positive(L, "L")
    check_positive(lr, "lr")
    q = 1 - lr * L                          # 每一步乘上的因子
    if q > 0:
        return "单调收敛"                   # 0 < lr < 1/L
    if q == 0:
        return "一步到达"                   # lr = 1/L
    if q > -1:
        return "振荡收敛"                   # 1/L < lr < 2/L
    if q == -1:
        return "等幅振荡"                   # lr = 2/L
    return "发散"                           # lr > 2/L
# --8<-- [end:quadratic]


def main():
    # --8<-- [start:usage]
    L = 4.0                                  # 1/L = 0.25，2/L = 0.5
    for lr in [0.01, 0.1, 0.25, 0.4, 0.5, 0.6]:
        xs = gd_quadratic(L, lr)
        print(lr, regime(L, lr), [round(x, 3) for x in xs])
    #> 0.01 单调收敛 [1.0, 0.96, 0.922, 0.885, 0.849, 0.815, 0.783]
    #> 0.1 单调收敛 [1.0, 0.6, 0.36, 0.216, 0.13, 0.078, 0.047]
    #> 0.25 一步到达 [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    #> 0.4 振荡收敛 [1.0, -0.6, 0.36, -0.216, 0.13, -0.078, 0.047]
    #> 0.5 等幅振荡 [1.0, -1.0, 1.0, -1.0, 1.0, -1.0, 1.0]
    #> 0.6 发散 [1.0, -1.4, 1.96, -2.744, 3.842, -5.378, 7.53]
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
