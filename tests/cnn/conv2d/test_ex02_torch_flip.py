import numpy as np
import scipy.signal
import torch
import torch.nn.functional as F

from snippets.cnn.conv2d.ex01_conv2d_loop import W, X, conv2d_loop
from snippets.cnn.conv2d.ex02_torch_flip import torch_conv2d_book


def test_flipped_torch_equals_the_loop_on_random_shapes():
    rng = np.random.default_rng(6)
    for M, N, U, V in [(3, 3, 2, 2), (5, 5, 3, 3), (6, 4, 2, 3), (8, 7, 4, 1)]:
        x, w = rng.standard_normal((M, N)), rng.standard_normal((U, V))
        np.testing.assert_allclose(torch_conv2d_book(x, w), conv2d_loop(x, w), atol=1e-12)


def test_page_values_flipped_and_unflipped():
    # prose: the flipped kernel is [[-1,0,0],[0,0,0],[0,0,1]]; unflipped conv2d gives the negated output
    w = torch.tensor(W, dtype=torch.float64)
    assert w.flip(-2, -1).tolist() == [[-1, 0, 0], [0, 0, 0], [0, 0, 1]]
    assert torch_conv2d_book(X, W).tolist() == [[0, -2, -1], [2, 2, 4], [-1, 0, 0]]
    x4 = torch.tensor(X, dtype=torch.float64).view(1, 1, 5, 5)
    unflipped = F.conv2d(x4, w.view(1, 1, 3, 3))[0, 0].numpy()
    assert unflipped.tolist() == [[0, 2, 1], [-2, -2, -4], [1, 0, 0]]
    np.testing.assert_array_equal(unflipped, -conv2d_loop(X, W))     # here rot180(W) = -W
    np.testing.assert_array_equal(unflipped, scipy.signal.correlate2d(X, W, mode="valid"))


def test_exercise_symmetric_kernel_gives_the_same_result_unflipped():
    # exercise 3: a kernel equal to its 180° rotation makes conv2d and the book's convolution agree
    w = np.array([[1.0, 2, 1], [2, 4, 2], [1, 2, 1]])
    assert np.array_equal(w[::-1, ::-1], w)
    x = np.random.default_rng(10).standard_normal((6, 7))
    unflipped = F.conv2d(torch.from_numpy(x)[None, None], torch.from_numpy(w)[None, None])[0, 0].numpy()
    np.testing.assert_allclose(unflipped, torch_conv2d_book(x, w), atol=1e-12)
    np.testing.assert_allclose(unflipped, conv2d_loop(x, w), atol=1e-12)
