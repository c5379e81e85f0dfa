import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F

from snippets.cnn.padding_stride_2d import figures


def torch_sizes(K, S, P, layers, H=32):
    X, sizes = torch.zeros(1, 1, H, H), [H]
    for _ in range(layers):
        X = F.conv2d(X, torch.zeros(1, 1, K, K), stride=S, padding=P)
        sizes.append(X.shape[-1])
    return sizes


def test_depth_curves_match_stacked_torch_layers():
    curves = figures.depth_curves()
    for label, K, S, P in figures.SETTINGS:
        assert curves[label] == torch_sizes(K, S, P, figures.LAYERS)
    assert curves["$K=5$, $P=0$, $S=1$"] == [32, 28, 24, 20, 16, 12, 8, 4]
    assert set(curves["$K=5$, $P=2$, $S=1$"]) == {32}


def test_plotted_lines_are_the_curves():
    fig = figures.size_vs_depth_figure()
    try:
        lines = fig.axes[0].get_lines()
        curves = figures.depth_curves()
        assert [line.get_label() for line in lines] == list(curves)
        for line, sizes in zip(lines, curves.values(), strict=True):
            assert line.get_ydata().tolist() == sizes
    finally:
        plt.close(fig)


def test_stride_windows_geometry():
    Xp, mask = figures.padded_example(1)
    assert Xp.shape == (7, 7) and mask.sum() == 7 * 7 - 25
    assert np.array_equal(Xp[1:-1, 1:-1], np.arange(25).reshape(5, 5))
    # windows start every 2 cells: 2 per row without padding, 3 with padding 1
    assert figures.window_corners(5, 3, 2, 0) == [(0, 0), (0, 2), (2, 0), (2, 2)]
    assert [c for r, c in figures.window_corners(5, 3, 2, 1) if r == 0] == [0, 2, 4]
