import numpy as np
import pytest

from snippets.feedforward.backprop.ex01_backprop import gradients, init_params
from snippets.feedforward.backprop.ex03_gradient_check import numerical_gradients, relative_error


def batch():
    rng = np.random.default_rng(0)
    return rng.standard_normal((3, 5)), np.array([0, 1, 1, 0, 1])


@pytest.mark.parametrize("act", ["sigmoid", "tanh"])
def test_backprop_passes_the_gradient_check(act):
    # prose: relative error below 1e-7 for all 26 parameters
    X, y = batch()
    params = init_params([3, 4, 2])
    assert sum(W.size + b.size for W, b in params) == 26
    rel = relative_error(gradients(X, y, params, act)[1], numerical_gradients(X, y, params, act))
    assert rel < 1e-7


def test_the_check_catches_a_wrong_gradient():
    # a classic bug: forgetting f'(z) in delta^(l) must fail the check
    X, y = batch()
    params = init_params([3, 4, 2])
    _, good = gradients(X, y, params)
    wrong = [(dW * 1.01, db) if l == 0 else (dW, db) for l, (dW, db) in enumerate(good)]
    assert relative_error(wrong, numerical_gradients(X, y, params)) > 1e-4


def test_numerical_gradients_leave_the_parameters_unchanged():
    X, y = batch()
    params = init_params([3, 4, 2])
    copies = [(W.copy(), b.copy()) for W, b in params]
    numerical_gradients(X, y, params)
    for (W, b), (W0, b0) in zip(params, copies, strict=True):
        assert (W == W0).all() and (b == b0).all()


@pytest.mark.parametrize("h", [0.0, -1e-6, 2.0])
def test_bad_step_names_the_argument(h):
    X, y = batch()
    with pytest.raises(ValueError, match=r"^h "):
        numerical_gradients(X, y, init_params([3, 4, 2]), h=h)
