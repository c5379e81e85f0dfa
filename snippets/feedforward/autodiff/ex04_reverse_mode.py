"""反向模式自动微分：前向计算时记下每个中间变量和它的局部导数，再从输出往回一次求出全部偏导数。"""

# --8<-- [start:var]
import math


class Var:
    """计算图上的一个节点：val 是值，parents 是 (父节点, 局部导数) 对，grad 是伴随值 d(输出)/d(本节点)。"""

    ops = 0                                   # 做过的基本运算次数（前向 + 反向，比较代价时用）

    def __init__(self, val, parents=()):
        self.val, self.parents, self.grad = float(val), parents, 0.0

    def __add__(self, other):                 # d(u + v)/du = 1，d(u + v)/dv = 1
        Var.ops += 1
        other = as_var(other)
        return Var(self.val + other.val, ((self, 1.0), (other, 1.0)))

    def __mul__(self, other):                 # d(u v)/du = v，d(u v)/dv = u
        Var.ops += 1
        other = as_var(other)
        return Var(self.val * other.val, ((self, other.val), (other, self.val)))

    def __neg__(self):
        Var.ops += 1
        return Var(-self.val, ((self, -1.0),))

    def __rtruediv__(self, c):                # d(c / u)/du = -c / u^2
        Var.ops += 1
        return Var(c / self.val, ((self, -c / self.val ** 2),))

    def exp(self):                            # d(e^u)/du = e^u
        Var.ops += 1
        e = math.exp(self.val)
        return Var(e, ((self, e),))

    __radd__, __rmul__ = __add__, __mul__


def as_var(x):
    return x if isinstance(x, Var) else Var(x)


def backward(y):
    """从输出 y 出发，按拓扑序的逆序把伴随值传给父节点：parent.grad += 局部导数 * node.grad。"""
    order, seen = [], set()

    def visit(node):                          # 深度优先：父节点排在子节点前面
        if id(node) not in seen:
            seen.add(id(node))
            for parent, _ in node.parents:
                visit(parent)
            order.append(node)

    visit(y)
    y.grad = 1.0                              # d y / d y = 1
    for node in reversed(order):
        if node.parents:
            Var.ops += 1                      # 每个运算节点在反向时处理一次
        for parent, local in node.parents:
            parent.grad += local * node.grad
# --8<-- [end:var]


# --8<-- [start:unit]
def logistic_unit(x, w, b):
    """书中的例子 f(x; w, b) = 1 / (exp(-(w x + b)) + 1)。"""
    return 1 / ((-(w * x + b)).exp() + 1)
# --8<-- [end:unit]


def main():
    # --8<-- [start:usage]
    x, w, b = Var(1.0), Var(0.0), Var(0.0)
    f = logistic_unit(x, w, b)                    # 前向：算出值，同时记下计算图
    backward(f)                                   # 反向：一次得到对所有输入的偏导数
    print(f.val, w.grad, b.grad, x.grad)
    #> 0.5 0.25 0.25 0.0
    # --8<-- [end:usage]

    # --8<-- [start:torch_check]
    import torch

    values = (0.7, -1.3, 0.4)                     # 随便取一个点
    ours = [Var(v) for v in values]
    backward(logistic_unit(*ours))
    theirs = [torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in values]
    x, w, b = theirs
    (1 / (torch.exp(-(w * x + b)) + 1)).backward()   # 同一个公式交给 PyTorch 的 autograd
    print(all(abs(v.grad - t.grad.item()) < 1e-12 for v, t in zip(ours, theirs, strict=True)))
    #> True
    # --8<-- [end:torch_check]


if __name__ == "__main__":
    main()
