import torch

from snippets.cnn.why_cnn import figures
from snippets.cnn.why_cnn.ex02_shift import dense_correlation, shift_right, stroke


def test_dense_scatter_is_the_page_experiment():
    # left panel: the same random layer as the page, correlation -0.1639 (title shows -0.16)
    h, h_shift, _, _ = figures.shift_responses()
    corr = torch.corrcoef(torch.stack([h, h_shift]))[0, 1].item()
    assert corr == dense_correlation(stroke(), shift_right(stroke()), seed=0)
    assert f"{corr:.2f}" == "-0.16"
    assert h.shape == h_shift.shape == (100,)


def test_convolution_scatter_lies_exactly_on_the_diagonal():
    # right panel: every point (Y[i, j], Y_shift[i, j+1]) has equal coordinates
    _, _, Y, Y_shift = figures.shift_responses()
    assert Y.shape == (10, 10)
    assert torch.equal(Y[:, :-1], Y_shift[:, 1:])
    assert len(torch.unique(Y)) > 3                       # not a trivial all-zero map
