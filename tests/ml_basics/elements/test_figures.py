from itertools import pairwise

import numpy as np

from snippets.ml_basics.elements import figures
from snippets.ml_basics.elements.ex01_data import make_data
from snippets.ml_basics.elements.ex02_model_risk import empirical_risk
from snippets.ml_basics.elements.ex03_gradient_descent import gradient_descent


def test_path_is_the_gradient_descent_run_and_risk_falls():
    x, y = make_data()
    path = figures.descent_path(lr=0.5, steps=30)
    np.testing.assert_allclose(path[-1], gradient_descent(x, y, lr=0.5, steps=30), atol=1e-12)
    risks = [empirical_risk(w, b, x, y) for w, b in path]
    assert all(r1 < r0 for r0, r1 in pairwise(risks))
