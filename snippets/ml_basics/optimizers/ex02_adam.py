"""Adam，按 torch.optim.Adam 的写法：梯度及其平方的指数移动平均，带偏差修正，逐个坐标缩放步长。"""

import numpy as np

from snippets.ml_basics.gradient_descent.ex03_ill_conditioned import H, f_quad, grad_quad  # noqa: F401


# --8<-- [start:adam]
def adam_path(grad, theta0, lr=0.001, betas=(0.9, 0.999), eps=1e-8, steps=100):
    """Adam 的整条路径 θ_0, ..., θ_steps，形状 (steps + 1, D)；默认值与 torch.optim.Adam 相同。"""
    if not lr > 0:
        raise ValueError(f"lr 必须是正数，收到 {lr!r}")
    if not all(0 <= beta < 1 for beta in betas):
        raise ValueError(f"betas 的两个数都必须在 [0, 1) 之中，收到 {betas!r}")
    if not eps >= 0:
        raise ValueError(f"eps 必须是非负数，收到 {eps!r}")
    if not isinstance(steps, int) or steps < 0:
        raise ValueError(f"steps 必须是非负整数，收到 {steps!r}")
    beta1, beta2 = betas
    theta = np.array(theta0, dtype=float)
    M = np.zeros_like(theta)             # 梯度的指数移动平均（一阶矩，相当于动量）
    G = np.zeros_like(theta)             # 梯度平方的指数移动平均（二阶矩），逐个坐标
    path = [theta]
    for t in range(1, steps + 1):        # t 从 1 开始：偏差修正要用到它
        g = grad(theta)
        M = beta1 * M + (1 - beta1) * g
        G = beta2 * G + (1 - beta2) * g ** 2
        M_hat = M / (1 - beta1 ** t)     # 偏差修正：M、G 从 0 出发，前几步偏小
        G_hat = G / (1 - beta2 ** t)
        theta = theta - lr * M_hat / (np.sqrt(G_hat) + eps)
        path.append(theta)
    return np.array(path)
# --8<-- [end:adam]


def main():
    # --8<-- [start:usage]
    path = adam_path(grad_quad, [-5.0, 1.0], lr=0.1, steps=1000)
    print(np.round(path[1] - path[0], 6).tolist())    # 第一步：每个坐标都正好走 lr
    #> [0.1, -0.1]
    f = f_quad(path)
    print(f"{f[100]:.3g}", f"{f[200]:.3g}", int(np.argmax(f < 1e-6)))
    #> 0.00119 8.6e-09 175
    # --8<-- [end:usage]

    # --8<-- [start:torch]
    import torch

    theta = torch.tensor([-5.0, 1.0], dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.Adam([theta], lr=0.1)     # betas=(0.9, 0.999), eps=1e-8
    path_torch = [theta.detach().clone().numpy()]
    for _ in range(200):
        optimizer.zero_grad()
        loss = 0.5 * (torch.from_numpy(H) * theta ** 2).sum()
        loss.backward()
        optimizer.step()
        path_torch.append(theta.detach().clone().numpy())
    path = adam_path(grad_quad, [-5.0, 1.0], lr=0.1, steps=200)
    print(np.abs(path - np.array(path_torch)).max() < 1e-12)
    #> True
    # --8<-- [end:torch]


if __name__ == "__main__":
    main()
