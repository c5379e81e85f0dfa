import numpy as np

from snippets.cnn.structure import figures
from snippets.cnn.structure.ex01_conv_matrix import conv_matrix


def test_full_connection_has_every_pair():
    edges = figures.full_edges(5, 3)
    assert len(edges) == 15 == len(set(edges))           # title: "fully connected: 15 weights"


def test_local_edges_follow_the_convolution_formula():
    M, K = 5, 3
    edges = figures.local_edges(M, K)
    assert len(edges) == (M - K + 1) * K == 9
    assert {k for _, _, k in edges} == {1, 2, 3}         # title: "local + shared: 3 weights"
    # the drawn edges are exactly the non-zeros of the convolution matrix, labelled by w_k
    w = np.array([10.0, 20.0, 30.0])                     # distinct values identify k
    T = conv_matrix(w, M)
    drawn = np.zeros_like(T)
    for j, i, k in edges:
        drawn[j, i] = w[k - 1]
    np.testing.assert_array_equal(drawn, T)
