"""动量法，按 torch.optim.SGD(lr=α, momentum=μ) 的写法：v ← μv + g，θ ← θ − αv。"""

import numpy as np

from snippets.ml_basics.gradient_descent.ex03_ill_conditioned import H, f_quad, grad_quad  # noqa: F401


# --8<-- [start:momentum]
def momentum_path(grad, theta0, lr, mu=0.9, steps=100):
    """动量法的整条路径 θ_0, ..., θ_steps，形状 (steps + 1, D)；mu = 0 就是梯度下降。"""
    if not lr > 0:
        raise ValueError(f"lr 必须是正数，收到 {lr!r}")
    if not 0 <= mu < 1:
        raise ValueError(f"mu 必须在 [0, 1) 之中，收到 {mu!r}")
    if not isinstance(steps, int) or steps < 0:
        raise ValueError(f"steps 必须是非负整数，收到 {steps!r}")
    theta = np.array(theta0, dtype=float)
    v = np.zeros_like(theta)             # “速度”：过去梯度的加权和，从 0 开始
    path = [theta]
    for _ in range(steps):
        v = mu * v + grad(theta)         # 方向一致的分量越积越大，来回翻转的分量互相抵消
        theta = theta - lr * v
        path.append(theta)
    return np.array(path)
# --8<-- [end:momentum]


def main():
    # --8<-- [start:usage]
    for mu in (0.0, 0.9):                # mu = 0 是普通的梯度下降
        f = f_quad(momentum_path(grad_quad, [-5.0, 1.0], lr=0.019, mu=mu, steps=1000))
        print(mu, f"{f[100]:.3g}", f"{f[200]:.3g}", int(np.argmax(f < 1e-6)))   # 第几步起 f < 1e-6
    #> 0.0 0.27 0.00581 426
    #> 0.9 0.00167 3.96e-08 171

    v = 0.0
    for _ in range(50):
        v = 0.9 * v + 1.0                # 梯度一直是 1：v 趋于 1/(1 - 0.9) = 10
    print(round(v, 4))
    #> 9.9485
    # --8<-- [end:usage]

    # --8<-- [start:torch]
    import torch

    theta = torch.tensor([-5.0, 1.0], dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([theta], lr=0.019, momentum=0.9)
    path_torch = [theta.detach().clone().numpy()]
    for _ in range(200):
        optimizer.zero_grad()
        loss = 0.5 * (torch.from_numpy(H) * theta ** 2).sum()    # 同一个 f(θ)
        loss.backward()
        optimizer.step()
        path_torch.append(theta.detach().clone().numpy())
    path = momentum_path(grad_quad, [-5.0, 1.0], lr=0.019, mu=0.9, steps=200)
    print(np.abs(path - np.array(path_torch)).max() < 1e-12)
    #> True
    # --8<-- [end:torch]


if __name__ == "__main__":
    main()
