import numpy as np
import pytest
import torch

from snippets.ml_basics.gradient_descent.ex03_ill_conditioned import f_quad, grad_quad
from snippets.ml_basics.optimizers.ex02_adam import adam_path, main

START = [-5.0, 1.0]


@pytest.mark.parametrize("kwargs", [
    {"lr": 0.1}, {"lr": 0.3}, {"lr": 0.05, "betas": (0.5, 0.9)}, {"lr": 0.1, "eps": 1e-3},
    {"lr": 0.01, "betas": (0.0, 0.99)},
])
def test_every_step_matches_torch_adam(kwargs, torch_path):
    # page: the same trajectory as torch.optim.Adam to 1e-12 in float64
    ours = adam_path(grad_quad, START, steps=300, **kwargs)
    np.testing.assert_allclose(ours, torch_path(torch.optim.Adam, 300, **kwargs), rtol=0, atol=1e-12)


def test_defaults_are_torch_defaults(torch_path):
    defaults = torch.optim.Adam([torch.zeros(1, requires_grad=True)]).defaults
    assert (defaults["lr"], defaults["betas"], defaults["eps"]) == (0.001, (0.9, 0.999), 1e-8)
    np.testing.assert_allclose(adam_path(grad_quad, START, steps=50), torch_path(torch.optim.Adam, 50),
                               rtol=0, atol=1e-12)


def test_page_output(capsys):
    main()
    assert capsys.readouterr().out.splitlines() == ["[0.1, -0.1]", "0.00119 8.6e-09 175", "True"]


def test_first_step_is_lr_per_coordinate_and_bias_correction_matters():
    # prose: at t = 1, M_hat = g and G_hat = g^2, so each coordinate moves by lr (up to eps);
    # without the correction the step would be lr * 0.1 / sqrt(0.001) = 3.16 lr
    g = grad_quad(START)
    step = adam_path(grad_quad, START, lr=0.1, steps=1)[1] - START
    np.testing.assert_allclose(step, -0.1 * np.sign(g), rtol=1e-8)
    uncorrected = 0.1 * (0.1 * g) / np.sqrt(0.001 * g ** 2)
    assert round(float(np.abs(uncorrected[0]) / 0.1), 2) == 3.16


def test_steps_do_not_depend_on_the_scale_of_the_gradient():
    # prose: Adam divides by the root mean square of each coordinate's gradient: scaling f by 1000
    # leaves the path unchanged (eps aside), unlike gradient descent
    def big_grad(theta):
        return 1000 * grad_quad(theta)

    np.testing.assert_allclose(adam_path(big_grad, START, lr=0.1, steps=200, eps=0),
                               adam_path(grad_quad, START, lr=0.1, steps=200, eps=0), rtol=1e-9, atol=1e-12)


def test_f_falls_below_one_in_a_million_at_step_175():
    f = f_quad(adam_path(grad_quad, START, lr=0.1, steps=1000))
    assert int(np.argmax(f < 1e-6)) == 175 and np.all(f[175:] < 1e-6)


@pytest.mark.parametrize(("kwargs", "arg"), [
    ({"lr": -0.1}, "lr"), ({"betas": (0.9, 1.0)}, "betas"), ({"betas": (-0.1, 0.9)}, "betas"),
    ({"eps": -1e-8}, "eps"), ({"steps": -1}, "steps"), ({"steps": 2.0}, "steps"),
])
def test_bad_input_names_the_argument(kwargs, arg):
    with pytest.raises(ValueError, match=rf"^{arg} "):
        adam_path(grad_quad, START, **kwargs)


def test_gradient_descent_diverges_on_1000_f():
    # prose: scaling f by 1000 makes gradient descent with lr = 0.019 diverge at once
    from snippets.ml_basics.gradient_descent.ex03_ill_conditioned import gd_path

    path = gd_path(lambda theta: 1000 * grad_quad(theta), START, 0.019, 10)
    assert np.all(np.abs(path[1:, 0]) > np.abs(path[:-1, 0]))


def test_exercise_3_default_lr_moves_at_most_lr_per_step():
    # exercise 3: with lr = 0.001, after 1000 steps θ1 is still about -4.0; no step moves a coordinate by
    # more than lr
    path = adam_path(grad_quad, START, steps=1000)
    assert round(path[-1, 0], 1) == -4.0
    assert np.abs(np.diff(path, axis=0)).max() <= 0.001 + 1e-12


def test_weight_decay_in_adam_is_added_to_the_gradient(torch_path):
    # prose: Adam(weight_decay=lam) adds lam * theta to the gradient (L2), which is then rescaled
    lam = 0.5
    expected = adam_path(lambda theta: grad_quad(theta) + lam * theta, START, lr=0.1, steps=50)
    np.testing.assert_allclose(torch_path(torch.optim.Adam, 50, lr=0.1, weight_decay=lam), expected,
                               rtol=0, atol=1e-12)
    decoupled = torch_path(torch.optim.Adam, 50, lr=0.1, weight_decay=lam, decoupled_weight_decay=True)
    assert np.abs(decoupled - expected).max() > 1e-3
