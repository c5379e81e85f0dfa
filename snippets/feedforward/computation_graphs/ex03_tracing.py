"""把动态图“冻结”成静态图：torch.jit.trace 只记录示例输入走过的那条分支；
torch.fx 的符号追踪遇到依赖数据的分支则直接报错。"""

# --8<-- [start:branchy]
import torch
import torch.fx


def f(x):
    """与上一节的 f 相同：分支取决于数据。"""
    if x.sum() > 0:
        return (x ** 2).sum()
    return (3 * x).sum()
# --8<-- [end:branchy]


def main():
    # --8<-- [start:usage_trace]
    # 用一个和为正的示例输入追踪：Python 的 if 只在追踪时执行一次，结果被当成常量
    traced = torch.jit.trace(f, torch.tensor([1.0, 2.0]))   # stderr 上会出现 TracerWarning
    print(traced.code)
    #> def f(x: Tensor) -> Tensor:
    #>   return torch.sum(torch.pow(x, 2))
    #>

    x = torch.tensor([-1.0, -2.0], requires_grad=True)      # 和为负：本该走 3 * x 的分支
    y = traced(x)
    y.backward()
    print(y.item(), f(x).item(), x.grad.tolist())           # 追踪版仍算平方和，梯度也是 2x
    #> 5.0 -9.0 [-2.0, -4.0]
    # --8<-- [end:usage_trace]

    # --8<-- [start:usage_fx]
    try:
        torch.fx.symbolic_trace(f)          # 用不带数值的“代理”对象执行 f
    except torch.fx.proxy.TraceError as error:
        print(type(error).__name__, "|", error)
    #> TraceError | symbolically traced variables cannot be used as inputs to control flow
    # --8<-- [end:usage_fx]


if __name__ == "__main__":
    main()
