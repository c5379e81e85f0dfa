import numpy as np

from snippets.ml_basics.gradient_descent.ex03_ill_conditioned import f_quad, gd_path, grad_quad
from snippets.ml_basics.optimizers import figures
from snippets.ml_basics.optimizers.ex01_momentum import momentum_path
from snippets.ml_basics.optimizers.ex02_adam import adam_path


def test_plotted_paths_are_the_three_methods_on_the_quadratic_of_gradient_descent():
    gd, mom, adam = figures.runs().values()
    np.testing.assert_array_equal(gd, gd_path(grad_quad, [-5.0, 1.0], 0.019, figures.STEPS))
    np.testing.assert_array_equal(mom, momentum_path(grad_quad, [-5.0, 1.0], 0.019, 0.9, figures.STEPS))
    np.testing.assert_array_equal(adam, adam_path(grad_quad, [-5.0, 1.0], lr=0.1, steps=figures.STEPS))
    # the log axis runs from 1e-12 to 1e6; momentum and Adam end far below gradient descent
    final = [f_quad(p[-1]) for p in (gd, mom, adam)]
    assert final[0] > 1e-5 and max(final[1:]) < 1e-10
    assert all(f_quad(p).max() < 1e3 for p in (gd, mom, adam))
