import numpy as np
import pytest
import scipy.signal
import torch
import torch.nn.functional as F

from snippets.cnn.cross_correlation.ex01_corr2d import corr2d, products

X = np.arange(9).reshape(3, 3)
W = np.array([[0, 1], [2, 3]])


def test_lecture_example():
    # prose: input 0..8 as 3×3 and kernel [[0,1],[2,3]] give [[19, 25], [37, 43]]
    assert corr2d(X, W).tolist() == [[19, 25], [37, 43]]


@pytest.mark.parametrize(("i", "j", "pairs", "total"), [
    # prose: 0×0 + 1×1 + 3×2 + 4×3 = 19
    (0, 0, [(0, 0), (1, 1), (3, 2), (4, 3)], 19),
    # prose: 1×0 + 2×1 + 4×2 + 5×3 = 25
    (0, 1, [(1, 0), (2, 1), (4, 2), (5, 3)], 25),
    # prose: 3×0 + 4×1 + 6×2 + 7×3 = 37
    (1, 0, [(3, 0), (4, 1), (6, 2), (7, 3)], 37),
    # prose: 4×0 + 5×1 + 7×2 + 8×3 = 43
    (1, 1, [(4, 0), (5, 1), (7, 2), (8, 3)], 43),
])
def test_every_product_of_the_lecture_example(i, j, pairs, total):
    assert products(X, W, i, j) == pairs
    assert sum(x * w for x, w in pairs) == total == corr2d(X, W)[i, j]


def test_lecture_example_against_torch_and_scipy():
    Xt = torch.arange(9.0).view(1, 1, 3, 3)
    Wt = torch.tensor([[0.0, 1], [2, 3]]).view(1, 1, 2, 2)
    assert F.conv2d(Xt, Wt)[0, 0].tolist() == [[19, 25], [37, 43]]   # PyTorch's conv2d: no flip
    assert scipy.signal.correlate2d(X, W, mode="valid").tolist() == [[19, 25], [37, 43]]


@pytest.mark.parametrize("M,N,U,V", [(1, 1, 1, 1), (3, 3, 2, 2), (4, 6, 2, 3), (6, 4, 3, 1), (5, 5, 5, 5)])
def test_matches_scipy_correlate2d_valid(M, N, U, V):
    rng = np.random.default_rng(M * 1000 + N * 100 + U * 10 + V)
    x, w = rng.standard_normal((M, N)), rng.standard_normal((U, V))
    np.testing.assert_allclose(corr2d(x, w), scipy.signal.correlate2d(x, w, mode="valid"), atol=1e-12)


@pytest.mark.parametrize(("x", "w", "error", "arg"), [
    ([[1, 2]], [], ValueError, "W"),
    ([1, 2, 3], [[1]], ValueError, "X"),
    ([[1, 2], [3, 4]], [[1, 2, 3]], ValueError, "W"),
    ([["a"]], [[1]], TypeError, "X"),
])
def test_bad_input_names_the_argument(x, w, error, arg):
    with pytest.raises(error, match=rf"^{arg} "):
        corr2d(x, w)


def test_products_rejects_positions_outside_the_output():
    with pytest.raises(ValueError, match=r"^i, j "):
        products(X, W, 2, 0)
