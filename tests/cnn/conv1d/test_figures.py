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
