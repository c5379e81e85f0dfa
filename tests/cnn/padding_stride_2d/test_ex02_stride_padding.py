import numpy as np

from snippets.cnn.cross_correlation.ex02_conv2d_vectorised import conv2d
from snippets.cnn.padding_stride_2d.ex01_output_size import conv_output_size
from snippets.cnn.padding_stride_2d.ex02_stride_padding import window_sums

X = np.arange(25.0).reshape(1, 1, 5, 5)
ONES = np.ones((1, 1, 3, 3))


def test_stride_2_without_padding():
    # prose: [[54, 72], [144, 162]]; 54 = 0+1+2+5+6+7+10+11+12, nine times the centre 6
    Y = window_sums(5, S=2, P=0)
    assert Y.tolist() == [[54, 72], [144, 162]]
    assert sum([0, 1, 2, 5, 6, 7, 10, 11, 12]) == 54 == 9 * 6
    assert np.array_equal(Y.numpy(), conv2d(X, ONES, stride=2)[0, 0])


def test_stride_2_with_padding_1():
    # prose: [[12, 27, 24], [63, 108, 81], [72, 117, 84]]; 12 = 0+1+5+6, 108 = 9 × 12
    Y = window_sums(5, S=2, P=1)
    assert Y.tolist() == [[12, 27, 24], [63, 108, 81], [72, 117, 84]]
    assert 0 + 1 + 5 + 6 == 12 and 9 * 12 == 108
    assert np.array_equal(Y.numpy(), conv2d(X, ONES, stride=2, padding=1)[0, 0])


def test_shapes_follow_the_formula():
    # prose: stride 1 -> 3×3, stride 2 -> 2×2, stride 2 with padding 1 -> 3×3
    for S, P, side in [(1, 0, 3), (2, 0, 2), (2, 1, 3)]:
        assert window_sums(5, S, P).shape == (side, side)
        assert conv_output_size(5, 3, S, P) == side


def test_three_by_three_example_with_stride_2():
    # prose: the 3×3 input 0..8 and kernel [[0,1],[2,3]] give [[19]] (P=0) and [[0, 8], [21, 43]] (P=1)
    X3 = np.arange(9.0).reshape(1, 1, 3, 3)
    W2 = np.array([[0.0, 1], [2, 3]]).reshape(1, 1, 2, 2)
    assert conv2d(X3, W2, stride=2)[0, 0].tolist() == [[19]]
    assert conv2d(X3, W2, stride=2, padding=1)[0, 0].tolist() == [[0, 8], [21, 43]]
