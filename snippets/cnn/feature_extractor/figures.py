"""特征提取页的插图：scikit-learn 自带的照片经过不同卷积核后的特征映射。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.cnn.cross_correlation.ex02_conv2d_vectorised import conv2d
from snippets.cnn.feature_extractor.ex01_kernels import KERNELS
from snippets.figures import figure

FACTOR = 4   # 427×640 photo -> 106×160 by averaging 4×4 blocks


def photo(factor=FACTOR):
    """sklearn's sample photo china.jpg (ships with the package, no download), grey in [0, 1], downscaled."""
    from sklearn.datasets import load_sample_image

    rgb = load_sample_image("china.jpg").astype(float) / 255          # (427, 640, 3)
    grey = rgb @ np.array([0.299, 0.587, 0.114])                       # luminance
    H, W = (grey.shape[0] // factor) * factor, (grey.shape[1] // factor) * factor
    return grey[:H, :W].reshape(H // factor, factor, W // factor, factor).mean(axis=(1, 3))


def feature_maps(image=None):
    """Cross-correlate the photo with every kernel (narrow: no padding, so no artificial border);
    add the gradient magnitude sqrt(sobel_x² + sobel_y²)."""
    image = photo() if image is None else image
    X = image[None, None]                                              # X: (N=1, C=1, H, W)
    W = np.stack([k for k in KERNELS.values()])[:, None]              # W: (6, 1, 3, 3)
    Y = conv2d(X, W)[0]                                                # (6, H-2, W-2)
    maps = dict(zip(KERNELS, Y, strict=True))
    maps["gradient"] = np.hypot(maps["sobel_x"], maps["sobel_y"])
    return image, maps


PANELS = ["photo", "sobel_x", "sobel_y", "gradient", "laplacian", "box_blur", "gaussian", "sharpen"]


@figure("photo-maps")
def photo_maps_figure():
    image, maps = feature_maps()
    fig, axes = plt.subplots(4, 2, figsize=(4.6, 6.6))
    for ax, name in zip(axes.flat, PANELS, strict=True):
        data = image if name == "photo" else maps[name]
        if name in ("sobel_x", "sobel_y", "laplacian"):          # signed maps: 0 is mid grey
            limit = np.abs(data).max()
            ax.imshow(data, cmap="gray", vmin=-limit, vmax=limit)
        elif name == "gradient":
            ax.imshow(data, cmap="gray", vmin=0, vmax=data.max())
        else:                                                     # brightness: clip to [0, 1]
            ax.imshow(np.clip(data, 0, 1), cmap="gray", vmin=0, vmax=1)
        ax.set_title(name.replace("_", " "))
        ax.axis("off")
    fig.tight_layout()
    return fig
