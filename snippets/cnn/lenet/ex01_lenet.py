"""LeNet-5：卷积 → 激活 → 汇聚，重复两次，再接全连接层；逐层用公式算形状和参数量。"""

# --8<-- [start:lenet]
import torch
from torch import nn


def lenet5():
    """LeNet-5 的现代写法：输入 1×32×32，输出 10 个类别的得分。"""
    return nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5),        # C1：6@28×28
        nn.Tanh(),
        nn.AvgPool2d(2),                       # S2：6@14×14
        nn.Conv2d(6, 16, kernel_size=5),       # C3：16@10×10
        nn.Tanh(),
        nn.AvgPool2d(2),                       # S4：16@5×5
        nn.Conv2d(16, 120, kernel_size=5),     # C5：120@1×1
        nn.Tanh(),
        nn.Flatten(),                          # 120
        nn.Linear(120, 84),                    # F6
        nn.Tanh(),
        nn.Linear(84, 10),                     # 输出层
    )
# --8<-- [end:lenet]


# --8<-- [start:trace]
def output_size(M, K, S=1, P=0):
    """输出边长 floor((M + 2P - K) / S) + 1。"""
    if S < 1:
        raise ValueError(f"S 必须是正整数，收到 {S}")
    if P < 0:
        raise ValueError(f"P 必须是非负整数，收到 {P}")
    if K > M + 2 * P:
        raise ValueError(f"K={K} 大于补零后的输入边长 M+2P={M + 2 * P}")
    return (M + 2 * P - K) // S + 1


def layer_by_layer(model, shape):
    """每一层的 (名字, 输出形状, 参数量)，全部由公式算出，不运行网络。shape = (C, H, W)。"""
    if len(shape) != 3:
        raise ValueError(f"shape 必须是 (C, H, W)，收到 {shape}")
    rows = []
    for layer in model:
        if isinstance(layer, nn.Conv2d):
            (K, _), (S, _), (P, _) = layer.kernel_size, layer.stride, layer.padding
            C_in, H, W = shape
            if layer.in_channels != C_in:
                raise ValueError(f"model 的卷积层要 {layer.in_channels} 个输入通道，收到 {C_in}")
            shape = (layer.out_channels, output_size(H, K, S, P), output_size(W, K, S, P))
            params = (C_in * K * K + 1) * layer.out_channels        # (C_in·K·K + 1)·C_out
        elif isinstance(layer, nn.AvgPool2d | nn.MaxPool2d):
            C, H, W = shape
            K, S = layer.kernel_size, layer.stride
            shape, params = (C, output_size(H, K, S), output_size(W, K, S)), 0
        elif isinstance(layer, nn.Flatten):
            shape, params = (shape[0] * shape[1] * shape[2],), 0
        elif isinstance(layer, nn.Linear):
            shape, params = (layer.out_features,), (layer.in_features + 1) * layer.out_features
        else:                                                        # 激活函数：形状不变，没有参数
            params = 0
        rows.append((type(layer).__name__, shape, params))
    return rows
# --8<-- [end:trace]


def main():
    # --8<-- [start:usage]
    model = lenet5()
    rows = layer_by_layer(model, (1, 32, 32))
    for name, shape, params in rows:
        print(f"{name:9s} {str(shape):13s} {params}")
    #> Conv2d    (6, 28, 28)   156
    #> Tanh      (6, 28, 28)   0
    #> AvgPool2d (6, 14, 14)   0
    #> Conv2d    (16, 10, 10)  2416
    #> Tanh      (16, 10, 10)  0
    #> AvgPool2d (16, 5, 5)    0
    #> Conv2d    (120, 1, 1)   48120
    #> Tanh      (120, 1, 1)   0
    #> Flatten   (120,)        0
    #> Linear    (84,)         10164
    #> Tanh      (84,)         0
    #> Linear    (10,)         850
    print("参数总数:", sum(p for _, _, p in rows))
    #> 参数总数: 61706

    # 对照：真正的前向计算给出的形状，与 numel() 数出的参数量
    x = torch.zeros(1, 1, 32, 32)
    same = []
    for layer, (_, shape, params) in zip(model, rows, strict=True):
        x = layer(x)
        same.append(tuple(x.shape[1:]) == shape and sum(p.numel() for p in layer.parameters()) == params)
    print(all(same), sum(p.numel() for p in model.parameters()))
    #> True 61706
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
