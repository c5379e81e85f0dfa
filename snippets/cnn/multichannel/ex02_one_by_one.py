"""1×1 卷积：在每个像素上对 C_in 个通道做同一个全连接层（C_in -> C_out）。"""


def main():
    # --8<-- [start:one_by_one]
    import torch

    torch.manual_seed(0)
    X = torch.randn(2, 3, 4, 5)                  # X: (N=2, C_in=3, H=4, W=5)
    conv = torch.nn.Conv2d(3, 2, kernel_size=1)  # 1×1 卷积：3 个通道 -> 2 个通道
    dense = torch.nn.Linear(3, 2)                # 全连接层：3 个输入 -> 2 个输出
    with torch.no_grad():                        # 让两者的参数相同
        dense.weight.copy_(conv.weight.view(2, 3))
        dense.bias.copy_(conv.bias)

    Y_conv = conv(X)                             # Y: (2, 2, 4, 5)
    pixels = X.permute(0, 2, 3, 1)               # (N, H, W, C_in)：每个像素一个 3 维向量
    Y_dense = dense(pixels).permute(0, 3, 1, 2)  # 对每个像素做全连接，再放回 (N, C_out, H, W)
    print(Y_conv.shape, torch.allclose(Y_conv, Y_dense, atol=1e-6))
    #> torch.Size([2, 2, 4, 5]) True
    print(sum(p.numel() for p in conv.parameters()))   # 3×2 个权重 + 2 个偏置
    #> 8
    # --8<-- [end:one_by_one]

    # --8<-- [start:bottleneck]
    import torch

    def count(layer):
        return sum(p.numel() for p in layer.parameters())

    print(count(torch.nn.Conv2d(256, 64, 1)), count(torch.nn.Conv2d(256, 64, 3)))
    #> 16448 147520
    # --8<-- [end:bottleneck]


if __name__ == "__main__":
    main()
