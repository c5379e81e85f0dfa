import numpy as np

from snippets.ml_basics.gradient_descent import figures


def test_plotted_quadratic_runs_show_the_four_behaviours():
    runs = {lr: np.array(xs) for lr, xs in figures.quadratic_runs().items()}
    assert np.all(np.diff(runs[0.02]) < 0) and runs[0.02][-1] > 0.2          # crawls
    assert np.all(np.diff(runs[0.1]) < 0) and runs[0.1][-1] < 1e-3            # fast, monotone
    assert np.all(runs[0.4][1::2] < 0) and abs(runs[0.4][-1]) < 0.01          # oscillates, converges
    np.testing.assert_allclose(np.abs(runs[0.5]), 1.0)                        # oscillates forever
    assert abs(runs[0.53][-1]) > 2                                           # diverges


def test_plotted_regression_runs():
    runs = figures.regression_runs()
    assert runs[0.01][-1] > 0.5 and runs[0.5][-1] < 0.003 and runs[2.1][-1] > 1e3
