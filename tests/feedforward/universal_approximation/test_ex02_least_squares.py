import numpy as np
import pytest
import torch
from torch import nn

from snippets.feedforward.universal_approximation.ex01_staircase import target
from snippets.feedforward.universal_approximation.ex02_least_squares import (
    WIDTHS,
    errors,
    fit_output_layer,
    fit_width,
    hidden_layer,
    network,
)


def test_page_table():
    # prose table: max error for widths 1, 2, 4, 8, 32
    assert WIDTHS == [1, 2, 4, 8, 32]
    assert [round(e, 4) for e in errors()] == [0.9117, 0.8901, 0.1648, 0.0577, 0.0106]


def test_width_32_is_more_than_ten_times_better_than_width_1_and_errors_decrease():
    # prose: error at width 32 < 0.1 x error at width 1, and it falls as the width grows
    e = errors()
    assert e[-1] < 0.1 * e[0]
    assert all(b < a for a, b in zip(e[:-1], e[1:], strict=True))
    # prose: below 0.011 with 32 hidden units, i.e. about 1% of the function's range
    assert e[-1] < 0.011


def test_least_squares_is_optimal_for_the_output_layer():
    # any perturbation of the fitted (v, c) increases the training squared error
    x = np.linspace(0, 1, 201)
    w, b, v, c = fit_width(8)
    best = np.sum((network(x, w, b, v, c) - target(x)) ** 2)
    rng = np.random.default_rng(0)
    for _ in range(20):
        dv, dc = 1e-3 * rng.standard_normal(8), 1e-3 * rng.standard_normal()
        assert np.sum((network(x, w, b, v + dv, c + dc) - target(x)) ** 2) > best


def test_network_equals_torch_sequential_with_copied_weights():
    # prose: the numbers come from a real 1-n-1 network; nn.Sequential reproduces them
    x = np.linspace(0, 1, 1001)
    for n in (1, 8, 32):
        w, b, v, c = fit_width(n)
        model = nn.Sequential(nn.Linear(1, n), nn.Sigmoid(), nn.Linear(n, 1)).double()
        with torch.no_grad():
            model[0].weight.copy_(torch.from_numpy(w).view(n, 1))
            model[0].bias.copy_(torch.from_numpy(b))
            model[2].weight.copy_(torch.from_numpy(v).view(1, n))
            model[2].bias.fill_(c)
        out = model(torch.from_numpy(x).view(-1, 1)).detach().numpy().ravel()
        np.testing.assert_allclose(out, network(x, w, b, v, c), atol=1e-10)


def test_hidden_layer_places_centres_evenly():
    w, b = hidden_layer(4)
    np.testing.assert_allclose(-b / w, [0.125, 0.375, 0.625, 0.875])
    assert (w == 20.0).all()


@pytest.mark.parametrize(("call", "error", "arg"), [
    (lambda: hidden_layer(0), ValueError, "n"),
    (lambda: hidden_layer(3, steepness=0.0), ValueError, "steepness"),
    (lambda: hidden_layer(3, steepness=-1.0), ValueError, "steepness"),
    (lambda: hidden_layer("3"), TypeError, "n"),
])
def test_bad_input_names_the_argument(call, error, arg):
    with pytest.raises(error, match=rf"^{arg} "):
        call()


def test_fit_output_layer_recovers_known_weights():
    x = np.linspace(0, 1, 50)
    w, b = hidden_layer(5)
    v_true, c_true = np.array([1.0, -2.0, 0.5, 3.0, -1.0]), 0.25
    v, c = fit_output_layer(x, network(x, w, b, v_true, c_true), w, b)
    np.testing.assert_allclose(v, v_true, atol=1e-6)
    assert c == pytest.approx(c_true, abs=1e-6)


def test_comparison_with_the_staircase_in_the_prose():
    # prose: width 32 has less than 1/80 of the width-1 error; the staircase with 128 units
    # still has more than twice the error of least squares with 32
    from snippets.feedforward.universal_approximation.ex01_staircase import max_error, staircase

    e = errors()
    assert e[0] / e[-1] > 80
    assert max_error(lambda x: staircase(x, 128)) > 2 * e[-1]


def test_widths_1_and_2_give_a_monotone_decreasing_curve():
    # prose: with 1 or 2 units the fitted curve here is a single decreasing S-shaped curve
    x = np.linspace(0, 1, 1001)
    for n in (1, 2):
        out = network(x, *fit_width(n))
        assert (np.diff(out) < 0).all()
    assert not (np.diff(network(x, *fit_width(4))) < 0).all()     # width 4 already goes up and down


def test_outside_the_interval_the_network_is_constant():
    # prose: max error 0.0106 on [0, 1] but 1.1221 on [1, 2]; at x = 2, 3 the output is 0.506 (targets 1, 1.5)
    x_train = np.linspace(0.0, 1.0, 201)
    w, b = hidden_layer(32)
    v, c = fit_output_layer(x_train, target(x_train), w, b)
    err = {}
    for lo, hi in [(0.0, 1.0), (1.0, 2.0)]:
        x = np.linspace(lo, hi, 501)
        err[lo] = np.abs(network(x, w, b, v, c) - target(x)).max()
    assert f"{err[0.0]:.4f}" == "0.0106" and f"{err[1.0]:.4f}" == "1.1221"
    out = network(np.array([2.0, 3.0, 10.0]), w, b, v, c)
    assert np.round(out, 4).tolist() == [0.506, 0.506, 0.506]
    assert out[0] == pytest.approx(v.sum() + c, abs=1e-9)       # every sigmoid saturated at 1
    assert np.round(target(np.array([2.0, 3.0])), 4).tolist() == [1.0, 1.5]
