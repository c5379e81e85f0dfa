"""AlexNet、VGG-16、ResNet-18/50 的层定义：在 meta 设备上数层数、参数量和乘加次数，不分配内存。"""


# --8<-- [start:networks]
import torch
from torch import nn


def alexnet():
    """AlexNet（torchvision 的写法：没有原版的分组卷积和局部响应归一化）。输入 3×224×224。"""
    return nn.Sequential(
        nn.Conv2d(3, 64, 11, stride=4, padding=2), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.Conv2d(64, 192, 5, padding=2), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.Conv2d(192, 384, 3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(),
        nn.Conv2d(256, 256, 3, padding=1), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.AdaptiveAvgPool2d(6), nn.Flatten(),
        nn.Dropout(), nn.Linear(256 * 6 * 6, 4096), nn.ReLU(),
        nn.Dropout(), nn.Linear(4096, 4096), nn.ReLU(),
        nn.Linear(4096, 1000))


def vgg16():
    """VGG-16：5 段 3×3 卷积（每段后 2×2 最大汇聚），共 13 个卷积层，再接 3 个全连接层。"""
    layers, C = [], 3
    for width, repeat in [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)]:
        for _ in range(repeat):
            layers += [nn.Conv2d(C, width, 3, padding=1), nn.ReLU()]
            C = width
        layers.append(nn.MaxPool2d(2))
    return nn.Sequential(
        *layers, nn.AdaptiveAvgPool2d(7), nn.Flatten(),
        nn.Linear(512 * 7 * 7, 4096), nn.ReLU(), nn.Dropout(),
        nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(),
        nn.Linear(4096, 1000))


class Residual(nn.Module):
    """残差块：输出 ReLU(F(x) + shortcut(x))，shortcut 是恒等映射或 1×1 卷积。"""

    def __init__(self, body, shortcut):
        super().__init__()
        self.body, self.shortcut = body, shortcut

    def forward(self, x):
        return torch.relu(self.body(x) + self.shortcut(x))


def conv_bn(C_in, C_out, K, stride=1):
    """卷积（不带偏置）+ 批量归一化：ResNet 里的基本单元。"""
    return [nn.Conv2d(C_in, C_out, K, stride, padding=K // 2, bias=False), nn.BatchNorm2d(C_out)]


def basic(C_in, C, stride):
    """ResNet-18/34 的残差块：两个 3×3 卷积，输出 C 个通道。"""
    return nn.Sequential(*conv_bn(C_in, C, 3, stride), nn.ReLU(), *conv_bn(C, C, 3)), C


def bottleneck(C_in, C, stride):
    """ResNet-50 的瓶颈块：1×1 降到 C 个通道、3×3、1×1 升到 4C 个通道。"""
    return nn.Sequential(*conv_bn(C_in, C, 1), nn.ReLU(), *conv_bn(C, C, 3, stride), nn.ReLU(),
                         *conv_bn(C, 4 * C, 1)), 4 * C


def resnet(block, repeats):
    """7×7 卷积与汇聚，4 段残差块（每段开头步长 2，第一段除外），全局平均汇聚，一个全连接层。"""
    layers, C_in = [*conv_bn(3, 64, 7, stride=2), nn.ReLU(), nn.MaxPool2d(3, 2, padding=1)], 64
    for stage, (C, n) in enumerate(zip((64, 128, 256, 512), repeats, strict=True)):
        for i in range(n):
            stride = 2 if stage > 0 and i == 0 else 1
            body, C_out = block(C_in, C, stride)
            same = stride == 1 and C_in == C_out
            shortcut = nn.Identity() if same else nn.Sequential(*conv_bn(C_in, C_out, 1, stride))
            layers.append(Residual(body, shortcut))
            C_in = C_out
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(C_in, 1000))
# --8<-- [end:networks]


# --8<-- [start:summary]
def summary(model, shape=(3, 224, 224)):
    """(深度, 参数量, 全连接层的参数占比, 一张图的乘加次数)。深度只数主路上带权重的层。"""
    weighted = [m for name, m in model.named_modules()
                if isinstance(m, nn.Conv2d | nn.Linear) and "shortcut" not in name]
    params = sum(p.numel() for p in model.parameters())
    dense = sum(p.numel() for m in model.modules() if isinstance(m, nn.Linear) for p in m.parameters())
    macs = []

    def count(layer, inputs, output):           # 每个输出元素做多少次乘加
        if isinstance(layer, nn.Conv2d):
            macs.append(output.numel() * layer.in_channels // layer.groups * layer.weight[0, 0].numel())
        else:
            macs.append(layer.in_features * layer.out_features)

    hooks = [m.register_forward_hook(count) for m in model.modules() if isinstance(m, nn.Conv2d | nn.Linear)]
    model(torch.zeros(1, *shape, device="meta"))
    for hook in hooks:
        hook.remove()
    return len(weighted), params, dense / params, sum(macs)
# --8<-- [end:summary]


def main():
    # --8<-- [start:usage]
    with torch.device("meta"):                  # 只记录形状，不分配内存、不做计算
        networks = {"AlexNet": alexnet(), "VGG-16": vgg16(),
                    "ResNet-18": resnet(basic, (2, 2, 2, 2)), "ResNet-50": resnet(bottleneck, (3, 4, 6, 3))}
    print("网络      深度      参数量  全连接  乘加(G)")
    for name, model in networks.items():
        depth, params, dense, macs = summary(model)
        print(f"{name:9s} {depth:4d} {params:>11,d} {dense:7.1%} {macs / 1e9:8.2f}")
    #> 网络      深度      参数量  全连接  乘加(G)
    #> AlexNet      8  61,100,840   96.0%     0.71
    #> VGG-16      16 138,357,544   89.4%    15.47
    #> ResNet-18   18  11,689,512    4.4%     1.81
    #> ResNet-50   50  25,557,032    8.0%     4.09
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
