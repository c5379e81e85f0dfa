import numpy as np
import pytest
import scipy.signal

from snippets.cnn.cross_correlation.ex01_corr2d import corr2d
from snippets.cnn.feature_extractor.ex01_kernels import KERNELS, PROBES, square_image

BLURS = ("box_blur", "gaussian")
EDGES = ("sobel_x", "sobel_y", "laplacian")


def test_kernels_are_3_by_3():
    assert list(KERNELS) == ["sobel_x", "sobel_y", "laplacian", "box_blur", "gaussian", "sharpen"]
    assert all(k.shape == (3, 3) for k in KERNELS.values())
    np.testing.assert_array_equal(KERNELS["sobel_y"], KERNELS["sobel_x"].T)


@pytest.mark.parametrize("name", BLURS + ("sharpen",))
def test_blur_and_sharpen_sum_to_one_and_keep_a_constant_image(name):
    # prose: weights summing to 1 leave a constant region unchanged
    assert KERNELS[name].sum() == pytest.approx(1.0)
    constant = np.full((6, 7), 0.7)
    np.testing.assert_allclose(corr2d(constant, KERNELS[name]), 0.7, atol=1e-12)


@pytest.mark.parametrize("name", EDGES)
def test_edge_kernels_sum_to_zero_and_give_zero_on_constant_regions(name):
    assert KERNELS[name].sum() == 0
    np.testing.assert_allclose(corr2d(np.full((5, 5), 3.0), KERNELS[name]), 0, atol=1e-12)


def test_sobel_x_on_the_square_as_printed():
    # prose: +1, +3, +4 on the left border, the same negated on the right, 0 inside and outside
    Y = corr2d(square_image(), KERNELS["sobel_x"])
    assert Y.shape == (8, 8)
    assert Y[3].tolist() == [0, 4, 4, 0, 0, -4, -4, 0]
    assert Y[:, 1].tolist() == [0, 1, 3, 4, 4, 3, 1, 0]
    np.testing.assert_array_equal(Y[:, 5:7], -Y[:, 1:3])
    assert (Y[:, [0, 3, 4, 7]] == 0).all() and (Y[[0, 7]] == 0).all()


def test_sobel_y_sees_only_horizontal_edges():
    Y = corr2d(square_image(), KERNELS["sobel_y"])
    np.testing.assert_array_equal(Y, corr2d(square_image(), KERNELS["sobel_x"]).T)
    assert Y[1, 3] == 4 and Y[3, 1] == 0       # top border responds, left border does not


def test_probe_table_as_printed():
    # prose: the table of background / inside / left edge values
    image = square_image()
    expected = {"sobel_x": (0, 0, 4), "sobel_y": (0, 0, 0), "laplacian": (0, 0, 1),
                "box_blur": (0, 1, 1 / 3), "gaussian": (0, 1, 0.25), "sharpen": (0, 1, -1)}
    for name, values in expected.items():
        Y = corr2d(image, KERNELS[name])
        got = [Y[PROBES[p]] for p in ("background", "inside", "left edge")]
        np.testing.assert_allclose(got, values, atol=1e-12)
    # the probe windows lie where the prose says: all background, all square, across the left border
    assert image[0:3, 0:3].sum() == 0 and image[3:6, 3:6].min() == 1
    assert image[3:6, 1:4].tolist() == [[0, 0, 1]] * 3


@pytest.mark.parametrize("name", list(KERNELS))
def test_every_kernel_matches_scipy_correlate2d(name):
    rng = np.random.default_rng(11)
    for image in (square_image(), rng.random((9, 12))):
        np.testing.assert_allclose(corr2d(image, KERNELS[name]),
                                   scipy.signal.correlate2d(image, KERNELS[name], mode="valid"), atol=1e-12)


def test_laplacian_is_the_sum_of_second_differences():
    # prose: x_{i-1,j} + x_{i+1,j} + x_{i,j-1} + x_{i,j+1} - 4 x_{ij}; zero on any plane a + b i + c j
    i, j = np.mgrid[0:6, 0:7]
    plane = 0.5 + 2 * i - 3 * j
    np.testing.assert_allclose(corr2d(plane, KERNELS["laplacian"]), 0, atol=1e-12)
    np.testing.assert_allclose(corr2d(plane, KERNELS["sobel_x"]), -3 * 8, atol=1e-12)


def test_square_image_validates_nothing_but_builds_the_square():
    image = square_image()
    assert image.shape == (10, 10) and image.sum() == 16


def test_sharpen_is_identity_minus_laplacian():
    # prose: centre 1 + 4 = 5, neighbours 0 - 1 = -1
    identity = np.zeros((3, 3))
    identity[1, 1] = 1
    np.testing.assert_array_equal(KERNELS["sharpen"], identity - KERNELS["laplacian"])


def test_exercise_flipping_sobel_x_negates_it():
    # exercise 2: the left-right flip (and the 180° rotation) of sobel_x is -sobel_x
    np.testing.assert_array_equal(KERNELS["sobel_x"][:, ::-1], -KERNELS["sobel_x"])
    np.testing.assert_array_equal(KERNELS["sobel_x"][::-1, ::-1], -KERNELS["sobel_x"])
    Y = corr2d(square_image(), KERNELS["sobel_x"][:, ::-1])
    assert Y[3].tolist() == [0, -4, -4, 0, 0, 4, 4, 0]


def test_exercise_ramp_gives_8c_for_sobel_x():
    # exercise 3: on a + b i + c j the Laplacian gives 0 and sobel_x gives 8c
    i, j = np.mgrid[0:5, 0:6]
    for a, b, c in [(1.0, 0.5, 2.0), (0.0, -1.0, 0.25)]:
        ramp = a + b * i + c * j
        np.testing.assert_allclose(corr2d(ramp, KERNELS["sobel_x"]), 8 * c, atol=1e-12)
        np.testing.assert_allclose(corr2d(ramp, KERNELS["laplacian"]), 0, atol=1e-12)


def test_exercise_output_shape_of_six_kernels():
    # exercise 4: (1, 1, 106, 160) with (6, 1, 3, 3) gives (1, 6, 104, 158)
    from snippets.cnn.cross_correlation.ex02_conv2d_vectorised import conv2d

    W = np.stack(list(KERNELS.values()))[:, None]
    assert conv2d(np.zeros((1, 1, 106, 160)), W).shape == (1, 6, 104, 158)
