import numpy as np

from snippets.cnn.conv_backprop import figures
from snippets.cnn.conv_backprop.ex01_conv1d_grad import conv1d_grads


def test_edges_carry_the_forward_and_the_backward_sums():
    x, w, delta = figures.EXAMPLE_X, figures.EXAMPLE_W, figures.EXAMPLE_DELTA
    edges = figures.edges(len(x), len(w))
    z, dx = np.zeros(3), np.zeros(5)
    for t, s, k in edges:                      # indices from 1, as on the page
        z[t - 1] += w[k - 1] * x[s - 1]
        dx[s - 1] += w[k - 1] * delta[t - 1]
    assert z.tolist() == np.correlate(x, w, mode="valid").tolist() == [14, 20, 26]
    assert dx.tolist() == conv1d_grads(x, w, delta)[0].tolist() == [1, 1, 3, 1, 6]
    # "从左往右读 ∂L/∂x_s 头顶上的三条线，颜色依次是 w_3, w_2, w_1": for x_3, the edges from z_1, z_2, z_3
    assert [k for t, s, k in sorted(edges) if s == 3] == [3, 2, 1]
    # "x_1 只连着 z_1 的 w_1"
    assert [(t, k) for t, s, k in edges if s == 1] == [(1, 1)]
