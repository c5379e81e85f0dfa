"""一个玩具式的静态计算图：先定义整张图（没有数据），再喂入数据运行（define-and-run）。

TensorFlow 1.x、Theano 的工作方式与此相同：分支也必须是图中的一个节点（如 tf.cond），
Python 的 if 在定义阶段无从判断，因为那时还没有任何数值。
"""

# --8<-- [start:graph]
import numpy as np

OPS = {"add": np.add, "mul": np.multiply, "gt": np.greater, "sum": np.sum}


class Node:
    """图中的一个节点：只记录“做什么运算、输入是谁”，不保存数值。"""

    def __init__(self, op, *inputs, name=None):
        self.op, self.inputs, self.name = op, inputs, name

    def __add__(self, other):
        return Node("add", self, as_node(other))

    def __mul__(self, other):
        return Node("mul", self, as_node(other))

    def __gt__(self, other):
        return Node("gt", self, as_node(other))

    def sum(self):
        return Node("sum", self)

    def __bool__(self):
        raise TypeError("定义阶段的节点还没有值，不能用在 Python 的 if 里；请用 cond 节点表达分支")


def as_node(value):
    return value if isinstance(value, Node) else Node("const", name=value)


def placeholder(name):
    """占位符：运行时才从 feed 里取值。"""
    return Node("placeholder", name=name)


def cond(pred, if_true, if_false):
    """分支也是一个节点：两条分支都事先定义在图里，运行时按 pred 的值只执行其中一条。"""
    return Node("cond", pred, if_true, if_false)


def run(node, feed):
    """运行阶段：给占位符喂入数据，从输出节点递归地求值。"""
    if node.op == "placeholder":
        if node.name not in feed:
            raise ValueError(f"feed 缺少占位符 {node.name!r} 的值")
        return np.asarray(feed[node.name], dtype=float)
    if node.op == "const":
        return node.name
    if node.op == "cond":
        pred, if_true, if_false = node.inputs
        return run(if_true if run(pred, feed) else if_false, feed)
    return OPS[node.op](*(run(i, feed) for i in node.inputs))


def ops_in(node):
    """整张图的所有运算（后序遍历，去重）：运行之前就能看到、也就能优化。"""
    seen, order = set(), []

    def visit(n):
        if id(n) in seen:
            return
        seen.add(id(n))
        for i in n.inputs:
            visit(i)
        order.append(n.op)

    visit(node)
    return order
# --8<-- [end:graph]


def main():
    # --8<-- [start:usage]
    x = placeholder("x")                                 # 定义阶段：此时没有任何数据
    y = cond(x.sum() > 0, (x * x).sum(), (x * 3).sum())  # 两条分支都画进图里
    print(ops_in(y))
    #> ['placeholder', 'sum', 'const', 'gt', 'mul', 'sum', 'const', 'mul', 'sum', 'cond']

    print(run(y, {"x": [1.0, 2.0]}), run(y, {"x": [-1.0, -2.0]}))   # 运行阶段：同一张图反复使用
    #> 5.0 -9.0

    try:
        if x.sum() > 0:                                  # 定义阶段不能用 Python 的 if
            pass
    except TypeError as error:
        print(error)
    #> 定义阶段的节点还没有值，不能用在 Python 的 if 里；请用 cond 节点表达分支
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
