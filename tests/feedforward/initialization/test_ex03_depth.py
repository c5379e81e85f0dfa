import math

import pytest
import torch

from snippets.feedforward.initialization.ex03_depth import SCHEMES, signal_scales

PAGE = {
    "tanh, N(0, 0.01^2)": ("1.10e-01", "3.63e-10", "1.35e-19", "1.20e-18"),
    "tanh, Xavier": ("6.24e-01", "2.38e-01", "1.71e-01", "2.07e-01"),
    "ReLU, N(0, 1)": ("6.49e+00", "1.15e+09", "1.43e+18", "1.08e+17"),
    "ReLU, Xavier": ("5.74e-01", "3.35e-02", "1.21e-03", "1.03e-03"),
    "ReLU, He": ("8.12e-01", "1.07e+00", "1.24e+00", "7.47e-01"),
    "ReLU, default": ("3.33e-01", "7.86e-05", "7.66e-09", "2.48e-08"),
}


@pytest.fixture(scope="module")
def scales():
    return {name: signal_scales(act, init) for name, (act, init) in SCHEMES.items()}


def test_page_table(scales):
    # prose table: std of a(1), a(10), a(20) and delta(1) for each scheme
    for name, (a, d) in scales.items():
        assert (f"{a[0]:.2e}", f"{a[9]:.2e}", f"{a[19]:.2e}", f"{d[0]:.2e}") == PAGE[name]


def test_he_keeps_relu_signals_of_order_one(scales):
    # prose: with He both directions stay within a factor 2 of layer 1 through all 20 layers
    a, d = scales["ReLU, He"]
    assert max(a) / min(a) < 2 and max(d) / min(d) < 2


def test_xavier_for_relu_loses_a_factor_sqrt2_per_layer(scales):
    # prose: Var(w) = 1/M with ReLU halves the variance per layer: std falls by sqrt(2) per layer
    # (geometric mean over 19 layers, within 5%: a finite width of 128 adds noise)
    a, _ = scales["ReLU, Xavier"]
    assert (a[19] / a[0]) ** (1 / 19) == pytest.approx(1 / math.sqrt(2), rel=0.05)


def test_default_loses_a_factor_sqrt6_per_layer(scales):
    # prose: nn.Linear's default variance 1/(3M) with ReLU divides the variance by 6 per layer
    a, _ = scales["ReLU, default"]
    assert (a[19] / a[0]) ** (1 / 19) == pytest.approx(1 / math.sqrt(6), rel=0.05)


def test_large_weights_explode_by_sqrt_M_over_2_per_layer(scales):
    # N(0, 1) weights with ReLU multiply the variance by M/2 = 64 per layer: std by 8
    a, d = scales["ReLU, N(0, 1)"]
    assert (a[19] / a[0]) ** (1 / 19) == pytest.approx(8, rel=0.05)
    assert d[0] > 1e16 and a[19] > 1e18                      # prose: exploding in both directions


def test_small_weights_vanish(scales):
    a, d = scales["tanh, N(0, 0.01^2)"]
    assert a[19] < 1e-18 and d[0] < 1e-17
    # tanh is linear near 0: each layer multiplies the std by 0.01 * sqrt(128) = 0.113
    assert a[10] / a[9] == pytest.approx(0.01 * math.sqrt(128), rel=0.05)


def test_variance_rule_for_one_layer():
    # Var(z) = M_in Var(w) Var(a) for independent zero-mean w and a
    torch.manual_seed(0)
    M_in, N = 300, 4000
    W = torch.randn(200, M_in, dtype=torch.float64) * 0.07
    a = torch.randn(N, M_in, dtype=torch.float64) * 1.5
    z = a @ W.T
    assert z.var().item() == pytest.approx(M_in * 0.07 ** 2 * 1.5 ** 2, rel=0.02)


def test_bad_depth_names_the_argument():
    with pytest.raises(ValueError, match=r"^depth "):
        signal_scales(torch.relu, None, depth=0)


def test_prose_ranges(scales):
    # prose: He keeps activations between 0.78 and 1.51 and error terms between 0.65 and 0.78;
    # tanh with Xavier falls from 0.624 (layer 1) to 0.171 (layer 20); 0.01 * sqrt(128) = 0.11
    a, d = scales["ReLU, He"]
    assert (round(min(a), 2), round(max(a), 2)) == (0.78, 1.51)
    assert (round(min(d), 2), round(max(d), 2)) == (0.65, 0.78)
    a, _ = scales["tanh, Xavier"]
    assert (round(a[0], 3), round(a[19], 3)) == (0.624, 0.171)
    assert round(0.01 * math.sqrt(128), 2) == 0.11


def test_exercise_5_factor_8():
    # exercise 5: 128 * 1 * 1/2 = 64 per layer for the variance, 8 for the std; 8^19 is about 1.4e17
    assert 128 * 1 * 0.5 == 64 and math.sqrt(64) == 8
    assert f"{8.0 ** 19:.1e}" == "1.4e+17"
