"""梯度怎样穿过汇聚层：最大汇聚只把梯度交给窗口里的最大值，平均汇聚平分给 K² 个输入。"""

# --8<-- [start:backward]
import numpy as np


def pool2d_backward(X, dY, K, mode="max"):
    """X: (H, W) 的 K×K、步长 K 的汇聚（无填充），已知 dY = ∂L/∂Y，返回 ∂L/∂X。"""
    X, dY = np.asarray(X, dtype=float), np.asarray(dY, dtype=float)
    if dY.shape != (X.shape[0] // K, X.shape[1] // K):
        raise ValueError(f"dY 的形状必须是 {(X.shape[0] // K, X.shape[1] // K)}，收到 {dY.shape}")
    dX = np.zeros_like(X)
    for i in range(dY.shape[0]):
        for j in range(dY.shape[1]):
            window = X[i * K:(i + 1) * K, j * K:(j + 1) * K]
            if mode == "max":                                    # 只有最大值那一格拿到梯度
                u, v = np.unravel_index(window.argmax(), window.shape)
                dX[i * K + u, j * K + v] += dY[i, j]
            else:                                                # 平均：每格拿 1/K²
                dX[i * K:(i + 1) * K, j * K:(j + 1) * K] += dY[i, j] / K**2
    return dX
# --8<-- [end:backward]


def main():
    # --8<-- [start:usage]
    import torch
    import torch.nn.functional as F

    X = np.array([[1.0, 3, 2, 1],
                  [4, 2, 0, 1],
                  [5, 6, 1, 2],
                  [0, 2, 3, 4]])
    dY = np.array([[1.0, 2], [3, 4]])                 # 假设上一层传回的 ∂L/∂Y
    print(pool2d_backward(X, dY, K=2).tolist())
    #> [[0.0, 0.0, 2.0, 0.0], [1.0, 0.0, 0.0, 0.0], [0.0, 3.0, 0.0, 0.0], [0.0, 0.0, 0.0, 4.0]]
    print(pool2d_backward(X, dY, K=2, mode="avg").tolist())
    #> [[0.25, 0.25, 0.5, 0.5], [0.25, 0.25, 0.5, 0.5], [0.75, 0.75, 1.0, 1.0], [0.75, 0.75, 1.0, 1.0]]

    Xt = torch.tensor(X, requires_grad=True)
    for mode, pool in [("max", F.max_pool2d), ("avg", F.avg_pool2d)]:
        Y = pool(Xt[None, None], 2)[0, 0]
        (grad,) = torch.autograd.grad(Y, Xt, torch.from_numpy(dY))   # 自动微分：∂L/∂X
        print(mode, np.array_equal(grad.numpy(), pool2d_backward(X, dY, 2, mode)))
    #> max True
    #> avg True
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
