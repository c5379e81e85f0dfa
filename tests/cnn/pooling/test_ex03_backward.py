import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.pooling.ex01_pool2d import EXAMPLE
from snippets.cnn.pooling.ex03_backward import pool2d_backward


def autograd(X, dY, K, pool):
    Xt = torch.tensor(X, requires_grad=True)
    (grad,) = torch.autograd.grad(pool(Xt[None, None], K)[0, 0], Xt, torch.tensor(dY))
    return grad.numpy()


def test_page_values():
    # prose: the maximum 4 (row 2, column 1) gets the gradient 1; average pooling gives 0.25 each
    X, dY = np.array(EXAMPLE, dtype=float), np.array([[1.0, 2], [3, 4]])
    dX = pool2d_backward(X, dY, 2)
    assert dX[1, 0] == 1 and dX[:2, :2].sum() == 1 and X[1, 0] == 4
    assert pool2d_backward(X, dY, 2, "avg")[:2, :2].tolist() == [[0.25, 0.25], [0.25, 0.25]]


def test_matches_autograd_on_random_inputs():
    rng = np.random.default_rng(2)
    for H, W, K in [(4, 4, 2), (6, 9, 3), (5, 5, 1), (8, 4, 4)]:
        X, dY = rng.standard_normal((H, W)), rng.standard_normal((H // K, W // K))
        X = X[: H // K * K, : W // K * K]
        np.testing.assert_allclose(pool2d_backward(X, dY, K), autograd(X, dY, K, F.max_pool2d))
        np.testing.assert_allclose(pool2d_backward(X, dY, K, "avg"), autograd(X, dY, K, F.avg_pool2d),
                                   atol=1e-12)


def test_exercise_3():
    # exercise 3: [[1, 3], [4, 2]] with dL/dy = 5: max gives 5 to the 4, average 1.25 to each
    X = np.array([[1.0, 3], [4, 2]])
    assert pool2d_backward(X, [[5.0]], 2).tolist() == [[0, 0], [5, 0]]
    assert pool2d_backward(X, [[5.0]], 2, "avg").tolist() == [[1.25, 1.25], [1.25, 1.25]]


def test_bad_gradient_shape_names_the_argument():
    with pytest.raises(ValueError, match=r"^dY "):
        pool2d_backward(np.zeros((4, 4)), np.zeros((3, 3)), 2)
