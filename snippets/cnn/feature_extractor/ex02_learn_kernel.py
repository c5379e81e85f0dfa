"""从数据中学出一个卷积核：随机初始化的 3×3 卷积层，用梯度下降拟合 Sobel 算子的特征映射。"""


def main():
    # --8<-- [start:learn]
    import torch
    import torch.nn.functional as F

    torch.manual_seed(0)
    X = torch.randn(1, 1, 10, 10, dtype=torch.float64)       # X: (N, C, H, W)，一幅随机图像
    sobel_x = torch.tensor([[-1.0, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=torch.float64)
    # 目标特征映射：用书中按定义的卷积（先把核旋转 180°）算出来
    Y = F.conv2d(X, sobel_x.flip(-2, -1).view(1, 1, 3, 3))  # Y: (1, 1, 8, 8)

    conv = torch.nn.Conv2d(1, 1, 3, bias=False, dtype=torch.float64)   # 随机初始化的核
    optimizer = torch.optim.SGD(conv.parameters(), lr=0.3)
    for step in range(100):
        loss = F.mse_loss(conv(X), Y)          # 平方误差
        if step in (0, 10):
            print(step, f"{loss.item():.3g}")
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    #> 0 17.6
    #> 10 5.3e-07
    print(loss.item() < 1e-12)
    #> True
    print((conv.weight[0, 0].detach().round(decimals=2) + 0.0).tolist())
    #> [[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]]
    # --8<-- [end:learn]


if __name__ == "__main__":
    main()
