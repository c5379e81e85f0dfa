import numpy as np

from snippets.cnn.conv1d import figures
from snippets.cnn.conv1d.ex03_filters import HIGH_PASS, LOW_PASS


def test_low_pass_tracks_the_slow_wave_and_high_pass_does_not():
    t, slow, x, low, high = figures.filtered()
    assert len(low) == len(high) == len(x) - 2
    # compare each output with the clean wave at the same time t (output i <-> t = i + 2)
    err_low = np.abs(low - slow[2:]).mean()
    err_noisy = np.abs(x - slow).mean()
    assert err_low < 0.7 * err_noisy          # averaging removes a good part of the noise
    corr_high = np.corrcoef(high, slow[2:])[0, 1]
    assert abs(corr_high) < 0.2               # the slow wave is (almost) gone from the high-pass output
    np.testing.assert_allclose(low, np.convolve(x, LOW_PASS, "valid"))
    np.testing.assert_allclose(high, np.convolve(x, HIGH_PASS, "valid"))


def test_delayed_sum_edges_follow_the_formula():
    # y_t = w_1 x_t + w_2 x_{t-1} + w_3 x_{t-2}: y_3 ... y_6, three edges each
    edges = figures.delayed_edges(6, 3)
    assert len(edges) == 4 * 3
    assert {(t, s) for t, s, k in edges if k == 1} == {(t, t) for t in range(3, 7)}
    assert {(t, s) for t, s, k in edges if k == 3} == {(t, t - 2) for t in range(3, 7)}
    # summing w_k x_s along the drawn edges gives the page's [4.25, 6, 7.75, 9.5] for x = 1..6
    y = {t: 0.0 for t in range(3, 7)}
    for t, s, k in edges:
        y[t] += figures.W_DECAY[k - 1] * s
    assert list(y.values()) == [4.25, 6.0, 7.75, 9.5]
