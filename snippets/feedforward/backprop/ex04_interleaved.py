"""①③ 交替进行：每算出一层的误差项 delta^(l)，就立刻算出这一层参数的导数，再往前传。"""

import numpy as np

from snippets.feedforward.backprop.ex01_backprop import (  # noqa: F401  (页面区段用到)
    ACTIVATIONS,
    check_batch,
    cross_entropy,
    init_params,
    sigmoid,
    softmax,
    step1_backward_errors,
    step3_param_grads,
    step4_forward,
)


# --8<-- [start:interleaved]
def backward_interleaved(zs, acts, y, params, act="sigmoid", log=None):
    """从第 L 层往回：先用 delta^(l) 算出第 l 层的导数（③），再算 delta^(l-1)（①）。"""
    _, df = ACTIVATIONS[act]
    log = [] if log is None else log
    N, L = acts[0].shape[1], len(params)
    grads = [None] * L
    delta = acts[-1] - np.eye(acts[-1].shape[0])[:, y]        # delta^(L) = y_hat - y
    log.append(f"①{L}")
    for l in range(L, 0, -1):                                 # l = L, ..., 1
        grads[l - 1] = (delta @ acts[l - 1].T / N, delta.sum(axis=1) / N)   # ③ 第 l 层
        log.append(f"③{l}")
        if l > 1:                                             # ① delta^(l) 用完即可丢掉
            delta = df(zs[l - 2]) * (params[l - 1][0].T @ delta)   # f'(z^(l-1)) ⊙ W^(l)^T delta^(l)
            log.append(f"①{l - 1}")
    return grads
# --8<-- [end:interleaved]


def main():
    # --8<-- [start:usage]
    rng = np.random.default_rng(0)
    X = rng.standard_normal((3, 5))
    y = np.array([0, 1, 1, 0, 1])
    params = init_params([3, 4, 4, 2])                        # 三层：L = 3

    zs, acts = step4_forward(X, params)                       # ④
    log = []
    interleaved = backward_interleaved(zs, acts, y, params, log=log)
    print(" ".join(log))                                      # ①③ 逐层交替
    #> ①3 ③3 ①2 ③2 ①1 ③1
    stepwise = step3_param_grads(step1_backward_errors(zs, acts, y, params), acts)   # 先全部 ①，再全部 ③
    print(all(np.allclose(g1, g2, rtol=0, atol=1e-15)
              for pair1, pair2 in zip(interleaved, stepwise, strict=True)
              for g1, g2 in zip(pair1, pair2, strict=True)))
    #> True
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
