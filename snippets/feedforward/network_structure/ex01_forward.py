"""前馈神经网络的前向计算：z^(l) = W^(l) a^(l-1) + b^(l)，a^(l) = f_l(z^(l))。"""

# --8<-- [start:forward]
import numpy as np


def forward(x, Ws, bs, fs):
    """逐层计算前馈网络的输出。

    x:  输入 a^(0)，形状 (M_0,)，或一批样本按列排成 (M_0, N)
    Ws: [W^(1), ..., W^(L)]，W^(l) 的形状是 (M_l, M_{l-1})
    bs: [b^(1), ..., b^(L)]，b^(l) 的形状是 (M_l,)
    fs: [f_1, ..., f_L]，每层的激活函数
    返回每一层的净输入 [z^(1), ..., z^(L)] 和活性值 [a^(0), ..., a^(L)]。
    """
    if not (len(Ws) == len(bs) == len(fs) >= 1):
        raise ValueError(f"Ws 的长度 {len(Ws)} 必须与 bs（{len(bs)}）、fs（{len(fs)}）相同且至少为 1")
    a = np.asarray(x, dtype=float)
    if a.ndim not in (1, 2):
        raise ValueError(f"x 必须是一维向量或 (M_0, N) 矩阵，收到形状 {a.shape}")
    zs, activations = [], [a]
    for l, (W, b, f) in enumerate(zip(Ws, bs, fs, strict=True), start=1):   # l 与公式一样从 1 开始
        W, b = np.asarray(W, dtype=float), np.asarray(b, dtype=float)
        if W.ndim != 2 or W.shape[1] != a.shape[0]:
            raise ValueError(f"Ws 的第 {l} 个矩阵形状应为 (M_{l}, {a.shape[0]})，收到 {W.shape}")
        if b.shape != (W.shape[0],):
            raise ValueError(f"bs 的第 {l} 个向量形状应为 ({W.shape[0]},)，收到 {b.shape}")
        z = W @ a + (b if a.ndim == 1 else b[:, None])    # 一批样本时 b 加到每一列上
        a = f(z)
        zs.append(z)
        activations.append(a)
    return zs, activations
# --8<-- [end:forward]


# --8<-- [start:net_231]
relu = lambda z: np.maximum(z, 0.0)          # noqa: E731  隐藏层激活函数
identity = lambda z: z                       # noqa: E731  输出层不做变换（回归）

W1 = np.array([[1.0, -1.0],                  # W^(1): (M_1=3, M_0=2)
               [0.5, 2.0],
               [-1.0, 1.0]])
b1 = np.array([0.0, -1.0, 0.5])              # b^(1): (3,)
W2 = np.array([[1.0, -2.0, 0.5]])            # W^(2): (M_2=1, M_1=3)
b2 = np.array([0.1])                         # b^(2): (1,)
# --8<-- [end:net_231]


def main():
    # --8<-- [start:usage]
    zs, activations = forward([1.0, 2.0], [W1, W2], [b1, b2], [relu, identity])
    print("z1 =", zs[0].tolist(), " a1 =", activations[1].tolist())
    #> z1 = [-1.0, 3.5, 1.5]  a1 = [0.0, 3.5, 1.5]
    print("z2 =", np.round(zs[1], 4).tolist(), " y =", np.round(activations[2], 4).tolist())
    #> z2 = [-6.15]  y = [-6.15]
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
