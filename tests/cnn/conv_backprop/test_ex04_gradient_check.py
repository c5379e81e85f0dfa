
import numpy as np
import torch
import torch.nn.functional as F

from snippets.cnn.conv_backprop import ex04_gradient_check as ex
from snippets.cnn.conv_backprop.ex04_gradient_check import backward, forward, numeric_grad


def test_main_prints_its_shown_lines(prints_what_it_shows):
    prints_what_it_shows(ex)


def test_manual_backward_matches_autograd_on_several_draws():
    for seed in range(5):
        rng = np.random.default_rng(seed)
        X, W = rng.standard_normal((2, 2, 6, 6)), rng.standard_normal((3, 2, 3, 3))
        b, G = rng.standard_normal(3), rng.standard_normal((2, 3, 3, 3))
        L, (Z, A) = forward(X, W, b, G)
        grads = backward(X, W, G, Z, A)
        Xt, Wt, bt = (torch.tensor(a, requires_grad=True) for a in (X, W, b))
        Lt = (torch.tensor(G) * F.max_pool2d(torch.relu(F.conv2d(Xt, Wt, bt, padding=1)), 2)).sum()
        Lt.backward()
        assert np.isclose(L, Lt.item())
        for mine, t in zip(grads, (Xt, Wt, bt), strict=True):
            np.testing.assert_allclose(mine, t.grad.numpy(), atol=1e-12)


def test_numeric_grad_is_central_difference_and_restores_the_input():
    A = np.array([1.0, 2.0, 3.0])
    before = A.copy()
    grad = numeric_grad(lambda: float((A ** 3).sum()), A)
    np.testing.assert_allclose(grad, 3 * before ** 2, rtol=1e-8)
    assert np.array_equal(A, before)


def test_finite_difference_error_is_far_below_the_tolerance():
    # prose: "取 h = 1e-6 时与解析梯度之差远小于 1e-6"; the page prints only True because the size of
    # the error depends on the order of floating-point operations
    rng = np.random.default_rng(1)
    X, W = rng.standard_normal((2, 2, 6, 6)), rng.standard_normal((3, 2, 3, 3))
    b, G = rng.standard_normal(3), rng.standard_normal((2, 3, 3, 3))
    _, (Z, A) = forward(X, W, b, G)
    grads = backward(X, W, G, Z, A)
    for mine, arr in zip(grads, (X, W, b), strict=True):
        error = np.abs(mine - numeric_grad(lambda: forward(X, W, b, G)[0], arr)).max()
        assert error < 1e-8
