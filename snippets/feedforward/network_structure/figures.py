"""前馈网络结构页的插图：2-3-1 网络的神经元与连接。"""

import math

import matplotlib.pyplot as plt

from snippets.feedforward.network_structure.ex03_param_count import check_sizes, count_params
from snippets.figures import figure


GAP = 2.0      # 相邻两层之间的水平距离（纵向相邻神经元的距离为 1）


def layout(sizes):
    """每层神经元画在一列上。返回 {(层, 序号): (x, y)} 和连接 [((l-1, i), (l, j)), ...]。

    只有相邻两层之间有连接（全连接），同一层内没有，也没有从后往前的连接。
    """
    sizes = check_sizes(sizes)
    nodes = {}
    for l, M in enumerate(sizes):
        for i in range(M):
            nodes[(l, i)] = (GAP * l, (M - 1) / 2 - i)     # 每列上下居中
    edges = [((l - 1, i), (l, j))
             for l in range(1, len(sizes)) for i in range(sizes[l - 1]) for j in range(sizes[l])]
    return nodes, edges


@figure("net-2-3-1")
def network_figure(sizes=(2, 3, 1)):
    nodes, edges = layout(sizes)
    fig, ax = plt.subplots(figsize=(5.6, 5.0))
    r = 0.28                                      # 神经元圆圈的半径：连线画到圆周为止
    for (l0, i), (l1, j) in edges:
        (x0, y0), (x1, y1) = nodes[(l0, i)], nodes[(l1, j)]
        length = math.hypot(x1 - x0, y1 - y0)
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        ax.plot([x0 + r * ux, x1 - r * ux], [y0 + r * uy, y1 - r * uy],
                color=f"C{l1 - 1}", linewidth=1.2, alpha=0.8)
    names = {0: "x", len(sizes) - 1: "y"}
    for (l, i), (x, y) in nodes.items():
        ax.add_patch(plt.Circle((x, y), r, fill=False, edgecolor=f"C{min(l, 5)}", linewidth=2))
        label = f"${names.get(l, 'a')}_{i + 1}$" if l in names else f"$a^{{({l})}}_{i + 1}$"
        ax.annotate(label, (x, y), ha="center", va="center", fontsize=12)
    for l, M in enumerate(sizes):
        caption = "input" if l == 0 else "output" if l == len(sizes) - 1 else "hidden"
        ax.annotate(f"{caption}\n$M_{l}={M}$", (GAP * l, -max(sizes) / 2 - 0.1), ha="center", va="top")
    for l in range(1, len(sizes)):
        ax.annotate(f"$W^{{({l})}}\\in \\mathbb{{R}}^{{{sizes[l]}\\times{sizes[l - 1]}}}$\n"
                    f"$b^{{({l})}}\\in \\mathbb{{R}}^{{{sizes[l]}}}$",
                    (GAP * (l - 0.5), max(sizes) / 2 + 0.05), ha="center", va="bottom",
                    color=f"C{l - 1}", fontsize=11)
    ax.set_title(f"{'-'.join(map(str, sizes))} network: {count_params(sizes)} parameters")
    ax.set_xlim(-0.6, GAP * (len(sizes) - 1) + 0.6)
    ax.set_ylim(-max(sizes) / 2 - 1.0, max(sizes) / 2 + 0.9)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return fig
