"""计算图页的插图：玩具静态图（两条分支都在图里）与 PyTorch 两次运行各自记录的动态图。"""

import matplotlib.pyplot as plt
import torch

from snippets.feedforward.computation_graphs.ex01_static_graph import cond, placeholder
from snippets.feedforward.computation_graphs.ex02_define_by_run import f, recorded_ops
from snippets.figures import figure

SYMBOLS = {"add": "+", "mul": "*", "gt": ">", "sum": "sum", "cond": "cond"}


def static_graph():
    """玩具静态图的节点与边：返回 {id: (标签, 层号)} 和 [(输入 id, 输出 id)]。"""
    x = placeholder("x")
    y = cond(x.sum() > 0, (x * x).sum(), (x * 3).sum())
    nodes, edges = {}, []

    def visit(node):
        if id(node) in nodes:
            return nodes[id(node)][1]
        layer = 1 + max((visit(i) for i in node.inputs), default=-1)
        if node.op == "placeholder":
            label = node.name
        elif node.op == "const":
            label = f"{node.name:g}"
        else:
            label = SYMBOLS[node.op]
        nodes[id(node)] = (label, layer)
        edges.extend((id(i), id(node)) for i in node.inputs)
        return layer

    visit(y)
    return nodes, edges


def dynamic_graphs():
    """两次运行各自记录的运算（从输入到输出的顺序）。"""
    out = {}
    for values in ([1.0, 2.0], [-1.0, -2.0]):
        x = torch.tensor(values, requires_grad=True)
        out[tuple(values)] = ["x"] + [n.replace("Backward0", "") for n in recorded_ops(f(x))[::-1][1:]]
    return out


def _box(ax, xy, text, color):
    ax.annotate(text, xy, ha="center", va="center", fontsize=10,
                bbox={"boxstyle": "round,pad=0.35", "fc": "none", "ec": color, "lw": 1.5})


def _arrow(ax, start, end, color):
    ax.annotate("", end, start, arrowprops={"arrowstyle": "->", "color": color, "lw": 1.2,
                                            "shrinkA": 14, "shrinkB": 14})


@figure("static-graph")
def static_graph_figure():
    nodes, edges = static_graph()
    by_layer = {}
    for key, (_, layer) in nodes.items():
        by_layer.setdefault(layer, []).append(key)
    pos = {key: (layer, (len(keys) - 1) / 2 - i)
           for layer, keys in by_layer.items() for i, key in enumerate(keys)}
    fig, ax = plt.subplots(figsize=(4.6, 2.9))
    for a, b in edges:
        _arrow(ax, pos[a], pos[b], "C0")
        if nodes[b][0] == "cond":                  # cond 的三个输入：条件、两条分支
            role = ("if", "then", "else")[[e for e in edges if e[1] == b].index((a, b))]
            (x0, y0), (x1, y1) = pos[a], pos[b]
            ax.annotate(role, (0.6 * x0 + 0.4 * x1, 0.6 * y0 + 0.4 * y1 + 0.16),
                        ha="center", color="C1")
    for key, (label, _) in nodes.items():
        _box(ax, pos[key], label, "C1" if label == "cond" else "C0")
    ax.set_title("static: defined before any data (both branches + cond)")
    ax.set_xlim(-0.5, max(by_layer) + 0.5)
    ax.set_ylim(-1.8, 1.8)
    ax.set_axis_off()
    return fig


@figure("dynamic-graphs")
def dynamic_graphs_figure():
    fig, axes = plt.subplots(1, 2, figsize=(4.6, 2.6))
    for ax, (values, ops) in zip(axes, dynamic_graphs().items(), strict=True):
        color = f"C{2 if values[0] > 0 else 3}"
        for i, op in enumerate(ops):
            if i:
                _arrow(ax, (0, -(i - 1)), (0, -i), color)
            _box(ax, (0, -i), op, color)
        ax.set_title(f"recorded for\nx = [{values[0]:g}, {values[1]:g}]")
        ax.set_xlim(-1, 1)
        ax.set_ylim(-len(ops) + 0.5, 0.5)
        ax.set_axis_off()
    return fig
