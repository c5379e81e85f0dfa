import numpy as np
import pytest

from snippets.cnn.conv1d.ex01_delayed_sum import as_signal, conv1d_loop

W_DECAY = [1, 1 / 2, 1 / 4]


def test_page_example_values():
    # y_3 = 3 + 2/2 + 1/4 = 4.25 as worked out in the prose; M - K + 1 = 4 outputs
    y = conv1d_loop([1, 2, 3, 4, 5, 6], W_DECAY)
    assert y.tolist() == [4.25, 6.0, 7.75, 9.5]
    assert len(y) == 6 - 3 + 1


def test_impulse_response_is_the_kernel():
    # exercise 1: a single impulse returns the kernel itself
    assert conv1d_loop([0, 0, 1, 0, 0], W_DECAY).tolist() == [1.0, 0.5, 0.25]


@pytest.mark.parametrize("M,K", [(1, 1), (5, 1), (5, 5), (9, 3), (17, 4)])
def test_matches_numpy_convolve_valid(M, K):
    rng = np.random.default_rng(M * 100 + K)
    x, w = rng.standard_normal(M), rng.standard_normal(K)
    np.testing.assert_allclose(conv1d_loop(x, w), np.convolve(x, w, mode="valid"), atol=1e-12)


@pytest.mark.parametrize(("x", "w", "error", "arg"), [
    ([], [1], ValueError, "x"),
    ([1, 2], [], ValueError, "w"),
    ([[1, 2], [3, 4]], [1], ValueError, "x"),
    ([1, 2, 3], [[1]], ValueError, "w"),
    ([1, 2], [1, 2, 3], ValueError, "w"),
    (["a", "b"], [1], TypeError, "x"),
    ([1, 2], {"w": 1}, TypeError, "w"),
])
def test_bad_input_names_the_argument(x, w, error, arg):
    with pytest.raises(error, match=rf"^{arg} "):
        conv1d_loop(x, w)


def test_as_signal_returns_float_array():
    a = as_signal((1, 2, 3), "x")
    assert a.dtype == float and a.tolist() == [1.0, 2.0, 3.0]
