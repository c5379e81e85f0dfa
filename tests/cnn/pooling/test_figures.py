import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

from snippets.cnn.pooling import figures


def test_pooled_values_are_torch_pooling():
    X, Y_max, Y_avg = figures.pooled()
    Xt = torch.from_numpy(X)[None, None]
    assert Y_max.tolist() == F.max_pool2d(Xt, 2)[0, 0].tolist() == [[4, 2], [6, 4]]
    assert Y_avg.tolist() == F.avg_pool2d(Xt, 2)[0, 0].tolist() == [[2.5, 1], [3.25, 2.5]]


def test_figure_draws_the_numbers():
    X, Y_max, Y_avg = figures.pooled()
    fig = figures.pooling_figure()
    try:
        texts = [[t.get_text() for t in ax.texts] for ax in fig.axes]
        assert texts == [[f"{v:g}" for v in A.ravel()] for A in (X, Y_max, Y_avg)]
    finally:
        plt.close(fig)
