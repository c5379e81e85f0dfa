"""数值微分：前向差分与中心差分，截断误差与舍入误差此消彼长。"""


# --8<-- [start:differences]
def forward_difference(f, x, h):
    """f'(x) ≈ (f(x + h) - f(x)) / h，截断误差 O(h)。"""
    if not h > 0:
        raise ValueError(f"h 必须是正数，收到 {h}")
    return (f(x + h) - f(x)) / h


def central_difference(f, x, h):
    """f'(x) ≈ (f(x + h) - f(x - h)) / (2h)，截断误差 O(h^2)。"""
    if not h > 0:
        raise ValueError(f"h 必须是正数，收到 {h}")
    return (f(x + h) - f(x - h)) / (2 * h)
# --8<-- [end:differences]


def cube(x):
    return x * x * x            # 只用乘法：每一步都是 IEEE 754 的正确舍入，任何机器上结果都一样


def errors(hs, x=1.0):
    """每个 h 下两种差分相对于精确导数 3x^2 的绝对误差。"""
    exact = 3 * x * x
    return [(abs(forward_difference(cube, x, h) - exact), abs(central_difference(cube, x, h) - exact))
            for h in hs]


def main():
    # --8<-- [start:usage]
    def f(x):
        return x * x * x                        # f(x) = x^3，精确导数 f'(1) = 3

    for h in [1e-1, 1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12]:
        forward = abs(forward_difference(f, 1.0, h) - 3)
        central = abs(central_difference(f, 1.0, h) - 3)
        print(f"h={h:.0e}  forward error={forward:.1e}  central error={central:.1e}")
    #> h=1e-01  forward error=3.1e-01  central error=1.0e-02
    #> h=1e-02  forward error=3.0e-02  central error=1.0e-04
    #> h=1e-04  forward error=3.0e-04  central error=1.0e-08
    #> h=1e-06  forward error=3.0e-06  central error=2.5e-11
    #> h=1e-08  forward error=4.0e-09  central error=7.1e-09
    #> h=1e-10  forward error=2.5e-07  central error=2.5e-07
    #> h=1e-12  forward error=2.7e-04  central error=1.0e-04
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
