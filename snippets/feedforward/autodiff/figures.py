"""自动微分页的插图：差分误差随步长 h 的变化；求梯度的运算次数随输入个数 n 的变化。"""

import matplotlib.pyplot as plt

from snippets.feedforward.autodiff.ex01_numerical import errors
from snippets.feedforward.autodiff.ex05_cost import gradient_costs
from snippets.figures import figure

STEPS = [float(f"1e-{k}") for k in range(1, 16)]    # h = 1e-1, ..., 1e-15（十进制字面量，处处相同）
EPS = 2.0 ** -52                                    # float64 的机器精度，约 2.2e-16
SIZES = [1, 2, 5, 10, 20, 50, 100]


def error_curves():
    """返回 h、前向差分误差、中心差分误差（f(x) = x^3 在 x = 1 处）。"""
    forward, central = zip(*errors(STEPS), strict=True)
    return STEPS, list(forward), list(central)


def cost_curves():
    """返回 n、求一次 f、前向模式、反向模式各自的运算次数。"""
    rows = [gradient_costs(n)[:3] for n in SIZES]
    f_ops, forward, reverse = (list(column) for column in zip(*rows, strict=True))
    return SIZES, f_ops, forward, reverse


@figure("difference-error")
def difference_error_figure():
    hs, forward, central = error_curves()
    fig, ax = plt.subplots(figsize=(4.6, 3.9))
    ax.loglog(hs, forward, "o-", markersize=3, label="forward diff.")
    ax.loglog(hs, central, "s-", markersize=3, label="central diff.")
    ax.loglog(hs, [3 * h for h in hs], ":", color="C0", linewidth=1.2, label="$3h$ (truncation)")
    ax.loglog(hs, [h * h for h in hs], ":", color="C1", linewidth=1.2, label="$h^2$ (truncation)")
    ax.loglog(hs, [EPS / h for h in hs], "--", color="C2", linewidth=1.2, label=r"$\epsilon/h$ (rounding)")
    ax.set_xlim(3e-16, 0.3)
    ax.set_ylim(1e-13, 10)
    ax.set_xlabel("step $h$")
    ax.set_ylabel("|error| of $f\\,'(1)$, $f = x^3$")
    ax.legend(loc="upper center", bbox_to_anchor=(0.45, -0.2), ncol=2, handlelength=1.6,
              labelspacing=0.3, columnspacing=1.0)
    return fig


@figure("gradient-cost")
def gradient_cost_figure():
    sizes, f_ops, forward, reverse = cost_curves()
    fig, ax = plt.subplots()
    ax.loglog(sizes, forward, "o-", label="forward mode: $n$ passes")
    ax.loglog(sizes, reverse, "s-", label="reverse mode: 1 + 1 pass")
    ax.loglog(sizes, f_ops, "--", label="one evaluation of $f$")
    ax.set_xlabel("number of inputs $n$")
    ax.set_ylabel("operations for the gradient")
    ax.legend()
    return fig
