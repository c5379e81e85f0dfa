import numpy as np

from snippets.cnn.stride_padding import figures
from snippets.cnn.stride_padding.ex01_stride_padding import EXAMPLE_W, EXAMPLE_X


def test_layout_edges_reproduce_the_outputs():
    for S, P in [(2, 0), (1, 1), (2, 1), (3, 2)]:
        xp, y, edges = figures.layout(EXAMPLE_X, EXAMPLE_W, S, P)
        assert len(xp) == 7 + 2 * P
        assert xp[:P].tolist() == xp[len(xp) - P:].tolist() == [0.0] * P
        # summing w_k * input along the drawn edges gives each output back
        recomputed = np.zeros(len(y))
        for j, i, k in edges:
            recomputed[j] += EXAMPLE_W[k - 1] * xp[i]
        np.testing.assert_array_equal(recomputed, y)
        assert len(edges) == 3 * len(y)


def test_panel_titles_state_the_right_counts():
    # titles: "(a) stride S=2, padding P=0: 3 outputs", "(b) stride S=1, padding P=1: 7 outputs"
    assert len(figures.layout(EXAMPLE_X, EXAMPLE_W, 2, 0)[1]) == 3
    assert len(figures.layout(EXAMPLE_X, EXAMPLE_W, 1, 1)[1]) == 7
