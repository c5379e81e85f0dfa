"""梯度检验：用中心差分数值地估计每个参数的偏导数，与反向传播的结果比较。"""

import numpy as np

from snippets.feedforward.backprop.ex01_backprop import (  # noqa: F401  (页面区段用到)
    ACTIVATIONS,
    check_batch,
    cross_entropy,
    gradients,
    init_params,
    loss,
    sigmoid,
    softmax,
    step1_backward_errors,
    step3_param_grads,
    step4_forward,
)


# --8<-- [start:numerical]
def numerical_gradients(X, y, params, act="sigmoid", h=1e-6):
    """对每个参数 theta：dL/dtheta ≈ (L(theta + h) - L(theta - h)) / (2h)。"""
    if not 0 < h < 1:
        raise ValueError(f"h 必须在 0 和 1 之间，收到 {h}")
    grads = []
    for W, b in params:
        pair = []
        for P in (W, b):
            G = np.zeros_like(P)
            for idx in np.ndindex(P.shape):           # 逐个元素扰动
                old = P[idx]
                P[idx] = old + h
                up = loss(X, y, params, act)
                P[idx] = old - h
                down = loss(X, y, params, act)
                P[idx] = old                          # 还原
                G[idx] = (up - down) / (2 * h)
            pair.append(G)
        grads.append(tuple(pair))
    return grads


def relative_error(grads_a, grads_b):
    """所有参数拼成一个长向量后的相对误差 |a - b| / max(|a|, |b|)。"""
    a = np.concatenate([g.ravel() for pair in grads_a for g in pair])
    b = np.concatenate([g.ravel() for pair in grads_b for g in pair])
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a), np.linalg.norm(b)))
# --8<-- [end:numerical]


def main():
    # --8<-- [start:usage]
    rng = np.random.default_rng(0)
    X = rng.standard_normal((3, 5))
    y = np.array([0, 1, 1, 0, 1])
    for act in ["sigmoid", "tanh"]:
        params = init_params([3, 4, 2])
        _, backprop = gradients(X, y, params, act)
        numeric = numerical_gradients(X, y, params, act)
        n_params = sum(W.size + b.size for W, b in params)
        print(act, n_params, relative_error(backprop, numeric) < 1e-7)
    #> sigmoid 26 True
    #> tanh 26 True
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
