import numpy as np

from snippets.cnn.conv_types import figures


def test_outputs_sit_at_their_window_centres():
    x, w = figures.EXAMPLE_X, figures.EXAMPLE_W
    centres, y = figures.placed_outputs(x, w, "narrow")
    assert centres.tolist() == [2, 3, 4] and y.tolist() == [10, 16, 22]
    centres, y = figures.placed_outputs(x, w, "same")
    assert centres.tolist() == [1, 2, 3, 4, 5]                # aligned with x_1 ... x_5
    centres, y = figures.placed_outputs(x, w, "wide")
    assert centres.tolist() == [0, 1, 2, 3, 4, 5, 6]          # one step beyond each end
    np.testing.assert_array_equal(y, np.convolve(x, w, mode="full"))


def test_even_kernel_same_centres_are_half_a_step_off():
    centres, _ = figures.placed_outputs([1, 2, 3, 4, 5], [1, 1], "same")
    assert centres.tolist() == [1.5, 2.5, 3.5, 4.5, 5.5]
