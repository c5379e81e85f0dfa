"""手写反向传播的梯度与 PyTorch 自动微分逐元素比较（float64）。"""

import numpy as np

from snippets.feedforward.backprop.ex01_backprop import (  # noqa: F401  (页面区段用到)
    ACTIVATIONS,
    check_batch,
    cross_entropy,
    gradients,
    init_params,
    sigmoid,
    softmax,
    step1_backward_errors,
    step3_param_grads,
    step4_forward,
)


# --8<-- [start:autograd]
import torch
import torch.nn.functional as F


def autograd_gradients(X, y, params, act="sigmoid"):
    """同一个网络用 PyTorch 搭一遍，让 autograd 求平均交叉熵对每个参数的梯度。"""
    X, y = check_batch(X, y, params)
    f = {"sigmoid": torch.sigmoid, "tanh": torch.tanh}[act]
    tensors = [(torch.tensor(W, requires_grad=True), torch.tensor(b, requires_grad=True))
               for W, b in params]
    A = torch.from_numpy(X)                             # (M_0, N)：仍然每列一个样本
    for l, (W, b) in enumerate(tensors, start=1):
        Z = W @ A + b[:, None]
        A = Z if l == len(tensors) else f(Z)            # 最后一层保留得分，softmax 交给损失函数
    loss = F.cross_entropy(A.T, torch.from_numpy(y))    # cross_entropy 要求每行一个样本
    loss.backward()
    return loss.item(), [(W.grad.numpy(), b.grad.numpy()) for W, b in tensors]
# --8<-- [end:autograd]


def main():
    # --8<-- [start:usage]
    rng = np.random.default_rng(0)
    X = rng.standard_normal((3, 5))
    y = np.array([0, 1, 1, 0, 1])
    params = init_params([3, 4, 2])

    ours_loss, ours = gradients(X, y, params)
    torch_loss, theirs = autograd_gradients(X, y, params)
    print(abs(ours_loss - torch_loss) < 1e-12)
    #> True
    flat = lambda grads: [g for pair in grads for g in pair]   # noqa: E731  [dW1, db1, dW2, db2]
    pairs = zip(flat(ours), flat(theirs), strict=True)
    print(all(np.allclose(g1, g2, rtol=0, atol=1e-6) for g1, g2 in pairs))
    #> True
    print([(dW.shape, db.shape) for dW, db in ours])     # 与 W^(l)、b^(l) 的形状一一对应
    #> [((4, 3), (4,)), ((2, 4), (2,))]
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
