"""PyTorch 的动态计算图（define-by-run）：图在运行时随代码一起建出，分支和循环就是普通的 Python。"""

# --8<-- [start:branch]
import torch


def f(x):
    """数据决定走哪条分支：和为正时算平方和，否则算 3 倍之和。"""
    if x.sum() > 0:
        return (x ** 2).sum()
    return (3 * x).sum()


def recorded_ops(y):
    """从输出沿 grad_fn 往回走，列出这一次运行实际记录下来的运算。"""
    names, fn = [], y.grad_fn
    while fn is not None:
        names.append(type(fn).__name__)
        fn = fn.next_functions[0][0] if fn.next_functions else None
    return names
# --8<-- [end:branch]


# --8<-- [start:loop]
import torch


def double_until(x, limit=10.0):
    """把 x 不断翻倍，直到范数不小于 limit：循环几次由数据决定，图的深度也随之不同。"""
    if not limit > 0:
        raise ValueError(f"limit 必须是正数，收到 {limit}")
    if not torch.any(x != 0):
        raise ValueError("x 不能全为 0，否则永远翻倍不到 limit")
    steps = 0
    while x.norm() < limit:
        x = x * 2
        steps += 1
    return x.sum(), steps
# --8<-- [end:loop]


def main():
    # --8<-- [start:usage_branch]
    for values in ([1.0, 2.0], [-1.0, -2.0]):
        x = torch.tensor(values, requires_grad=True)
        y = f(x)
        y.backward()                              # 沿这一次实际走过的分支求导
        print(y.item(), x.grad.tolist(), recorded_ops(y))
    #> 5.0 [2.0, 4.0] ['SumBackward0', 'PowBackward0', 'AccumulateGrad']
    #> -9.0 [3.0, 3.0] ['SumBackward0', 'MulBackward0', 'AccumulateGrad']
    # --8<-- [end:usage_branch]

    # --8<-- [start:usage_loop]
    for values in ([3.0, 4.0], [0.3, 0.4]):
        x = torch.tensor(values, requires_grad=True)
        y, steps = double_until(x)
        y.backward()                              # 梯度 = 2^steps，每一步都被记录了
        print(steps, x.grad.tolist())
    #> 1 [2.0, 2.0]
    #> 5 [32.0, 32.0]
    # --8<-- [end:usage_loop]


if __name__ == "__main__":
    main()
