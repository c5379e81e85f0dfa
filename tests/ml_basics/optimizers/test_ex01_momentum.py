import numpy as np
import pytest
import torch

from snippets.ml_basics.gradient_descent.ex03_ill_conditioned import H, f_quad, gd_path, grad_quad
from snippets.ml_basics.optimizers.ex01_momentum import main, momentum_path

START = [-5.0, 1.0]


@pytest.mark.parametrize(("lr", "mu"), [(0.019, 0.9), (0.01, 0.5), (0.03, 0.95), (0.002, 0.0)])
def test_every_step_matches_torch_sgd_with_momentum(lr, mu, torch_path):
    # page: the same trajectory as torch.optim.SGD(lr, momentum=mu) to 1e-12 in float64
    ours = momentum_path(grad_quad, START, lr, mu, 300)
    np.testing.assert_allclose(ours, torch_path(torch.optim.SGD, 300, lr=lr, momentum=mu), rtol=0, atol=1e-12)


def test_zero_momentum_is_gradient_descent():
    np.testing.assert_array_equal(momentum_path(grad_quad, START, 0.019, 0.0, 50),
                                  gd_path(grad_quad, START, 0.019, 50))


def test_page_output(capsys):
    main()
    assert capsys.readouterr().out.splitlines() == [
        "0.0 0.27 0.00581 426", "0.9 0.00167 3.96e-08 171", "9.9485", "True"]


def test_error_shrinks_by_about_sqrt_mu_per_step_in_both_directions():
    # prose: with mu = 0.9 the error shrinks by about sqrt(0.9) = 0.949 per step, against 0.981 for
    # gradient descent along θ1; once below 1e-6, f stays below it
    f_mom = f_quad(momentum_path(grad_quad, START, 0.019, 0.9, 1000))
    f_gd = f_quad(gd_path(grad_quad, START, 0.019, 1000))
    assert round(np.sqrt(0.9), 3) == 0.949
    t = np.arange(100, 500)                 # |θ| per step: half the slope of log f, fitted over 400 steps
    rate_mom = np.exp(np.polyfit(t, np.log(f_mom[t]), 1)[0] / 2)
    rate_gd = np.exp(np.polyfit(t, np.log(f_gd[t]), 1)[0] / 2)
    assert abs(rate_mom - np.sqrt(0.9)) < 1e-3 and round(rate_gd, 3) == 0.981
    assert np.all(f_mom[171:] < 1e-6) and np.all(f_gd[426:] < 1e-6)


def test_both_directions_are_in_the_oscillating_regime():
    # prose: (1 + mu - lr h)^2 < 4 mu for h = 1 and h = 100, so the roots have modulus sqrt(mu)
    for h in H:
        assert (1 + 0.9 - 0.019 * h) ** 2 < 4 * 0.9
        roots = np.roots([1, -(1 + 0.9 - 0.019 * h), 0.9])
        np.testing.assert_allclose(np.abs(roots), np.sqrt(0.9), rtol=1e-12)


def test_momentum_overshoots_and_f_is_not_monotone():
    # prose: θ1 overshoots the minimum, up to 1.42, and f rises on some steps
    path = momentum_path(grad_quad, START, 0.019, 0.9, 1000)
    assert round(path[:, 0].max(), 2) == 1.42
    assert np.any(np.diff(f_quad(path)) > 0)


def test_effective_step_with_a_constant_gradient():
    # prose: with a constant gradient g, v -> g / (1 - mu) = 10 g: the effective step is lr / (1 - mu)
    v = 0.0
    for t in range(1, 51):
        v = 0.9 * v + 1.0
        assert v == pytest.approx((1 - 0.9 ** t) / (1 - 0.9), rel=1e-12)
    assert round(v, 4) == 9.9485
    # with that step plain gradient descent would diverge along θ2: 0.019 / (1 - 0.9) = 0.19 > 2 / 100
    assert np.abs(gd_path(grad_quad, START, 0.19, 30)[-1, 1]) > 1e10


def test_stability_limit_of_momentum_is_twice_one_plus_mu_over_h():
    # prose: with momentum lr may go up to 2 (1 + mu) / h_max = 0.038 before θ2 diverges
    assert np.abs(momentum_path(grad_quad, START, 0.0375, 0.9, 3000)[-1]).max() < 1e-3
    assert np.abs(momentum_path(grad_quad, START, 0.0385, 0.9, 3000)[-1]).max() > 1e3


@pytest.mark.parametrize(("kwargs", "arg"), [
    ({"lr": 0.0}, "lr"), ({"mu": 1.0}, "mu"), ({"mu": -0.1}, "mu"), ({"mu": float("nan")}, "mu"),
    ({"steps": -1}, "steps"), ({"steps": 1.5}, "steps"),
])
def test_bad_input_names_the_argument(kwargs, arg):
    args = {"grad": grad_quad, "theta0": START, "lr": 0.01, **kwargs}
    with pytest.raises(ValueError, match=rf"^{arg} "):
        momentum_path(**args)


def test_five_orders_of_magnitude_at_step_200():
    # prose: at step 200 the two f differ by five orders of magnitude
    f_gd = f_quad(gd_path(grad_quad, START, 0.019, 200))[-1]
    f_mom = f_quad(momentum_path(grad_quad, START, 0.019, 0.9, 200))[-1]
    assert int(np.floor(np.log10(f_gd / f_mom))) == 5


def test_alternating_gradients_nearly_cancel():
    # prose and exercise 2: with g, -g, g, ... the speed tends to g / (1 + mu) = 0.526 g (about 0.53 g)
    v, g = 0.0, 1.0
    for t in range(200):
        v = 0.9 * v + g * (-1) ** t
    assert round(abs(v), 3) == 0.526 and round(1 / 1.9, 2) == 0.53


def test_exercise_1_memory_of_mu_099():
    assert round(1 / (1 - 0.99)) == 100
