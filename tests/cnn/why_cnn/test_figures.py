import matplotlib.pyplot as plt
import torch

from snippets.cnn.why_cnn import figures
from snippets.cnn.why_cnn.ex02_shift import shift_right


def test_texture_barely_overlaps_its_shift():
    # prose: the texture shifted one column overlaps the original by x'x / x'x ≈ 0.05
    X = figures.texture()
    assert X.shape == (12, 12) and set(X.unique().tolist()) == {-1.0, 0.0, 1.0}
    overlap = ((X * shift_right(X)).sum() / (X * X).sum()).item()
    assert round(overlap, 2) == 0.05


def test_dense_scatter_is_uncorrelated():
    # prose and title: 100 outputs, correlation 0.14
    h, h_shift, _, _ = figures.shift_responses()
    assert h.shape == h_shift.shape == (100,)
    corr = figures.correlation(h, h_shift)
    assert f"{corr:.2f}" == "0.14"
    torch.testing.assert_close(corr, torch.corrcoef(torch.stack([h, h_shift]))[0, 1].item())


def test_convolution_scatter_lies_exactly_on_the_diagonal():
    # right panel: the 90 points (Y[i, j], Y_shift[i, j+1]) have equal coordinates and many distinct values
    _, _, Y, Y_shift = figures.shift_responses()
    assert Y.shape == (10, 10) and Y[:, :-1].numel() == 90
    assert torch.equal(Y[:, :-1], Y_shift[:, 1:])
    assert len(torch.unique(Y)) > 10


def test_figure_draws_those_points():
    h, h_shift, Y, Y_shift = figures.shift_responses()
    fig = figures.shift_figure()
    try:
        left, right = fig.axes
        assert torch.equal(torch.from_numpy(left.collections[0].get_offsets().data[:, 1].copy()), h_shift)
        offsets = right.collections[0].get_offsets().data
        assert (offsets[:, 0] == offsets[:, 1]).all() and len(offsets) == 90
        assert left.get_title() == "dense: $r = 0.14$"
    finally:
        plt.close(fig)
