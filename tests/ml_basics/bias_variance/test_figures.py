import numpy as np

from snippets.ml_basics.bias_variance import figures
from snippets.ml_basics.bias_variance.ex02_cross_validation import k_fold_mse
from snippets.ml_basics.overfitting.ex01_polynomial import make_poly_data


def test_stacked_bars_add_up_to_the_measured_error():
    parts = figures.decomposition()
    assert list(parts) == list(range(7))
    for bias2, var, noise2, err in parts.values():
        assert noise2 == 0.2 ** 2 and abs(bias2 + var + noise2 - err) < 0.01 * err


def test_cv_curves_and_their_minima():
    # the marked minima: 5-fold at degree 4, 10-fold and the validation set at degree 3
    curves = figures.cv_curves()
    assert [int(np.argmin(v)) for v in curves.values()] == [4, 3, 3]
    x, y, _, _ = make_poly_data()
    np.testing.assert_allclose(curves["10-fold CV"], [k_fold_mse(x, y, d, 10).mean() for d in range(7)])
