import matplotlib.pyplot as plt
import scipy.signal

from snippets.cnn.conv2d import figures
from snippets.cnn.conv2d.ex01_conv2d_loop import W, X


def test_worked_example_data():
    X_, W_, W_rot, Y, box = figures.worked_example()
    assert W_.tolist() == W
    assert W_rot.tolist() == [[-1, 0, 0], [0, 0, 0], [0, 0, 1]]
    assert Y.tolist() == scipy.signal.convolve2d(X, W, mode="valid").tolist()
    r, c, h, w = box
    # the framed window times the rotated kernel is the highlighted output entry
    assert (X_[r:r + h, c:c + w] * W_rot).sum() == Y[r, c] == -1


def test_figure_shows_the_numbers_it_claims():
    fig = figures.worked_example_figure()
    try:
        texts = [[t.get_text() for t in ax.texts] for ax in fig.axes]
        X_, W_, W_rot, Y, _ = figures.worked_example()
        values = [t for t in texts[0] if not t.startswith("$")]
        assert values == [f"{v:g}" for v in X_.ravel()]
        assert [t for t in texts[0] if t.startswith("$")] == [rf"$\times{{{v:g}}}$" for v in W_rot.ravel()]
        assert texts[1] == [f"{v:g}" for v in Y.ravel()]
        assert texts[2] == [f"{v:g}" for v in W_.ravel()]       # the kernel as given ...
        assert texts[3] == [f"{v:g}" for v in W_rot.ravel()]    # ... and rotated, side by side
    finally:
        plt.close(fig)
