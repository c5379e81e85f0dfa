"""二维互相关的循环版本：y_ij = sum_u sum_v w_uv x_{i+u-1, j+v-1}，卷积核不翻转。"""

import numpy as np

from snippets.cnn.conv2d.ex01_conv2d_loop import as_matrix


# --8<-- [start:corr2d]
def corr2d(X, W):
    """窄互相关：核 W 不翻转，直接在 X 上滑动，对齐的元素相乘再相加。"""
    X, W = as_matrix(X, "X"), as_matrix(W, "W")
    M, N = X.shape
    U, V = W.shape
    if U > M or V > N:
        raise ValueError(f"W 的大小 {U}×{V} 超过了输入 X 的大小 {M}×{N}")
    Y = np.zeros((M - U + 1, N - V + 1))
    # 代码下标从 0 开始：Y[i, j] 是公式里的 y_{i+1, j+1}
    for i in range(M - U + 1):
        for j in range(N - V + 1):
            for u in range(U):
                for v in range(V):
                    # 公式 x_{i+u-1, j+v-1} 在代码里是 X[i+u, j+v]
                    Y[i, j] += W[u, v] * X[i + u, j + v]
    return Y
# --8<-- [end:corr2d]


def products(X, W, i, j):
    """输出 Y[i, j]（0 起下标）的每一项 (x, w)，按核的行、列顺序排列。"""
    X, W = as_matrix(X, "X"), as_matrix(W, "W")
    U, V = W.shape
    if not (0 <= i <= X.shape[0] - U and 0 <= j <= X.shape[1] - V):
        raise ValueError(f"i, j 超出输出范围，收到 ({i}, {j})")
    return [(X[i + u, j + v], W[u, v]) for u in range(U) for v in range(V)]


def main():
    # --8<-- [start:usage]
    X = np.arange(9).reshape(3, 3)           # [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    W = np.array([[0, 1], [2, 3]])
    Y = corr2d(X, W)
    print(Y.tolist())
    #> [[19.0, 25.0], [37.0, 43.0]]

    for i in range(2):                       # 把每个输出拆成逐项乘积
        for j in range(2):
            window = X[i:i + 2, j:j + 2]     # 与核对齐的 2×2 窗口
            pairs = zip(window.flat, W.flat, strict=True)
            terms = " + ".join(f"{x}×{w}" for x, w in pairs)
            print(f"Y[{i}, {j}] = {terms} = {int(Y[i, j])}")
    #> Y[0, 0] = 0×0 + 1×1 + 3×2 + 4×3 = 19
    #> Y[0, 1] = 1×0 + 2×1 + 4×2 + 5×3 = 25
    #> Y[1, 0] = 3×0 + 4×1 + 6×2 + 7×3 = 37
    #> Y[1, 1] = 4×0 + 5×1 + 7×2 + 8×3 = 43
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
