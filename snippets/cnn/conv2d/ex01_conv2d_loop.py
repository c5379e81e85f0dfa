"""二维卷积的循环版本（书中定义，翻转卷积核）：y_ij = sum_u sum_v w_uv x_{i-u+1, j-v+1}。"""

# --8<-- [start:checks]
import numpy as np


def as_matrix(a, name):
    """把 a 转成非空的二维浮点数组，否则报错并指出参数名。"""
    try:
        a = np.asarray(a, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} 必须是数值矩阵") from None
    if a.ndim != 2 or a.size == 0:
        raise ValueError(f"{name} 必须是非空的二维矩阵，收到形状 {a.shape}")
    return a
# --8<-- [end:checks]


# --8<-- [start:conv2d_loop]
def conv2d_loop(X, W):
    """窄卷积（书中的定义，核要翻转）。输入 M×N、核 U×V，输出 (M-U+1)×(N-V+1)。"""
    X, W = as_matrix(X, "X"), as_matrix(W, "W")
    M, N = X.shape
    U, V = W.shape
    if U > M or V > N:
        raise ValueError(f"W 的大小 {U}×{V} 超过了输入 X 的大小 {M}×{N}")
    Y = np.zeros((M - U + 1, N - V + 1))
    # 代码的 i、j、u、v 都比公式小 1：公式里 i 从 U 取到 M
    for i in range(U - 1, M):
        for j in range(V - 1, N):
            for u in range(U):
                for v in range(V):
                    # 公式 x_{i-u+1, j-v+1} 换成 0 起下标后是 X[i-u, j-v]
                    Y[i - U + 1, j - V + 1] += W[u, v] * X[i - u, j - v]
    return Y
# --8<-- [end:conv2d_loop]


def terms(X, W, i, j):
    """公式中 y_ij（下标从 1 开始）的每一项 (w_uv, x_{i-u+1, j-v+1})，按 u、v 的顺序排列。"""
    X, W = as_matrix(X, "X"), as_matrix(W, "W")
    U, V = W.shape
    if not (U <= i <= X.shape[0] and V <= j <= X.shape[1]):
        raise ValueError(f"i, j 必须满足 {U} <= i <= {X.shape[0]}、{V} <= j <= {X.shape[1]}，收到 ({i}, {j})")
    return [(W[u - 1, v - 1], X[i - u, j - v]) for u in range(1, U + 1) for v in range(1, V + 1)]


# --8<-- [start:example]
X = [[ 1,  1,  1,  1, 1],
     [-1,  0, -3,  0, 1],
     [ 2,  1,  1, -1, 0],
     [ 0, -1,  1,  2, 1],
     [ 1,  2,  1,  1, 1]]
W = [[1, 0,  0],
     [0, 0,  0],
     [0, 0, -1]]
# --8<-- [end:example]


def main():
    # --8<-- [start:usage]
    Y = conv2d_loop(X, W)
    print(Y.shape)
    #> (3, 3)
    print(Y.tolist())
    #> [[0.0, -2.0, -1.0], [2.0, 2.0, 4.0], [-1.0, 0.0, 0.0]]
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
