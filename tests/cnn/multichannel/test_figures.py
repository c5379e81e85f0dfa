import matplotlib.pyplot as plt

from snippets.cnn.multichannel import figures


def test_channel_sums_are_the_worked_example():
    parts, bias, total = figures.channel_sums()
    assert parts == [2, 3] and bias == 0 and total == 5


def test_figure_draws_the_example():
    fig = figures.channels_figure()
    try:
        texts = [[t.get_text() for t in ax.texts] for ax in fig.axes]
        assert texts[0] == ["1", "2", "0", "0", "1", "3", "2", "1", "1"]      # input channel 0
        assert texts[1] == ["1", "0", "0", "1"]                               # W[0, 0]
        assert texts[4] == ["5", "6", "2", "6"]                               # output channel 0
        assert fig.axes[1].get_title() == "$W[0, 0]$ gives $2$"
        assert texts[5][0].endswith("$= 5$")
    finally:
        plt.close(fig)
