import numpy as np
import pytest
import torch

from snippets.ml_basics.elements.ex01_data import make_data
from snippets.ml_basics.elements.ex02_model_risk import empirical_risk
from snippets.ml_basics.elements.ex03_gradient_descent import gradient_descent, least_squares


def test_gradient_descent_reaches_lstsq():
    # page: gradient descent finds w = 1.9707, b = 1.007, the numpy.linalg.lstsq solution
    x, y = make_data()
    w, b = gradient_descent(x, y, lr=0.5, steps=200)
    w_ls, b_ls = least_squares(x, y)
    assert w == pytest.approx(w_ls, abs=1e-8) and b == pytest.approx(b_ls, abs=1e-8)
    assert (round(w, 4), round(b, 4)) == (1.9707, 1.007)
    assert round(empirical_risk(w, b, x, y), 4) == 0.0022


def test_learned_parameters_fit_the_training_data_better_than_the_truth():
    # page: risk 0.0022 at the learned (w, b) is below 0.0024 at the true (2, 1)
    x, y = make_data()
    w, b = gradient_descent(x, y)
    assert empirical_risk(w, b, x, y) < empirical_risk(2.0, 1.0, x, y)


def test_each_step_matches_torch_autograd_sgd():
    x, y = make_data()
    X, Y = torch.from_numpy(x), torch.from_numpy(y)
    params = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([params], lr=0.3)
    for steps in range(1, 6):
        opt.zero_grad()
        (((Y - (params[0] * X + params[1])) ** 2).mean() / 2).backward()
        opt.step()
        np.testing.assert_allclose(gradient_descent(x, y, lr=0.3, steps=steps), params.detach().numpy(),
                                   atol=1e-12)


def test_zero_steps_returns_the_start():
    x, y = make_data()
    assert gradient_descent(x, y, steps=0) == (0.0, 0.0)


@pytest.mark.parametrize(("kwargs", "arg"), [
    ({"x": [], "y": []}, "x, y"), ({"y": [1.0]}, "x, y"), ({"x": [[1.0]], "y": [[1.0]]}, "x, y"),
    ({"lr": 0.0}, "lr"), ({"lr": -1}, "lr"), ({"steps": -1}, "steps"), ({"steps": 2.0}, "steps"),
])
def test_bad_input_names_the_argument(kwargs, arg):
    x, y = make_data()
    args = {"x": x, "y": y, **kwargs}
    with pytest.raises(ValueError, match=rf"^{arg} "):
        gradient_descent(**args)


def test_exercise_small_learning_rate_is_far_from_converged():
    # exercise 3: smallest Hessian eigenvalue ~0.41, lr = 0.05 leaves w off by ~0.03 after 200 steps,
    # about 1000 steps reach 1e-8
    x, y = make_data()
    A = np.column_stack([x, np.ones_like(x)])
    assert round(np.linalg.eigvalsh(A.T @ A / len(x))[0], 2) == 0.41
    w_ls, b_ls = least_squares(x, y)
    w, _ = gradient_descent(x, y, lr=0.05, steps=200)
    assert round(abs(w - w_ls), 2) == 0.03
    np.testing.assert_allclose(gradient_descent(x, y, lr=0.05, steps=1000), (w_ls, b_ls), atol=1e-8)
    assert np.abs(np.subtract(gradient_descent(x, y, lr=0.05, steps=800), (w_ls, b_ls))).max() > 1e-8
