"""交叉熵损失：二分类（sigmoid + 二元交叉熵）与多分类（softmax + 交叉熵）。"""

# --8<-- [start:checks]
import numpy as np


def as_class_labels(y, C):
    """y 必须是非空的一维整数数组，每个类别都在 0..C-1 之中。"""
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0 or y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= C:
        raise ValueError(f"y 必须是 0..{C - 1} 中的整数类别组成的非空一维数组，收到 {y.tolist()}")
    return y
# --8<-- [end:checks]


# --8<-- [start:binary]
def binary_cross_entropy(y, logits):
    """二元交叉熵：y ∈ {0, 1}，模型输出 logit z，p = sigmoid(z) 是 y = 1 的概率。"""
    y = as_class_labels(y, 2)
    z = np.asarray(logits, dtype=float)
    if z.shape != y.shape:
        raise ValueError(f"logits 的形状 {z.shape} 必须与 y 的形状 {y.shape} 相同")
    # -log p = log(1 + e^{-z})，-log(1 - p) = log(1 + e^{z})；logaddexp 避免溢出
    return np.where(y == 1, np.logaddexp(0, -z), np.logaddexp(0, z))
# --8<-- [end:binary]


# --8<-- [start:multiclass]
def cross_entropy(y, logits):
    """多分类交叉熵：y 是 N 个类别下标，logits 形状 (N, C)；返回每个样本的 -log p_y。"""
    z = np.asarray(logits, dtype=float)
    if z.ndim != 2:
        raise ValueError(f"logits 必须是 (N, C) 的二维数组，收到形状 {z.shape}")
    y = as_class_labels(y, z.shape[1])
    if len(y) != len(z):
        raise ValueError(f"y 有 {len(y)} 个样本，logits 却有 {len(z)} 行")
    z = z - z.max(axis=1, keepdims=True)                  # 减去最大值，softmax 不变但不会溢出
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))   # log softmax: (N, C)
    return -log_p[np.arange(len(y)), y]
# --8<-- [end:multiclass]


def main():
    # --8<-- [start:usage_binary]
    y = np.array([1, 0, 1])                   # 真实类别
    z = np.array([2.0, -1.0, -0.5])           # 模型输出（logit）
    print(np.round(1 / (1 + np.exp(-z)), 4).tolist())        # 属于类别 1 的概率
    #> [0.8808, 0.2689, 0.3775]
    print(np.round(binary_cross_entropy(y, z), 4).tolist())
    #> [0.1269, 0.3133, 0.9741]
    # --8<-- [end:usage_binary]

    # --8<-- [start:usage_multiclass]
    logits = np.array([[2.0, 1.0, 0.1],       # 3 个样本、3 个类别
                       [0.5, 2.5, 0.3],
                       [1.0, 1.0, 1.0]])
    y = np.array([0, 2, 1])
    print(np.round(cross_entropy(y, logits), 4).tolist())
    #> [0.417, 2.42, 1.0986]
    # --8<-- [end:usage_multiclass]


if __name__ == "__main__":
    main()
