import numpy as np

from snippets.cnn.conv1d.ex04_torch_conv1d import torch_conv1d


def test_flipped_torch_equals_book_convolution():
    rng = np.random.default_rng(4)
    for M in range(3, 10):
        x, w = rng.standard_normal(M), rng.standard_normal(3)
        np.testing.assert_allclose(torch_conv1d(x, w), np.convolve(x, w, mode="valid"), atol=1e-12)


def test_page_values_unflipped_and_flipped():
    x, w = [1, 2, 3, 4, 5, 6], [1, 1 / 2, 1 / 4]
    # unflipped: 1*1 + 1/2*2 + 1/4*3 = 2.75 (cross-correlation, as F.conv1d computes)
    assert torch_conv1d(x, w[::-1]).tolist() == [2.75, 4.5, 6.25, 8.0]
    assert torch_conv1d(x, w).tolist() == [4.25, 6.0, 7.75, 9.5]
