"""汇聚对小平移的近似不变性：照片右移一个像素，特征映射有多少值没变，汇聚前后对比。"""

# --8<-- [start:survival]
import torch


def survival(A, B):
    """两张特征映射在同一位置上有多少值完全没变（只数至少一边不为 0 的位置），以及两者的相关系数。"""
    if A.shape != B.shape:
        raise ValueError(f"A, B 的形状必须相同，收到 {tuple(A.shape)} 和 {tuple(B.shape)}")
    A, B = A[..., 1:], B[..., 1:]          # 去掉最左一列：平移后那里是新露出来的边界
    active = (A > 0) | (B > 0)
    unchanged = ((A == B) & active).sum() / active.sum()
    corr = torch.corrcoef(torch.stack([A.flatten(), B.flatten()]))[0, 1]
    return round(unchanged.item(), 2), round(corr.item(), 2)
# --8<-- [end:survival]


def edge_maps():
    """china.jpg 的灰度图（取整）与右移一个像素后的图，经过 sobel_x 与 ReLU 的特征映射。"""
    import numpy as np
    import torch.nn.functional as F
    from sklearn.datasets import load_sample_image

    grey = np.round(load_sample_image("china.jpg") @ np.array([0.299, 0.587, 0.114]))
    X = torch.tensor(grey)[None, None]
    X_shift = torch.zeros_like(X)
    X_shift[..., 1:] = X[..., :-1]
    sobel_x = torch.tensor([[-1.0, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=torch.float64).view(1, 1, 3, 3)
    return F.relu(F.conv2d(X, sobel_x)), F.relu(F.conv2d(X_shift, sobel_x))


def main():
    # --8<-- [start:usage]
    import numpy as np
    import torch.nn.functional as F
    from sklearn.datasets import load_sample_image

    rgb = load_sample_image("china.jpg")                      # (427, 640, 3)，随 scikit-learn 安装
    grey = np.round(rgb @ np.array([0.299, 0.587, 0.114]))    # 灰度取整：后面都是精确的整数运算
    X = torch.tensor(grey)[None, None]                        # X: (N=1, C=1, 427, 640)
    X_shift = torch.zeros_like(X)
    X_shift[..., 1:] = X[..., :-1]                            # 整幅图右移一个像素
    sobel_x = torch.tensor([[-1.0, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=torch.float64).view(1, 1, 3, 3)
    Y = F.relu(F.conv2d(X, sobel_x))                          # 竖直边缘的特征映射
    Y_shift = F.relu(F.conv2d(X_shift, sobel_x))

    print("no pooling ", survival(Y, Y_shift))
    print("stride 2   ", survival(Y[..., ::2, ::2], Y_shift[..., ::2, ::2]))   # 只隔一个取一个
    for K in (2, 3, 4):
        print(f"max {K}x{K}    ", survival(F.max_pool2d(Y, K), F.max_pool2d(Y_shift, K)))
    print("average 2x2", survival(F.avg_pool2d(Y, 2), F.avg_pool2d(Y_shift, 2)))
    #> no pooling  (0.04, 0.33)
    #> stride 2    (0.04, 0.33)
    #> max 2x2     (0.31, 0.66)
    #> max 3x3     (0.5, 0.89)
    #> max 4x4     (0.61, 0.93)
    #> average 2x2 (0.06, 0.64)
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
