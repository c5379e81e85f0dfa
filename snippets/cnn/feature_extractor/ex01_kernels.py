"""卷积作为特征提取器：几个经典的 3×3 卷积核在一张简单图像上的输出特征映射。"""

import numpy as np

from snippets.cnn.cross_correlation.ex01_corr2d import corr2d

# --8<-- [start:kernels]
import numpy as np

KERNELS = {
    # Sobel 算子：左右两列之差，响应竖直方向的边缘（亮度沿水平方向变化）
    "sobel_x": np.array([[-1, 0, 1],
                         [-2, 0, 2],
                         [-1, 0, 1]], dtype=float),
    # 它的转置：上下两行之差，响应水平方向的边缘
    "sobel_y": np.array([[-1, -2, -1],
                         [ 0,  0,  0],
                         [ 1,  2,  1]], dtype=float),
    # 拉普拉斯算子：四个邻居之和减去中心的 4 倍，响应各个方向的变化
    "laplacian": np.array([[0,  1, 0],
                           [1, -4, 1],
                           [0,  1, 0]], dtype=float),
    # 均值模糊：9 个像素的平均
    "box_blur": np.full((3, 3), 1 / 9),
    # 高斯模糊：离中心越近权重越大
    "gaussian": np.array([[1, 2, 1],
                          [2, 4, 2],
                          [1, 2, 1]], dtype=float) / 16,
    # 锐化：原图加上它与邻居的差，突出细节
    "sharpen": np.array([[ 0, -1,  0],
                         [-1,  5, -1],
                         [ 0, -1,  0]], dtype=float),
}
# --8<-- [end:kernels]


# --8<-- [start:square]
def square_image(size=10, lo=3, hi=7):
    """黑色（0）背景上一个白色（1）方块：行、列都在 [lo, hi) 之间。"""
    image = np.zeros((size, size))
    image[lo:hi, lo:hi] = 1.0
    return image
# --8<-- [end:square]


# 输出特征映射（窄互相关，10×10 -> 8×8）上的三个位置：Y[i, j] 的窗口是 image[i:i+3, j:j+3]
PROBES = {"background": (0, 0), "inside": (3, 3), "left edge": (3, 1)}


def main():
    # --8<-- [start:sobel]
    image = square_image()                  # 10×10，方块占第 3–6 行、列（0 起）
    Y = corr2d(image, KERNELS["sobel_x"])   # 窄互相关：8×8 的特征映射
    for row in Y.astype(int).tolist():
        print(row)
    #> [0, 0, 0, 0, 0, 0, 0, 0]
    #> [0, 1, 1, 0, 0, -1, -1, 0]
    #> [0, 3, 3, 0, 0, -3, -3, 0]
    #> [0, 4, 4, 0, 0, -4, -4, 0]
    #> [0, 4, 4, 0, 0, -4, -4, 0]
    #> [0, 3, 3, 0, 0, -3, -3, 0]
    #> [0, 1, 1, 0, 0, -1, -1, 0]
    #> [0, 0, 0, 0, 0, 0, 0, 0]
    # --8<-- [end:sobel]

    # --8<-- [start:probes]
    image = square_image()
    print("kernel      sum  background  inside  left edge")
    for name, W in KERNELS.items():
        Y = corr2d(image, W)
        # 窗口 image[0:3, 0:3] 全在背景里，image[3:6, 3:6] 全在方块里，
        # image[3:6, 1:4] 跨过方块的左边缘
        v = [round(Y[0, 0], 4), round(Y[3, 3], 4), round(Y[3, 1], 4)]
        print(f"{name:<10} {W.sum():4.1f} {v[0]:>11} {v[1]:>7} {v[2]:>10}")
    #> kernel      sum  background  inside  left edge
    #> sobel_x     0.0         0.0     0.0        4.0
    #> sobel_y     0.0         0.0     0.0        0.0
    #> laplacian   0.0         0.0     0.0        1.0
    #> box_blur    1.0         0.0     1.0     0.3333
    #> gaussian    1.0         0.0     1.0       0.25
    #> sharpen     1.0         0.0     1.0       -1.0
    # --8<-- [end:probes]


if __name__ == "__main__":
    main()
