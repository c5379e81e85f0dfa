import numpy as np

from snippets.cnn.other_convolutions import figures
from snippets.cnn.other_convolutions.ex02_conv_transpose import conv_transpose1d
from snippets.cnn.other_convolutions.ex03_fractional_stride import insert_zeros


def test_both_views_of_the_transposed_convolution_sum_to_the_same_output():
    x, w, S = figures.EXAMPLE_X, figures.EXAMPLE_W, figures.STRIDE
    y = conv_transpose1d(x, w, stride=S)
    scattered = np.zeros(len(y))
    for i, s, k in figures.scatter_edges(len(x), len(w), S):
        scattered[s] += x[i] * w[k]
    padded = np.pad(insert_zeros(x, S), len(w) - 1)
    gathered = np.zeros(len(y))
    for j, s, k in figures.zero_edges(len(x), len(w), S):
        gathered[s] += padded[j] * w[k]
    assert scattered.tolist() == gathered.tolist() == y.tolist() == [0.5, 1, 1.5, 2, 2.5, 3, 1.5]


def test_dilated_tree_reaches_15_inputs():
    edges, inputs = figures.dependency_edges((1, 2, 4), 3)
    assert inputs == list(range(-7, 8)) and len(inputs) == 15
    # 1 output -> 3 nodes (D=4) -> 7 distinct nodes (D=2, neighbours share) -> 15 inputs (D=1)
    assert len(edges) == 3 + 3 * 3 + 7 * 3
