"""torch.compile 不冻结分支：TorchDynamo 在依赖数据的 if 处把图断开（graph break），
条件交给 Python 判断，两边各自成图。"""

from snippets.feedforward.computation_graphs.ex03_tracing import f  # noqa: F401  (页面区段用到)


def main():
    # --8<-- [start:usage_compile]
    import torch._dynamo

    compiled = torch.compile(f, backend="eager")    # eager 后端：只捕获图，不生成机器码，不需要 C 编译器
    for values in ([1.0, 2.0], [-1.0, -2.0]):
        x = torch.tensor(values, requires_grad=True)
        y = compiled(x)
        y.backward()
        print(y.item(), x.grad.tolist())            # 两个输入都走对了分支，梯度也对
    #> 5.0 [2.0, 4.0]
    #> -9.0 [3.0, 3.0]

    explanation = torch._dynamo.explain(f)(torch.tensor([-1.0, -2.0]))
    print(explanation.graph_count, explanation.graph_break_count)   # 两张子图，一处断点
    #> 2 1
    # --8<-- [end:usage_compile]


if __name__ == "__main__":
    main()
