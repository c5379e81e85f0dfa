"""损失函数的概率视角：高斯噪声下的负对数似然就是平方损失（差一个倍数和常数），类别分布的负对数似然就是交叉熵。"""

import numpy as np

from snippets.ml_basics.elements.ex01_data import make_data  # noqa: F401
from snippets.ml_basics.loss_functions.ex02_cross_entropy import as_class_labels, cross_entropy  # noqa: F401


# --8<-- [start:gaussian]
def gaussian_nll(y, f, sigma):
    """y_n = f_n + ε_n、ε_n ~ N(0, σ²) 时训练集的负对数似然 -Σ_n log p(y_n | x_n)。"""
    y, f = np.asarray(y, dtype=float), np.asarray(f, dtype=float)
    if y.shape != f.shape:
        raise ValueError(f"f 的形状 {f.shape} 必须与 y 的形状 {y.shape} 相同")
    if not sigma > 0:
        raise ValueError(f"sigma 必须是正数，收到 {sigma!r}")
    return float(np.sum((y - f) ** 2 / (2 * sigma ** 2) + np.log(2 * np.pi * sigma ** 2) / 2))
# --8<-- [end:gaussian]


def main():
    # --8<-- [start:usage_gaussian]
    x, y = make_data()                                     # 20 个样本，噪声的标准差是 0.1
    A = np.column_stack([x, np.ones_like(x)])              # 每行 [x_n, 1]
    theta_ls, *_ = np.linalg.lstsq(A, y, rcond=None)       # 最小二乘的解
    sigma = 0.1
    for theta in (theta_ls, np.array([2.0, 1.0]), np.array([1.5, 0.5])):
        f = A @ theta
        nll, sse = gaussian_nll(y, f, sigma), np.sum((y - f) ** 2)
        print(round(nll, 4), round(nll - sse / (2 * sigma ** 2), 4))   # 第二列：与 θ 无关的常数
    #> -23.1774 -27.6729
    #> -22.784 -27.6729
    #> 337.3397 -27.6729

    import torch

    theta = torch.tensor(theta_ls, requires_grad=True)     # 在最小二乘的解上求负对数似然的梯度
    nll = -torch.distributions.Normal(torch.from_numpy(A) @ theta, sigma).log_prob(torch.from_numpy(y)).sum()
    nll.backward()
    print(round(nll.item(), 4), theta.grad.abs().max().item() < 1e-9)
    #> -23.1774 True
    # --8<-- [end:usage_gaussian]

    # --8<-- [start:usage_categorical]
    import torch
    import torch.nn.functional as F

    logits = np.array([[2.0, 1.0, 0.1],                     # 与多分类交叉熵的例子相同
                       [0.5, 2.5, 0.3],
                       [1.0, 1.0, 1.0]])
    y = np.array([0, 2, 1])
    z, t = torch.from_numpy(logits), torch.from_numpy(y)
    nll = -torch.distributions.Categorical(logits=z).log_prob(t)   # 类别分布的负对数似然
    picked = -torch.log_softmax(z, dim=1)[torch.arange(3), t]      # 在标签处取 -log softmax
    print(np.round(nll.numpy(), 4).tolist())
    #> [0.417, 2.42, 1.0986]
    print(torch.allclose(nll, picked), torch.allclose(nll, F.cross_entropy(z, t, reduction="none")),
          np.allclose(nll.numpy(), cross_entropy(y, logits)))
    #> True True True
    # --8<-- [end:usage_categorical]


if __name__ == "__main__":
    main()
