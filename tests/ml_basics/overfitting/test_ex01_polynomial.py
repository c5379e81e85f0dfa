from itertools import pairwise

import numpy as np
import pytest

from snippets.ml_basics.overfitting.ex01_polynomial import (
    errors_by_degree,
    fit_polynomial,
    make_poly_data,
    mse,
    poly_features,
)


def test_training_error_falls_with_degree_and_validation_error_has_an_intermediate_minimum():
    # prose: training error decreases monotonically, validation error is smallest at degree 3
    errors = errors_by_degree()
    train = [errors[d][0] for d in range(10)]
    val = [errors[d][1] for d in range(10)]
    assert all(b < a for a, b in pairwise(train))
    assert int(np.argmin(val)) == 3
    assert all(b > a for a, b in pairwise(val[3:]))     # and rises after it
    assert train[9] < 1e-12                                 # degree 9 passes through all 10 points


def test_page_table():
    # at the printed precision: training error to 4 decimals, validation error to 3 significant digits
    # (the page's "最小值 0.0593" and "约 2970")
    errors = errors_by_degree()
    table = [(round(tr, 4), f"{va:.3g}") for tr, va in errors.values()]
    assert table == [(0.5091, "0.607"), (0.2716, "0.302"), (0.2615, "0.333"), (0.0131, "0.0593"),
                     (0.0122, "0.0627"), (0.0121, "0.0633"), (0.0093, "0.0823"), (0.0072, "0.118"),
                     (0.0071, "0.172"), (0.0, "2.97e+03")]


def test_fit_matches_numpy_polyfit():
    x_tr, y_tr, _, _ = make_poly_data()
    for d in range(6):
        np.testing.assert_allclose(fit_polynomial(x_tr, y_tr, d), np.polyfit(x_tr, y_tr, d)[::-1],
                                   rtol=1e-6, atol=1e-8)


def test_features_and_mse():
    assert poly_features([2.0], 3).tolist() == [[1.0, 2.0, 4.0, 8.0]]
    assert mse(np.array([1.0, 1.0]), [0.0, 1.0], [1.0, 1.0]) == 0.5


@pytest.mark.parametrize(("call", "arg"), [
    (lambda: make_poly_data(N_train=0), "N_train"), (lambda: make_poly_data(N_val=1.5), "N_val"),
    (lambda: poly_features([1.0], -1), "degree"), (lambda: fit_polynomial([1.0], [1.0], 2.0), "degree"),
])
def test_bad_input_names_the_argument(call, arg):
    with pytest.raises(ValueError, match=rf"^{arg} "):
        call()
