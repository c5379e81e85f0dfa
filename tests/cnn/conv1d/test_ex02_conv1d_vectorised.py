import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.conv1d.ex01_delayed_sum import conv1d_loop
from snippets.cnn.conv1d.ex02_conv1d_vectorised import conv1d


def cases():
    rng = np.random.default_rng(2)
    for M in range(1, 13):
        for K in range(1, M + 1):
            yield rng.standard_normal(M), rng.standard_normal(K)


def test_page_example_values():
    assert conv1d([1, 2, 3, 4, 5, 6], [1, 1 / 2, 1 / 4]).tolist() == [4.25, 6.0, 7.75, 9.5]


def test_equals_loop_numpy_and_flipped_torch_on_every_small_shape():
    for x, w in cases():
        expected = np.convolve(x, w, mode="valid")
        np.testing.assert_allclose(conv1d(x, w), expected, atol=1e-12)
        np.testing.assert_allclose(conv1d_loop(x, w), expected, atol=1e-12)
        X = torch.from_numpy(x).view(1, 1, -1)
        W = torch.from_numpy(w).view(1, 1, -1)
        np.testing.assert_allclose(F.conv1d(X, W.flip(-1)).flatten().numpy(), expected, atol=1e-12)


@pytest.mark.parametrize(("x", "w", "error", "arg"), [
    ([], [1], ValueError, "x"),
    ([1, 2], [1, 2, 3], ValueError, "w"),
    (np.ones((2, 3)), [1], ValueError, "x"),
    ([1, 2], 5, ValueError, "w"),            # a scalar is not a signal
    ([1, 2], ["p", "q"], TypeError, "w"),
])
def test_bad_input_names_the_argument(x, w, error, arg):
    with pytest.raises(error, match=rf"^{arg} "):
        conv1d(x, w)
