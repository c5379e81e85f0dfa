import numpy as np

from snippets.ml_basics.overfitting import figures
from snippets.ml_basics.overfitting.ex01_polynomial import make_poly_data


def test_curves_degree_9_interpolates_and_swings_between_the_points():
    x_tr, y_tr, _, _ = make_poly_data()
    _, at_points = figures.fitted_curves(x_tr)
    np.testing.assert_allclose(at_points[9], y_tr, atol=1e-6)
    grid, curves = figures.fitted_curves()
    truth = np.sin(2 * np.pi * grid)
    err = {d: np.mean((curves[d] - truth) ** 2) for d in figures.SHOWN_DEGREES}
    assert err[3] < err[1] and err[3] < err[9]
