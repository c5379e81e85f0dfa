import numpy as np
import pytest

from snippets.feedforward.backprop.ex01_backprop import gradients, init_params
from snippets.feedforward.backprop.ex02_autograd_check import autograd_gradients


@pytest.mark.parametrize("act", ["sigmoid", "tanh"])
@pytest.mark.parametrize(("sizes", "N", "seed"), [([3, 4, 2], 5, 0), ([3, 4, 4, 2], 7, 1),
                                                  ([5, 8, 3], 1, 2), ([2, 3, 6, 5, 4], 16, 3)])
def test_manual_gradients_equal_autograd_within_1e_6(act, sizes, N, seed):
    # prose: the hand-written backward pass matches torch autograd within 1e-6 (float64)
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((sizes[0], N))
    y = rng.integers(0, sizes[-1], N)
    params = init_params(sizes, seed=seed)
    ours_loss, ours = gradients(X, y, params, act)
    torch_loss, theirs = autograd_gradients(X, y, params, act)
    assert ours_loss == pytest.approx(torch_loss, abs=1e-12)
    for (dW, db), (tW, tb) in zip(ours, theirs, strict=True):
        assert dW.shape == tW.shape and db.shape == tb.shape
        np.testing.assert_allclose(dW, tW, rtol=0, atol=1e-6)
        np.testing.assert_allclose(db, tb, rtol=0, atol=1e-6)
        np.testing.assert_allclose(dW, tW, rtol=1e-10, atol=1e-14)   # in fact equal to rounding


def test_page_shapes():
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((3, 5)), np.array([0, 1, 1, 0, 1])
    _, ours = gradients(X, y, init_params([3, 4, 2]))
    assert [(dW.shape, db.shape) for dW, db in ours] == [((4, 3), (4,)), ((2, 4), (2,))]


def test_bad_input_names_the_argument():
    with pytest.raises(ValueError, match=r"^X "):
        autograd_gradients(np.ones((4, 5)), np.zeros(5, dtype=int), init_params([3, 4, 2]))
