import numpy as np
import torch
import torch.nn.functional as F

from snippets.cnn.conv1d.ex02_conv1d_vectorised import conv1d
from snippets.cnn.conv1d.ex03_filters import EDGE, HIGH_PASS, LOW_PASS

STEP = [0, 0, 0, 1, 1, 1, 1, 0, 0]


def test_edge_filter_on_the_step():
    # prose: -1 where the step rises, +1 where it falls, 0 elsewhere; 9 - 3 + 1 = 7 outputs
    assert conv1d(STEP, EDGE).tolist() == [0.0, -1.0, -1.0, 0.0, 0.0, 1.0, 1.0]


def test_cross_correlation_flips_the_sign_of_the_edge_filter():
    # exercise 4: F.conv1d without flipping computes y_t = x_{t+2} - x_t (1-based, window starting at t)
    X = torch.tensor(STEP, dtype=torch.float64).view(1, 1, -1)
    W = torch.tensor(EDGE, dtype=torch.float64).view(1, 1, -1)
    y = F.conv1d(X, W).flatten().tolist()
    assert y == [0.0, 1.0, 1.0, 0.0, 0.0, -1.0, -1.0]
    assert y == [STEP[t + 2] - STEP[t] for t in range(len(STEP) - 2)]


def test_low_and_high_pass_on_ramp_and_zigzag():
    ramp, zigzag = [1, 2, 3, 4, 5], [1, -1, 1, -1, 1]
    np.testing.assert_allclose(conv1d(ramp, LOW_PASS), [2, 3, 4])
    np.testing.assert_allclose(conv1d(zigzag, LOW_PASS), [1 / 3, -1 / 3, 1 / 3])
    np.testing.assert_allclose(conv1d(ramp, HIGH_PASS), [0, 0, 0], atol=1e-12)
    np.testing.assert_allclose(conv1d(zigzag, HIGH_PASS), [4, -4, 4])


def test_high_pass_kills_every_straight_line():
    # exercise 3: the second difference of a + b t is zero
    rng = np.random.default_rng(3)
    for a, b in rng.standard_normal((20, 2)):
        line = a + b * np.arange(10)
        np.testing.assert_allclose(conv1d(line, HIGH_PASS), 0, atol=1e-12)
