import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.structure.ex01_conv_matrix import conv_matrix


def test_page_matrix_and_values():
    # the 4x6 banded matrix printed on the page, and T @ x = [4.25, 6.0, 7.75, 9.5]
    T = conv_matrix([1, 1 / 2, 1 / 4], 6)
    assert T.tolist() == [[0.25, 0.5, 1.0, 0, 0, 0], [0, 0.25, 0.5, 1.0, 0, 0],
                          [0, 0, 0.25, 0.5, 1.0, 0], [0, 0, 0, 0.25, 0.5, 1.0]]
    assert (T @ np.arange(1.0, 7)).tolist() == [4.25, 6.0, 7.75, 9.5]


def test_matrix_is_banded_toeplitz():
    rng = np.random.default_rng(7)
    w = rng.standard_normal(4)
    T = conv_matrix(w, 9)
    assert T.shape == (6, 9)
    for i in range(6):
        for j in range(9):
            # constant along each diagonal (Toeplitz), zero outside the band of width K
            expected = w[::-1][j - i] if 0 <= j - i < 4 else 0.0
            assert T[i, j] == expected


def test_equals_numpy_convolve_and_flipped_torch_conv1d_on_every_small_shape():
    # the matrix uses the book's (flipped) convolution: torch needs the kernel flipped
    rng = np.random.default_rng(8)
    for M in range(1, 13):
        for K in range(1, M + 1):
            x, w = rng.standard_normal(M), rng.standard_normal(K)
            y = conv_matrix(w, M) @ x
            np.testing.assert_allclose(y, np.convolve(x, w, mode="valid"), atol=1e-12)
            X, W = torch.from_numpy(x).view(1, 1, -1), torch.from_numpy(w).view(1, 1, -1)
            np.testing.assert_allclose(y, F.conv1d(X, W.flip(-1)).flatten().numpy(), atol=1e-12)
            if K > 1 and not np.allclose(w, w[::-1]):
                # without flipping, torch computes something else (cross-correlation)
                assert not np.allclose(y, F.conv1d(X, W).flatten().numpy())


@pytest.mark.parametrize(("w", "M", "error", "arg"), [
    ([], 3, ValueError, "w"),
    ([[1, 2]], 3, ValueError, "w"),
    ([1, 2, 3], 2, ValueError, "w"),
    ([1], 0, ValueError, "M"),
    ([1], 2.0, ValueError, "M"),
    ([1], True, ValueError, "M"),
])
def test_bad_input_names_the_argument(w, M, error, arg):
    with pytest.raises(error, match=rf"^{arg} "):
        conv_matrix(w, M)


def test_unflipped_rows_give_torch_cross_correlation():
    # prose: rows [w_1, w_2, w_3] (not flipped) correspond to F.conv1d without flipping
    rng = np.random.default_rng(9)
    for M, K in [(6, 3), (9, 4), (5, 5)]:
        x, w = rng.standard_normal(M), rng.standard_normal(K)
        X, W = torch.from_numpy(x).view(1, 1, -1), torch.from_numpy(w).view(1, 1, -1)
        np.testing.assert_allclose(conv_matrix(w[::-1], M) @ x, F.conv1d(X, W).flatten().numpy(), atol=1e-12)
