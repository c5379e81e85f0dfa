"""典型卷积网络页的插图：LeNet-5 每层的参数与同样大小的全连接层；几个网络的深度与参数量。"""

import matplotlib.pyplot as plt
import numpy as np
import torch

from snippets.cnn.lenet.ex01_lenet import lenet5
from snippets.cnn.lenet.ex03_versus_dense import dense_equivalent
from snippets.cnn.lenet.ex04_later_networks import alexnet, basic, bottleneck, resnet, summary, vgg16
from snippets.figures import figure

LAYER_NAMES = ["C1", "C3", "C5", "F6", "out"]


def network_points():
    """(名字, 深度, 参数量)：LeNet-5 加上四个后来的网络。"""
    lenet = lenet5()
    points = [("LeNet-5", 5, sum(p.numel() for p in lenet.parameters()))]
    with torch.device("meta"):
        models = {"AlexNet": alexnet(), "VGG-16": vgg16(), "ResNet-18": resnet(basic, (2, 2, 2, 2)),
                  "ResNet-50": resnet(bottleneck, (3, 4, 6, 3))}
    for name, model in models.items():
        depth, params, _, _ = summary(model)
        points.append((name, depth, params))
    return points


@figure("params-per-layer")
def params_per_layer_figure():
    rows = dense_equivalent(lenet5(), (1, 32, 32))
    own, dense = [r[3] for r in rows], [r[4] for r in rows]
    x = np.arange(len(rows))
    fig, ax = plt.subplots()
    ax.bar(x - 0.2, own, width=0.4, color="C0", label="LeNet-5 layer")
    ax.bar(x + 0.2, dense, width=0.4, color="C1", label="fully connected, same sizes")
    ax.set_yscale("log")
    ax.set_xticks(x, LAYER_NAMES)
    ax.set_ylabel("parameters")
    ax.set_ylim(1e2, 3e7)
    ax.legend(loc="upper right")
    ax.grid(axis="x", visible=False)
    return fig


@figure("networks")
def networks_figure():
    points = network_points()
    fig, ax = plt.subplots()
    offsets = {"LeNet-5": (6, -4), "AlexNet": (6, 4), "VGG-16": (6, 4), "ResNet-18": (6, -12),
               "ResNet-50": (-8, 8)}
    for i, (name, depth, params) in enumerate(points):
        ax.scatter(depth, params, s=50, color=f"C{i}", zorder=3)
        dx, dy = offsets[name]
        ax.annotate(name, (depth, params), xytext=(dx, dy), textcoords="offset points",
                    ha="right" if dx < 0 else "left")
    ax.set_yscale("log")
    ax.set_xlabel("depth (layers with weights)")
    ax.set_ylabel("parameters")
    ax.set_xlim(0, 56)
    ax.set_ylim(2e4, 6e8)
    return fig
