"""同样的小批量随机梯度下降，用 PyTorch 的 DataLoader、nn.Linear 和 optim.SGD 来写。"""


def main():
    # --8<-- [start:torch]
    import torch
    from torch import nn

    torch.manual_seed(0)
    N = 200
    x = torch.rand(N, 1) * 2 - 1                      # x: (N, 1)，在 [-1, 1] 上均匀分布
    y = 2 * x + 1 + 0.1 * torch.randn(N, 1)           # y: (N, 1)

    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(x, y), batch_size=10, shuffle=True)  # 打乱 + 分批
    model = nn.Linear(1, 1)                           # f(x) = w x + b
    loss_fn = nn.MSELoss()                            # 小批量上的平均平方误差
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

    for _ in range(20):                               # 20 轮
        for xb, yb in loader:
            optimizer.zero_grad()                     # 清掉上一步的梯度
            loss = loss_fn(model(xb), yb)
            loss.backward()                           # 反向传播求梯度
            optimizer.step()                          # w <- w - lr * grad

    A = torch.cat([x, torch.ones(N, 1)], dim=1)       # 闭式解，作为对照
    w_ls, b_ls = torch.linalg.lstsq(A, y).solution.flatten().tolist()
    w, b = model.weight.item(), model.bias.item()
    print(round(w, 3), round(b, 3), round(w_ls, 3), round(b_ls, 3))
    #> 2.001 0.993 2.009 0.992
    print(abs(w - w_ls) < 0.02 and abs(b - b_ls) < 0.02)
    #> True
    # --8<-- [end:torch]
    return w, b, w_ls, b_ls


if __name__ == "__main__":
    main()
