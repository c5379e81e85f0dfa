
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.conv_backprop import ex03_pool_backward as ex
from snippets.cnn.conv_backprop.ex03_pool_backward import (
    avg_pool2d_backward,
    max_pool2d_backward,
    pool_windows,
)


def test_main_prints_its_shown_lines(prints_what_it_shows):
    prints_what_it_shows(ex)


def torch_grad(pool, X, K, delta):
    Xt = torch.tensor(X, requires_grad=True)
    (pool(Xt, K) * torch.tensor(delta)).sum().backward()
    return Xt.grad.numpy()


@pytest.mark.parametrize("K", [1, 2, 3])
@pytest.mark.parametrize(("H", "W"), [(4, 4), (6, 9), (7, 5)])
def test_both_poolings_match_torch(K, H, W):
    rng = np.random.default_rng(K * 100 + H * 10 + W)
    X = rng.standard_normal((2, 3, H, W))
    windows = pool_windows(X, K)
    np.testing.assert_array_equal(windows.max(axis=-1), F.max_pool2d(torch.tensor(X), K).numpy())
    np.testing.assert_allclose(windows.mean(axis=-1), F.avg_pool2d(torch.tensor(X), K).numpy())
    delta = rng.standard_normal(windows.shape[:4])
    np.testing.assert_array_equal(max_pool2d_backward(X, K, delta), torch_grad(F.max_pool2d, X, K, delta))
    np.testing.assert_allclose(avg_pool2d_backward(X, K, delta), torch_grad(F.avg_pool2d, X, K, delta))


def test_ties_go_to_the_first_maximum_like_torch():
    # "窗口里有几个相等的最大值时，PyTorch 只把误差交给按行优先顺序的第一个"; exercise 5: all zeros
    rng = np.random.default_rng(0)
    X = rng.integers(0, 2, size=(2, 2, 6, 6)).astype(float)   # many ties
    delta = rng.standard_normal((2, 2, 3, 3))
    np.testing.assert_array_equal(max_pool2d_backward(X, 2, delta), torch_grad(F.max_pool2d, X, 2, delta))
    zeros = max_pool2d_backward(np.zeros((1, 1, 4, 4)), 2, np.ones((1, 1, 2, 2)))[0, 0]
    assert zeros.tolist() == [[1, 0, 1, 0], [0, 0, 0, 0], [1, 0, 1, 0], [0, 0, 0, 0]]
    assert (torch_grad(F.max_pool2d, np.zeros((1, 1, 4, 4)), 2, np.ones((1, 1, 2, 2)))[0, 0] == zeros).all()


def test_page_example():
    # prose: maxima 4, 5, 8, 3 receive 1, 2, 3, 4; the other 12 positions get 0; average: 1/4 each
    X = np.array([[1.0, 3, 2, 1], [4, 2, 0, 5], [6, 7, 1, 1], [8, 0, 3, 2]]).reshape(1, 1, 4, 4)
    delta = np.array([[1.0, 2], [3, 4]]).reshape(1, 1, 2, 2)
    assert pool_windows(X, 2).max(axis=-1)[0, 0].tolist() == [[4, 5], [8, 3]]
    dX = max_pool2d_backward(X, 2, delta)[0, 0]
    pairs = zip(X[0, 0][dX != 0].tolist(), dX[dX != 0].tolist(), strict=True)
    assert sorted(pairs) == [(3, 4), (4, 1), (5, 2), (8, 3)]
    assert np.count_nonzero(dX) == 4 and dX.size - 4 == 12
    np.testing.assert_array_equal(avg_pool2d_backward(X, 2, delta)[0, 0],
                                  np.kron(delta[0, 0], np.ones((2, 2))) / 4)


def test_exercise_5_at_most_one_nonzero_per_window():
    rng = np.random.default_rng(5)
    for _ in range(20):
        X = rng.standard_normal((1, 1, 4, 4))
        assert np.count_nonzero(max_pool2d_backward(X, 2, np.ones((1, 1, 2, 2)))) == 4


@pytest.mark.parametrize(("args", "name"), [
    ((np.ones((4, 4)), 2), "X"),
    ((np.ones((1, 1, 4, 4)), 0), "K"),
    ((np.ones((1, 1, 4, 4)), 2.0), "K"),
    ((np.ones((1, 1, 4, 4)), True), "K"),
    ((np.ones((1, 1, 4, 3)), 4), "K"),          # window larger than the input
])
def test_bad_arguments_name_the_argument(args, name):
    X, K = args
    for backward in (max_pool2d_backward, avg_pool2d_backward):
        with pytest.raises(ValueError, match=rf"^{name}"):
            backward(X, K, np.ones((1, 1, 2, 2)))


def test_delta_of_the_wrong_shape_is_refused():
    for backward in (max_pool2d_backward, avg_pool2d_backward):
        with pytest.raises(ValueError, match=r"^delta "):
            backward(np.ones((1, 1, 4, 4)), 2, np.ones((1, 1, 3, 2)))
