import numpy as np

from snippets.ml_basics.gradient_descent import figures
from snippets.ml_basics.gradient_descent.ex03_ill_conditioned import f_quad


def test_plotted_quadratic_runs_show_the_six_behaviours():
    runs = {lr: np.array(xs) for lr, xs in figures.quadratic_runs().items()}
    assert np.all(np.diff(runs[0.02]) < 0) and runs[0.02][-1] > 0.2          # crawls
    assert np.all(np.diff(runs[0.1]) < 0) and runs[0.1][-1] < 1e-3            # fast, monotone
    assert runs[0.25][0] == 1.0 and np.all(runs[0.25][1:] == 0)               # one step
    assert np.all(runs[0.4][1::2] < 0) and abs(runs[0.4][-1]) < 0.01          # oscillates, converges
    np.testing.assert_allclose(np.abs(runs[0.5]), 1.0)                        # oscillates forever
    assert abs(runs[0.53][-1]) > 2                                           # diverges


def test_plotted_regression_runs_fit_the_axis():
    # the y axis runs from 1e-3 to 1e5: every plotted risk is inside it, and lr = 2.1 ends near 1e4
    runs = figures.regression_runs()
    assert runs[0.01][-1] > 0.5 and runs[0.5][-1] < 0.003 and runs[2.1][-1] > 1e3
    assert all(1e-3 < min(r) and max(r) < 1e5 for r in runs.values())


def test_plotted_ill_conditioned_path_zigzags_in_theta2_and_crawls_in_theta1():
    path = figures.ill_conditioned_run()
    assert path.shape == (figures.ILL_STEPS + 1, 2)
    assert np.all(np.sign(path[1:, 1]) == -np.sign(path[:-1, 1]))            # θ2 flips sign every step
    assert np.all(np.diff(path[:, 0]) > 0) and path[-1, 0] < -0.7             # θ1 creeps towards 0
    assert np.all(np.diff(f_quad(path)) < 0)
