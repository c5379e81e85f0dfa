
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.other_convolutions import ex01_conv_matrix as ex
from snippets.cnn.other_convolutions.ex01_conv_matrix import conv_matrix


def test_main_prints_its_shown_lines(prints_what_it_shows):
    prints_what_it_shows(ex)


def test_matrix_is_the_convolution_and_its_transpose_the_transposed_convolution():
    rng = np.random.default_rng(0)
    for M in range(1, 9):
        for K in range(1, M + 1):
            w, x, y = rng.standard_normal(K), rng.standard_normal(M), rng.standard_normal(M - K + 1)
            C = conv_matrix(w, M)
            assert C.shape == (M - K + 1, M)
            np.testing.assert_allclose(C @ x, np.correlate(x, w, mode="valid"), atol=1e-12)
            T = F.conv_transpose1d(torch.tensor(y).view(1, 1, -1), torch.tensor(w).view(1, 1, -1))
            np.testing.assert_allclose(C.T @ y, T.flatten().numpy(), atol=1e-12)


def test_page_example():
    # prose: C = [[1,2,3,0],[0,1,2,3]]; Cx = [14, 20]; C^T [1, -1] = [1, 1, 1, -3]
    C = conv_matrix([1, 2, 3], 4)
    assert C.tolist() == [[1, 2, 3, 0], [0, 1, 2, 3]]
    assert (C @ [1, 2, 3, 4]).tolist() == [14, 20]
    assert (C.T @ [1, -1]).tolist() == [1, 1, 1, -3]


@pytest.mark.parametrize(("w", "M", "name"), [
    ([[1, 2]], 3, "w"), ([], 3, "w"), ([1, 2, 3], 2, "M"), ([1, 2], 3.0, "M"), ([1], True, "M"),
])
def test_bad_arguments_name_the_argument(w, M, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        conv_matrix(w, M)
