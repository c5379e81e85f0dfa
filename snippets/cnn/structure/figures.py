"""结构特性页的插图：全连接与局部连接（权重共享）的对比。"""

import matplotlib.pyplot as plt

from snippets.figures import figure


def full_edges(M, N):
    """全连接：M 个输入到 N 个输出的所有连线 (输出 j, 输入 i)，下标从 0 开始。"""
    return [(j, i) for j in range(N) for i in range(M)]


def local_edges(M, K):
    """局部连接：第 j 个输出（公式中的 y_t，t = j + K）连到 x_{t-k+1}，权重为 w_k。

    返回 (输出 j, 输入 i, 权重序号 k) 的列表，i、j 从 0 开始，k 与公式一样从 1 开始。
    """
    return [(j, j + K - k, k) for j in range(M - K + 1) for k in range(1, K + 1)]


def _layers(ax, M, N, out_labels):
    xs_out = [i + (M - N) / 2 for i in range(N)]
    ax.scatter(range(M), [0] * M, s=200, color="C0", zorder=3)
    ax.scatter(xs_out, [1] * N, s=200, color="C0", zorder=3)
    for i in range(M):
        ax.annotate(f"$x_{i + 1}$", (i, 0), xytext=(0, -20), textcoords="offset points", ha="center")
    for x, label in zip(xs_out, out_labels, strict=True):
        ax.annotate(label, (x, 1), xytext=(0, 11), textcoords="offset points", ha="center")
    ax.set_xlim(-0.6, M + 0.6)
    ax.set_ylim(-0.35, 1.3)
    ax.axis("off")
    return xs_out


@figure("connections")
def connections_figure(M=5, K=3):
    N = M - K + 1
    fig, axes = plt.subplots(2, 1, figsize=(4.6, 4.6))
    left, right = axes
    xs_out = _layers(left, M, N, [f"$h_{j + 1}$" for j in range(N)])
    for j, i in full_edges(M, N):
        left.plot([i, xs_out[j]], [0, 1], color="C5", alpha=0.7, lw=1.2)
    left.set_title(f"fully connected: {M * N} weights")
    xs_out = _layers(right, M, N, [f"$y_{j + K}$" for j in range(N)])
    for j, i, k in local_edges(M, K):
        right.plot([i, xs_out[j]], [0, 1], color=f"C{k}", lw=2.2,
                   label=f"$w_{k}$" if j == 0 else None)
    right.set_title(f"local + shared: {K} weights")
    right.legend(loc="center right", handlelength=1.2)
    fig.tight_layout(h_pad=1.5)
    return fig
