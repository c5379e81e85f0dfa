from itertools import pairwise

import numpy as np
import pytest

from snippets.ml_basics.elements.ex01_data import make_data
from snippets.ml_basics.elements.ex03_gradient_descent import gradient_descent
from snippets.ml_basics.gradient_descent.ex02_regression_lr import risk_history


def hessian():
    x, _ = make_data()
    A = np.column_stack([x, np.ones_like(x)])
    return A.T @ A / len(x)


def test_threshold_values():
    # page: h_max = 1.001, threshold 2 / h_max = 1.9979
    h = np.linalg.eigvalsh(hessian())
    assert (round(h.max(), 4), round(2 / h.max(), 4)) == (1.001, 1.9979)
    assert round(h.max() / h.min(), 1) == 2.4          # prose: the condition number is only about 2.4


def test_page_risks_after_0_10_50_steps():
    x, y = make_data()
    table = {lr: [round(risk_history(x, y, lr, 50)[t], 4) for t in (0, 10, 50)]
             for lr in (0.01, 0.5, 1.9, 2.1)}
    assert table == {0.01: [1.3621, 1.1931, 0.726], 0.5: [1.3621, 0.0098, 0.0022],
                     1.9: [1.3621, 0.0776, 0.0023], 2.1: [1.3621, 4.1564, 9972.0416]}


def test_below_threshold_converges_above_diverges():
    # prose: the quadratic's rule with L replaced by the largest Hessian eigenvalue; 0.98 of the limit
    # converges in 2000 steps, 1.02 of it diverges
    x, y = make_data()
    limit = 2 / np.linalg.eigvalsh(hessian()).max()
    assert risk_history(x, y, 0.98 * limit, 2000)[-1] == pytest.approx(0.0022, abs=5e-5)
    assert risk_history(x, y, 1.02 * limit, 2000)[-1] > 1e6


def test_history_ends_where_gradient_descent_ends():
    x, y = make_data()
    from snippets.ml_basics.elements.ex02_model_risk import empirical_risk

    w, b = gradient_descent(x, y, lr=0.5, steps=30)
    assert risk_history(x, y, 0.5, 30)[-1] == pytest.approx(empirical_risk(w, b, x, y), rel=1e-12)


@pytest.mark.parametrize(("lr", "steps", "arg"), [(0.0, 5, "lr"), (0.1, -1, "steps"), (0.1, 1.5, "steps")])
def test_bad_input_names_the_argument(lr, steps, arg):
    x, y = make_data()
    with pytest.raises(ValueError, match=rf"^{arg} "):
        risk_history(x, y, lr, steps)


def test_lr_near_the_limit_oscillates_around_the_solution():
    # prose: with lr = 1.9 the first steps oscillate (b jumps from one side of b* to the other)
    x, y = make_data()
    from snippets.ml_basics.elements.ex03_gradient_descent import least_squares

    _, b_star = least_squares(x, y)
    side = [np.sign(gradient_descent(x, y, lr=1.9, steps=t)[1] - b_star) for t in range(1, 8)]
    assert all(s1 == -s0 for s0, s1 in pairwise(side))
