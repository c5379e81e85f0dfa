"""手写反向传播：一个 3-4-2 的网络（隐藏层 sigmoid 或 tanh，输出层 softmax + 交叉熵），一批样本。

书中的记号：一个样本是一列，一批 N 个样本按列排成矩阵。
z^(l) = W^(l) a^(l-1) + b^(l)，a^(l) = f_l(z^(l))；输出层 a^(L) = softmax(z^(L))。
"""

# --8<-- [start:model]
import numpy as np


def sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))              # 1 / (1 + e^{-z})，z 很负时也不溢出


ACTIVATIONS = {   # 名字 -> (f, f')，导数写成 z 的函数
    "sigmoid": (sigmoid, lambda z: sigmoid(z) * (1 - sigmoid(z))),
    "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2),
}


def softmax(Z):
    """按列做 softmax：Z 的每一列是一个样本的 K 个得分。"""
    E = np.exp(Z - Z.max(axis=0, keepdims=True))     # 减去最大值防止溢出，结果不变
    return E / E.sum(axis=0, keepdims=True)


def init_params(sizes, seed=0):
    """sizes = [M_0, ..., M_L]；返回 [(W^(1), b^(1)), ..., (W^(L), b^(L))]，W^(l): (M_l, M_{l-1})。

    权重取 N(0, 1/M_{l-1})：让每层净输入的方差与上一层输出的方差相当（见“参数初始化”一节）。
    """
    if len(sizes) < 2 or any(isinstance(M, bool) or not isinstance(M, int) or M < 1 for M in sizes):
        raise ValueError(f"sizes 必须是至少两个正整数，收到 {sizes}")
    rng = np.random.default_rng(seed)
    return [(rng.normal(0, 1 / np.sqrt(M_prev), (M, M_prev)), np.zeros(M))
            for M_prev, M in zip(sizes[:-1], sizes[1:], strict=True)]


def cross_entropy(A_L, y):
    """平均交叉熵：A_L: (K, N) 是每个样本的类别概率，y: (N,) 是类别下标。"""
    return float(-np.mean(np.log(A_L[y, np.arange(len(y))])))


def check_batch(X, y, params):
    X, y, K = np.asarray(X, dtype=float), np.asarray(y), params[-1][0].shape[0]
    if X.ndim != 2 or X.shape[0] != params[0][0].shape[1]:
        raise ValueError(f"X 的形状必须是 (M_0, N)，每列一个样本，收到 {X.shape}")
    if y.shape != (X.shape[1],) or y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= K:
        raise ValueError(f"y 必须是 {X.shape[1]} 个 0 到 {K - 1} 之间的整数类别下标，收到 {y}")
    return X, y
# --8<-- [end:model]


# --8<-- [start:steps]
def step4_forward(X, params, act="sigmoid"):
    """④ 前馈计算每一层的净输入 z^(l) 和活性值 a^(l)。"""
    if act not in ACTIVATIONS:
        raise ValueError(f"act 必须是 {sorted(ACTIVATIONS)} 之一，收到 {act!r}")
    f, _ = ACTIVATIONS[act]
    zs, acts = [], [X]                                 # acts[0] = a^(0) = X
    for l, (W, b) in enumerate(params, start=1):
        Z = W @ acts[-1] + b[:, None]                  # z^(l) = W^(l) a^(l-1) + b^(l)，b 加到每一列
        zs.append(Z)
        acts.append(softmax(Z) if l == len(params) else f(Z))
    return zs, acts


def step1_backward_errors(zs, acts, y, params, act="sigmoid"):
    """① 从输出层往回，逐层计算误差项 delta^(l) = dL/dz^(l)（每列一个样本）。"""
    _, df = ACTIVATIONS[act]
    Y = np.eye(acts[-1].shape[0])[:, y]                # one-hot: (K, N)
    deltas = [acts[-1] - Y]                            # softmax + 交叉熵：delta^(L) = y_hat - y
    for l in range(len(params) - 1, 0, -1):            # l = L-1, ..., 1
        W_next = params[l][0]                          # W^(l+1)（列表下标从 0 开始）
        deltas.insert(0, df(zs[l - 1]) * (W_next.T @ deltas[0]))   # f_l'(z^(l)) ⊙ (W^(l+1))^T delta^(l+1)
    return deltas                                      # [delta^(1), ..., delta^(L)]


def step3_param_grads(deltas, acts):
    """③ 每一层参数的导数：对一批样本取平均，与平均交叉熵对应。"""
    N = acts[0].shape[1]
    return [(delta @ a_prev.T / N,                     # dL/dW^(l) = delta^(l) (a^(l-1))^T
             delta.sum(axis=1) / N)                    # dL/db^(l) = delta^(l)
            for delta, a_prev in zip(deltas, acts[:-1], strict=True)]


def step2_update(params, grads, lr):
    """② 梯度下降：每个参数沿负梯度方向走一步。"""
    if not lr > 0:
        raise ValueError(f"lr 必须是正数，收到 {lr}")
    return [(W - lr * dW, b - lr * db) for (W, b), (dW, db) in zip(params, grads, strict=True)]
# --8<-- [end:steps]


# --8<-- [start:train_step]
def train_step(X, y, params, lr=0.5, act="sigmoid", log=None):
    """一次迭代，按 ④ → ① → ③ → ② 的顺序；log 是列表时把执行过的步骤记进去。"""
    X, y = check_batch(X, y, params)
    log = [] if log is None else log
    zs, acts = step4_forward(X, params, act)
    log.append("④")
    deltas = step1_backward_errors(zs, acts, y, params, act)   # 要用 ④ 的 z 和 a
    log.append("①")
    grads = step3_param_grads(deltas, acts)                    # 要用 ① 的 delta 和 ④ 的 a
    log.append("③")
    new_params = step2_update(params, grads, lr)               # 要用 ③ 的梯度
    log.append("②")
    return new_params, cross_entropy(acts[-1], y)
# --8<-- [end:train_step]


# --8<-- [start:gradients]
def gradients(X, y, params, act="sigmoid"):
    """④①③ 三步：返回当前参数处的平均交叉熵和各层梯度（不更新参数）。"""
    X, y = check_batch(X, y, params)
    zs, acts = step4_forward(X, params, act)
    grads = step3_param_grads(step1_backward_errors(zs, acts, y, params, act), acts)
    return cross_entropy(acts[-1], y), grads


def loss(X, y, params, act="sigmoid"):
    """只做 ④：当前参数下这批样本的平均交叉熵（梯度检验要用）。"""
    X, y = check_batch(X, y, params)
    return cross_entropy(step4_forward(X, params, act)[1][-1], y)
# --8<-- [end:gradients]


def main():
    # --8<-- [start:usage]
    rng = np.random.default_rng(0)
    X = rng.standard_normal((3, 5))                # 5 个样本，每列一个，M_0 = 3
    y = np.array([0, 1, 1, 0, 1])                  # 类别下标，K = 2
    params = init_params([3, 4, 2])

    log = []
    new_params, loss_before = train_step(X, y, params, lr=0.5, log=log)
    print("".join(log))
    #> ④①③②
    _, loss_after = train_step(X, y, new_params, lr=0.5)
    print(round(loss_before, 4), round(loss_after, 4))   # 一步 SGD 之后损失下降
    #> 0.7586 0.7013
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
