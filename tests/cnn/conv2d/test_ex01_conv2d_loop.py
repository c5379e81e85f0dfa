import numpy as np
import pytest
import scipy.signal
import torch
import torch.nn.functional as F

from snippets.cnn.conv2d.ex01_conv2d_loop import W, X, as_matrix, conv2d_loop, terms

LECTURE_Y = [[0, -2, -1], [2, 2, 4], [-1, 0, 0]]


def test_lecture_example_output():
    # prose: the 5×5 input and the 3×3 kernel give the 3×3 output [[0,-2,-1],[2,2,4],[-1,0,0]]
    Y = conv2d_loop(X, W)
    assert Y.shape == (5 - 3 + 1, 5 - 3 + 1) == (3, 3)
    assert Y.tolist() == LECTURE_Y


def test_lecture_example_against_scipy_and_flipped_torch():
    expected = scipy.signal.convolve2d(np.array(X), np.array(W), mode="valid")
    assert expected.tolist() == LECTURE_Y
    Xt = torch.tensor(X, dtype=torch.float64).view(1, 1, 5, 5)
    Wt = torch.tensor(W, dtype=torch.float64).view(1, 1, 3, 3)
    assert F.conv2d(Xt, Wt.flip(-2, -1))[0, 0].tolist() == LECTURE_Y


def test_top_right_entry_product_by_product():
    # prose: y_{3,5} = 1×x_{3,5} + (−1)×x_{1,3} = 1×0 + (−1)×1 = −1, the other seven weights are 0
    t = terms(X, W, 3, 5)
    assert len(t) == 9
    nonzero = [(w, x) for w, x in t if w != 0]
    assert nonzero == [(1.0, 0.0), (-1.0, 1.0)]
    assert sum(w * x for w, x in t) == -1 == conv2d_loop(X, W)[0, 2]
    # the window it reads is rows 1..3, columns 3..5 of X (formula indices)
    assert sorted(x for _, x in t) == sorted(np.array(X)[0:3, 2:5].ravel().tolist())


def test_entry_y45_product_by_product():
    # prose: y_{4,5} = 1×x_{4,5} + (−1)×x_{2,3} = 1×1 + (−1)×(−3) = 4
    nonzero = [(w, x) for w, x in terms(X, W, 4, 5) if w != 0]
    assert nonzero == [(1.0, 1.0), (-1.0, -3.0)]
    assert conv2d_loop(X, W)[1, 2] == 4


def test_index_convention_formula_from_1_code_from_0():
    # formula y_{ij} (i from U to M) is stored at Y[i-U, j-V] in code
    Y = conv2d_loop(X, W)
    for i in range(3, 6):
        for j in range(3, 6):
            assert sum(w * x for w, x in terms(X, W, i, j)) == Y[i - 3, j - 3]


@pytest.mark.parametrize("M,N,U,V", [(1, 1, 1, 1), (4, 6, 2, 3), (6, 4, 3, 1), (5, 5, 5, 5), (7, 3, 2, 3)])
def test_matches_scipy_convolve2d_valid(M, N, U, V):
    rng = np.random.default_rng(M * 1000 + N * 100 + U * 10 + V)
    x, w = rng.standard_normal((M, N)), rng.standard_normal((U, V))
    np.testing.assert_allclose(conv2d_loop(x, w), scipy.signal.convolve2d(x, w, mode="valid"), atol=1e-12)


@pytest.mark.parametrize(("x", "w", "error", "arg"), [
    ([[1, 2]], [], ValueError, "W"),
    ([1, 2, 3], [[1]], ValueError, "X"),
    ([[1, 2], [3, 4]], [[[1]]], ValueError, "W"),
    ([[1, 2], [3, 4]], [[1, 2, 3]], ValueError, "W"),
    ([[1, 2], [3, 4]], [[1], [2], [3]], ValueError, "W"),
    ([["a", "b"]], [[1]], TypeError, "X"),
    ([[1, 2]], {"w": 1}, TypeError, "W"),
])
def test_bad_input_names_the_argument(x, w, error, arg):
    with pytest.raises(error, match=rf"^{arg} "):
        conv2d_loop(x, w)


def test_terms_rejects_indices_outside_the_output():
    with pytest.raises(ValueError, match=r"^i, j "):
        terms(X, W, 2, 5)       # i must be at least U = 3
    with pytest.raises(ValueError, match=r"^i, j "):
        terms(X, W, 3, 6)


def test_as_matrix_returns_float_array():
    a = as_matrix([[1, 2], [3, 4]], "X")
    assert a.dtype == float and a.shape == (2, 2)


def test_exercise_output_size_28_by_5():
    # exercise 1: a 28×28 input with a 5×5 kernel gives 24×24
    assert conv2d_loop(np.zeros((28, 28)), np.ones((5, 5))).shape == (24, 24)


def test_exercise_bottom_left_entry():
    # exercise 2: y_{5,3} = 1×x_{5,3} + (−1)×x_{3,1} = 1×1 + (−1)×2 = −1
    nonzero = [(w, x) for w, x in terms(X, W, 5, 3) if w != 0]
    assert nonzero == [(1.0, 1.0), (-1.0, 2.0)]
    assert conv2d_loop(X, W)[2, 0] == -1


def test_exercise_centre_kernel_crops_the_border():
    # exercise 4: a centred single 1 returns the input without its outer ring
    x = np.arange(30.0).reshape(5, 6)
    centre = np.zeros((3, 3))
    centre[1, 1] = 1
    np.testing.assert_array_equal(conv2d_loop(x, centre), x[1:-1, 1:-1])
