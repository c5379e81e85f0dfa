
import numpy as np
import pytest

from snippets.cnn.other_convolutions import ex03_fractional_stride as ex
from snippets.cnn.other_convolutions.ex02_conv_transpose import conv_transpose1d
from snippets.cnn.other_convolutions.ex03_fractional_stride import fractionally_strided, insert_zeros


def test_main_prints_its_shown_lines(prints_what_it_shows):
    prints_what_it_shows(ex)


def test_zeros_then_stride_one_equals_the_transposed_convolution():
    # "插 S-1 个 0，两端各补 K-1-P 个 0，再与翻转的核做步长 1 的卷积" for every small case
    rng = np.random.default_rng(0)
    for M in range(1, 7):
        for K in range(1, 5):
            for S in range(1, 4):
                for P in range(K):
                    if (M - 1) * S - 2 * P + K < 1:
                        continue
                    x, w = rng.standard_normal(M), rng.standard_normal(K)   # asymmetric kernels
                    np.testing.assert_allclose(fractionally_strided(x, w, S, P),
                                               conv_transpose1d(x, w, stride=S, padding=P), atol=1e-12)


def test_insert_zeros_length_and_page_values():
    assert insert_zeros([1, 2, 3], 2).tolist() == [1, 0, 2, 0, 3]
    for M in range(1, 6):
        for S in range(1, 4):
            assert len(insert_zeros(np.ones(M), S)) == (M - 1) * S + 1
    assert fractionally_strided([1, 2, 3], [0.5, 1, 0.5], 2).tolist() == [0.5, 1, 1.5, 2, 2.5, 3, 1.5]
    assert fractionally_strided([1, 2, 3], [0.5, 1, 0.5], 2, 1).tolist() == [1, 1.5, 2, 2.5, 3]


@pytest.mark.parametrize(("args", "name"), [
    (([[1, 2]], [1, 1], 2), "x"), (([], [1, 1], 2), "x"),
    (([1, 2], [1, 1], 0), "S"), (([1, 2], [1, 1], 1.5), "S"),
    (([1, 2], [1, 1], 2, -1), "P"), (([1, 2], [1, 1], 2, 2), "P"),
])
def test_bad_arguments_name_the_argument(args, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        fractionally_strided(*args)
