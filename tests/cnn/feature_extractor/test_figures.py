import matplotlib.pyplot as plt
import numpy as np
import scipy.signal
from sklearn.datasets import load_sample_image

from snippets.cnn.feature_extractor import figures
from snippets.cnn.feature_extractor.ex01_kernels import KERNELS


def test_photo_is_the_downscaled_grey_sample_image():
    image = figures.photo()
    assert load_sample_image("china.jpg").shape == (427, 640, 3)
    assert image.shape == (427 // 4, 640 // 4) == (106, 160)
    assert 0 <= image.min() and image.max() <= 1
    # one 4×4 block average, by hand
    rgb = load_sample_image("china.jpg")[:4, :4].astype(float) / 255
    assert image[0, 0] == np.mean(rgb @ [0.299, 0.587, 0.114])


def test_feature_maps_equal_scipy_correlation():
    image, maps = figures.feature_maps()
    for name, W in KERNELS.items():
        assert maps[name].shape == (104, 158)
        np.testing.assert_allclose(maps[name], scipy.signal.correlate2d(image, W, mode="valid"), atol=1e-6)
    np.testing.assert_allclose(maps["gradient"], np.sqrt(maps["sobel_x"] ** 2 + maps["sobel_y"] ** 2))


def test_edges_are_sparse_and_blur_is_smooth_on_the_photo():
    image, maps = figures.feature_maps()
    inner = image[1:-1, 1:-1]
    # most of the photo is smooth: the median edge response is far below its maximum
    assert np.median(maps["gradient"]) < 0.2 * maps["gradient"].max()
    # blurring lowers the total variation (sum of neighbour differences), sharpening raises it
    def tv(a):
        return np.abs(np.diff(a, axis=0)).sum() + np.abs(np.diff(a, axis=1)).sum()
    assert tv(maps["box_blur"]) < tv(inner) < tv(maps["sharpen"])
    assert tv(maps["gaussian"]) < tv(inner)


def test_figure_draws_every_panel_with_its_data():
    image, maps = figures.feature_maps()
    fig = figures.photo_maps_figure()
    try:
        titles = [ax.get_title() for ax in fig.axes]
        assert titles == [p.replace("_", " ") for p in figures.PANELS]
        for ax, name in zip(fig.axes, figures.PANELS, strict=True):
            shown = ax.get_images()[0].get_array()
            expected = image if name == "photo" else maps[name]
            if name in ("box_blur", "gaussian", "sharpen", "photo"):
                expected = np.clip(expected, 0, 1)
            np.testing.assert_allclose(shown, expected)
    finally:
        plt.close(fig)
