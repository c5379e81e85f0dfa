import numpy as np
import pytest

from snippets.feedforward.universal_approximation.ex01_staircase import sigmoid
from snippets.feedforward.universal_approximation.ex02_least_squares import hidden_layer
from snippets.feedforward.universal_approximation.ex03_generalisation import noisy_samples, train_test_errors


def test_page_table():
    # prose table: train and test RMSE of widths 2..64 fitted to 12 noisy samples
    rows = train_test_errors([2, 4, 8, 16, 32, 64])
    shown = [(f"{tr:.3f}", f"{te:.3f}") for tr, te in rows]
    assert shown == [("0.376", "0.649"), ("0.136", "0.237"), ("0.112", "12.596"),
                     ("0.000", "52.812"), ("0.000", "1.272"), ("0.000", "0.520")]


def test_wider_fits_training_data_exactly_but_generalises_worse_than_width_4():
    # prose: from n = 16 on the 12 samples are interpolated (train error 0), yet every width
    # above 4 has a larger test error than width 4
    rows = dict(zip([4, 8, 16, 32, 64], train_test_errors([4, 8, 16, 32, 64]), strict=True))
    assert all(rows[n][0] < 1e-6 for n in (16, 32, 64))
    assert all(rows[n][1] > rows[4][1] for n in (8, 16, 32, 64))
    assert all(rows[n][0] < rows[4][0] for n in (8, 16, 32, 64))


def test_samples_are_reproducible_and_noisy():
    x1, y1 = noisy_samples()
    x2, y2 = noisy_samples()
    assert (x1 == x2).all() and (y1 == y2).all() and len(x1) == 12
    assert (x1[1:] > x1[:-1]).all() and 0 <= x1[0] and x1[-1] <= 1


@pytest.mark.parametrize("N", [1, 0, 2.5, True])
def test_bad_sample_count_names_the_argument(N):
    with pytest.raises(ValueError, match=r"^N "):
        noisy_samples(N)


def test_double_descent_peaks_at_the_interpolation_threshold():
    # prose: training error is 0 once n + 1 reaches the 12 samples (n >= 11); the test error peaks at n = 11,
    # then falls again; at n = 128 it is 0.276, still above 0.237 at n = 4
    widths = list(range(1, 33)) + [40, 48, 64, 96, 128]
    rows = dict(zip(widths, train_test_errors(widths), strict=True))
    assert all(rows[n][0] < 1e-6 for n in widths if n >= 11) and rows[10][0] > 0.01
    assert max(widths, key=lambda n: rows[n][1]) == 11
    assert rows[16][1] > rows[32][1] > rows[128][1]
    assert f"{rows[128][1]:.3f}" == "0.276" and f"{rows[4][1]:.3f}" == "0.237"
    assert min(rows[n][1] for n in widths if n >= 11) > rows[4][1]
    # at the threshold the 12 x 12 system has a unique solution
    x, _ = noisy_samples()
    w, b = hidden_layer(11)
    A = np.hstack([sigmoid(np.outer(x, w) + b), np.ones((12, 1))])
    assert np.linalg.matrix_rank(A) == 12
