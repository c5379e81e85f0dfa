import numpy as np

from snippets.feedforward.universal_approximation import figures


def test_fit_curves_are_the_networks_of_the_page():
    x, y, stairs, lsq = figures.fit_curves()
    assert list(stairs) == [4, 8, 32] and list(lsq) == [1, 2, 4, 8, 32]
    np.testing.assert_allclose(y, np.sin(2 * np.pi * x) + 0.5 * x)
    # the widest least-squares fit lies on the target, the narrowest does not
    assert np.abs(lsq[32] - y).max() < 0.011 and np.abs(lsq[1] - y).max() > 0.9


def test_error_curves_fall_for_both_constructions():
    widths, stair, lsq = figures.error_curves()
    assert widths == [1, 2, 4, 8, 16, 32, 64]
    assert all(b <= a for a, b in zip(stair[:-1], stair[1:], strict=True))
    assert all(b <= a for a, b in zip(lsq[:-1], lsq[1:], strict=True))
    assert all(q < s for q, s in zip(lsq, stair, strict=True))   # fitting beats the fixed staircase


def test_double_descent_curve_is_the_noisy_experiment():
    widths, train, test = figures.noisy_curves()
    assert widths[:32] == list(range(1, 33)) and widths[-1] == 128
    assert figures.SAMPLES - 1 == 11 == widths[test.index(max(test))]      # dashed line at the peak
    assert all(t < 1e-6 for n, t in zip(widths, train, strict=True) if n >= 11)   # "train RMSE = 0 from here"
    assert test[widths.index(128)] < test[widths.index(16)] < test[widths.index(11)]
